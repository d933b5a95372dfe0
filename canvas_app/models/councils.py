from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

hex_colour = RegexValidator(
    r"^#[0-9a-fA-F]{6}$", _("Enter a colour as #RRGGBB, for example #1d70b8.")
)


class Role(models.TextChoices):
    ADMIN = "admin", _("Admin")
    EDITOR = "editor", _("Editor")
    APPROVER = "approver", _("Approver")
    VIEWER = "viewer", _("Viewer")


# Who may do what, by council role. Stakeholder and observer roles are given
# per canvas by invitation, not by council membership.
EDIT_ROLES = frozenset({Role.ADMIN, Role.EDITOR})
MANAGE_ROLES = frozenset({Role.ADMIN})
# Who moderates comments on the council's canvases.
MODERATOR_ROLES = EDIT_ROLES


class CouncilQuerySet(models.QuerySet):
    def of_user(self, user) -> "CouncilQuerySet":
        if not user.is_authenticated:
            return self.none()
        return self.filter(memberships__user=user)


class Council(models.Model):
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    colour = models.CharField(_("colour"), max_length=7, default="#1d70b8", validators=[hex_colour])
    logo = models.ImageField(
        _("logo"),
        upload_to="logos/",
        blank=True,
        help_text=_("PNG or JPEG, shown on business cases."),
    )
    default_language = models.CharField(
        _("default language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default="en",
        help_text=_(
            "For people who chose no language and whose browser asks for none we "
            "speak, for share pages, and for business cases made without a choice."
        ),
    )
    allow_self_approval = models.BooleanField(
        _("let approvers decide on revisions they sent to review"),
        default=False,
        help_text=_(
            "Off: segregation of duties, the approver of a revision is never the person "
            "who moved it to review. Decisions record when this was allowed."
        ),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = CouncilQuerySet.as_manager()

    class Meta:
        verbose_name = _("council")
        verbose_name_plural = _("councils")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("user"),
    )
    council = models.ForeignKey(
        Council, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("council")
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.VIEWER)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "council"], name="one_membership_per_council")
        ]
        ordering = ["council__name", "user__username"]

    def __str__(self) -> str:
        return gettext("%(user)s in %(council)s (%(role)s)") % {
            "user": self.user,
            "council": self.council,
            "role": self.role,
        }

    @property
    def can_edit(self) -> bool:
        return self.role in EDIT_ROLES

    @property
    def can_manage(self) -> bool:
        return self.role in MANAGE_ROLES

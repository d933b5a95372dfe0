"""The value creation network of a canvas: its partners, what each answers for
in the key activities, and the milestones of the roll-out."""

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .canvases import Canvas, Card


class PartnerKind(models.TextChoices):
    COUNCIL = "council", _("The council")
    COMPANY = "company", _("Company")
    UTILITY = "utility", _("Utility")
    UNIVERSITY = "university", _("University or research centre")
    PUBLIC_BODY = "public_body", _("Other public body")
    CIVIL_SOCIETY = "civil_society", _("Civil-society organisation")
    COMMUNITY_GROUP = "community_group", _("Community group")
    CITIZENS = "citizens", _("Citizens")


class Contribution(models.TextChoices):
    RESOURCES = "resources", _("Resources")
    FINANCE = "finance", _("Finance")
    SKILLS = "skills", _("Skills")
    DATA = "data", _("Data")


class Partner(models.Model):
    canvas = models.ForeignKey(
        Canvas, on_delete=models.CASCADE, related_name="partners", verbose_name=_("canvas")
    )
    organisation = models.CharField(_("organisation"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=PartnerKind.choices)
    contributions = models.JSONField(
        _("contributions"),
        default=list,
        blank=True,
        help_text=_("Any of resources, finance, skills, data."),
    )
    brings = models.TextField(_("what it brings"), blank=True, max_length=1000)
    gains = models.TextField(_("what it gains"), blank=True, max_length=1000)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["canvas"],
                condition=models.Q(kind="council"),
                name="one_council_partner_per_canvas",
            )
        ]

    def __str__(self) -> str:
        return self.organisation

    @property
    def is_council(self) -> bool:
        return self.kind == PartnerKind.COUNCIL

    @property
    def contribution_labels(self) -> list[str]:
        """What the partner contributes, in the reader's language."""
        labels = dict(Contribution.choices)
        return [str(labels.get(code, code)) for code in self.contributions or []]


class Raci(models.TextChoices):
    RESPONSIBLE = "R", _("Responsible")
    ACCOUNTABLE = "A", _("Accountable")
    CONSULTED = "C", _("Consulted")
    INFORMED = "I", _("Informed")


class Responsibility(models.Model):
    """What one partner answers for in one key activity (a card of that block)."""

    partner = models.ForeignKey(
        Partner,
        on_delete=models.CASCADE,
        related_name="responsibilities",
        verbose_name=_("partner"),
    )
    activity = models.ForeignKey(
        Card, on_delete=models.CASCADE, related_name="responsibilities", verbose_name=_("activity")
    )
    role = models.CharField(_("role"), max_length=1, choices=Raci.choices)

    class Meta:
        verbose_name = _("responsibility")
        verbose_name_plural = _("responsibilities")
        constraints = [
            models.UniqueConstraint(fields=["partner", "activity"], name="one_role_per_activity")
        ]

    def __str__(self) -> str:
        return gettext("%(partner)s: %(role)s for %(activity)s") % {
            "partner": self.partner,
            "role": self.role,
            "activity": self.activity,
        }


class MilestoneStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DELAYED = "delayed", _("Delayed")


class Milestone(models.Model):
    canvas = models.ForeignKey(
        Canvas, on_delete=models.CASCADE, related_name="milestones", verbose_name=_("canvas")
    )
    name = models.CharField(_("name"), max_length=200)
    due_date = models.DateField(_("due date"))
    owner = models.ForeignKey(
        Partner,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="milestones",
        verbose_name=_("owner"),
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=MilestoneStatus.choices,
        default=MilestoneStatus.PLANNED,
    )

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["due_date", "id"]

    def __str__(self) -> str:
        return self.name

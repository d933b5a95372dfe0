"""The value creation network: partners, their responsibilities and milestones."""

from collections.abc import Iterable, Mapping
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from canvas_app.models import (
    Canvas,
    Card,
    Contribution,
    Milestone,
    MilestoneStatus,
    Partner,
    PartnerKind,
    Raci,
    Responsibility,
)

from .access import ensure_canvas_editable
from .touch import canvas_touch
from .validation import clean_or_raise, require

PARTNER_FIELDS = ("organisation", "kind", "contributions", "brings", "gains")
MILESTONE_FIELDS = ("name", "due_date", "owner", "status")


def council_partner_ensure(canvas: Canvas) -> Partner:
    """The council itself as a partner: it sits in the network and answers for activities."""
    partner, _created = Partner.objects.get_or_create(
        canvas=canvas,
        kind=PartnerKind.COUNCIL,
        defaults={"organisation": canvas.council.name, "position": 0},
    )
    return partner


def _check_partner(partner: Partner) -> None:
    contributions = partner.contributions or []
    require(
        isinstance(contributions, list)
        and all(isinstance(c, str) and c in Contribution.values for c in contributions),
        "contributions",
        _("Choose any of: %(choices)s.") % {"choices": ", ".join(Contribution.values)},
    )
    partner.contributions = [c for c in Contribution.values if c in contributions]
    clean_or_raise(partner, exclude=["canvas"])
    if partner.kind == PartnerKind.COUNCIL:
        others = Partner.objects.filter(canvas_id=partner.canvas_id, kind=PartnerKind.COUNCIL)
        require(
            not others.exclude(pk=partner.pk).exists(),
            "kind",
            _("The council is already a partner of this canvas."),
        )


@transaction.atomic
def partner_create(*, canvas: Canvas, by, **fields: object) -> Partner:
    ensure_canvas_editable(by, canvas)
    unknown = set(fields) - set(PARTNER_FIELDS)
    if unknown:
        raise TypeError(f"partner_create cannot set {', '.join(sorted(unknown))}")
    last = canvas.partners.order_by("-position").values_list("position", flat=True).first()
    partner = Partner(canvas=canvas, position=(last or 0) + 1, **fields)
    _check_partner(partner)
    partner.save()
    canvas_touch(canvas.pk)
    return partner


@transaction.atomic
def partner_update(*, partner: Partner, by, **fields: object) -> Partner:
    ensure_canvas_editable(by, partner.canvas)
    unknown = set(fields) - set(PARTNER_FIELDS)
    if unknown:
        raise TypeError(f"partner_update cannot set {', '.join(sorted(unknown))}")
    for name, value in fields.items():
        setattr(partner, name, value)
    _check_partner(partner)
    partner.save()
    canvas_touch(partner.canvas_id)
    return partner


@transaction.atomic
def partner_delete(*, partner: Partner, by) -> None:
    ensure_canvas_editable(by, partner.canvas)
    require(not partner.is_council, "kind", _("The council stays in its own network."))
    partner.delete()
    canvas_touch(partner.canvas_id)


@transaction.atomic
def responsibilities_set(
    *, canvas: Canvas, by, roles: Mapping[tuple[int, int], str]
) -> list[Responsibility]:
    """Set the matrix: (partner id, key-activity card id) → R, A, C, I or "" (none).

    Pairs not given keep their role; an empty role removes it.
    """
    ensure_canvas_editable(by, canvas)
    partner_ids = set(canvas.partners.values_list("pk", flat=True))
    activity_ids = set(canvas.cards.filter(block="key_activities").values_list("pk", flat=True))
    errors: dict[str, list[str]] = {}
    for (partner_id, activity_id), role in roles.items():
        key = f"responsibilities[{partner_id},{activity_id}]"
        if partner_id not in partner_ids:
            errors[key] = [_("Unknown partner for this canvas.")]
        elif activity_id not in activity_ids:
            errors[key] = [_("Not a key activity of this canvas.")]
        elif role not in ("", *Raci.values):
            errors[key] = [
                _("Choose one of: %(choices)s, or none.") % {"choices": ", ".join(Raci.values)}
            ]
    if errors:
        raise ValidationError(errors)
    for (partner_id, activity_id), role in roles.items():
        if role:
            Responsibility.objects.update_or_create(
                partner_id=partner_id, activity_id=activity_id, defaults={"role": role}
            )
        else:
            Responsibility.objects.filter(partner_id=partner_id, activity_id=activity_id).delete()
    canvas_touch(canvas.pk)
    return list(Responsibility.objects.filter(partner__canvas=canvas))


def _check_milestone(milestone: Milestone) -> None:
    if milestone.owner_id is not None:
        require(
            Partner.objects.filter(pk=milestone.owner_id, canvas_id=milestone.canvas_id).exists(),
            "owner",
            _("The owner must be a partner of this canvas."),
        )
    require(isinstance(milestone.due_date, date), "due_date", _("Enter a date as YYYY-MM-DD."))
    require(
        milestone.status in MilestoneStatus.values,
        "status",
        _("Choose one of: %(choices)s.") % {"choices": ", ".join(MilestoneStatus.values)},
    )
    clean_or_raise(milestone, exclude=["canvas", "owner"])


@transaction.atomic
def milestone_create(*, canvas: Canvas, by, name: str, due_date: date, **fields) -> Milestone:
    ensure_canvas_editable(by, canvas)
    owner = fields.pop("owner", None)
    milestone = Milestone(
        canvas=canvas,
        name=name,
        due_date=due_date,
        owner_id=getattr(owner, "pk", owner),
        status=fields.pop("status", MilestoneStatus.PLANNED),
    )
    if fields:
        raise TypeError(f"milestone_create cannot set {', '.join(sorted(fields))}")
    _check_milestone(milestone)
    milestone.save()
    canvas_touch(canvas.pk)
    return milestone


@transaction.atomic
def milestone_update(*, milestone: Milestone, by, **fields) -> Milestone:
    ensure_canvas_editable(by, milestone.canvas)
    unknown = set(fields) - set(MILESTONE_FIELDS)
    if unknown:
        raise TypeError(f"milestone_update cannot set {', '.join(sorted(unknown))}")
    if "owner" in fields:
        owner = fields.pop("owner")
        milestone.owner_id = getattr(owner, "pk", owner)
    for name, value in fields.items():
        setattr(milestone, name, value)
    _check_milestone(milestone)
    milestone.save()
    canvas_touch(milestone.canvas_id)
    return milestone


@transaction.atomic
def milestone_delete(*, milestone: Milestone, by) -> None:
    ensure_canvas_editable(by, milestone.canvas)
    milestone.delete()
    canvas_touch(milestone.canvas_id)


def key_activities(canvas: Canvas) -> Iterable[Card]:
    return canvas.cards.filter(block="key_activities").order_by("position", "id")

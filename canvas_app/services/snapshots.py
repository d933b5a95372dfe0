"""Snapshots of a whole canvas: taking them, restoring one as a new draft revision,
and comparing two (or one with the canvas as it is now)."""

import hashlib
import json

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from canvas_app import diffing
from canvas_app.models import (
    Assessment,
    AssessmentStatus,
    Canvas,
    Card,
    CardAction,
    CardHistory,
    ImpactInputs,
    Milestone,
    Option,
    OptionKind,
    Partner,
    PartnerKind,
    Responsibility,
    Snapshot,
    SnapshotKind,
    Stage,
    StageChange,
)

from .access import ensure_can_edit, ensure_can_read
from .cards import snapshot as card_state
from .exchange_appraisal import benefit_row, option_row
from .impact import funding_sources_replace, impact_inputs_update, method_parameters_of
from .network import council_partner_ensure
from .options import option_create, option_delete, option_update, short_list
from .touch import canvas_touch
from .validation import require

SCORE_FIELDS = ("economic", "environmental", "social", "overall")
# Contents gain keys without a new version: "options" and "benefits" came later, and
# readers take a content without them as one taken before them.
CONTENT_VERSION = 1
# What a decision is on, by the keys of a content.
DECIDED_ON = ("cards", "inputs", "parameters", "funding")
# Also decided on, where a content has it: a content taken before the short list
# existed keeps the fingerprint its decision recorded.
DECIDED_ON_WHEN_KEPT = ("options",)


def snapshot_content(canvas: Canvas) -> dict:
    """Everything a snapshot keeps, as plain data; cards and partners keep their ids so
    that two snapshots can be compared card by card."""
    inputs = ImpactInputs.objects.filter(canvas=canvas).first()
    assessment = (
        Assessment.objects.filter(canvas=canvas, status=AssessmentStatus.DONE)
        .order_by("-requested_at", "-id")
        .only("pk", "fingerprint", *SCORE_FIELDS)
        .first()
    )
    parameters = method_parameters_of(canvas.council)
    return {
        "version": CONTENT_VERSION,
        "canvas": {
            "title": canvas.title,
            "summary": canvas.summary,
            "sector": canvas.sector,
            "stage": canvas.stage,
            "revision": canvas.revision,
        },
        "cards": list(
            canvas.cards.order_by("block", "position", "id").values(
                "id", "block", "position", "text", "tag", "colour", "evidence"
            )
        ),
        "inputs": inputs.values if inputs else None,
        # The short list and the benefits plan (not its measurements: facts recorded
        # later, whatever the stage); ids kept so that a diff follows a renamed row.
        "options": [
            {"id": option.pk, **option_row(option)}
            for option in canvas.options.order_by("position", "id")
        ],
        "benefits": [
            {"id": benefit.pk, **benefit_row(benefit)}
            for benefit in canvas.benefits.order_by("position", "id")
        ],
        "assessment": (
            {
                "id": assessment.pk,
                "fingerprint": assessment.fingerprint,
                "scores": {name: getattr(assessment, name) for name in SCORE_FIELDS},
            }
            if assessment
            else None
        ),
        "parameters": {"version": parameters.version, "values": parameters.values},
        "funding": list(canvas.funding_sources.values("name", "kind", "amount", "secured")),
        "partners": list(
            canvas.partners.order_by("position", "id").values(
                "id", "organisation", "kind", "contributions", "brings", "gains", "position"
            )
        ),
        "responsibilities": [
            {"partner": partner, "activity": activity, "role": role}
            for partner, activity, role in Responsibility.objects.filter(
                partner__canvas=canvas
            ).values_list("partner_id", "activity_id", "role")
        ],
        "milestones": [
            {**m, "due_date": m["due_date"].isoformat()}
            for m in canvas.milestones.order_by("due_date", "id").values(
                "id", "name", "due_date", "owner_id", "status"
            )
        ],
    }


def content_fingerprint(content: dict, keys=DECIDED_ON, keys_when_kept=DECIDED_ON_WHEN_KEPT) -> str:
    """A SHA-256 of parts of a snapshot's content (by default what a decision is on).
    `keys_when_kept` count only where the content has them."""
    chosen = {key: content.get(key) for key in keys}
    chosen.update({key: content[key] for key in keys_when_kept if key in content})
    canonical = json.dumps(chosen, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def snapshot_take(
    *, canvas: Canvas, by, name: str = "", kind: str = SnapshotKind.NAMED
) -> Snapshot:
    """Keep the canvas as it is now. Stage changes take one on their own."""
    earlier = Snapshot.objects.filter(
        canvas=canvas, revision=canvas.revision, stage=canvas.stage, kind=kind
    )
    return Snapshot.objects.create(
        canvas=canvas,
        revision=canvas.revision,
        stage=canvas.stage,
        kind=kind,
        name=name[:200],
        sequence=1 if kind == SnapshotKind.NAMED else earlier.count() + 1,
        content=snapshot_content(canvas),
        created_by=by,
    )


@transaction.atomic
def snapshot_name(*, canvas: Canvas, by, name: str) -> Snapshot:
    """A named snapshot, on demand: anyone who edits the canvas's council."""
    ensure_can_edit(by, canvas.council)
    name = (name or "").strip()
    require(bool(name), "name", _("Give the snapshot a name, e.g. “Before the committee”."))
    require(len(name) <= 200, "name", _("At most %(limit)s characters.") % {"limit": 200})
    return snapshot_take(canvas=canvas, by=by, name=name)


def snapshot_diff(*, snapshot: Snapshot, to: Snapshot | None, by) -> dict:
    """What changed from a snapshot to another one, or to the canvas as it is now."""
    ensure_can_read(by, snapshot.canvas)
    after = to.content if to is not None else snapshot_content(snapshot.canvas)
    return diffing.content_diff(snapshot.content, after)


# Restoring -------------------------------------------------------------------


@transaction.atomic
def snapshot_restore(*, snapshot: Snapshot, by) -> Canvas:
    """Open a new draft revision with a snapshot's content. What the canvas held before
    is kept first in a snapshot of its own, so nothing is lost."""
    canvas = Canvas.objects.select_for_update().select_related("council").get(pk=snapshot.canvas_id)
    ensure_can_edit(by, canvas.council)
    if canvas.stage == Stage.ARCHIVED:
        raise PermissionDenied(
            _("This canvas is archived: its snapshots can be read, not restored.")
        )
    snapshot_take(
        canvas=canvas,
        by=by,
        name=snapshot.title,
        kind=SnapshotKind.RESTORE,
    )
    StageChange.objects.create(
        canvas=canvas,
        revision=canvas.revision + 1,
        from_stage=canvas.stage,
        to_stage=Stage.DRAFT,
        note=_("Restored from the snapshot “%(name)s” (revision %(revision)s).")
        % {"name": snapshot.title, "revision": snapshot.revision},
        by=by,
    )
    content = snapshot.content
    canvas.revision += 1
    canvas.stage = Stage.DRAFT
    for field in ("title", "summary", "sector"):
        setattr(canvas, field, content["canvas"][field])
    canvas.save(update_fields=["revision", "stage", "title", "summary", "sector", "updated_at"])
    _restore_cards(canvas, content["cards"], by)
    partners = _restore_partners(canvas, content["partners"])
    _restore_responsibilities(content["responsibilities"], partners)
    _restore_milestones(canvas, content["milestones"], partners)
    funding_sources_replace(canvas=canvas, by=by, sources=content["funding"])
    if content.get("options"):
        _restore_options(canvas, content["options"], by)  # the preferred one's inputs too
    else:  # taken before the short list: the inputs alone
        current = (
            ImpactInputs.objects.filter(canvas=canvas).values_list("values", flat=True).first()
        )
        if content["inputs"] is not None and content["inputs"] != current:
            impact_inputs_update(canvas=canvas, by=by, values=content["inputs"])
    canvas_touch(canvas.pk)
    return canvas


def _period(inputs: dict) -> tuple:
    return inputs.get("lifetime_years"), inputs.get("first_year")


def _restore_options(canvas: Canvas, rows: list[dict], by) -> None:
    """The short list as it was, through the options services. Business as usual stays
    the same row and an option still there keeps its id; one removed since comes back
    as a new row (the diff pairs it with the old one by name)."""
    current = {option.pk: option for option in short_list(canvas)}
    bau = next(option for option in current.values() if option.kind == OptionKind.BAU)
    wanted = [row for row in rows if row["kind"] != OptionKind.BAU]
    kept = {row["id"] for row in wanted} & current.keys()
    periods = {_period(o.inputs) for o in current.values() if o.kind != OptionKind.BAU}
    if periods and periods != {_period(row["inputs"]) for row in wanted}:
        # The options share one appraisal period, so they cannot move to another one
        # by one: the short list is built anew.
        kept = set()
    for pk, option in current.items():
        if option.kind != OptionKind.BAU and pk not in kept:
            option_delete(option=option, by=by)
    restored = {}
    # The one that becomes the do-minimum comes last, once the others have left it.
    for row in sorted(wanted, key=lambda row: row["kind"] == OptionKind.DO_MINIMUM):
        bias = row["optimism_bias"]
        fields = {
            "name": row["name"],
            "kind": row["kind"],
            "inputs": row["inputs"],
            "project_type": bias["project_type"] or "",
            "mitigation": bias["mitigation"],
            "works_duration_months": bias["works_duration_months"],
        }
        if row["id"] in kept:
            option = Option.objects.get(pk=row["id"])
            restored[row["id"]] = option_update(option=option, by=by, **fields)
        else:
            restored[row["id"]] = option_create(canvas=canvas, by=by, **fields)
    for row in rows:
        pk = bau.pk if row["kind"] == OptionKind.BAU else restored[row["id"]].pk
        option = Option.objects.get(pk=pk)  # as it is now the preference may have moved
        if row["kind"] == OptionKind.BAU and row["name"] != option.name:
            option = option_update(option=option, by=by, name=row["name"])
        if row["preferred"] and not option.preferred:
            option_update(option=option, by=by, preferred=True)


def _restore_cards(canvas: Canvas, cards: list[dict], by) -> None:
    """Cards keep their ids, so diffs and comments still find them; a card deleted
    since comes back under its old id."""
    wanted = {card["id"]: card for card in cards}
    existing = {card.pk: card for card in canvas.cards.all()}
    for pk, card in existing.items():
        if pk not in wanted:
            CardHistory.objects.create(
                canvas=canvas,
                card=None,
                card_ref=pk,
                action=CardAction.DELETED,
                block=card.block,
                before=card_state(card),
                after=None,
                by=by,
            )
            card.delete()
    # Ids come from one sequence and are never given twice, so a deleted card's id is
    # free; the check only guards against content that is not this canvas's.
    taken = set(
        Card.objects.filter(pk__in=wanted).exclude(canvas=canvas).values_list("pk", flat=True)
    )
    for pk, data in wanted.items():
        fields = {k: data[k] for k in ("block", "position", "text", "tag", "colour", "evidence")}
        card = existing.get(pk)
        if card is not None:
            before = card_state(card)
            if before == {**before, **fields}:
                continue
            Card.objects.filter(pk=pk).update(**fields, updated_by=by, version=card.version + 1)
            action = CardAction.UPDATED
        else:
            card = Card.objects.create(
                **({} if pk in taken else {"pk": pk}),
                canvas=canvas,
                created_by=by,
                updated_by=by,
                **fields,
            )
            before, action = None, CardAction.CREATED
        CardHistory.objects.create(
            canvas=canvas,
            card_id=card.pk,
            card_ref=card.pk,
            action=action,
            block=fields["block"],
            before=before,
            after={**fields},
            by=by,
        )


def _restore_partners(canvas: Canvas, partners: list[dict]) -> dict[int, Partner]:
    """The partners as they were; the council itself stays the same row."""
    council = council_partner_ensure(canvas)
    Partner.objects.filter(canvas=canvas).exclude(pk=council.pk).delete()
    Responsibility.objects.filter(partner=council).delete()
    by_old_id = {}
    for data in partners:
        fields = {
            k: data[k]
            for k in ("organisation", "kind", "contributions", "brings", "gains", "position")
        }
        if data["kind"] == PartnerKind.COUNCIL:
            Partner.objects.filter(pk=council.pk).update(
                **{**fields, "organisation": council.organisation}
            )
            by_old_id[data["id"]] = council
        else:
            by_old_id[data["id"]] = Partner.objects.create(canvas=canvas, **fields)
    return by_old_id


def _restore_responsibilities(items: list[dict], partners: dict[int, Partner]) -> None:
    activities = set(
        Card.objects.filter(pk__in=[i["activity"] for i in items]).values_list("pk", flat=True)
    )
    Responsibility.objects.bulk_create(
        Responsibility(partner=partners[i["partner"]], activity_id=i["activity"], role=i["role"])
        for i in items
        if i["partner"] in partners and i["activity"] in activities
    )


def _restore_milestones(
    canvas: Canvas, milestones: list[dict], partners: dict[int, Partner]
) -> None:
    Milestone.objects.filter(canvas=canvas).delete()
    Milestone.objects.bulk_create(
        Milestone(
            canvas=canvas,
            name=m["name"],
            due_date=m["due_date"],
            owner=partners.get(m["owner_id"]),
            status=m["status"],
        )
        for m in milestones
    )

"""Importing canvases: from an export file, from the library (replicating a service in
another city) and from the example canvases."""

import json
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from canvas_app.examples import Example
from canvas_app.framework import BLOCKS_BY_KEY
from canvas_app.models import (
    Canvas,
    Card,
    CardColour,
    Council,
    Evidence,
    Partner,
    PartnerKind,
    Raci,
)

from .canvases import canvas_create, canvas_update
from .exchange_appraisal import benefits_import, options_import, outturn_import
from .export import FORMAT, FORMAT_VERSION, canvas_export
from .impact import clean_inputs, funding_sources_replace, impact_inputs_update
from .network import milestone_create, partner_create, partner_update, responsibilities_set
from .validation import require

MAX_IMPORT_BYTES = 2 * 1024 * 1024
MAX_NESTING = 12
MAX_CARDS = 2000
MAX_ITEMS = 200


# Import ---------------------------------------------------------------------


def too_large_message() -> str:
    return _("The file is larger than %(megabytes)s MB.") % {
        "megabytes": MAX_IMPORT_BYTES // (1024 * 1024)
    }


def parse_import_file(raw: bytes) -> dict:
    """Decode an uploaded export, refusing what is too big, too deep or not ours."""
    if len(raw) > MAX_IMPORT_BYTES:
        raise ValidationError({"file": [too_large_message()]})
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise ValidationError({"file": [_("The file is not UTF-8 text.")]}) from error
    except RecursionError as error:
        raise ValidationError({"file": [_("The file is nested too deeply.")]}) from error
    except json.JSONDecodeError as error:
        # error.msg is Python's own English description of the JSON fault.
        message = _("The file is not valid JSON: %(problem)s.") % {"problem": error.msg}
        raise ValidationError({"file": [message]}) from error
    if _depth(data) > MAX_NESTING:
        raise ValidationError({"file": [_("The file is nested too deeply.")]})
    return data


def _depth(value, limit: int = MAX_NESTING + 1) -> int:
    """Nesting depth, counted without recursion and stopping past the limit."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        deepest = max(deepest, depth)
        if deepest > limit:
            return deepest
        children = (
            item.values() if isinstance(item, dict) else item if isinstance(item, list) else ()
        )
        stack.extend((child, depth + 1) for child in children)
    return deepest


def _require_list(data: dict, key: str, limit: int = MAX_ITEMS) -> list:
    value = data.get(key) or []
    if not isinstance(value, list):
        raise ValidationError({key: [_("Must be a list.")]})
    if len(value) > limit:
        raise ValidationError({key: [_("At most %(limit)s entries.") % {"limit": limit}]})
    for index, item in enumerate(value):
        if not isinstance(item, dict):
            raise ValidationError({f"{key}[{index}]": [_("Must be an object.")]})
    return value


def _check_envelope(data: object) -> dict:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        message = _("Not a City Model Canvas export (format “%(format)s”).") % {"format": FORMAT}
        raise ValidationError({"format": [message]})
    if data.get("format_version") != FORMAT_VERSION:
        message = _("Unsupported version %(version)s; this app reads version %(supported)s.") % {
            "version": repr(data.get("format_version")),
            "supported": FORMAT_VERSION,
        }
        raise ValidationError({"format_version": [message]})
    if not isinstance(data.get("canvas"), dict):
        raise ValidationError({"canvas": [_("Missing the canvas's title, summary and sector.")]})
    return data


def _check_cards(cards: list) -> None:
    errors = {}
    for index, card in enumerate(cards):
        block, text = card.get("block"), card.get("text")
        if block not in BLOCKS_BY_KEY:
            errors[f"cards[{index}].block"] = [
                _("Unknown block %(block)s.") % {"block": repr(block)}
            ]
        if not isinstance(text, str) or not text.strip():
            errors[f"cards[{index}].text"] = [_("Card text is required.")]
        elif len(text) > 2000:
            errors[f"cards[{index}].text"] = [_("At most 2,000 characters.")]
        if card.get("colour", CardColour.YELLOW) not in CardColour.values:
            errors[f"cards[{index}].colour"] = [_("Unknown colour.")]
        if card.get("evidence", Evidence.ASSUMPTION) not in Evidence.values:
            errors[f"cards[{index}].evidence"] = [_("Unknown evidence status.")]
        if not isinstance(card.get("tag", ""), str) or len(card.get("tag", "")) > 40:
            errors[f"cards[{index}].tag"] = [_("At most 40 characters of text.")]
    if errors:
        raise ValidationError(errors)


def _prefixed(error: ValidationError, prefix: str) -> ValidationError:
    if not hasattr(error, "error_dict"):
        return ValidationError({prefix: error.messages})
    return ValidationError({f"{prefix}.{k}": v for k, v in error.message_dict.items()})


@transaction.atomic
def canvas_import(*, council: Council, by, data: object, origin: dict | None = None) -> Canvas:
    """A new draft canvas in `council` from an export; nothing is saved if anything is wrong."""
    data = _check_envelope(data)
    cards = _require_list(data, "cards", MAX_CARDS)
    _check_cards(cards)
    raw_inputs = data.get("impact_inputs")
    if raw_inputs is not None:
        if not isinstance(raw_inputs, dict):
            raise ValidationError({"impact_inputs": [_("Must be an object.")]})
        try:
            clean_inputs(raw_inputs)
        except ValidationError as error:
            raise _prefixed(error, "impact_inputs") from error
    info = data["canvas"]
    try:
        canvas = canvas_create(
            council=council,
            by=by,
            title=str(info.get("title") or ""),
            summary=str(info.get("summary") or ""),
            sector=str(info.get("sector") or "other"),
            language=str(info.get("language") or "") or None,
        )
    except ValidationError as error:
        raise _prefixed(error, "canvas") from error
    canvas.origin = origin or {
        **(data.get("source") or {}),
        "imported_at": timezone.now().isoformat(),
    }
    canvas.save(update_fields=["origin"])
    card_ids = _import_cards(canvas, cards, by)
    partner_ids = _import_partners(canvas, _require_list(data, "partners"), by)
    _import_responsibilities(
        canvas, _require_list(data, "responsibilities", 5000), partner_ids, card_ids, by
    )
    _import_milestones(canvas, _require_list(data, "milestones"), partner_ids, by)
    try:
        funding_sources_replace(
            canvas=canvas, by=by, sources=_require_list(data, "funding_sources")
        )
    except ValidationError as error:
        raise _prefixed(error, "funding_sources") from error
    options = _require_list(data, "options")
    if options:
        # The short list carries the preferred option's inputs, and so the impact inputs.
        options_import(canvas=canvas, by=by, items=options)
    elif raw_inputs is not None:  # a file from before the short list: inputs only
        impact_inputs_update(canvas=canvas, by=by, values=raw_inputs)
    _import_justification(canvas, data.get("preferred_justification"), by)
    benefits_import(canvas=canvas, by=by, items=_require_list(data, "benefits"))
    outturn_import(canvas=canvas, by=by, data=data.get("outturn"))
    return canvas


def _import_justification(canvas: Canvas, text, by) -> None:
    if text is None or text == "":
        return
    if not isinstance(text, str):
        raise ValidationError({"preferred_justification": [_("Must be text.")]})
    canvas_update(canvas=canvas, by=by, preferred_justification=text)


def _import_cards(canvas: Canvas, cards: list, by) -> dict[str, int]:
    positions: dict[str, int] = {}
    rows = []
    for card in cards:
        position = positions.get(card["block"], 0)
        positions[card["block"]] = position + 1
        rows.append(
            Card(
                canvas=canvas,
                block=card["block"],
                text=card["text"].strip(),
                tag=card.get("tag", "").strip(),
                colour=card.get("colour", CardColour.YELLOW),
                evidence=card.get("evidence", Evidence.ASSUMPTION),
                position=position,
                created_by=by,
                updated_by=by,
            )
        )
    created = Card.objects.bulk_create(rows)
    return {
        str(card.get("ref")): row.pk
        for card, row in zip(cards, created, strict=True)
        if card.get("ref")
    }


def _import_partners(canvas: Canvas, partners: list, by) -> dict[str, int]:
    refs: dict[str, int] = {}
    council_partner = Partner.objects.get(canvas=canvas, kind=PartnerKind.COUNCIL)
    for index, item in enumerate(partners):
        fields = {
            k: item.get(k) for k in ("organisation", "kind", "contributions", "brings", "gains")
        }
        fields = {k: v for k, v in fields.items() if v is not None}
        try:
            if fields.get("kind") == PartnerKind.COUNCIL:
                # The importing council takes the place of the exporting one.
                fields["organisation"] = canvas.council.name
                partner = partner_update(partner=council_partner, by=by, **fields)
            else:
                partner = partner_create(canvas=canvas, by=by, **fields)
        except (ValidationError, TypeError) as error:
            messages = error.message_dict if hasattr(error, "message_dict") else {"": [str(error)]}
            raise ValidationError(
                {f"partners[{index}].{k}".rstrip("."): v for k, v in messages.items()}
            ) from error
        if item.get("ref"):
            refs[str(item["ref"])] = partner.pk
    return refs


def _import_responsibilities(canvas, items: list, partners: dict, cards: dict, by) -> None:
    roles = {}
    for index, item in enumerate(items):
        partner, activity = (
            partners.get(str(item.get("partner"))),
            cards.get(str(item.get("activity"))),
        )
        if partner is None or activity is None:
            raise ValidationError(
                {f"responsibilities[{index}]": [_("Refers to an unknown partner or card.")]}
            )
        if item.get("role") not in Raci.values:
            raise ValidationError({f"responsibilities[{index}].role": [_("Use R, A, C or I.")]})
        roles[(partner, activity)] = item["role"]
    if roles:
        responsibilities_set(canvas=canvas, by=by, roles=roles)


def _import_milestones(canvas, items: list, partners: dict, by) -> None:
    for index, item in enumerate(items):
        try:
            due = date.fromisoformat(str(item.get("due_date")))
        except ValueError as error:
            raise ValidationError(
                {f"milestones[{index}].due_date": [_("Enter a date as YYYY-MM-DD.")]}
            ) from error
        owner = item.get("owner")
        if owner is not None and str(owner) not in partners:
            raise ValidationError({f"milestones[{index}].owner": [_("Unknown partner.")]})
        try:
            milestone_create(
                canvas=canvas,
                by=by,
                name=str(item.get("name") or ""),
                due_date=due,
                owner=partners.get(str(owner)) if owner is not None else None,
                status=item.get("status", "planned"),
            )
        except ValidationError as error:
            raise _prefixed(error, f"milestones[{index}]") from error


@transaction.atomic
def canvas_replicate(*, source: Canvas, council: Council, by) -> Canvas:
    """Copy a template canvas into another council, recording where it came from."""
    require(source.is_template, "source", _("This canvas is not shared as a template."))
    origin = {
        "replicated_from": source.pk,
        "council": source.council.name,
        "canvas": source.title,
        "revision": source.revision,
        "replicated_at": timezone.now().isoformat(),
    }
    return canvas_import(
        council=council, by=by, data=_plan_only(canvas_export(source)), origin=origin
    )


def _plan_only(data: dict) -> dict:
    """A replica takes the source's plan (the short list, the benefits and their targets)
    but not what the source council measured and spent: those are its own facts."""
    for benefit in data["benefits"]:
        benefit["measurements"] = []
    return {**data, "outturn": None}


@transaction.atomic
def canvas_create_from_example(
    *, council: Council, by, example: Example, title: str | None = None
) -> Canvas:
    """A new draft canvas with an example's cards, partners, milestones and impact inputs
    (which become the preferred option of a short list with business as usual)."""
    data = example.as_export()
    if title:
        data["canvas"]["title"] = title
    return canvas_import(council=council, by=by, data=data, origin={"example": example.key})

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from canvas_app.examples import EXAMPLES
from canvas_app.models import Canvas
from canvas_app.services.exchange import (
    canvas_create_from_example,
    canvas_import,
)
from canvas_app.services.export import canvas_export, cards_csv

from ..factories import CardFactory, MembershipFactory

# Parts of an export that legitimately differ between two canvases with the same content.
VOLATILE = ("exported_at", "source", "assessment")


@pytest.fixture
def led(council, editor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return canvas_create_from_example(
            council=council, by=editor, example=EXAMPLES["led-street-lighting"]
        )


def stable(export: dict) -> dict:
    return {key: value for key, value in export.items() if key not in VOLATILE}


def test_an_export_holds_everything(led):
    data = canvas_export(led)

    assert data["format"] == "city-model-canvas" and data["format_version"] == 1
    assert len(data["cards"]) == led.cards.count()
    assert data["impact_inputs"]["capex"] == 2_000_000
    assert [f["name"] for f in data["funding_sources"]] == [
        "Council investment budget",
        "ERDF energy-efficiency call",
    ]
    assert data["partners"][0]["kind"] == "council"
    assert len(data["responsibilities"]) == 12 and len(data["milestones"]) == 5
    assert round(data["assessment"]["scores"]["economic"], 2) == 77.42


def test_import_then_export_gives_the_same_content(led, other_council, outsider):
    data = json.loads(json.dumps(canvas_export(led)))

    copy = canvas_import(council=other_council, by=outsider, data=data)

    again = canvas_export(copy)
    # The council partner takes the name of the importing council.
    data["partners"][0]["organisation"] = other_council.name
    assert stable(again) == stable(data)
    assert copy.stage == "draft" and copy.council == other_council
    assert copy.origin["council"] == led.council.name


def test_cards_export_as_csv_without_formulas(canvas):
    CardFactory(canvas=canvas, block="costs", text='=HYPERLINK("http://evil")')

    rows = cards_csv(canvas).splitlines()

    assert rows[0] == (
        "Block,Block title,Position,Text,Tag,Colour,Evidence,Updated (YYYY-MM-DD HH:MM)"
    )
    assert "'=HYPERLINK" in rows[1]


def test_a_csv_in_spanish_states_and_uses_the_spanish_date_format(canvas):
    from django.utils import timezone, translation

    card = CardFactory(canvas=canvas, block="costs", text="Opex", evidence="validated")

    with translation.override("es"):
        header, row = cards_csv(canvas).splitlines()

    assert header.endswith("(DD/MM/AAAA HH:MM)")
    assert row.endswith(timezone.localtime(card.updated_at).strftime("%d/%m/%Y %H:%M"))
    assert "Validado" in row


def upload(client, council, payload: bytes, name="canvas.json"):
    return client.post(
        reverse("canvas-import", args=[council.slug]),
        {"file": SimpleUploadedFile(name, payload, content_type="application/json")},
    )


def api_import(client, council, payload: bytes):
    return client.generic(
        "POST",
        f"/api/v1/councils/{council.slug}/import/",
        payload,
        content_type="application/json",
    )


def hostile_files(led) -> dict[str, tuple[bytes, str]]:
    good = canvas_export(led)
    return {
        "wrong version": (json.dumps({**good, "format_version": 99}).encode(), "format_version"),
        "not ours": (json.dumps({"hello": "world"}).encode(), "format"),
        "unknown block": (
            json.dumps({**good, "cards": [{"block": "marketing", "text": "x"}]}).encode(),
            "cards[0].block",
        ),
        "bad inputs": (
            json.dumps({**good, "impact_inputs": {**good["impact_inputs"], "capex": -1}}).encode(),
            "impact_inputs.capex",
        ),
        "10 MB": (b'{"format": "' + b"x" * (10 * 1024 * 1024) + b'"}', "larger than"),
        "deeply nested": (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        "nested under the limit of json": (b"[" * 50 + b"]" * 50, "nested too deeply"),
        "not json": (b"\x89PNG\r\n", "not"),
        "a list of cards that is not a list": (
            json.dumps({**good, "cards": "many"}).encode(),
            "cards",
        ),
    }


@pytest.mark.parametrize(
    "case",
    [
        "wrong version",
        "not ours",
        "unknown block",
        "bad inputs",
        "10 MB",
        "deeply nested",
        "nested under the limit of json",
        "not json",
        "a list of cards that is not a list",
    ],
)
def test_hostile_import_files_get_a_clear_4xx_and_save_nothing(client, api_as, editor, led, case):
    payload, expected = hostile_files(led)[case]
    before = Canvas.objects.count()
    client.force_login(editor)

    page = upload(client, led.council, payload)
    api = api_import(api_as(editor), led.council, payload)

    assert page.status_code == 400 and expected in page.content.decode()
    assert api.status_code == 400 and expected in json.dumps(api.json())
    assert Canvas.objects.count() == before


def test_an_upload_becomes_a_new_draft(client, editor, led):
    client.force_login(editor)

    response = upload(client, led.council, json.dumps(canvas_export(led)).encode())

    copy = Canvas.objects.exclude(pk=led.pk).get()
    assert response["Location"] == reverse("canvas-detail", args=[copy.pk])
    assert copy.cards.count() == led.cards.count()


def test_viewers_cannot_import(api_as, viewer, led):
    response = api_import(api_as(viewer), led.council, json.dumps(canvas_export(led)).encode())

    assert response.status_code == 403


def test_the_library_lets_another_council_replicate_a_template(client, led, outsider, editor):
    client.force_login(editor)
    client.post(
        reverse("canvas-edit", args=[led.pk]),
        {"title": led.title, "summary": led.summary, "sector": led.sector, "is_template": "on"},
    )
    client.force_login(outsider)

    library = client.get(reverse("library")).content.decode()
    preview = client.get(reverse("library-canvas", args=[led.pk])).content.decode()
    response = client.post(reverse("library-canvas", args=[led.pk]), {"council": "porto"})

    copy = Canvas.objects.get(council__slug="porto")
    assert led.title in library and "Replicate this service" in preview
    assert response["Location"] == reverse("canvas-detail", args=[copy.pk])
    assert copy.origin["replicated_from"] == led.pk
    assert copy.cards.count() == led.cards.count()


def test_canvases_that_are_not_templates_stay_private(client, api_as, led, outsider):
    client.force_login(outsider)

    assert client.get(reverse("library-canvas", args=[led.pk])).status_code == 404
    assert led.title not in client.get(reverse("library")).content.decode()
    response = api_as(outsider).post(
        f"/api/v1/library/{led.pk}/replicate/", {"council": "porto"}, format="json"
    )
    assert response.status_code == 404


def test_replicating_needs_a_council_i_edit(api_as, led, other_council):
    led.is_template = True
    led.save()
    reader = MembershipFactory(council=other_council, role="viewer").user
    client = api_as(reader)

    refused = client.post(
        f"/api/v1/library/{led.pk}/replicate/", {"council": "porto"}, format="json"
    )
    not_mine = client.post(
        f"/api/v1/library/{led.pk}/replicate/", {"council": "ghent"}, format="json"
    )

    assert refused.status_code == 403
    assert not_mine.status_code == 400 and "council" in not_mine.json()

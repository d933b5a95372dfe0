import math

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from canvas_app.models import Assessment, ImpactInputs
from canvas_app.services.impact import funding_sources_replace, impact_inputs_update


def test_saving_inputs_stores_the_engines_canonical_form(canvas, editor, led_inputs):
    inputs = impact_inputs_update(canvas=canvas, by=editor, values=led_inputs)

    assert inputs.values["capex"] == 2_000_000.0
    assert inputs.values["capex_schedule"] is None  # filled in by the engine's form
    assert inputs.version == 1


def test_saving_the_same_inputs_again_changes_nothing(canvas, editor, led_inputs):
    impact_inputs_update(canvas=canvas, by=editor, values=led_inputs)
    again = impact_inputs_update(canvas=canvas, by=editor, values=led_inputs)

    assert again.version == 1
    assert Assessment.objects.filter(canvas=canvas).count() == 1


def test_changed_inputs_bump_the_version_and_ask_for_a_new_assessment(canvas, editor, led_inputs):
    impact_inputs_update(canvas=canvas, by=editor, values=led_inputs)
    changed = impact_inputs_update(canvas=canvas, by=editor, values={**led_inputs, "opex": 25_000})

    assert changed.version == 2
    assert Assessment.objects.filter(canvas=canvas).count() == 2


@pytest.mark.parametrize(
    "change, field",
    [
        ({"capex": -1}, "capex"),
        ({"rating_safety_health": 7}, "rating_safety_health"),
        ({"lifetime_years": 0}, "lifetime_years"),
        ({"lifetime_years": 61}, "lifetime_years"),
        ({"users_served": 200_000}, "users_served"),
        ({"opex": math.nan}, "opex"),
        ({"opex": math.inf}, "opex"),
        ({"savings": "a lot"}, "savings"),
        ({"capex_schedule": [1, 2]}, "capex_schedule"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_bad_inputs_are_refused_naming_the_field(canvas, editor, led_inputs, change, field):
    with pytest.raises(ValidationError) as error:
        impact_inputs_update(canvas=canvas, by=editor, values={**led_inputs, **change})

    assert field in error.value.message_dict
    assert not ImpactInputs.objects.filter(canvas=canvas).exists()


def test_viewers_cannot_save_inputs(canvas, viewer, led_inputs):
    with pytest.raises(PermissionDenied):
        impact_inputs_update(canvas=canvas, by=viewer, values=led_inputs)


def test_funding_is_replaced_as_a_whole_and_bumps_the_inputs_version(canvas, editor, led_inputs):
    impact_inputs_update(canvas=canvas, by=editor, values=led_inputs)
    funding_sources_replace(
        canvas=canvas, by=editor, sources=[{"name": "ERDF", "kind": "eu_grant", "amount": 5}]
    )

    sources = funding_sources_replace(
        canvas=canvas,
        by=editor,
        sources=[
            {"name": "Own budget", "kind": "own_budget", "amount": 1_200_000, "secured": True},
            {"name": "ERDF", "kind": "eu_grant", "amount": 800_000},
        ],
    )

    assert [s.name for s in canvas.funding_sources.all()] == ["Own budget", "ERDF"]
    assert len(sources) == 2
    assert ImpactInputs.objects.get(canvas=canvas).version == 3


@pytest.mark.parametrize(
    "source, field",
    [
        ({"name": "", "kind": "loan", "amount": 1}, "funding[0].name"),
        ({"name": "Bank", "kind": "gift", "amount": 1}, "funding[0].kind"),
        ({"name": "Bank", "kind": "loan", "amount": -5}, "funding[0].amount"),
        ({"name": "Bank", "kind": "loan", "amount": "lots"}, "funding[0].amount"),
    ],
)
def test_bad_funding_is_refused_naming_the_field(canvas, editor, source, field):
    with pytest.raises(ValidationError) as error:
        funding_sources_replace(canvas=canvas, by=editor, sources=[source])

    assert field in error.value.message_dict
    assert not canvas.funding_sources.exists()

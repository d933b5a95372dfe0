"""The options appraisal through the API: worked example 9.1 entered as a client would,
the rules of the short list as 400s naming the field, the council's optimism-bias table,
and who may read and write."""

import pytest

from canvas_app.models import Option, OptionKind, Role

from ..factories import MembershipFactory, UserFactory
from ..review.conftest import accepted_invitation
from .api_client import CommittingClient, canvas_url
from .conftest import CENTRAL, DIMMING, LED

# 9.1: capex uplift, PVB, PVC, ENPV, ENPV unadjusted, B/C, FNPV, econ, env, social, overall, rank
TABLE_9_1 = {
    "Business as usual": (0.0, 0, 0, 0, 0, None, None, None, None, None, None, 4),
    "Part-night dimming": (
        0.20,
        1_785_296.98,
        254_387.37,
        1_530_909.61,
        1_560_909.61,
        7.0180,
        1_382_887.53,
        78.04,
        42.50,
        33.75,
        51.43,
        3,
    ),
    "LED retrofit": (
        0.22,
        5_950_989.94,
        2_737_549.50,
        3_213_440.45,
        3_653_440.45,
        2.1738,
        2_724_324.01,
        75.25,
        80.00,
        55.00,
        70.08,
        1,
    ),
    "LED retrofit with central management": (
        0.80,
        7_438_737.43,
        5_572_648.49,
        1_866_088.94,
        3_946_088.94,
        1.3349,
        1_299_743.59,
        55.54,
        85.00,
        55.00,
        65.18,
        2,
    ),
}
MONEY_FIELDS = ("pv_benefits", "pv_costs", "enpv", "enpv_unadjusted", "fnpv")
SCORE_FIELDS = ("economic", "environmental", "social", "overall")
APPRAISAL_OPTION_FIELDS = {
    "id",
    "name",
    "kind",
    "preferred",
    "rank",
    "pv_benefits",
    "pv_costs",
    "enpv",
    "enpv_unadjusted",
    "bcr",
    "fnpv",
    "economic",
    "environmental",
    "social",
    "overall",
    "capex_uplift",
    "opex_uplift",
    "duration_uplift",
}


@pytest.fixture
def client(api_as, editor, django_capture_on_commit_callbacks):
    return CommittingClient(api_as(editor), django_capture_on_commit_callbacks)


def option_body(name, kind, inputs, project_type=None, mitigation=0.0, **extra) -> dict:
    return {
        "name": name,
        "kind": kind,
        "inputs": inputs,
        "optimism_bias": {"project_type": project_type, "mitigation": mitigation},
        **extra,
    }


def created(response) -> int:
    assert response.status_code == 201, response.json()
    return response.json()["id"]


@pytest.fixture
def options_9_1(client, canvas) -> dict[str, int]:
    """The short list of 9.1 entered through the API; option ids by name."""
    url = canvas_url(canvas, "options")
    led = option_body(
        "LED retrofit",
        "do_something",
        LED,
        "standard_civil_engineering",
        0.5,
        preferred=True,
    )
    led["optimism_bias"]["works_duration_months"] = 12
    return {
        "LED retrofit": created(client.post(url, led)),
        "Part-night dimming": created(
            client.post(
                url,
                option_body(
                    "Part-night dimming", "do_minimum", DIMMING, "equipment_development", 0.9
                ),
            )
        ),
        "LED retrofit with central management": created(
            client.post(
                url,
                option_body(
                    "LED retrofit with central management",
                    "do_something",
                    CENTRAL,
                    "equipment_development",
                    0.6,
                ),
            )
        ),
    }


def appraisal(client, canvas) -> dict:
    response = client.get(canvas_url(canvas, "appraisal"))
    assert response.status_code == 200
    return response.json()


# Worked example 9.1 -----------------------------------------------------------------


def test_the_table_of_9_1_through_the_api(client, canvas, options_9_1):
    body = appraisal(client, canvas)

    assert body["status"] == "done"
    rows = {row["name"]: row for row in body["options"]}
    assert set(rows) == set(TABLE_9_1)
    for name, expected in TABLE_9_1.items():
        row = rows[name]
        assert set(row) >= APPRAISAL_OPTION_FIELDS
        uplift, *money, bcr, fnpv = expected[:7]
        assert row["capex_uplift"] == pytest.approx(uplift), name
        for field, value in zip(MONEY_FIELDS[:4], money, strict=True):
            assert round(row[field], 2) == value, (name, field)
        assert (None if row["bcr"] is None else round(row["bcr"], 4)) == bcr, name
        assert (None if row["fnpv"] is None else round(row["fnpv"], 2)) == fnpv, name
        for field, value in zip(SCORE_FIELDS, expected[7:11], strict=True):
            assert (None if row[field] is None else round(row[field], 2)) == value, (name, field)
        assert row["rank"] == expected[11], name
        assert row["opex_uplift"] == 0
    bau = rows["Business as usual"]
    assert bau["kind"] == "bau"
    assert (
        rows["LED retrofit"]["preferred"]
        and rows["LED retrofit"]["id"] == options_9_1["LED retrofit"]
    )


def test_the_ladder_best_option_and_switching_value_of_9_1(client, canvas, options_9_1):
    body = appraisal(client, canvas)
    ids = {**options_9_1, "Business as usual": _bau_id(canvas)}
    named = {number: name for name, number in ids.items()}

    steps = [
        (
            named[s["challenger"]],
            named[s["defender"]],
            round(s["incremental_bcr"], 4),
            s["accepted"],
        )
        for s in body["ladder"]
    ]
    assert steps == [
        ("Part-night dimming", "Business as usual", 7.0180, True),
        ("LED retrofit", "Part-night dimming", 1.6776, True),
        ("LED retrofit with central management", "LED retrofit", 0.5248, False),
    ]
    assert body["best"] == body["ladder_best"] == options_9_1["LED retrofit"]
    assert round(body["switching_value_pct"], 2) == 49.22
    assert body["flags"] == []
    assert body["preferred"] == options_9_1["LED retrofit"]
    assert body["justification_required"] is False
    led = next(row for row in body["options"] if row["name"] == "LED retrofit")
    assert led["duration_uplift"] == pytest.approx(0.10)
    assert led["works_duration_adjusted"] == pytest.approx(13.2)


def test_without_optimism_bias_central_management_ranks_first_and_needs_a_justification(
    client, canvas, options_9_1
):
    for number in options_9_1.values():
        response = client.patch(
            canvas_url(canvas, "options", number), {"optimism_bias": {"project_type": None}}
        )
        assert response.status_code == 200, response.json()

    body = appraisal(client, canvas)

    central = options_9_1["LED retrofit with central management"]
    assert body["best"] == central
    assert body["switching_value_pct"] is None  # n/a: the preferred option is not the best
    assert "preferred_not_best" in body["flags"]
    assert body["justification_required"] is True
    assert all(row["capex_uplift"] == 0 for row in body["options"])

    client.client.patch(
        canvas_url(canvas),
        {"preferred_justification": "Central management is in our plan."},
        format="json",
    )
    assert appraisal(client, canvas)["preferred_justification"] == (
        "Central management is in our plan."
    )


def _bau_id(canvas) -> int:
    return Option.objects.get(canvas=canvas, kind=OptionKind.BAU).pk


# The short list -----------------------------------------------------------------------


def test_the_list_always_has_business_as_usual(client, canvas):
    response = client.get(canvas_url(canvas, "options"))

    assert response.status_code == 200
    (bau,) = response.json()
    assert bau["kind"] == "bau"
    assert bau["inputs"] is None
    assert bau["preferred"] is True  # nothing else yet: the canvas recommends doing nothing
    assert bau["optimism_bias"] == {
        "project_type": None,
        "mitigation": 0.0,
        "works_duration_months": None,
    }


def test_an_option_reads_back_as_it_was_posted(client, canvas, options_9_1):
    response = client.get(canvas_url(canvas, "options", options_9_1["LED retrofit"]))

    body = response.json()
    assert response.status_code == 200
    assert body["name"] == "LED retrofit"
    assert body["kind"] == "do_something"
    assert body["preferred"] is True
    assert body["inputs"]["capex"] == 2_000_000
    assert body["optimism_bias"] == {
        "project_type": "standard_civil_engineering",
        "mitigation": 0.5,
        "works_duration_months": 12.0,
    }
    listed = client.get(canvas_url(canvas, "options")).json()
    assert [o["kind"] for o in listed] == ["bau", "do_something", "do_minimum", "do_something"]
    assert [o["preferred"] for o in listed] == [False, True, False, False]


def test_patching_preferred_moves_the_preference_and_the_impact_inputs(client, canvas, options_9_1):
    central = options_9_1["LED retrofit with central management"]

    response = client.patch(canvas_url(canvas, "options", central), {"preferred": True})

    assert response.status_code == 200
    assert response.json()["preferred"] is True
    listed = client.get(canvas_url(canvas, "options")).json()
    assert [o["id"] for o in listed if o["preferred"]] == [central]
    assert client.get(canvas_url(canvas, "impact-inputs")).json()["capex"] == 2_600_000
    assert "preferred_not_best" in appraisal(client, canvas)["flags"]


def test_patching_some_inputs_keeps_the_others(client, canvas, options_9_1):
    url = canvas_url(canvas, "options", options_9_1["Part-night dimming"])

    response = client.patch(url, {"inputs": {"capex": 160_000}, "name": "Dimming"})

    body = response.json()
    assert response.status_code == 200, body
    assert body["name"] == "Dimming"
    assert body["inputs"]["capex"] == 160_000
    assert body["inputs"]["savings"] == 120_000
    assert body["optimism_bias"]["project_type"] == "equipment_development"


def test_impact_inputs_address_the_preferred_option(client, canvas, options_9_1):
    central = options_9_1["LED retrofit with central management"]
    client.patch(canvas_url(canvas, "options", central), {"preferred": True})

    response = client.put(canvas_url(canvas, "impact-inputs"), {**CENTRAL, "capex": 2_500_000})

    assert response.status_code == 200, response.json()
    assert client.get(canvas_url(canvas, "impact-inputs")).json()["capex"] == 2_500_000
    options = {o["id"]: o for o in client.get(canvas_url(canvas, "options")).json()}
    assert options[central]["inputs"]["capex"] == 2_500_000
    assert options[options_9_1["LED retrofit"]]["inputs"]["capex"] == 2_000_000


def test_impact_inputs_with_business_as_usual_preferred_become_a_preferred_proposal(client, canvas):
    response = client.put(canvas_url(canvas, "impact-inputs"), LED)

    assert response.status_code == 200
    listed = client.get(canvas_url(canvas, "options")).json()
    assert [(o["kind"], o["preferred"]) for o in listed] == [
        ("bau", False),
        ("do_something", True),
    ]
    assert listed[1]["inputs"]["capex"] == 2_000_000


def test_duplicating_an_option_gives_a_new_do_something_option(client, canvas, options_9_1):
    response = client.post(
        canvas_url(canvas, "options", options_9_1["Part-night dimming"], "duplicate")
    )

    body = response.json()
    assert response.status_code == 201
    assert body["kind"] == "do_something"  # one do-minimum option at most
    assert body["preferred"] is False
    assert body["inputs"]["capex"] == 150_000
    assert body["name"] == "Copy of Part-night dimming"
    assert len(client.get(canvas_url(canvas, "options")).json()) == 5


def test_duplicating_business_as_usual_copies_the_preferred_inputs(client, canvas, options_9_1):
    response = client.post(canvas_url(canvas, "options", _bau_id(canvas), "duplicate"))

    assert response.status_code == 201
    assert response.json()["inputs"]["capex"] == 2_000_000


def test_removing_the_preferred_option_makes_business_as_usual_preferred(
    client, canvas, options_9_1
):
    response = client.delete(canvas_url(canvas, "options", options_9_1["LED retrofit"]))

    assert response.status_code == 204
    listed = client.get(canvas_url(canvas, "options")).json()
    assert [o["kind"] for o in listed if o["preferred"]] == ["bau"]
    assert appraisal(client, canvas)["preferred"] == _bau_id(canvas)


def test_business_as_usual_cannot_be_removed(client, canvas, options_9_1):
    response = client.delete(canvas_url(canvas, "options", _bau_id(canvas)))

    assert response.status_code == 400
    assert "kind" in response.json()
    assert Option.objects.filter(canvas=canvas, kind=OptionKind.BAU).exists()


# Bad input --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (
            {"optimism_bias": {"project_type": "standard_buildings", "mitigation": 1.5}},
            "optimism_bias.mitigation",
        ),
        (
            {"optimism_bias": {"project_type": "standard_buildings", "mitigation": -0.1}},
            "optimism_bias.mitigation",
        ),
        (
            {"optimism_bias": {"project_type": "spaceport", "mitigation": 0.5}},
            "optimism_bias.project_type",
        ),
        ({"optimism_bias": {"mitigation": "high"}}, "optimism_bias.mitigation"),
        ({"optimism_bias": {"mitigation": "NaN"}}, "optimism_bias.mitigation"),
        (
            {"optimism_bias": {"works_duration_months": -3}},
            "optimism_bias.works_duration_months",
        ),
        ({"optimism_bias": {"wizardry": 1}}, "optimism_bias.wizardry"),
        ({"optimism_bias": "equipment_development"}, "optimism_bias"),
        ({"inputs": {**CENTRAL, "lifetime_years": 15}}, "inputs.lifetime_years"),
        ({"inputs": {**CENTRAL, "first_year": 2030}}, "inputs.first_year"),
        ({"inputs": {**CENTRAL, "capex": "lots"}}, "inputs.capex"),
        ({"inputs": {**CENTRAL, "capex": -1}}, "inputs.capex"),
        ({"inputs": {**CENTRAL, "savings": "NaN"}}, "inputs.savings"),
        ({"inputs": {**CENTRAL, "rating_inclusion": 9}}, "inputs.rating_inclusion"),
        ({"inputs": {**CENTRAL, "colour": "red"}}, "inputs.colour"),
        ({"inputs": {"capex": 1}}, "inputs.lifetime_years"),
        ({"inputs": None}, "inputs"),
        ({"kind": "bau"}, "kind"),
        ({"kind": "do_everything"}, "kind"),
        ({"kind": "do_minimum"}, "kind"),  # 9.1 has its do-minimum option already
        ({"name": ""}, "name"),
        ({"name": "x" * 201}, "name"),
        ({"preferred": "perhaps"}, "preferred"),
        ({"budget": 1}, "budget"),
    ],
)
def test_a_bad_new_option_is_a_400_naming_the_field(client, canvas, options_9_1, change, field):
    body = {**option_body("Smart poles", "do_something", CENTRAL), **change}

    response = client.post(canvas_url(canvas, "options"), body)

    assert response.status_code == 400, response.json()
    assert field in response.json(), response.json()
    assert Option.objects.filter(canvas=canvas).count() == 4


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"preferred": False}, "preferred"),
        ({"kind": "bau"}, "kind"),
        ({"optimism_bias": {"mitigation": 2}}, "optimism_bias.mitigation"),
        ({"optimism_bias": {"project_type": "moonbase"}}, "optimism_bias.project_type"),
        ({"inputs": {"lifetime_years": 25}}, "inputs.lifetime_years"),
        ({"inputs": {"opex": [1, 2]}}, "inputs.opex"),
        ({"name": None}, "name"),
    ],
)
def test_a_bad_change_is_a_400_naming_the_field(client, canvas, options_9_1, change, field):
    url = canvas_url(canvas, "options", options_9_1["LED retrofit with central management"])

    response = client.patch(url, change)

    assert response.status_code == 400, response.json()
    assert field in response.json(), response.json()
    assert client.get(url).json()["inputs"]["lifetime_years"] == 20


def test_business_as_usual_only_changes_its_name(client, canvas, options_9_1):
    url = canvas_url(canvas, "options", _bau_id(canvas))

    refused = client.patch(url, {"kind": "do_something"})
    renamed = client.patch(url, {"name": "Keep the sodium lamps"})

    assert refused.status_code == 400 and "kind" in refused.json()
    assert renamed.status_code == 200 and renamed.json()["name"] == "Keep the sodium lamps"


# The appraisal before and while it is computed -----------------------------------------


def test_the_appraisal_of_a_canvas_with_nothing_to_appraise_is_empty(client, canvas):
    body = appraisal(client, canvas)

    assert body["status"] is None
    assert body["assessment"] is None
    assert body["options"] == body["ladder"] == body["flags"] == []
    assert body["best"] is body["ladder_best"] is body["switching_value_pct"] is None
    assert body["justification_required"] is False


def test_a_pending_appraisal_shows_the_last_figures_with_its_status(
    api_as, editor, client, canvas, options_9_1
):
    done = appraisal(client, canvas)
    # Not run on commit: the new assessment stays queued, as with a busy worker.
    api_as(editor).patch(
        canvas_url(canvas, "options", options_9_1["Part-night dimming"]),
        {"name": "Dimming after midnight"},
        format="json",
    )

    body = appraisal(client, canvas)

    assert body["status"] == "queued"
    assert body["assessment"] == done["assessment"]
    assert body["options"] == done["options"]
    assert body["is_stale"] is True


# The council's parameters ---------------------------------------------------------------


def parameters_url(council) -> str:
    return f"/api/v1/councils/{council.slug}/parameters/"


def test_the_parameters_show_the_optimism_bias_table_and_the_ladder_threshold(
    api_as, council, editor
):
    body = api_as(editor).get(parameters_url(council)).json()

    assert body["optimism_bias"]["equipment_development"] == {
        "works": [54, 10],
        "capex": [200, 10],
        "opex": [0, 0],
    }
    assert set(body["optimism_bias"]) == {
        "standard_buildings",
        "non_standard_buildings",
        "standard_civil_engineering",
        "non_standard_civil_engineering",
        "equipment_development",
        "outsourcing",
    }
    assert body["incremental_bcr_threshold"] == 1.0


def test_a_council_sets_its_own_uplifts_and_threshold_and_the_appraisal_uses_them(
    api_as, council, admin_user, client, canvas, options_9_1, django_capture_on_commit_callbacks
):
    table = {"standard_civil_engineering": {"works": [20, 1], "capex": [60, 3], "opex": [0, 0]}}
    with django_capture_on_commit_callbacks(execute=True):
        response = api_as(admin_user).patch(
            parameters_url(council),
            {"optimism_bias": table, "incremental_bcr_threshold": 2.0},
            format="json",
        )

    body = response.json()
    assert response.status_code == 200, body
    assert body["optimism_bias"]["standard_civil_engineering"]["capex"] == [60, 3]
    assert body["optimism_bias"]["outsourcing"]["opex"] == [41, 0]  # others keep the defaults
    assert body["incremental_bcr_threshold"] == 2.0
    client.client.force_authenticate(user=admin_user)
    client.post(canvas_url(canvas, "assessment"))
    result = appraisal(client, canvas)
    led = next(row for row in result["options"] if row["name"] == "LED retrofit")
    assert led["capex_uplift"] == pytest.approx(0.30)
    # At a threshold of 2 the LED retrofit (1.68 over dimming) is refused.
    assert result["ladder_best"] == options_9_1["Part-night dimming"]


def test_patching_some_bounds_keeps_the_councils_other_bounds(api_as, council, admin_user):
    client = api_as(admin_user)
    client.patch(
        parameters_url(council),
        {"optimism_bias": {"outsourcing": {"opex": [30, 2]}}},
        format="json",
    )

    response = client.patch(
        parameters_url(council),
        {"optimism_bias": {"outsourcing": {"capex": [5, 1]}, "standard_buildings": {}}},
        format="json",
    )

    table = response.json()["optimism_bias"]
    assert response.status_code == 200
    assert table["outsourcing"] == {"works": [0, 0], "capex": [5, 1], "opex": [30, 2]}
    assert table["standard_buildings"]["capex"] == [24, 2]
    replaced = client.put(
        parameters_url(council),
        {**response.json(), "optimism_bias": {"outsourcing": {"capex": [5, 1]}}},
        format="json",
    )
    assert replaced.json()["optimism_bias"]["outsourcing"]["opex"] == [41, 0]  # PUT replaces


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"optimism_bias": {"spaceport": {"capex": [10, 1]}}}, "optimism_bias.spaceport"),
        (
            {"optimism_bias": {"outsourcing": {"capex": [1, 10]}}},
            "optimism_bias.outsourcing.capex",
        ),
        (
            {"optimism_bias": {"outsourcing": {"luck": [1, 0]}}},
            "optimism_bias.outsourcing.luck",
        ),
        ({"optimism_bias": {"outsourcing": {"opex": [41]}}}, "optimism_bias"),
        ({"optimism_bias": {"outsourcing": {"opex": [-1, 0]}}}, "optimism_bias"),
        ({"optimism_bias": "none"}, "optimism_bias"),
        ({"incremental_bcr_threshold": 0}, "incremental_bcr_threshold"),
        ({"incremental_bcr_threshold": "one"}, "incremental_bcr_threshold"),
    ],
)
def test_bad_optimism_bias_parameters_are_a_400_naming_the_field(
    api_as, council, admin_user, change, field
):
    response = api_as(admin_user).patch(parameters_url(council), change, format="json")

    assert response.status_code == 400
    assert any(key.startswith(field) for key in response.json()), response.json()


# Who may read and write -------------------------------------------------------------------


def test_another_councils_options_appraisal_and_their_writes_are_404(
    api_as, outsider, canvas, options_9_1
):
    client = api_as(outsider)
    led = options_9_1["LED retrofit"]

    assert client.get(canvas_url(canvas, "options")).status_code == 404
    assert client.get(canvas_url(canvas, "options", led)).status_code == 404
    assert client.get(canvas_url(canvas, "appraisal")).status_code == 404
    body = option_body("Smart poles", "do_something", CENTRAL)
    assert client.post(canvas_url(canvas, "options"), body, format="json").status_code == 404
    assert client.patch(canvas_url(canvas, "options", led), {}, format="json").status_code == 404
    assert client.delete(canvas_url(canvas, "options", led)).status_code == 404
    assert client.post(canvas_url(canvas, "options", led, "duplicate")).status_code == 404
    assert Option.objects.filter(canvas=canvas).count() == 4


def test_an_option_of_another_canvas_is_404(client, canvas, options_9_1, council, editor):
    from ..factories import CanvasFactory

    other = CanvasFactory(council=council, owner=editor)

    response = client.get(canvas_url(other, "options", options_9_1["LED retrofit"]))

    assert response.status_code == 404


@pytest.mark.parametrize("role", [Role.VIEWER, Role.APPROVER])
def test_readers_see_the_options_but_change_nothing(api_as, council, canvas, options_9_1, role):
    reader = MembershipFactory(council=council, role=role, user=UserFactory()).user
    client = api_as(reader)
    led = options_9_1["LED retrofit"]
    body = option_body("Smart poles", "do_something", CENTRAL)

    assert client.get(canvas_url(canvas, "options")).status_code == 200
    assert client.get(canvas_url(canvas, "appraisal")).status_code == 200
    assert client.post(canvas_url(canvas, "options"), body, format="json").status_code == 403
    patch = client.patch(canvas_url(canvas, "options", led), {"name": "X"}, format="json")
    assert patch.status_code == 403
    assert client.delete(canvas_url(canvas, "options", led)).status_code == 403
    assert client.post(canvas_url(canvas, "options", led, "duplicate")).status_code == 403
    assert Option.objects.get(pk=led).name == "LED retrofit"


def test_a_stakeholder_reads_the_appraisal_but_changes_no_option(
    api_as, canvas, editor, options_9_1
):
    stakeholder = accepted_invitation(canvas, editor, "stakeholder", "stakeholder")
    client = api_as(stakeholder)
    led = options_9_1["LED retrofit"]

    assert client.get(canvas_url(canvas, "appraisal")).json()["best"] == led
    assert client.get(canvas_url(canvas, "options")).status_code == 200
    patch = client.patch(canvas_url(canvas, "options", led), {"name": "X"}, format="json")
    assert patch.status_code == 403


def test_the_options_of_an_approved_canvas_are_frozen(client, canvas, options_9_1):
    canvas.stage = "approved"
    canvas.save(update_fields=["stage"])

    response = client.patch(
        canvas_url(canvas, "options", options_9_1["LED retrofit"]), {"name": "Brighter"}
    )

    assert response.status_code == 403


# The schema ----------------------------------------------------------------------------------


def test_the_schema_documents_the_options_benefits_and_outturn(api_as, editor):
    schema = api_as(editor).get("/api/schema/", HTTP_ACCEPT="application/json").json()

    paths = schema["paths"]
    for path, methods in {
        "/api/v1/canvases/{canvas_pk}/options/": {"get", "post"},
        "/api/v1/canvases/{canvas_pk}/options/{id}/": {"get", "patch", "delete"},
        "/api/v1/canvases/{canvas_pk}/options/{id}/duplicate/": {"post"},
        "/api/v1/canvases/{canvas_pk}/appraisal/": {"get"},
        "/api/v1/canvases/{canvas_pk}/outturn/": {"get", "put"},
        "/api/v1/canvases/{canvas_pk}/benefits/": {"get", "post"},
        "/api/v1/canvases/{canvas_pk}/benefits/{id}/": {"get", "patch", "delete"},
        "/api/v1/canvases/{canvas_pk}/benefits/{id}/measurements/": {"post"},
    }.items():
        assert path in paths, path
        assert methods <= set(paths[path]), path
        for method in methods:
            assert "404" in paths[path][method]["responses"], (path, method)
            if method != "get":
                assert "403" in paths[path][method]["responses"], (path, method)
    create = paths["/api/v1/canvases/{canvas_pk}/options/"]["post"]["responses"]
    assert {"201", "400"} <= set(create)
    appraised = schema["components"]["schemas"]["AppraisedOption"]["properties"]
    assert set(appraised) >= APPRAISAL_OPTION_FIELDS

"""The options page, the options appraisal on the results page and the optimism-bias
table on the council's parameters page, as editors, readers and outsiders see them."""

import re

import pytest
from django.urls import reverse

from canvas_app.models import (
    Assessment,
    AssessmentStatus,
    CanvasRole,
    MethodParameters,
    Option,
    OptionKind,
    Role,
)
from canvas_app.services.options import option_update, short_list
from canvas_app.services.outturn import outturn_set

from ..factories import MembershipFactory, UserFactory
from ..review.conftest import accepted_invitation
from .conftest import ACTUALS_9_2, CENTRAL


def form_data(values: dict) -> dict:
    return {key: "" if value is None else value for key, value in values.items()}


def option_data(inputs: dict, **fields) -> dict:
    return {
        "name": "Smart poles",
        "kind": "do_something",
        "project_type": "equipment_development",
        "mitigation": "0.5",
        "works_duration_months": "",
        **form_data(inputs),
        **fields,
    }


def bau_of(canvas) -> Option:
    return next(o for o in short_list(canvas) if o.kind == OptionKind.BAU)


@pytest.fixture
def stakeholder(canvas, editor):
    return accepted_invitation(canvas, editor, CanvasRole.STAKEHOLDER, "stake")


@pytest.fixture
def signed_in(client, editor):
    client.force_login(editor)
    return client


# The options page ----------------------------------------------------------------


@pytest.mark.parametrize("who", ["editor", "viewer", "stakeholder"])
def test_every_reader_sees_the_short_list(client, request, canvas, short_list_9_1, who):
    client.force_login(request.getfixturevalue(who))

    page = client.get(reverse("options", args=[canvas.pk]))

    assert page.status_code == 200
    content = page.content.decode()
    for name in ("Business as usual", "Part-night dimming", "LED retrofit"):
        assert name in content
    assert ("Add an option" in content) == (who == "editor")
    assert ('action="/options/' in content) == (who == "editor")  # duplicate, prefer, remove


def test_the_short_list_shows_the_figures_of_the_latest_appraisal(
    signed_in, canvas, short_list_9_1
):
    content = signed_in.get(reverse("options", args=[canvas.pk])).content.decode()

    assert "€3,213,440" in content  # the LED retrofit's ENPV after its 22 % uplift
    assert "80 %" in content  # central management's capex uplift


@pytest.mark.parametrize("page", ["options", "option-new", "benefits", "outturn"])
def test_outsiders_find_nothing(client, canvas, outsider, page):
    client.force_login(outsider)

    assert client.get(reverse(page, args=[canvas.pk])).status_code == 404


def test_outsiders_cannot_reach_an_option(client, canvas, outsider, short_list_9_1):
    client.force_login(outsider)
    option = short_list_9_1["central"]

    assert client.get(reverse("option-edit", args=[option.pk])).status_code == 404
    assert client.post(reverse("option-prefer", args=[option.pk])).status_code == 404


def test_an_option_is_added_with_its_inputs_and_optimism_bias(
    signed_in, canvas, led_canvas, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in.post(reverse("option-new", args=[canvas.pk]), option_data(CENTRAL))

    assert response.status_code == 302
    option = Option.objects.get(canvas=canvas, name="Smart poles")
    assert option.project_type == "equipment_development"
    assert option.mitigation == 0.5
    assert option.inputs["capex"] == 2_600_000
    assert not option.preferred
    latest = Assessment.objects.filter(canvas=canvas).latest("requested_at", "id")
    assert latest.status == AssessmentStatus.DONE
    assert "Smart poles" in [row["name"] for row in latest.appraisal["options"]]


def test_a_new_option_can_be_made_the_preferred_one(signed_in, canvas, led_canvas):
    signed_in.post(reverse("option-new", args=[canvas.pk]), option_data(CENTRAL, preferred="on"))

    option = Option.objects.get(canvas=canvas, name="Smart poles")
    assert option.preferred
    canvas.impact_inputs.refresh_from_db()
    assert canvas.impact_inputs.values["capex"] == 2_600_000


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {"mitigation": "1.5"},
            "Mitigation (0 to 1): Ensure this value is less than or equal to 1.",
        ),
        ({"name": ""}, "Name: This field is required."),
        ({"project_type": "spaceport"}, "Project type (optimism bias): Select a valid choice."),
        ({"capex": "-5"}, "Investment (capex) (EUR): Ensure this value is greater than"),
        ({"capex-0": "lots"}, "“lots” is not a number"),
        # the services' rule, shown on the field of the inputs form
        ({"lifetime_years": "15"}, "All options share one appraisal period"),
        ({"kind": "do_minimum", "name": "Second do-minimum"}, "already has a do-minimum"),
    ],
)
def test_a_bad_option_is_shown_again_with_the_field_named(
    signed_in, canvas, short_list_9_1, change, message
):
    before = Option.objects.filter(canvas=canvas).count()

    response = signed_in.post(
        reverse("option-new", args=[canvas.pk]), option_data(CENTRAL, **change)
    )

    assert response.status_code == 400
    content = response.content.decode()
    assert "There is a problem" in content
    assert message in content
    assert Option.objects.filter(canvas=canvas).count() == before


def test_the_lifetime_error_links_to_its_field(signed_in, canvas, short_list_9_1):
    response = signed_in.post(
        reverse("option-new", args=[canvas.pk]), option_data(CENTRAL, lifetime_years="15")
    )

    summary = response.content.decode().split('class="error-summary"')[1].split("</div>")[0]
    assert '<a href="#id_lifetime_years">' in summary


def test_an_option_is_edited(signed_in, canvas, short_list_9_1):
    central = short_list_9_1["central"]
    page = signed_in.get(reverse("option-edit", args=[central.pk])).content.decode()
    assert 'value="2600000' in page  # its inputs are in the form

    response = signed_in.post(
        reverse("option-edit", args=[central.pk]),
        option_data(CENTRAL, name="Central management", mitigation="0.8"),
    )

    assert response.status_code == 302
    central.refresh_from_db()
    assert (central.name, central.mitigation) == ("Central management", 0.8)


def test_business_as_usual_has_only_a_name_to_edit(signed_in, canvas, short_list_9_1):
    bau = bau_of(canvas)

    page = signed_in.get(reverse("option-edit", args=[bau.pk])).content.decode()
    response = signed_in.post(reverse("option-edit", args=[bau.pk]), {"name": "Do nothing"})

    assert 'name="capex"' not in page and 'name="project_type"' not in page
    assert response.status_code == 302
    bau.refresh_from_db()
    assert bau.name == "Do nothing" and bau.inputs is None


def test_duplicating_business_as_usual_starts_from_the_preferred_inputs(
    signed_in, canvas, short_list_9_1
):
    response = signed_in.post(reverse("option-duplicate", args=[bau_of(canvas).pk]))

    copy = Option.objects.get(canvas=canvas, name="Copy of LED retrofit")
    assert response["Location"] == reverse("option-edit", args=[copy.pk])
    assert copy.inputs == short_list_9_1["led"].inputs
    assert copy.kind == OptionKind.DO_SOMETHING


def test_business_as_usual_cannot_be_removed(signed_in, canvas, short_list_9_1):
    bau = bau_of(canvas)

    response = signed_in.post(reverse("option-delete", args=[bau.pk]), follow=True)

    assert Option.objects.filter(pk=bau.pk).exists()
    assert "it cannot be removed" in response.content.decode()


def test_an_option_is_removed(signed_in, canvas, short_list_9_1):
    dimming = short_list_9_1["dimming"]

    signed_in.post(reverse("option-delete", args=[dimming.pk]))

    assert not Option.objects.filter(pk=dimming.pk).exists()


def test_another_option_is_made_preferred(signed_in, canvas, short_list_9_1):
    central = short_list_9_1["central"]

    signed_in.post(reverse("option-prefer", args=[central.pk]))

    central.refresh_from_db()
    assert central.preferred
    assert Option.objects.filter(canvas=canvas, preferred=True).count() == 1


@pytest.mark.parametrize("role", [Role.VIEWER, Role.APPROVER])
def test_readers_change_no_option(client, council, canvas, short_list_9_1, role):
    reader = MembershipFactory(council=council, role=role, user=UserFactory()).user
    client.force_login(reader)
    central = short_list_9_1["central"]

    assert client.get(reverse("option-new", args=[canvas.pk])).status_code == 403
    assert client.post(reverse("option-new", args=[canvas.pk]), {}).status_code == 403
    assert client.post(reverse("option-prefer", args=[central.pk])).status_code == 403
    assert client.post(reverse("option-delete", args=[central.pk])).status_code == 403
    assert client.post(reverse("option-duplicate", args=[central.pk])).status_code == 403
    central.refresh_from_db()
    assert not central.preferred


# The options appraisal on the results page ----------------------------------------


def test_the_results_page_shows_the_appraisal_of_9_1(signed_in, canvas, short_list_9_1):
    content = signed_in.get(reverse("impact-results", args=[canvas.pk])).content.decode()

    assert "Options appraisal" in content
    for figure in (
        "€1,785,297",  # dimming: PV of benefits
        "€254,387",  # PV of costs
        "€1,530,910",  # ENPV
        "€1,560,910",  # ENPV without optimism bias
        "7.0180",  # B/C
        "€1,382,888",  # FNPV
        "€5,950,990",
        "€3,213,440",
        "€3,653,440",
        "2.1738",
        "€2,724,324",
        "€7,438,737",
        "€5,572,648",
        "€1,866,089",
        "€3,946,089",
        "1.3349",
        "€1,299,744",
        "70.1",  # LED retrofit's overall score
        "65.2",
    ):
        assert figure in content, figure
    assert "49.22 %" in content  # switching value between options
    for uplift in ("20 %", "22 %", "80 %", "10 %"):
        assert uplift in content
    assert "12.0 → 13.2 months" in content  # the LED retrofit's works duration, uplifted
    assert "1.6776" in content and "0.5248" in content and "Refused" in content  # the ladder
    assert 'id="appraisal-enpv-title"' in content  # the ENPV bars
    assert "Why is the preferred option chosen?" not in content  # the preferred is the best


def test_the_appraisal_table_ranks_the_options(signed_in, canvas, short_list_9_1):
    content = signed_in.get(reverse("impact-results", args=[canvas.pk])).content.decode()
    table = content.split('id="appraisal-table-caption"')[1].split("</table>")[0]

    rows = re.findall(
        r'<th scope="row">([^<]+)<br>.*?<td class="numeric">(\d)</td>\s*</tr>', table, re.S
    )
    assert dict(rows) == {
        "Business as usual": "4",
        "Part-night dimming": "3",
        "LED retrofit": "1",
        "LED retrofit with central management": "2",
    }


def test_a_preferred_option_that_is_not_the_best_asks_for_a_justification(
    signed_in, canvas, editor, short_list_9_1, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        option_update(option=short_list_9_1["central"], by=editor, preferred=True)
    url = reverse("impact-results", args=[canvas.pk])

    page = signed_in.get(url).content.decode()
    empty = signed_in.post(reverse("preferred-justification", args=[canvas.pk]), {})
    saved = signed_in.post(
        reverse("preferred-justification", args=[canvas.pk]),
        {"preferred_justification": "Central management is in the council's digital plan."},
    )

    assert "The preferred option is not the best value for money" in page
    assert "Why is the preferred option chosen?" in page and "Required before" in page
    assert 'name="preferred_justification"' in page and " required" in page
    assert empty.status_code == 400
    assert 'href="#id_preferred_justification"' in empty.content.decode()
    assert "Options appraisal" in empty.content.decode()  # the page itself, shown again
    assert saved.status_code == 302
    canvas.refresh_from_db()
    assert canvas.preferred_justification.startswith("Central management")
    assert "digital plan" in signed_in.get(url).content.decode()


def test_readers_see_the_justification_without_a_form(
    client, canvas, editor, viewer, short_list_9_1, django_capture_on_commit_callbacks
):
    from canvas_app.services.canvases import canvas_update

    with django_capture_on_commit_callbacks(execute=True):
        option_update(option=short_list_9_1["central"], by=editor, preferred=True)
    canvas_update(canvas=canvas, by=editor, preferred_justification="It is in our plan.")
    client.force_login(viewer)

    content = client.get(reverse("impact-results", args=[canvas.pk])).content.decode()
    refused = client.post(
        reverse("preferred-justification", args=[canvas.pk]), {"preferred_justification": "x"}
    )

    assert "It is in our plan." in content
    assert 'name="preferred_justification"' not in content
    assert refused.status_code == 403


def test_the_results_page_works_when_business_as_usual_is_preferred(
    signed_in, canvas, editor, short_list_9_1, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        option_update(option=bau_of(canvas), by=editor, preferred=True)
    latest = Assessment.objects.filter(canvas=canvas).latest("requested_at", "id")
    assert latest.result is None and latest.appraisal is not None

    response = signed_in.get(reverse("impact-results", args=[canvas.pk]))

    content = response.content.decode()
    assert response.status_code == 200
    assert "the canvas recommends doing nothing" in content
    assert "Options appraisal" in content and "€3,213,440" in content
    assert "Why these scores" not in content


def test_a_version_1_assessment_shows_its_scores_without_an_appraisal(
    signed_in, canvas, led_canvas
):
    Assessment.objects.filter(canvas=canvas).update(appraisal=None, options=[], method_version=1)

    content = signed_in.get(reverse("impact-results", args=[canvas.pk])).content.decode()

    assert "€3,164,324" in content  # the FNPV of 6.1
    assert "Options appraisal" not in content


# The optimism-bias table on the parameters page --------------------------------------


def parameters_post(client, council, **changes) -> dict:
    """The parameters form as the page fills it in, with some fields changed."""
    from canvas_app.forms import MethodParametersForm
    from canvas_app.services.impact import method_parameters_of

    form = MethodParametersForm(
        initial=MethodParametersForm.initial_from(method_parameters_of(council).values)
    )
    data = {name: form[name].value() for name in form.fields}
    data.update(changes)
    return client.post(reverse("council-parameters", args=[council.slug]), data)


def test_admins_save_the_optimism_bias_table_and_the_threshold(client, council, admin_user):
    client.force_login(admin_user)
    page = client.get(reverse("council-parameters", args=[council.slug])).content.decode()
    assert "Optimism-bias uplifts by project type" in page
    assert re.search(
        r'name="bias_standard_civil_engineering_capex_upper" id="\w+" value="44"', page
    )
    assert "Incremental benefit-cost threshold" in page

    response = parameters_post(
        client,
        council,
        bias_standard_civil_engineering_capex_upper="50",
        incremental_bcr_threshold="1.2",
    )

    assert response.status_code == 302
    values = MethodParameters.objects.get(council=council).values
    assert values["optimism_bias"]["standard_civil_engineering"]["capex"] == [50.0, 3.0]
    assert values["optimism_bias"]["outsourcing"]["opex"] == [41.0, 0.0]
    assert values["incremental_bcr_threshold"] == 1.2


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"bias_outsourcing_opex_lower": "50"}, "The lower bound cannot exceed the upper one."),
        ({"bias_standard_buildings_capex_upper": "-1"}, "greater than or equal to 0"),
        ({"bias_standard_buildings_works_upper": ""}, "This field is required."),
    ],
)
def test_a_bad_bias_table_is_shown_again_with_the_cell_named(
    client, council, admin_user, change, message
):
    client.force_login(admin_user)

    response = parameters_post(client, council, **change)

    assert response.status_code == 400
    content = response.content.decode()
    (field,) = change
    assert f'href="#id_{field}"' in content
    assert message in content
    assert 'aria-invalid="true"' in content
    assert not MethodParameters.objects.filter(council=council).exists()


def test_the_parameters_page_shows_the_council_observed_overrun(
    client, council, canvas, editor, led_canvas
):
    client.force_login(editor)
    url = reverse("council-parameters", args=[council.slug])
    before = client.get(url).content.decode()

    outturn_set(canvas=canvas, by=editor, actuals=ACTUALS_9_2)
    after = client.get(url).content.decode()

    assert "No canvas of the council has recorded its actual capex yet" in before
    assert "Median capex overrun: <strong>15.0 %</strong>, over 1 canvas" in after


def test_editors_see_the_bias_table_but_cannot_change_it(client, council, editor):
    client.force_login(editor)

    page = client.get(reverse("council-parameters", args=[council.slug])).content.decode()
    refused = parameters_post(client, council, bias_outsourcing_opex_upper="10")

    assert 'id="optimism-bias" disabled' in page
    assert refused.status_code == 403

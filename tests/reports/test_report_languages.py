"""The business case in Spanish: headings, numbers and the cover's document control."""

import pytest
from django.utils import translation
from django.utils.translation import gettext

from canvas_app.presentation.formatting import eur
from canvas_app.services.lifecycle import canvas_transition, decision_make
from tests.factories import MembershipFactory, UserFactory

from .conftest import squeeze
from .test_business_case import _led

pytestmark = pytest.mark.django_db


def _led_decided(council, editor):
    canvas, extra = _led(council, editor)
    approver = UserFactory(username="report-approver", first_name="Marta", last_name="Puig")
    MembershipFactory(council=council, user=approver, role="approver")
    canvas_transition(canvas=canvas, by=editor, to="consultation")
    canvas_transition(canvas=canvas, by=editor, to="review")
    decision_make(canvas=canvas, by=approver, outcome="approve", rationale="Buen valor.")
    canvas.refresh_from_db()
    return canvas, extra


@pytest.fixture(scope="module")
def spanish(make_case):
    return make_case(_led_decided, language="es")


def spanish_for(text: str) -> str:
    with translation.override("es"):
        return gettext(text)


@pytest.mark.parametrize(
    "heading",
    ["2. Strategic case", "3. Economic case", "5. Financial case", "Annex B. Consultation"],
)
def test_the_headings_are_spanish(spanish, heading):
    translated = spanish_for(heading)

    assert translated != heading
    assert squeeze(translated) in spanish.squeezed
    assert squeeze(heading) not in spanish.squeezed


def test_money_is_written_the_spanish_way(spanish):
    with translation.override("es"):
        fnpv = eur(3_164_324.01)  # the FNPV of the LED example, as Spanish writes it

    assert fnpv.endswith(" €") and "," not in fnpv
    assert squeeze(fnpv) in spanish.squeezed
    assert "€3,164,324" not in spanish.squeezed
    assert "18,35%" in spanish.squeezed  # the FIRR


def test_the_cover_records_the_decision_in_spanish(spanish):
    cover = squeeze(spanish.texts[0] + spanish.texts[1])

    assert squeeze(spanish_for("Decisions")) in cover
    assert squeeze(spanish_for("Approved")) in cover
    assert "Buenvalor." in cover  # the rationale, as written
    assert "Approved" not in cover


def test_the_footer_is_spanish(spanish):
    page = spanish.texts[2]

    assert spanish_for("Page") in page and "Page " not in page

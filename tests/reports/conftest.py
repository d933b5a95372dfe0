"""Render a business case once per module and share the PDF between its tests.

The `db` fixture is per test, so the module fixtures below open the database
themselves, build their canvas inside a transaction, render, and roll it all back.
"""

import io
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pytest
from django.db import transaction
from django.test import TestCase, override_settings
from pypdf import PdfReader

from canvas_app.models import Canvas, Role
from canvas_app.reports.content import report_content
from canvas_app.reports.render import RenderedPdf, render_pdf
from tests.factories import CouncilFactory, MembershipFactory, UserFactory

FAST_HASHER = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def squeeze(text: str) -> str:
    """Text without any whitespace: a PDF breaks lines wherever its layout needs to."""
    return "".join(text.split())


@dataclass(frozen=True)
class PdfCase:
    pdf: RenderedPdf
    reader: PdfReader
    texts: list[str]  # extracted text, page by page
    canvas: Canvas  # as it was when rendered (its rows are rolled back since)
    extra: dict

    @property
    def squeezed(self) -> str:
        return squeeze("\n".join(self.texts))


@contextmanager
def rolled_back(django_db_blocker) -> Iterator[None]:
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=FAST_HASHER),
        transaction.atomic(),
    ):
        yield
        transaction.set_rollback(True)


def business_case_pdf(canvas: Canvas, language: str) -> RenderedPdf:
    return render_pdf(report_content(canvas, language))


def render_case(
    build: Callable[..., tuple[Canvas, dict]],
    django_db_blocker,
    language: str = "en",
    render: Callable[[Canvas, str], RenderedPdf] = business_case_pdf,
) -> PdfCase:
    """Build a canvas with `build(council, editor)`, render its PDF (the business case
    unless `render` says otherwise) in a language, forget the rows."""
    with rolled_back(django_db_blocker):
        council = CouncilFactory(name="Ghent", slug="ghent-report")
        editor = UserFactory(username="report-editor", first_name="Ada", last_name="Peeters")
        MembershipFactory(council=council, user=editor, role=Role.EDITOR)
        # Assessments are computed when the transaction commits: run them now instead.
        with TestCase.captureOnCommitCallbacks(execute=True):
            canvas, extra = build(council, editor)
        pdf = render(canvas, language)
    reader = PdfReader(io.BytesIO(pdf.data))
    texts = [page.extract_text() for page in reader.pages]
    return PdfCase(pdf=pdf, reader=reader, texts=texts, canvas=canvas, extra=extra)


@pytest.fixture(scope="module")
def make_case(django_db_setup, django_db_blocker):
    def make(build, language: str = "en", render=business_case_pdf):
        return render_case(build, django_db_blocker, language, render)

    return make

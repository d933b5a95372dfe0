"""The API fuzzed from its own OpenAPI schema: whatever a client sends, never a 500."""

import datetime
import json
from urllib.parse import urlencode

import pytest
import schemathesis
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient
from schemathesis.core import NOT_SET

from ..factories import CardFactory

schema = schemathesis.openapi.from_dict(SchemaGenerator().get_schema(request=None, public=True))
# Random fuzzing only: the boundary-value coverage phase multiplies the cases per
# operation beyond what a test suite that runs on every change can afford.
schema.config.phases.coverage.enabled = False

pytestmark = pytest.mark.fuzz


@pytest.fixture
def token(canvas, editor) -> str:
    # Something real to hit: low ids of a canvas, a card, a partner and a milestone.
    CardFactory(canvas=canvas, block="key_activities")
    partner = canvas.partners.create(organisation="Operator", kind="company")
    canvas.milestones.create(name="Pilot", due_date=datetime.date(2027, 1, 1), owner=partner)
    return Token.objects.create(user=editor).key


@schema.parametrize()
@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_the_api_never_answers_with_a_server_error(case, token):
    # Sent through Django's test client, so the requests share the test's transaction.
    client = APIClient(raise_request_exception=False)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    path = case.formatted_path + (f"?{urlencode(case.query, doseq=True)}" if case.query else "")
    body, content_type = _encoded(case)
    response = client.generic(case.method, path, body, content_type=content_type)

    assert response.status_code < 500, (case.method, path, body[:500], response.content[:500])


def _encoded(case) -> tuple[str | bytes, str]:
    if case.body is None or case.body is NOT_SET:
        return "", "application/json"
    if case.media_type and "multipart" in case.media_type:
        return json.dumps(case.body, default=str), "application/json"
    if isinstance(case.body, bytes | str):
        return case.body, case.media_type or "application/json"
    return json.dumps(case.body, default=str), "application/json"

"""Two people saving at the same moment, on real PostgreSQL connections."""

import threading

import pytest
from django.db import connection
from rest_framework.test import APIClient

from canvas_app.models import Card

from .factories import CardFactory

pytestmark = pytest.mark.django_db(transaction=True)


def save_at_once(requests: list[tuple]) -> list:
    """Send each (user, url, payload) from its own thread and connection, released together."""
    barrier = threading.Barrier(len(requests))
    responses: list = [None] * len(requests)

    def send(index: int, user, url: str, payload: dict) -> None:
        client = APIClient()
        client.force_authenticate(user)
        barrier.wait()
        try:
            responses[index] = client.patch(url, payload, format="json")
        finally:
            connection.close()

    threads = [
        threading.Thread(target=send, args=(i, *request)) for i, request in enumerate(requests)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return responses


def url(card) -> str:
    return f"/api/v1/canvases/{card.canvas_id}/cards/{card.pk}/"


@pytest.mark.parametrize("attempt", range(3))
def test_two_saves_of_one_card_from_one_version_give_one_winner(
    card, editor, other_editor, attempt
):
    responses = save_at_once(
        [
            (editor, url(card), {"text": "Anna's text", "version": 1}),
            (other_editor, url(card), {"text": "Ben's text", "version": 1}),
        ]
    )

    codes = sorted(response.status_code for response in responses)
    assert codes == [200, 409]
    winner = next(r for r in responses if r.status_code == 200).json()
    loser = next(r for r in responses if r.status_code == 409).json()
    saved = Card.objects.get(pk=card.pk)
    assert saved.text == winner["text"] and saved.version == 2
    # Both texts survive: one saved, the other handed back to its author.
    assert {saved.text, loser["attempted"]["text"]} == {"Anna's text", "Ben's text"}
    assert loser["current"]["text"] == saved.text


def test_saves_of_different_cards_never_conflict(canvas, editor, other_editor):
    first = CardFactory(canvas=canvas, block="costs", text="Capex")
    second = CardFactory(canvas=canvas, block="costs", text="Opex")

    responses = save_at_once(
        [
            (editor, url(first), {"text": "Capex EUR 2 M", "version": 1}),
            (other_editor, url(second), {"text": "Opex EUR 20 k", "version": 1}),
        ]
    )

    assert [response.status_code for response in responses] == [200, 200]
    assert Card.objects.get(pk=first.pk).text == "Capex EUR 2 M"
    assert Card.objects.get(pk=second.pk).text == "Opex EUR 20 k"

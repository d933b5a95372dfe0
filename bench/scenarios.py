"""The measured requests: the canvas page, the API canvas detail and a card save."""

import itertools
import random
import threading
from dataclasses import replace

from .client import Client, Response
from .database import CardRef
from .load import Operation


def random_get(client: Client, paths: list[str], rng: random.Random) -> Operation:
    def operation() -> Response:
        return client.get(rng.choice(paths))

    return operation


def canvas_page(client: Client, canvas_ids: list[int], rng: random.Random) -> Operation:
    return random_get(client, [f"/canvases/{pk}/" for pk in canvas_ids], rng)


def api_canvas_detail(client: Client, canvas_ids: list[int], rng: random.Random) -> Operation:
    return random_get(client, [f"/api/v1/canvases/{pk}/" for pk in canvas_ids], rng)


class CardSaver:
    """Saves random cards, each based on the version the previous save returned.

    A card is taken out of the idle pool while its save is in flight, so no card
    is ever saved twice at once and every save should succeed; a 409 means the
    app lost a version, not that the benchmark raced itself.
    """

    def __init__(self, client: Client, cards: list[CardRef], rng: random.Random) -> None:
        self.client = client
        self._idle = list(cards)
        self._rng = rng
        self._lock = threading.Lock()
        self._numbers = itertools.count(1)

    def __call__(self) -> Response:
        card, number = self._take()
        response = self.client.send_json(
            "PATCH",
            f"/api/v1/canvases/{card.canvas_id}/cards/{card.id}/",
            {"text": f"Edited during the benchmark (save {number}).", "version": card.version},
        )
        # After anything but a success the card's version is uncertain: leave it out.
        if response.status == 200:
            payload = response.json()
            assert isinstance(payload, dict)
            self._give_back(replace(card, version=int(payload["version"])))
        return response

    def _take(self) -> tuple[CardRef, int]:
        with self._lock:
            if not self._idle:
                raise RuntimeError("every card is busy or failed")
            # Swap-remove keeps taking a random card O(1).
            index = self._rng.randrange(len(self._idle))
            self._idle[index], self._idle[-1] = self._idle[-1], self._idle[index]
            return self._idle.pop(), next(self._numbers)

    def _give_back(self, card: CardRef) -> None:
        with self._lock:
            self._idle.append(card)

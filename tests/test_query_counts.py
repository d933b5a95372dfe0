"""The canvas page and the API detail cost the same number of queries whatever
the number of cards."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from canvas_app.framework import BLOCKS

from .factories import CardFactory


def fill(canvas, count: int) -> None:
    CardFactory.create_batch(
        count, canvas=canvas, block=factory_block_cycle(count), created_by=None, updated_by=None
    )


def factory_block_cycle(count: int):
    import factory

    return factory.Iterator([block.key for block in BLOCKS])


def queries_for(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("page", ["canvas-detail", "api-detail"])
def test_queries_do_not_grow_with_cards(
    client, editor, canvas, page, django_assert_max_num_queries
):
    client.force_login(editor)
    url = (
        reverse("canvas-detail", args=[canvas.pk])
        if page == "canvas-detail"
        else f"/api/v1/canvases/{canvas.pk}/"
    )
    fill(canvas, 10)
    with_10 = queries_for(client, url)
    fill(canvas, 190)

    with django_assert_max_num_queries(with_10):
        client.get(url)
    assert with_10 <= 9

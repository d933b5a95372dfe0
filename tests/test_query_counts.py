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
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")  # as every browser sends
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
        client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    # Session, user and profile, canvas with the role, cards, scores (2), open comment
    # counts, whether this revision was consulted, the header's councils and unread count.
    assert with_10 <= 10


def add_comments(canvas, author, count: int) -> None:
    """Threads and replies on the canvas's cards, some resolved, in bulk."""
    from django.utils import timezone

    from canvas_app.models import Comment

    cards = list(canvas.cards.all())
    now = timezone.now()
    threads = Comment.objects.bulk_create(
        Comment(
            canvas=canvas,
            block=cards[i % len(cards)].block,
            card=cards[i % len(cards)],
            author=author,
            kind="question",
            body=f"Thread {i}",
            status="resolved" if i % 3 == 0 else "open",
            last_activity_at=now,
        )
        for i in range(count // 2)
    )
    Comment.objects.bulk_create(
        Comment(
            canvas=canvas,
            block=thread.block,
            card=thread.card,
            parent=thread,
            author=author,
            kind="question",
            body="A reply",
            last_activity_at=now,
        )
        for thread in threads
    )


@pytest.mark.parametrize("page", ["canvas-detail", "api-detail"])
def test_comments_do_not_add_queries(client, editor, canvas, page):
    client.force_login(editor)
    url = (
        reverse("canvas-detail", args=[canvas.pk])
        if page == "canvas-detail"
        else f"/api/v1/canvases/{canvas.pk}/"
    )
    fill(canvas, 40)
    without = queries_for(client, url)

    add_comments(canvas, editor, 500)

    assert queries_for(client, url) == without
    if page == "canvas-detail":
        assert "open comments" in client.get(url).content.decode()

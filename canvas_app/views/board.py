"""The canvas board as the canvas page shows it, shared by the page and its htmx updates."""

from django.middleware.csrf import get_token

from canvas_app.presentation.board import attach_card_views
from canvas_app.selectors import AssessmentState, Board, canvas_board_with_scores
from canvas_app.selectors.review import open_thread_counts
from canvas_app.services.comments import why_cannot_comment


def page_board(request, canvas) -> tuple[Board, AssessmentState]:
    """The board with its scores, card actions and open-comment counts."""
    board, state = canvas_board_with_scores(canvas)
    attach_card_views(
        board,
        can_edit=canvas.can_edit,
        csrf_token=get_token(request),
        open_threads=open_thread_counts(canvas),
        can_comment=why_cannot_comment(canvas.user_role, canvas) is None,
    )
    return board, state

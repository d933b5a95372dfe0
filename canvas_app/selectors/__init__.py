"""Read models shared by the canvas page, the API and reports."""

from dataclasses import dataclass, field

from django.db.models import Subquery
from django.db.models.functions import Coalesce

from canvas_app.framework import BLOCK_COUNT, BLOCKS, GROUPS_BY_KEY, Block, Group
from canvas_app.models import Assessment, Canvas, Card, ImpactInputs, MethodParameters


@dataclass
class BoardBlock:
    block: Block
    cards: list[Card] = field(default_factory=list)
    score: float | None = None  # impact blocks: the dimension's current score
    views: list = field(default_factory=list)  # the cards as the canvas page prints them
    add_url: str = ""
    comments_url: str = ""
    open_threads: int = 0

    @property
    def group(self) -> Group:
        return GROUPS_BY_KEY[self.block.group]


@dataclass
class Board:
    """A canvas's cards arranged by block, in reading order."""

    blocks: list[BoardBlock]
    canvas_id: int | None = None

    @property
    def filled(self) -> int:
        return sum(1 for entry in self.blocks if entry.cards)

    @property
    def total(self) -> int:
        return BLOCK_COUNT

    @property
    def completeness_percent(self) -> int:
        return round(100 * self.filled / self.total)

    @property
    def open_threads(self) -> int:
        return sum(entry.open_threads for entry in self.blocks)

    @property
    def card_count(self) -> int:
        return sum(len(entry.cards) for entry in self.blocks)

    def block(self, key: str) -> BoardBlock:
        return next(entry for entry in self.blocks if entry.block.key == key)


def canvas_board(canvas: Canvas, cards: list[Card] | None = None) -> Board:
    """Group the canvas's cards by block in one query (or from cards already loaded)."""
    if cards is None:
        cards = list(canvas.cards.order_by("position", "id"))
    by_block: dict[str, list[Card]] = {block.key: [] for block in BLOCKS}
    for card in sorted(cards, key=lambda c: (c.position, c.pk)):
        by_block.setdefault(card.block, []).append(card)
    return Board(
        blocks=[BoardBlock(block, by_block[block.key]) for block in BLOCKS], canvas_id=canvas.pk
    )


@dataclass
class AssessmentState:
    """Where a canvas's scores stand: what to show, and whether it is current."""

    has_inputs: bool
    latest: Assessment | None  # the newest request, whatever its status
    shown: Assessment | None  # the newest done assessment
    is_stale: bool  # the inputs or parameters changed since `shown` was computed

    @property
    def is_pending(self) -> bool:
        return self.latest is not None and self.latest.is_pending

    @property
    def failed(self) -> bool:
        return self.latest is not None and self.latest.status == "failed"


# The large JSON documents: a page that shows the scores needs none of them, and the
# result page loads `result` when it reads it.
SNAPSHOT_FIELDS = ("inputs", "parameters", "funding", "result", "options", "appraisal")


def assessment_state(canvas: Canvas) -> AssessmentState:
    """Two queries in the usual case: the versions the scores must match, and the latest
    assessment (a third finds the newest done one while a new one is on its way)."""
    council_parameters = MethodParameters.objects.filter(council_id=canvas.council_id)
    versions = (
        ImpactInputs.objects.filter(canvas=canvas)
        .annotate(
            parameters_version=Coalesce(Subquery(council_parameters.values("version")[:1]), 0)
        )
        .values("version", "parameters_version")
        .first()
    )
    assessments = Assessment.objects.filter(canvas=canvas).defer(*SNAPSHOT_FIELDS)
    latest = assessments.order_by("-requested_at", "-id").first()
    shown = latest
    if latest is not None and latest.status != "done":
        shown = assessments.filter(status="done").order_by("-requested_at", "-id").first()
    is_stale = bool(
        shown is not None
        and versions is not None
        and (shown.inputs_version, shown.parameters_version)
        != (versions["version"], versions["parameters_version"])
    )
    return AssessmentState(
        has_inputs=versions is not None, latest=latest, shown=shown, is_stale=is_stale
    )


IMPACT_BLOCK_DIMENSIONS = {
    "economic_impact": "economic",
    "environmental_impact": "environmental",
    "social_impact": "social",
}


def canvas_board_with_scores(canvas: Canvas) -> tuple[Board, AssessmentState]:
    """The board, its impact blocks carrying the scores of the assessment shown."""
    board = canvas_board(canvas)
    state = assessment_state(canvas)
    if state.shown is not None:
        for entry in board.blocks:
            dimension = IMPACT_BLOCK_DIMENSIONS.get(entry.block.key)
            if dimension:
                entry.score = getattr(state.shown, dimension)
    return board, state

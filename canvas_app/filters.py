"""The canvas list's search, filters and sorting, shared by the HTML list and the API."""

import django_filters
from django.db.models import F, Q

from canvas_app.framework import BLOCK_CHOICES
from canvas_app.models import Canvas, Comment, CommentKind, Sector, Stage, Stance, ThreadStatus


class CanvasFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label="Search")
    sector = django_filters.ChoiceFilter(choices=Sector.choices, empty_label="All sectors")
    stage = django_filters.ChoiceFilter(choices=Stage.choices, empty_label="All stages")
    council = django_filters.CharFilter(field_name="council__slug", label="Council (slug)")
    ordering = django_filters.OrderingFilter(
        fields=(("updated_at", "updated"), ("created_at", "created"), ("title", "title")),
        field_labels={"updated_at": "Last updated", "created_at": "Created", "title": "Title"},
        label="Sort by",
        empty_label="Last updated first",
    )

    class Meta:
        model = Canvas
        fields = ["q", "sector", "stage", "council"]

    def search(self, queryset, name: str, value: str):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(title__icontains=value) | Q(summary__icontains=value))


SCORE_FIELDS = ("economic", "environmental", "social", "overall", "capex")


def with_latest_scores(canvases):
    """Annotate each canvas with the scores of its newest done assessment."""
    from django.db.models import OuterRef, Subquery

    from canvas_app.models import Assessment

    latest = Assessment.objects.filter(canvas=OuterRef("pk"), status="done").order_by(
        "-requested_at", "-id"
    )
    return canvases.annotate(**{name: Subquery(latest.values(name)[:1]) for name in SCORE_FIELDS})


class NullsLastOrderingFilter(django_filters.OrderingFilter):
    """Unscored canvases sort after scored ones, whichever the direction."""

    def filter(self, qs, value):
        if not value:
            return qs
        ordering = []
        for param in value:
            field = self.get_ordering_value(param)
            descending = field.startswith("-")
            expression = F(field.lstrip("-"))
            ordering.append(
                expression.desc(nulls_last=True) if descending else expression.asc(nulls_last=True)
            )
        return qs.order_by(*ordering, "title")


class PortfolioFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label="Search")
    sector = django_filters.ChoiceFilter(choices=Sector.choices, empty_label="All sectors")
    stage = django_filters.ChoiceFilter(choices=Stage.choices, empty_label="All stages")
    scored = django_filters.BooleanFilter(
        method="only_scored",
        label="Only scored canvases",
        widget=django_filters.widgets.BooleanWidget(),
    )
    ordering = NullsLastOrderingFilter(
        fields=(
            ("overall", "overall"),
            ("economic", "economic"),
            ("environmental", "environmental"),
            ("social", "social"),
            ("capex", "capex"),
            ("title", "title"),
        ),
        field_labels={
            "overall": "Overall score",
            "economic": "Economic score",
            "environmental": "Environmental score",
            "social": "Social score",
            "capex": "Investment",
            "title": "Title",
        },
        label="Sort by",
        empty_label="Title",
    )

    class Meta:
        model = Canvas
        fields = ["q", "sector", "stage"]

    def __init__(self, data=None, *, council, **kwargs) -> None:
        canvases = with_latest_scores(Canvas.objects.filter(council=council)).order_by("title")
        super().__init__(data, queryset=canvases, **kwargs)

    search = CanvasFilter.search

    def only_scored(self, queryset, name: str, value: bool | None):
        return queryset.filter(overall__isnull=False) if value else queryset


class CommentFilter(django_filters.FilterSet):
    """The API's comment filters; `status` is the thread's (a reply has its thread's)."""

    status = django_filters.ChoiceFilter(choices=ThreadStatus.choices, method="thread_status")
    block = django_filters.ChoiceFilter(choices=BLOCK_CHOICES)
    card = django_filters.NumberFilter(field_name="card_id")
    kind = django_filters.ChoiceFilter(choices=CommentKind.choices)
    stance = django_filters.ChoiceFilter(choices=Stance.choices)
    parent = django_filters.NumberFilter(field_name="parent_id")
    threads = django_filters.BooleanFilter(
        field_name="parent", lookup_expr="isnull", label="Only the first comment of each thread"
    )
    mine = django_filters.BooleanFilter(method="only_mine", label="Only threads I take part in")

    class Meta:
        model = Comment
        fields = ["status", "block", "card", "kind", "stance", "parent", "threads", "mine"]

    def thread_status(self, queryset, name: str, value: str):
        return queryset.filter(thread_status=value)

    def only_mine(self, queryset, name: str, value: bool):
        if not value:
            return queryset
        user = self.request.user
        mine = Comment.objects.filter(author=user)
        return queryset.filter(
            Q(author=user)
            | Q(parent__author=user)
            | Q(parent__in=mine.values("parent_id"))
            | Q(pk__in=mine.values("parent_id"))
        )

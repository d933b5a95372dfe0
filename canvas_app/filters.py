"""The canvas list's search, filters and sorting, shared by the HTML list and the API."""

import django_filters
from django.db.models import F, Q
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from canvas_app.framework import BLOCK_CHOICES
from canvas_app.models import Canvas, Comment, CommentKind, Sector, Stage, Stance, ThreadStatus


def _descending_label(label) -> str:
    return gettext("%(label)s (descending)") % {"label": label}


_descending = lazy(_descending_label, str)


def ordering_labels(fields: tuple, labels: dict) -> dict:
    """Labels for both directions of each sort. django-filter builds the descending
    ones itself when the module is imported, so they would never be translated."""
    return {**labels, **{f"-{param}": _descending(labels[field]) for field, param in fields}}


CANVAS_ORDERING = (("updated_at", "updated"), ("created_at", "created"), ("title", "title"))


class CanvasFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label=_("Search"))
    sector = django_filters.ChoiceFilter(
        label=_("Sector"), choices=Sector.choices, empty_label=_("All sectors")
    )
    stage = django_filters.ChoiceFilter(
        label=_("Stage"), choices=Stage.choices, empty_label=_("All stages")
    )
    council = django_filters.CharFilter(field_name="council__slug", label=_("Council (slug)"))
    ordering = django_filters.OrderingFilter(
        fields=CANVAS_ORDERING,
        field_labels=ordering_labels(
            CANVAS_ORDERING,
            {"updated_at": _("Last updated"), "created_at": _("Created"), "title": _("Title")},
        ),
        label=_("Sort by"),
        empty_label=_("Last updated first"),
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


PORTFOLIO_ORDERING = (
    ("overall", "overall"),
    ("economic", "economic"),
    ("environmental", "environmental"),
    ("social", "social"),
    ("capex", "capex"),
    ("title", "title"),
)


class PortfolioFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label=_("Search"))
    sector = django_filters.ChoiceFilter(
        label=_("Sector"), choices=Sector.choices, empty_label=_("All sectors")
    )
    stage = django_filters.ChoiceFilter(
        label=_("Stage"), choices=Stage.choices, empty_label=_("All stages")
    )
    scored = django_filters.BooleanFilter(
        method="only_scored",
        label=_("Only scored canvases"),
        widget=django_filters.widgets.BooleanWidget(),
    )
    ordering = NullsLastOrderingFilter(
        fields=PORTFOLIO_ORDERING,
        field_labels=ordering_labels(
            PORTFOLIO_ORDERING,
            {
                "overall": _("Overall score"),
                "economic": _("Economic score"),
                "environmental": _("Environmental score"),
                "social": _("Social score"),
                "capex": _("Investment"),
                "title": _("Title"),
            },
        ),
        label=_("Sort by"),
        empty_label=_("Title"),
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

    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=ThreadStatus.choices, method="thread_status"
    )
    block = django_filters.ChoiceFilter(label=_("Block"), choices=BLOCK_CHOICES)
    card = django_filters.NumberFilter(label=_("Card"), field_name="card_id")
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=CommentKind.choices)
    stance = django_filters.ChoiceFilter(label=_("Stance"), choices=Stance.choices)
    parent = django_filters.NumberFilter(label=_("Parent"), field_name="parent_id")
    threads = django_filters.BooleanFilter(
        field_name="parent",
        lookup_expr="isnull",
        label=_("Only the first comment of each thread"),
    )
    mine = django_filters.BooleanFilter(method="only_mine", label=_("Only threads I take part in"))

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

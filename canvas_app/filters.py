"""The canvas list's search, filters and sorting, shared by the HTML list and the API."""

import django_filters
from django.db.models import Q

from canvas_app.models import Canvas, Sector, Stage


class CanvasFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label="Search")
    sector = django_filters.ChoiceFilter(choices=Sector.choices, empty_label="All sectors")
    stage = django_filters.ChoiceFilter(choices=Stage.choices, empty_label="All stages")
    council = django_filters.CharFilter(field_name="council__slug", label="Council (slug)")
    ordering = django_filters.OrderingFilter(
        fields=(("updated_at", "updated"), ("created_at", "created"), ("title", "title")),
        field_labels={"updated_at": "Last updated", "created_at": "Created", "title": "Title"},
        label="Sort by",
    )

    class Meta:
        model = Canvas
        fields = ["q", "sector", "stage", "council"]

    def search(self, queryset, name: str, value: str):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(title__icontains=value) | Q(summary__icontains=value))

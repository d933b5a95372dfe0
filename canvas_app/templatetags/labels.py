"""Stored codes shown as their labels, in the reader's language."""

from django import template

from canvas_app.models import CardColour, Evidence

register = template.Library()


@register.filter
def evidence_label(value: str) -> str:
    return str(dict(Evidence.choices).get(value, value))


@register.filter
def colour_label(value: str) -> str:
    return str(dict(CardColour.choices).get(value, value))

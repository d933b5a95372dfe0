from django.core.exceptions import ValidationError
from django.db import models


def clean_or_raise(instance: models.Model, *, exclude: list[str] | None = None) -> None:
    """Run the model's field validation and raise one ValidationError keyed by field.

    Text is stripped first, so a title of spaces counts as empty.
    """
    for field in instance._meta.concrete_fields:
        value = getattr(instance, field.attname, None)
        if isinstance(value, str):
            setattr(instance, field.attname, value.strip())
    instance.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)


def require(condition: bool, field: str, message: str) -> None:
    if not condition:
        raise ValidationError({field: [message]})

"""The impact engine's validation, as the services raise it: a ValidationError naming
each field."""

from collections.abc import Mapping

from django.core.exceptions import ValidationError

from canvas_app import impact


def engine_errors(error: impact.InputError) -> ValidationError:
    return ValidationError(error.errors)


def clean_inputs(values: Mapping[str, object]) -> dict[str, object]:
    """The engine's canonical form of the inputs, or a ValidationError naming each field."""
    try:
        return impact.validate_inputs(values).as_dict()
    except impact.InputError as error:
        raise engine_errors(error) from error


def clean_parameters(values: Mapping[str, object]) -> dict[str, object]:
    try:
        return impact.validate_parameters(values).as_dict()
    except impact.InputError as error:
        raise engine_errors(error) from error

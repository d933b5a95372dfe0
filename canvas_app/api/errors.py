"""Turn service exceptions into API answers: 400 naming the field, 409 for a
stale save, 404 for anything outside the user's councils."""

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from canvas_app.services.cards import CardConflict


def exception_handler(exc, context):
    if isinstance(exc, CardConflict):
        from .serializers import CardSerializer

        return Response(
            {
                "detail": str(exc),
                "current": CardSerializer(exc.current).data,
                "attempted": exc.attempted,
            },
            status=status.HTTP_409_CONFLICT,
        )
    if isinstance(exc, DjangoValidationError):
        exc = ValidationError(_as_field_errors(exc))
    return drf_exception_handler(exc, context)


def _as_field_errors(error: DjangoValidationError) -> dict[str, list[str]]:
    if not hasattr(error, "error_dict"):
        return {"non_field_errors": error.messages}
    return {
        ("non_field_errors" if field == NON_FIELD_ERRORS else field): messages
        for field, messages in error.message_dict.items()
    }

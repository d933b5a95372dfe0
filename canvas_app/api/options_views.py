"""API of the short list of options and of its appraisal (method, section 7)."""

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.response import Response

from canvas_app.models import Option
from canvas_app.selectors import assessment_state
from canvas_app.services.options import (
    justification_required,
    option_create,
    option_delete,
    option_duplicate,
    option_update,
    short_list,
)

from .impact_views import CanvasScopedView
from .network_views import CanvasChildViewSet
from .options_serializers import (
    READ_ERRORS,
    AppraisalSerializer,
    OptionCreateSerializer,
    OptionSerializer,
    OptionUpdateSerializer,
    appraisal_data,
    errors,
    validated,
)


class OptionViewSet(CanvasChildViewSet):
    """The canvas's short list: business as usual first (always there), at most one
    do-minimum option, any number of do-something options; exactly one is preferred,
    and its inputs are the canvas's impact inputs. Every change asks for a new appraisal."""

    serializer_class = OptionSerializer
    queryset = Option.objects.none()

    @extend_schema(responses={200: OptionSerializer(many=True), **READ_ERRORS})
    def list(self, request, *args, **kwargs):
        return Response(OptionSerializer(short_list(self.get_canvas()), many=True).data)

    @extend_schema(responses={200: OptionSerializer, **READ_ERRORS})
    def retrieve(self, request, *args, **kwargs):
        return super().retrieve(request, *args, **kwargs)

    @extend_schema(
        request=OptionCreateSerializer,
        responses={201: OptionSerializer, **errors(400, 403, 404)},
    )
    def create(self, request, *args, **kwargs):
        canvas = self.get_canvas()  # not found comes before bad input
        serializer = OptionCreateSerializer(data=request.data)
        validated(serializer)
        option = option_create(canvas=canvas, by=request.user, **serializer.service_fields())
        return self._answer(option, status.HTTP_201_CREATED)

    @extend_schema(
        request=OptionUpdateSerializer,
        responses={200: OptionSerializer, **errors(400, 403, 404)},
        description='`{"preferred": true}` moves the preference to this option.',
    )
    def partial_update(self, request, *args, **kwargs):
        option = self.get_object()
        serializer = OptionUpdateSerializer(data=request.data, partial=True)
        validated(serializer)
        option = option_update(option=option, by=request.user, **serializer.changes_of(option))
        return self._answer(option)

    @extend_schema(responses={204: None, **errors(400, 403, 404)})
    def destroy(self, request, *args, **kwargs):
        """Remove an option; business as usual cannot be removed (400 naming `kind`).
        Removing the preferred option makes business as usual preferred."""
        option_delete(option=self.get_object(), by=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(request=None, responses={201: OptionSerializer, **errors(400, 403, 404)})
    @action(detail=True, methods=["post"])
    def duplicate(self, request, *args, **kwargs):
        """A new do-something option copied from this one (from the preferred option's
        inputs when business as usual is copied), to start an alternative from."""
        copy = option_duplicate(option=self.get_object(), by=request.user)
        return self._answer(copy, status.HTTP_201_CREATED)

    def _answer(self, option: Option, code: int = status.HTTP_200_OK) -> Response:
        option.refresh_from_db()  # the preference may have moved in the database only
        return Response(OptionSerializer(option).data, status=code)


class AppraisalView(CanvasScopedView):
    @extend_schema(responses={200: AppraisalSerializer, **READ_ERRORS})
    def get(self, request, canvas_pk: int):
        """The options appraisal: ranking, incremental ladder, switching value and flags
        of the latest completed assessment; `status` is that of the newest request."""
        canvas = self.get_canvas()
        state = assessment_state(canvas)
        shown = state.shown
        if shown is not None:
            shown.refresh_from_db(fields=["appraisal"])
        data = appraisal_data(
            canvas=canvas,
            latest=state.latest,
            shown=shown,
            is_stale=state.is_stale,
            required=justification_required(canvas),
        )
        return Response(AppraisalSerializer(data).data)

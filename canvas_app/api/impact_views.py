"""API views for a canvas's impact inputs, funding, assessment and a council's parameters."""

from django.db.models import F
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from canvas_app.models import Canvas, Council, ImpactInputs
from canvas_app.selectors import assessment_state
from canvas_app.services.access import ensure_member
from canvas_app.services.assessments import reassessment_request
from canvas_app.services.impact import (
    funding_sources_replace,
    impact_inputs_update,
    method_parameters_of,
    method_parameters_update,
)

from .impact_serializers import (
    AssessmentSerializer,
    FundingSourceSerializer,
    ImpactInputsSerializer,
    MethodParametersSerializer,
)


class CanvasScopedView(APIView):
    # True for what only the council's members may do (export, share links): people
    # invited to the canvas read it, but get 403 here.
    members_only = False

    def get_canvas(self) -> Canvas:
        if not hasattr(self, "_canvas"):
            canvases = Canvas.objects.visible_to(self.request.user).select_related("council")
            canvas = get_object_or_404(canvases, pk=self.kwargs["canvas_pk"])
            if self.members_only:
                ensure_member(self.request.user, canvas.council)
            self._canvas = canvas
        return self._canvas


class ImpactInputsView(CanvasScopedView):
    """The canvas's impact inputs. PUT replaces them and queues an assessment."""

    @extend_schema(responses=ImpactInputsSerializer)
    def get(self, request, canvas_pk: int):
        inputs = get_object_or_404(ImpactInputs, canvas=self.get_canvas())
        return Response(ImpactInputsSerializer(inputs).data)

    @extend_schema(request=ImpactInputsSerializer, responses=ImpactInputsSerializer)
    def put(self, request, canvas_pk: int):
        canvas = self.get_canvas()
        serializer = ImpactInputsSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        inputs = impact_inputs_update(
            canvas=canvas, by=request.user, values=serializer.validated_data
        )
        return Response(ImpactInputsSerializer(inputs).data)


class FundingSourcesView(CanvasScopedView):
    """The canvas's funding plan, replaced as a whole by PUT."""

    @extend_schema(responses=FundingSourceSerializer(many=True))
    def get(self, request, canvas_pk: int):
        sources = self.get_canvas().funding_sources.all()
        return Response(FundingSourceSerializer(sources, many=True).data)

    @extend_schema(
        request=FundingSourceSerializer(many=True), responses=FundingSourceSerializer(many=True)
    )
    def put(self, request, canvas_pk: int):
        canvas = self.get_canvas()
        serializer = FundingSourceSerializer(data=request.data, many=True)
        serializer.is_valid(raise_exception=True)
        sources = funding_sources_replace(
            canvas=canvas, by=request.user, sources=serializer.validated_data
        )
        return Response(FundingSourceSerializer(sources, many=True).data)


class AssessmentView(CanvasScopedView):
    """The canvas's latest assessment with its status; POST asks for a fresh one."""

    @extend_schema(responses=AssessmentSerializer)
    def get(self, request, canvas_pk: int):
        state = assessment_state(self.get_canvas())
        if state.latest is None:
            return Response(
                {"detail": _("No assessment yet: enter the impact inputs first.")},
                status=status.HTTP_404_NOT_FOUND,
            )
        latest = state.latest
        latest.refresh_from_db(fields=["result"])
        latest.is_stale = state.is_stale and latest.pk == getattr(state.shown, "pk", None)
        return Response(AssessmentSerializer(latest).data)

    @extend_schema(request=None, responses={202: AssessmentSerializer})
    def post(self, request, canvas_pk: int):
        assessment = reassessment_request(canvas=self.get_canvas(), by=request.user)
        assessment.is_stale = False
        return Response(AssessmentSerializer(assessment).data, status=status.HTTP_202_ACCEPTED)


class MethodParametersView(APIView):
    """A council's method parameters. Changing them (admins only) re-scores its canvases."""

    def get_council(self) -> Council:
        councils = Council.objects.of_user(self.request.user).annotate(
            user_role=F("memberships__role")
        )
        return get_object_or_404(councils, slug=self.kwargs["slug"])

    @extend_schema(responses=MethodParametersSerializer)
    def get(self, request, slug: str):
        return Response(MethodParametersSerializer(method_parameters_of(self.get_council())).data)

    @extend_schema(request=MethodParametersSerializer, responses=MethodParametersSerializer)
    def put(self, request, slug: str):
        return self._save(request, partial=False)

    @extend_schema(request=MethodParametersSerializer, responses=MethodParametersSerializer)
    def patch(self, request, slug: str):
        return self._save(request, partial=True)

    def _save(self, request, *, partial: bool):
        council = self.get_council()
        serializer = MethodParametersSerializer(data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        values = serializer.validated_data
        if partial:
            stored = method_parameters_of(council).values
            given, values = values, {**stored, **values}
            if "optimism_bias" in given:
                values["optimism_bias"] = _merged_bias(
                    stored.get("optimism_bias") or {}, given["optimism_bias"]
                )
        parameters = method_parameters_update(council=council, by=request.user, values=values)
        return Response(MethodParametersSerializer(parameters).data)


def _merged_bias(stored: dict, given: dict) -> dict:
    """A PATCH of some project types' bounds keeps the council's other bounds (the engine
    would otherwise put the defaults back for whatever is left out)."""
    table = {kind: dict(measures) for kind, measures in stored.items()}
    for kind, measures in given.items():
        table[kind] = {**table.get(kind, {}), **measures}
    return table

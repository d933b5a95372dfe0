"""API of the benefits realisation plan and of the outturn review (method, section 8)."""

from datetime import date

from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.response import Response

from canvas_app.models import Benefit, Measurement
from canvas_app.selectors.delivery import benefit_view, benefits_at
from canvas_app.services.benefits import (
    benefit_create,
    benefit_delete,
    benefit_update,
    measurement_add,
    measurement_delete,
)
from canvas_app.services.outturn import outturn_review, outturn_set

from .benefits_serializers import (
    AsOfSerializer,
    BenefitSerializer,
    BenefitWriteSerializer,
    MeasurementCreateSerializer,
    MeasurementSerializer,
    OutturnSerializer,
    OutturnWriteSerializer,
    outturn_data,
)
from .impact_views import CanvasScopedView
from .network_views import CanvasChildViewSet
from .options_serializers import READ_ERRORS, errors, validated

AS_OF = OpenApiParameter(
    "as_of", date, description="The date of the statuses, YYYY-MM-DD; default: today."
)


class BenefitViewSet(CanvasChildViewSet):
    """The benefits register: each benefit (KPI) with its baseline, target, owner and
    measurements, and its progress, expected progress and RAG status at a date."""

    serializer_class = BenefitSerializer
    queryset = Benefit.objects.none()

    def as_of(self) -> date:
        query = validated(AsOfSerializer(data=self.request.query_params))
        return query.get("as_of") or timezone.localdate()

    def _answer(self, benefit: Benefit, as_of: date, code: int = status.HTTP_200_OK):
        measurements = list(benefit.measurements.select_related("recorded_by"))
        view = benefit_view(benefit, measurements, as_of)
        return Response(BenefitSerializer(view).data, status=code)

    @extend_schema(
        parameters=[AS_OF], responses={200: BenefitSerializer(many=True), **errors(400, 404)}
    )
    def list(self, request, *args, **kwargs):
        as_of = self.as_of()
        views = benefits_at(self.get_canvas(), as_of)
        return Response(BenefitSerializer(views, many=True).data)

    @extend_schema(parameters=[AS_OF], responses={200: BenefitSerializer, **errors(400, 404)})
    def retrieve(self, request, *args, **kwargs):
        benefit = self.get_object()
        return self._answer(benefit, self.as_of())

    @extend_schema(
        request=BenefitWriteSerializer,
        responses={201: BenefitSerializer, **errors(400, 403, 404)},
    )
    def create(self, request, *args, **kwargs):
        canvas = self.get_canvas()  # not found comes before bad input
        fields = validated(BenefitWriteSerializer(data=request.data))
        benefit = benefit_create(canvas=canvas, by=request.user, **fields)
        return self._answer(benefit, timezone.localdate(), status.HTTP_201_CREATED)

    @extend_schema(
        request=BenefitWriteSerializer,
        responses={200: BenefitSerializer, **errors(400, 403, 404)},
    )
    def partial_update(self, request, *args, **kwargs):
        benefit = self.get_object()
        changes = validated(BenefitWriteSerializer(data=request.data, partial=True))
        benefit = benefit_update(benefit=benefit, by=request.user, **changes)
        return self._answer(benefit, timezone.localdate())

    @extend_schema(responses={204: None, **errors(403, 404)})
    def destroy(self, request, *args, **kwargs):
        benefit_delete(benefit=self.get_object(), by=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(
        request=MeasurementCreateSerializer,
        responses={201: MeasurementSerializer, **errors(400, 403, 404)},
    )
    @action(detail=True, methods=["post"])
    def measurements(self, request, *args, **kwargs):
        """Record a measurement of the benefit (at any stage but archived)."""
        benefit = self.get_object()
        fields = validated(MeasurementCreateSerializer(data=request.data))
        measurement = measurement_add(benefit=benefit, by=request.user, **fields)
        return Response(MeasurementSerializer(measurement).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses={204: None, **errors(403, 404)})
    @action(
        detail=True,
        methods=["delete"],
        url_path=r"measurements/(?P<measurement_pk>\d+)",
        url_name="measurement",
    )
    def measurement(self, request, *args, measurement_pk: str, **kwargs):
        """Remove a measurement recorded by mistake."""
        measurement = get_object_or_404(
            Measurement.objects.select_related("benefit__canvas__council"),
            benefit=self.get_object(),
            pk=measurement_pk,
        )
        measurement_delete(measurement=measurement, by=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class OutturnView(CanvasScopedView):
    """The outturn review: the actual yearly figures against the approved appraisal (the
    latest completed one before any approval), with variances and flags."""

    @extend_schema(responses={200: OutturnSerializer, **READ_ERRORS})
    def get(self, request, canvas_pk: int):
        return self._answer()

    @extend_schema(
        request=OutturnWriteSerializer,
        responses={200: OutturnSerializer, **errors(400, 403, 404)},
        description="Replace the actuals (and the lessons learned, when given). A year "
        "outside 0..n of the appraisal is refused, naming `actuals[i].year`.",
    )
    def put(self, request, canvas_pk: int):
        canvas = self.get_canvas()  # not found comes before bad input
        serializer = OutturnWriteSerializer(data=request.data)
        validated(serializer)
        outturn_set(canvas=canvas, by=request.user, **serializer.service_fields())
        return self._answer()

    def _answer(self) -> Response:
        review = outturn_review(self.get_canvas())
        return Response(OutturnSerializer(outturn_data(review)).data)

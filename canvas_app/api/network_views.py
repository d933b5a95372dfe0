"""API: partners, responsibilities and milestones of a canvas."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.response import Response

from canvas_app.models import Canvas, Milestone, Partner, Responsibility
from canvas_app.services.network import (
    milestone_create,
    milestone_delete,
    milestone_update,
    partner_create,
    partner_delete,
    partner_update,
    responsibilities_set,
)

from .impact_views import CanvasScopedView
from .network_serializers import MilestoneSerializer, PartnerSerializer, ResponsibilitySerializer


class CanvasChildViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Objects that belong to one canvas of the user's councils."""

    pagination_class = None

    def get_canvas(self) -> Canvas:
        if not hasattr(self, "_canvas"):
            canvases = Canvas.objects.visible_to(self.request.user).select_related("council")
            self._canvas = get_object_or_404(canvases, pk=self.kwargs["canvas_pk"])
        return self._canvas

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return self.queryset
        return self.queryset.model.objects.filter(canvas=self.get_canvas())

    def get_object(self):
        obj = super().get_object()
        obj.canvas = self.get_canvas()
        return obj


class PartnerViewSet(CanvasChildViewSet):
    """The canvas's partners; the council itself is one of them."""

    serializer_class = PartnerSerializer
    queryset = Partner.objects.none()

    def create(self, request, *args, **kwargs):
        serializer = PartnerSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        partner = partner_create(
            canvas=self.get_canvas(), by=request.user, **serializer.validated_data
        )
        return Response(PartnerSerializer(partner).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request, *args, **kwargs):
        partner = self.get_object()
        serializer = PartnerSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        partner = partner_update(partner=partner, by=request.user, **serializer.validated_data)
        return Response(PartnerSerializer(partner).data)

    def destroy(self, request, *args, **kwargs):
        partner_delete(partner=self.get_object(), by=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class MilestoneViewSet(CanvasChildViewSet):
    serializer_class = MilestoneSerializer
    queryset = Milestone.objects.none()

    def _fields(self, data: dict) -> dict:
        fields = dict(data)
        if "owner_id" in fields:
            fields["owner"] = fields.pop("owner_id")
        return fields

    def create(self, request, *args, **kwargs):
        serializer = MilestoneSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        milestone = milestone_create(
            canvas=self.get_canvas(), by=request.user, **self._fields(serializer.validated_data)
        )
        return Response(MilestoneSerializer(milestone).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request, *args, **kwargs):
        milestone = self.get_object()
        serializer = MilestoneSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        milestone = milestone_update(
            milestone=milestone, by=request.user, **self._fields(serializer.validated_data)
        )
        return Response(MilestoneSerializer(milestone).data)

    def destroy(self, request, *args, **kwargs):
        milestone_delete(milestone=self.get_object(), by=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class ResponsibilitiesView(CanvasScopedView):
    """The responsibility matrix as (partner, key activity, role) entries."""

    @extend_schema(responses=ResponsibilitySerializer(many=True))
    def get(self, request, canvas_pk: int):
        entries = Responsibility.objects.filter(partner__canvas=self.get_canvas())
        data = [
            {"partner": r.partner_id, "activity": r.activity_id, "role": r.role} for r in entries
        ]
        return Response(data)

    @extend_schema(
        request=ResponsibilitySerializer(many=True),
        responses=ResponsibilitySerializer(many=True),
        description="Set roles; an empty role clears one. Entries not given keep their role.",
    )
    def put(self, request, canvas_pk: int):
        canvas = self.get_canvas()
        serializer = ResponsibilitySerializer(data=request.data, many=True)
        serializer.is_valid(raise_exception=True)
        roles = {(e["partner"], e["activity"]): e["role"] for e in serializer.validated_data}
        responsibilities_set(canvas=canvas, by=request.user, roles=roles)
        return self.get(request, canvas_pk)

"""API of the lifecycle: stage changes, decisions, revisions, snapshots and activity."""

from django.http import FileResponse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response

from canvas_app.models import MODERATOR_ROLES, Canvas, Decision, ReportStatus, Snapshot
from canvas_app.presentation.activity import activity_summary
from canvas_app.selectors.lifecycle import activity_entries, activity_rows
from canvas_app.services.access import canvas_role
from canvas_app.services.lifecycle import canvas_transition, decision_make, revision_open
from canvas_app.services.reports import (
    report_filename,
    snapshot_report,
    snapshot_report_request,
)
from canvas_app.services.snapshots import snapshot_diff, snapshot_name, snapshot_restore

from .impact_views import CanvasScopedView
from .lifecycle_serializers import (
    ActivitySerializer,
    DecisionCreateSerializer,
    DecisionSerializer,
    DiffSerializer,
    SnapshotCreateSerializer,
    SnapshotDetailSerializer,
    SnapshotSerializer,
    StageChangeSerializer,
    TransitionSerializer,
)
from .network_views import CanvasChildViewSet
from .reports_serializers import ReportSerializer
from .serializers import CanvasSerializer


def canvas_answer(request, canvas: Canvas, code: int = status.HTTP_200_OK) -> Response:
    canvas = (
        Canvas.objects.with_blocks_filled().select_related("council", "owner").get(pk=canvas.pk)
    )
    return Response(CanvasSerializer(canvas, context={"request": request}).data, status=code)


class TransitionsView(CanvasScopedView):
    @extend_schema(responses=StageChangeSerializer(many=True))
    def get(self, request, canvas_pk: int):
        """Every stage change of the canvas, newest first."""
        changes = self.get_canvas().stage_changes.select_related("by")
        return Response(StageChangeSerializer(changes, many=True).data)

    @extend_schema(request=TransitionSerializer, responses=CanvasSerializer)
    def post(self, request, canvas_pk: int):
        """Move the canvas to another stage (approved only comes from a decision)."""
        canvas = self.get_canvas()  # not found comes before bad input
        serializer = TransitionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        canvas = canvas_transition(canvas=canvas, by=request.user, **serializer.validated_data)
        return canvas_answer(request, canvas)


class RevisionsView(CanvasScopedView):
    @extend_schema(request=None, responses={201: CanvasSerializer})
    def post(self, request, canvas_pk: int):
        """Open a new draft revision of an approved canvas: same id, revision + 1."""
        canvas = revision_open(canvas=self.get_canvas(), by=request.user)
        return canvas_answer(request, canvas, status.HTTP_201_CREATED)


class DecisionViewSet(CanvasChildViewSet):
    """Decisions on the canvas, newest first. A decision is never changed or deleted."""

    serializer_class = DecisionSerializer
    queryset = Decision.objects.none()

    def get_queryset(self):
        return super().get_queryset().select_related("by", "submitted_by")

    @extend_schema(request=DecisionCreateSerializer, responses={201: DecisionSerializer})
    def create(self, request, *args, **kwargs):
        """Approve, request changes or reject a canvas in review, with a rationale."""
        canvas = self.get_canvas()  # not found comes before bad input
        serializer = DecisionCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        decision = decision_make(canvas=canvas, by=request.user, **serializer.validated_data)
        return Response(DecisionSerializer(decision).data, status=status.HTTP_201_CREATED)


class SnapshotViewSet(CanvasChildViewSet):
    """Snapshots of the whole canvas, newest first: one at every stage change (an
    approved revision stays readable as its snapshot), and named ones on demand."""

    serializer_class = SnapshotSerializer
    queryset = Snapshot.objects.none()

    def get_queryset(self):
        queryset = super().get_queryset().select_related("created_by")
        return queryset.defer("content") if self.action == "list" else queryset

    def get_serializer_class(self):
        return SnapshotDetailSerializer if self.action == "retrieve" else SnapshotSerializer

    @extend_schema(request=SnapshotCreateSerializer, responses={201: SnapshotSerializer})
    def create(self, request, *args, **kwargs):
        canvas = self.get_canvas()  # not found comes before bad input
        serializer = SnapshotCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        snapshot = snapshot_name(canvas=canvas, by=request.user, **serializer.validated_data)
        return Response(SnapshotSerializer(snapshot).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "to", int, description="Another snapshot of the canvas; omitted: the canvas now."
            )
        ],
        responses=DiffSerializer,
    )
    @action(detail=True, methods=["get"])
    def diff(self, request, *args, **kwargs):
        """What changed from this snapshot to another one, or to the canvas as it is now."""
        snapshot = self.get_object()
        to = request.query_params.get("to")
        target = None
        if to not in (None, "", "now"):
            if not str(to).isdigit():
                raise ValidationError({"to": [_("A snapshot id of this canvas, or omit it.")]})
            target = self.get_queryset().filter(pk=int(to)).first()
            if target is None:
                raise ValidationError({"to": [_("Not a snapshot of this canvas.")]})
        return Response(snapshot_diff(snapshot=snapshot, to=target, by=request.user))

    @extend_schema(
        methods=["GET"],
        request=None,
        responses={200: ReportSerializer},
        description=("The business case of the snapshot: its status (404 until it is asked for)."),
    )
    @extend_schema(
        methods=["POST"], request=None, responses={200: ReportSerializer, 202: ReportSerializer}
    )
    @action(detail=True, methods=["get", "post"])
    def report(self, request, *args, **kwargs):
        """The snapshot's own business case: POST asks for it, GET tells its status."""
        snapshot = self.get_object()
        if request.method == "POST":
            report = snapshot_report_request(snapshot=snapshot, by=request.user)
        else:
            report = snapshot_report(snapshot)
            if report is None:
                raise NotFound(_("No business case of this snapshot yet: POST to make it."))
        code = (
            status.HTTP_200_OK if report.status == ReportStatus.DONE else status.HTTP_202_ACCEPTED
        )
        if request.method == "GET":
            code = status.HTTP_200_OK
        return Response(ReportSerializer(report).data, status=code)

    @extend_schema(responses={(200, "application/pdf"): OpenApiTypes.BINARY})
    @action(detail=True, methods=["get"], url_path="report/pdf")
    def report_pdf(self, request, *args, **kwargs):
        report = snapshot_report(self.get_object())
        if report is None or report.status != ReportStatus.DONE:
            raise NotFound(_("The PDF of this snapshot is not ready."))
        return FileResponse(
            report.pdf.open("rb"),
            content_type="application/pdf",
            filename=report_filename(report),
            as_attachment=True,
        )

    @extend_schema(request=None, responses=CanvasSerializer)
    @action(detail=True, methods=["post"])
    def restore(self, request, *args, **kwargs):
        """Open a new draft revision with this snapshot's content."""
        canvas = snapshot_restore(snapshot=self.get_object(), by=request.user)
        return canvas_answer(request, canvas)


class ActivityView(CanvasScopedView):
    """The canvas's activity, newest first: card edits, comments, stage changes,
    decisions, reports and named snapshots."""

    pagination_class = PageNumberPagination

    @extend_schema(responses=ActivitySerializer(many=True))
    def get(self, request, canvas_pk: int):
        canvas = self.get_canvas()
        moderator = canvas_role(request.user, canvas) in MODERATOR_ROLES
        paginator = self.pagination_class()
        rows = paginator.paginate_queryset(activity_rows(canvas, moderator=moderator), request)
        data = [
            {
                "kind": entry.kind,
                "at": entry.at,
                "actor": entry.actor.get_username() if entry.actor else None,
                "summary": activity_summary(entry),
                "object_id": entry.subject.pk,
            }
            for entry in activity_entries(rows)
        ]
        return paginator.get_paginated_response(ActivitySerializer(data, many=True).data)

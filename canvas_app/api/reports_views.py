"""API: the business case PDF, share links, export, import and the template library."""

from django.conf import settings
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from canvas_app.models import Canvas, Council, ReportKind, ReportStatus, ShareLink
from canvas_app.services.access import ensure_member_somewhere
from canvas_app.services.exchange import (
    MAX_IMPORT_BYTES,
    canvas_import,
    canvas_replicate,
    parse_import_file,
    too_large_message,
)
from canvas_app.services.export import canvas_export, cards_csv
from canvas_app.services.reports import (
    current_report,
    current_review_report,
    report_filename,
    report_request,
    review_report_request,
)
from canvas_app.services.sharing import share_link_create, share_link_revoke

from .impact_views import CanvasScopedView
from .options_serializers import errors
from .reports_serializers import (
    ReplicateSerializer,
    ReportRequestSerializer,
    ReportSerializer,
    ShareLinkCreatedSerializer,
    ShareLinkSerializer,
)
from .serializers import CanvasSerializer

LANGUAGE_PARAMETER = OpenApiParameter(
    "language",
    str,
    enum=[code for code, _name in settings.LANGUAGES],
    description="The report's language; the council's default when omitted.",
)


KIND_PARAMETER = OpenApiParameter(
    "kind",
    str,
    enum=ReportKind.values,
    description="business_case (the default) or review: the post-implementation review.",
)
CURRENT = {ReportKind.BUSINESS_CASE: current_report, ReportKind.REVIEW: current_review_report}
REQUEST = {ReportKind.BUSINESS_CASE: report_request, ReportKind.REVIEW: review_report_request}


def kind_asked(value) -> str:
    """A report kind from the query string, the business case when none; else a 400."""
    if value in (None, ""):
        return ReportKind.BUSINESS_CASE
    if value not in ReportKind.values:
        raise ValidationError(
            {"kind": [_("Choose one of %(codes)s.") % {"codes": ", ".join(ReportKind.values)}]}
        )
    return value


def language_asked(value) -> str | None:
    """A language code from the request, or None; an unknown one is a 400."""
    if value in (None, ""):
        return None
    codes = [code for code, _name in settings.LANGUAGES]
    if value not in codes:
        raise ValidationError(
            {"language": [_("Choose one of %(codes)s.") % {"codes": ", ".join(codes)}]}
        )
    return value


class ReportView(CanvasScopedView):
    """The business case of the canvas as it is now, or (kind=review) its
    post-implementation review as of today: its status, or a request to make it. Each
    language is a report of its own."""

    @extend_schema(
        parameters=[KIND_PARAMETER, LANGUAGE_PARAMETER],
        responses={200: ReportSerializer, **errors(400, 404)},
    )
    def get(self, request, canvas_pk: int):
        kind = kind_asked(request.query_params.get("kind"))
        language = language_asked(request.query_params.get("language"))
        report = CURRENT[kind](self.get_canvas(), language)
        if report is None:
            if kind == ReportKind.REVIEW:
                raise NotFound(
                    _("No post-implementation review as it stands today: POST to make it.")
                )
            raise NotFound(
                _("No business case of this version of the canvas yet: POST to make it.")
            )
        return Response(ReportSerializer(report).data)

    @extend_schema(
        request=ReportRequestSerializer,
        responses={200: ReportSerializer, 202: ReportSerializer, **errors(400, 404)},
    )
    def post(self, request, canvas_pk: int):
        canvas = self.get_canvas()
        serializer = ReportRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        language = serializer.validated_data.get("language") or None
        request_report = REQUEST[serializer.validated_data["kind"]]
        report = request_report(canvas=canvas, by=request.user, language=language)
        code = (
            status.HTTP_200_OK if report.status == ReportStatus.DONE else status.HTTP_202_ACCEPTED
        )
        return Response(ReportSerializer(report).data, status=code)


class ReportPdfView(CanvasScopedView):
    @extend_schema(
        parameters=[KIND_PARAMETER, LANGUAGE_PARAMETER],
        responses={(200, "application/pdf"): OpenApiTypes.BINARY, **errors(400, 404)},
    )
    def get(self, request, canvas_pk: int):
        kind = kind_asked(request.query_params.get("kind"))
        language = language_asked(request.query_params.get("language"))
        report = CURRENT[kind](self.get_canvas(), language)
        if report is None or report.status != ReportStatus.DONE:
            raise NotFound(_("The PDF of this version of the canvas is not ready."))
        return FileResponse(
            report.pdf.open("rb"),
            content_type="application/pdf",
            filename=report_filename(report),
            as_attachment=True,
        )


class ShareLinksView(CanvasScopedView):
    members_only = True

    @extend_schema(responses=ShareLinkSerializer(many=True))
    def get(self, request, canvas_pk: int):
        links = self.get_canvas().share_links.select_related("created_by")
        return Response(ShareLinkSerializer(links, many=True).data)

    @extend_schema(request=ShareLinkSerializer, responses={201: ShareLinkCreatedSerializer})
    def post(self, request, canvas_pk: int):
        canvas = self.get_canvas()
        serializer = ShareLinkSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        link, token = share_link_create(
            canvas=canvas,
            by=request.user,
            label=serializer.validated_data.get("label", ""),
            expires_at=serializer.validated_data.get("expires_at"),
        )
        link.url = request.build_absolute_uri(f"/s/{token}/")
        return Response(ShareLinkCreatedSerializer(link).data, status=status.HTTP_201_CREATED)


class ShareLinkView(CanvasScopedView):
    members_only = True

    @extend_schema(request=None, responses={204: None})
    def delete(self, request, canvas_pk: int, link_pk: int):
        link = get_object_or_404(ShareLink, canvas=self.get_canvas(), pk=link_pk)
        share_link_revoke(link=link, by=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class ExportView(CanvasScopedView):
    members_only = True

    @extend_schema(responses={(200, "application/json"): OpenApiTypes.OBJECT})
    def get(self, request, canvas_pk: int):
        return Response(canvas_export(self.get_canvas()))


class ExportCsvView(CanvasScopedView):
    members_only = True

    @extend_schema(responses={(200, "text/csv"): OpenApiTypes.STR})
    def get(self, request, canvas_pk: int):
        canvas = self.get_canvas()
        response = HttpResponse(cards_csv(canvas), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="canvas-{canvas.pk}-cards.csv"'
        return response


class ImportView(APIView):
    """Import an export file (JSON body, or multipart `file`) as a new draft canvas."""

    parser_classes = [MultiPartParser]  # a JSON body is read raw, with our own limits

    @extend_schema(
        request={
            "application/json": OpenApiTypes.OBJECT,
            "multipart/form-data": OpenApiTypes.OBJECT,
        },
        responses={201: CanvasSerializer},
    )
    def post(self, request, slug: str):
        # Membership is checked here; the right to edit by the service that creates the canvas.
        council = get_object_or_404(Council.objects.of_user(request.user), slug=slug)
        data = parse_import_file(self._raw(request))
        canvas = canvas_import(council=council, by=request.user, data=data)
        canvas = Canvas.objects.with_blocks_filled().get(pk=canvas.pk)
        return Response(
            CanvasSerializer(canvas, context={"request": request}).data,
            status=status.HTTP_201_CREATED,
        )

    def _raw(self, request) -> bytes:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
        if length > MAX_IMPORT_BYTES + 64 * 1024:  # multipart adds some framing
            raise ValidationError({"file": [too_large_message()]})
        if request.content_type.startswith("multipart/"):
            upload = request.FILES.get("file")
            if upload is None:
                raise ValidationError({"file": [_("Attach the export as `file`.")]})
            return upload.read(MAX_IMPORT_BYTES + 1)
        return request.body


class LibraryView(APIView):
    """Template canvases shared by every council."""

    @extend_schema(responses=CanvasSerializer(many=True))
    def get(self, request):
        ensure_member_somewhere(request.user)
        templates = (
            Canvas.objects.filter(is_template=True)
            .select_related("council", "owner")
            .with_blocks_filled()
            .order_by("council__name", "title")
        )
        return Response(CanvasSerializer(templates, many=True, context={"request": None}).data)


class ReplicateView(APIView):
    @extend_schema(request=ReplicateSerializer, responses={201: CanvasSerializer})
    def post(self, request, pk: int):
        ensure_member_somewhere(request.user)
        source = get_object_or_404(Canvas.objects.filter(is_template=True), pk=pk)
        serializer = ReplicateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        council = (
            Council.objects.of_user(request.user)
            .filter(slug=serializer.validated_data["council"])
            .first()
        )
        if council is None:
            raise ValidationError({"council": [_("Not one of your councils.")]})
        copy = canvas_replicate(source=source, council=council, by=request.user)
        copy = Canvas.objects.with_blocks_filled().get(pk=copy.pk)
        return Response(
            CanvasSerializer(copy, context={"request": request}).data,
            status=status.HTTP_201_CREATED,
        )

from django.conf import settings
from django.utils.translation import gettext
from rest_framework import serializers

from canvas_app.models import Report, ReportKind, ShareLink


class ReportSerializer(serializers.ModelSerializer):
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = Report
        fields = [
            "id",
            "kind",
            "status",
            "language",
            "error",
            "fingerprint",
            "pages",
            "size_bytes",
            "render_ms",
            "requested_at",
            "finished_at",
            "download_url",
        ]

    def to_representation(self, instance):
        data = super().to_representation(instance)
        if data.get("error"):  # stored in English (services/reports.py); read in the request's
            data["error"] = gettext(data["error"])
        return data

    def get_download_url(self, report: Report) -> str | None:
        if report.status != "done":
            return None
        url = f"/api/v1/canvases/{report.canvas_id}/report/pdf/?language={report.language}"
        return url if report.kind == ReportKind.BUSINESS_CASE else f"{url}&kind={report.kind}"


class ShareLinkSerializer(serializers.ModelSerializer):
    created_by = serializers.SlugRelatedField(slug_field="username", read_only=True)

    class Meta:
        model = ShareLink
        fields = [
            "id",
            "label",
            "token_hint",
            "created_by",
            "created_at",
            "expires_at",
            "revoked_at",
            "last_used_at",
        ]
        read_only_fields = ["token_hint", "created_at", "revoked_at", "last_used_at"]


class ShareLinkCreatedSerializer(ShareLinkSerializer):
    url = serializers.CharField(read_only=True, help_text="Shown once; only a hash is stored.")

    class Meta(ShareLinkSerializer.Meta):
        fields = [*ShareLinkSerializer.Meta.fields, "url"]


class ReplicateSerializer(serializers.Serializer):
    council = serializers.SlugField(help_text="The council (slug) to replicate into.")


class ReportRequestSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(
        choices=ReportKind.values,
        default=ReportKind.BUSINESS_CASE,
        help_text="business_case (the default) or review: the post-implementation review.",
    )
    language = serializers.ChoiceField(
        choices=[code for code, _name in settings.LANGUAGES],
        required=False,
        allow_blank=True,
        help_text="The report's language; the council's default when omitted.",
    )

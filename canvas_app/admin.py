from django.contrib import admin

from canvas_app.models import (
    Assessment,
    Benefit,
    Canvas,
    Card,
    CardHistory,
    Comment,
    CommentReport,
    CommentRevision,
    Council,
    Decision,
    EmailOptOut,
    FundingSource,
    ImpactInputs,
    Invitation,
    Measurement,
    Membership,
    MethodParameters,
    Milestone,
    ModerationEntry,
    Notification,
    NotificationPreference,
    Option,
    Outturn,
    Partner,
    Profile,
    Report,
    Responsibility,
    ShareLink,
    Snapshot,
    StageChange,
)


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Council)
class CouncilAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "colour", "created_at"]
    fields = ["name", "slug", "colour", "logo"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "council", "role", "created_at"]
    list_filter = ["role", "council"]
    search_fields = ["user__username", "user__email", "council__name"]
    autocomplete_fields = ["user", "council"]


class CardInline(admin.TabularInline):
    model = Card
    extra = 0
    fields = ["block", "position", "text", "evidence", "version"]
    readonly_fields = ["version"]


@admin.register(Canvas)
class CanvasAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "council",
        "sector",
        "stage",
        "revision",
        "owner",
        "is_template",
        "updated_at",
    ]
    list_filter = ["stage", "sector", "is_template", "council"]
    search_fields = ["title", "summary"]
    date_hierarchy = "updated_at"
    autocomplete_fields = ["council", "owner"]
    inlines = [CardInline]


@admin.register(Card)
class CardAdmin(admin.ModelAdmin):
    list_display = ["__str__", "canvas", "block", "evidence", "position", "version", "updated_at"]
    list_filter = ["block", "evidence", "colour", "canvas__council"]
    search_fields = ["text", "tag", "canvas__title"]
    autocomplete_fields = ["canvas"]
    readonly_fields = ["version", "created_by", "updated_by", "created_at", "updated_at"]


@admin.register(CardHistory)
class CardHistoryAdmin(admin.ModelAdmin):
    list_display = ["card_ref", "action", "block", "canvas", "by", "at"]
    list_filter = ["action", "block"]
    search_fields = ["canvas__title", "by__username"]
    readonly_fields = ["canvas", "card", "card_ref", "action", "block", "before", "after", "by"]

    def has_add_permission(self, request) -> bool:
        return False  # history is written by the services only


@admin.register(ImpactInputs)
class ImpactInputsAdmin(admin.ModelAdmin):
    list_display = ["canvas", "version", "updated_at", "updated_by"]
    search_fields = ["canvas__title"]
    list_filter = ["canvas__council"]
    readonly_fields = ["version", "updated_at", "updated_by"]


@admin.register(FundingSource)
class FundingSourceAdmin(admin.ModelAdmin):
    list_display = ["name", "canvas", "kind", "amount", "secured"]
    list_filter = ["kind", "secured", "canvas__council"]
    search_fields = ["name", "canvas__title"]


@admin.register(MethodParameters)
class MethodParametersAdmin(admin.ModelAdmin):
    list_display = ["council", "version", "updated_at", "updated_by"]
    readonly_fields = ["version", "updated_at", "updated_by"]


@admin.register(Assessment)
class AssessmentAdmin(admin.ModelAdmin):
    list_display = [
        "canvas",
        "status",
        "economic",
        "environmental",
        "social",
        "overall",
        "requested_at",
        "duration_ms",
        "attempts",
    ]
    list_filter = ["status", "method_version", "canvas__council"]
    search_fields = ["canvas__title", "fingerprint"]
    date_hierarchy = "requested_at"
    readonly_fields = [f.name for f in Assessment._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False  # assessments are computed, never typed in


class ResponsibilityInline(admin.TabularInline):
    model = Responsibility
    extra = 0
    autocomplete_fields = ["activity"]


@admin.register(Partner)
class PartnerAdmin(admin.ModelAdmin):
    list_display = ["organisation", "kind", "canvas"]
    list_filter = ["kind", "canvas__council"]
    search_fields = ["organisation", "canvas__title"]
    inlines = [ResponsibilityInline]


@admin.register(Milestone)
class MilestoneAdmin(admin.ModelAdmin):
    list_display = ["name", "canvas", "due_date", "owner", "status"]
    list_filter = ["status", "canvas__council"]
    search_fields = ["name", "canvas__title"]
    date_hierarchy = "due_date"


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["canvas", "status", "pages", "size_bytes", "render_ms", "requested_at"]
    list_filter = ["status", "canvas__council"]
    search_fields = ["canvas__title", "fingerprint"]
    readonly_fields = [f.name for f in Report._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(ShareLink)
class ShareLinkAdmin(admin.ModelAdmin):
    list_display = ["token_hint", "canvas", "label", "created_by", "expires_at", "revoked_at"]
    list_filter = ["canvas__council"]
    search_fields = ["label", "canvas__title", "token_hint"]
    readonly_fields = ["token_hash", "token_hint", "created_by", "created_at", "last_used_at"]

    def has_add_permission(self, request) -> bool:
        return False  # a token is only ever shown once, by the app's own page


@admin.register(Responsibility)
class ResponsibilityAdmin(admin.ModelAdmin):
    list_display = ["partner", "activity", "role"]
    list_filter = ["role", "partner__canvas__council"]
    search_fields = ["partner__organisation", "activity__text"]


# Review: invitations, comments, moderation, notifications --------------------


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "canvas", "role", "organisation", "accepted_at", "revoked_at"]
    list_filter = ["role", "canvas__council"]
    search_fields = ["email", "organisation", "canvas__title"]
    readonly_fields = [
        "token_nonce",
        "token_hash",
        "emailed_nonce",
        "invited_by",
        "created_at",
        "sent_at",
        "send_count",
        "user",
        "accepted_at",
    ]

    def has_add_permission(self, request) -> bool:
        return False  # the link is only ever e-mailed by the app, never typed in


@admin.register(EmailOptOut)
class EmailOptOutAdmin(admin.ModelAdmin):
    list_display = ["email", "created_at"]
    search_fields = ["email"]


class CommentRevisionInline(admin.TabularInline):
    model = CommentRevision
    extra = 0
    readonly_fields = ["body", "kind", "stance", "replaced_at"]
    can_delete = False


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "author", "status", "hidden_at", "awaiting_approval", "created_at"]
    list_filter = ["kind", "stance", "status", "awaiting_approval", "canvas__council"]
    search_fields = ["body", "canvas__title", "author__username"]
    date_hierarchy = "created_at"
    raw_id_fields = ["canvas", "card", "parent", "author", "resolved_by", "hidden_by"]
    readonly_fields = ["mentions", "created_at", "edited_at", "deleted_at", "last_activity_at"]
    inlines = [CommentRevisionInline]


@admin.register(CommentRevision)
class CommentRevisionAdmin(admin.ModelAdmin):
    list_display = ["comment", "kind", "replaced_at"]
    search_fields = ["body"]
    readonly_fields = ["comment", "body", "kind", "stance", "replaced_at"]


@admin.register(CommentReport)
class CommentReportAdmin(admin.ModelAdmin):
    list_display = ["comment", "by", "created_at", "handled_at"]
    list_filter = ["comment__canvas__council"]
    search_fields = ["reason", "by__username"]
    raw_id_fields = ["comment", "by"]


@admin.register(ModerationEntry)
class ModerationEntryAdmin(admin.ModelAdmin):
    list_display = ["comment", "action", "by", "at"]
    list_filter = ["action", "comment__canvas__council"]
    search_fields = ["reason"]
    readonly_fields = ["comment", "action", "reason", "by", "at"]

    def has_add_permission(self, request) -> bool:
        return False  # the log records what moderators did in the app


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["user", "kind", "canvas", "delivery", "created_at", "read_at", "emailed_at"]
    list_filter = ["kind", "delivery"]
    search_fields = ["user__username", "canvas__title"]
    raw_id_fields = ["user", "canvas", "comment", "actor"]


@admin.register(NotificationPreference)
class NotificationPreferenceAdmin(admin.ModelAdmin):
    list_display = ["user", "kind", "delivery"]
    list_filter = ["kind", "delivery"]
    search_fields = ["user__username"]


# The official trail: read in the admin, never written there ---------------------


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Decision)
class DecisionAdmin(ReadOnlyAdmin):
    """Decisions are permanent: no one changes or deletes them, superusers included."""

    list_display = ["canvas", "revision", "outcome", "by", "at", "self_approval_allowed"]
    list_filter = ["outcome", "canvas__council"]
    search_fields = ["canvas__title", "rationale", "by__username"]
    date_hierarchy = "at"


@admin.register(StageChange)
class StageChangeAdmin(ReadOnlyAdmin):
    list_display = ["canvas", "revision", "from_stage", "to_stage", "by", "at"]
    list_filter = ["to_stage", "canvas__council"]
    search_fields = ["canvas__title", "note"]
    date_hierarchy = "at"


@admin.register(Snapshot)
class SnapshotAdmin(admin.ModelAdmin):
    list_display = ["name", "canvas", "revision", "stage", "kind", "created_at"]
    list_filter = ["kind", "stage", "canvas__council"]
    search_fields = ["name", "canvas__title"]
    readonly_fields = [f.name for f in Snapshot._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "language"]
    list_filter = ["language"]
    search_fields = ["user__username", "user__email"]


# Options, benefits and outturn ---------------------------------------------------


@admin.register(Option)
class OptionAdmin(admin.ModelAdmin):
    list_display = ["name", "canvas", "kind", "preferred", "project_type", "mitigation"]
    list_filter = ["kind", "preferred", "project_type", "canvas__council"]
    search_fields = ["name", "canvas__title"]
    raw_id_fields = ["canvas"]


class MeasurementInline(admin.TabularInline):
    model = Measurement
    extra = 0
    raw_id_fields = ["recorded_by"]


@admin.register(Benefit)
class BenefitAdmin(admin.ModelAdmin):
    list_display = ["name", "canvas", "unit", "baseline", "target", "target_date", "owner"]
    list_filter = ["theme", "canvas__council"]
    search_fields = ["name", "owner", "canvas__title"]
    raw_id_fields = ["canvas"]
    inlines = [MeasurementInline]


@admin.register(Measurement)
class MeasurementAdmin(admin.ModelAdmin):
    list_display = ["benefit", "date", "value", "recorded_by", "recorded_at"]
    list_filter = ["benefit__canvas__council"]
    search_fields = ["benefit__name", "note"]
    raw_id_fields = ["benefit", "recorded_by"]


@admin.register(Outturn)
class OutturnAdmin(admin.ModelAdmin):
    list_display = ["canvas", "capex_variance_pct", "updated_at", "updated_by"]
    list_filter = ["canvas__council"]
    search_fields = ["canvas__title", "lessons_learned"]
    raw_id_fields = ["canvas", "updated_by"]

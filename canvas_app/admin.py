from django.contrib import admin

from canvas_app.models import Canvas, Card, CardHistory, Council, Membership


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Council)
class CouncilAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "colour", "created_at"]
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
    list_display = ["title", "council", "sector", "stage", "revision", "owner", "updated_at"]
    list_filter = ["stage", "sector", "council"]
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

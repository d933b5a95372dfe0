from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from . import (
    benefits_views,
    impact_views,
    lifecycle_views,
    network_views,
    options_views,
    reports_views,
    review_views,
    views,
)

router = DefaultRouter()
router.register("councils", views.CouncilViewSet, basename="council")
router.register("canvases", views.CanvasViewSet, basename="canvas")
router.register(r"canvases/(?P<canvas_pk>\d+)/cards", views.CardViewSet, basename="card")
router.register(
    r"canvases/(?P<canvas_pk>\d+)/partners", network_views.PartnerViewSet, basename="partner"
)
router.register(
    r"canvases/(?P<canvas_pk>\d+)/milestones", network_views.MilestoneViewSet, basename="milestone"
)
router.register(
    r"canvases/(?P<canvas_pk>\d+)/comments", review_views.CommentViewSet, basename="comment"
)
router.register(
    r"canvases/(?P<canvas_pk>\d+)/decisions", lifecycle_views.DecisionViewSet, basename="decision"
)
router.register(
    r"canvases/(?P<canvas_pk>\d+)/snapshots", lifecycle_views.SnapshotViewSet, basename="snapshot"
)
router.register(
    r"canvases/(?P<canvas_pk>\d+)/options", options_views.OptionViewSet, basename="option"
)
router.register(
    r"canvases/(?P<canvas_pk>\d+)/benefits", benefits_views.BenefitViewSet, basename="benefit"
)

urlpatterns = [
    path("v1/auth/token/", views.TokenView.as_view(), name="api-token"),
    path("v1/framework/", views.FrameworkView.as_view(), name="api-framework"),
    path("v1/me/", views.MeView.as_view(), name="api-me"),
    path(
        "v1/canvases/<int:canvas_pk>/impact-inputs/",
        impact_views.ImpactInputsView.as_view(),
        name="api-impact-inputs",
    ),
    path(
        "v1/canvases/<int:canvas_pk>/funding-sources/",
        impact_views.FundingSourcesView.as_view(),
        name="api-funding-sources",
    ),
    path(
        "v1/canvases/<int:canvas_pk>/assessment/",
        impact_views.AssessmentView.as_view(),
        name="api-assessment",
    ),
    path(
        "v1/canvases/<int:canvas_pk>/appraisal/",
        options_views.AppraisalView.as_view(),
        name="api-appraisal",
    ),
    path(
        "v1/canvases/<int:canvas_pk>/outturn/",
        benefits_views.OutturnView.as_view(),
        name="api-outturn",
    ),
    path(
        "v1/councils/<slug:slug>/parameters/",
        impact_views.MethodParametersView.as_view(),
        name="api-parameters",
    ),
    path(
        "v1/canvases/<int:canvas_pk>/responsibilities/",
        network_views.ResponsibilitiesView.as_view(),
        name="api-responsibilities",
    ),
    path(
        "v1/canvases/<int:canvas_pk>/report/", reports_views.ReportView.as_view(), name="api-report"
    ),
    path(
        "v1/canvases/<int:canvas_pk>/report/pdf/",
        reports_views.ReportPdfView.as_view(),
        name="api-report-pdf",
    ),
    path(
        "v1/canvases/<int:canvas_pk>/share-links/",
        reports_views.ShareLinksView.as_view(),
        name="api-share-links",
    ),
    path(
        "v1/canvases/<int:canvas_pk>/share-links/<int:link_pk>/",
        reports_views.ShareLinkView.as_view(),
        name="api-share-link",
    ),
    path(
        "v1/canvases/<int:canvas_pk>/export/", reports_views.ExportView.as_view(), name="api-export"
    ),
    path(
        "v1/canvases/<int:canvas_pk>/export/cards.csv",
        reports_views.ExportCsvView.as_view(),
        name="api-export-csv",
    ),
    path("v1/councils/<slug:slug>/import/", reports_views.ImportView.as_view(), name="api-import"),
    path("v1/library/", reports_views.LibraryView.as_view(), name="api-library"),
    path(
        "v1/library/<int:pk>/replicate/",
        reports_views.ReplicateView.as_view(),
        name="api-replicate",
    ),
    path(
        "v1/canvases/<int:canvas_pk>/invitations/",
        review_views.InvitationsView.as_view(),
        name="api-invitations",
    ),
    path(
        "v1/canvases/<int:canvas_pk>/invitations/<int:invitation_pk>/",
        review_views.InvitationView.as_view(),
        name="api-invitation",
    ),
    path(
        "v1/canvases/<int:canvas_pk>/invitations/<int:invitation_pk>/resend/",
        review_views.InvitationResendView.as_view(),
        name="api-invitation-resend",
    ),
    path(
        "v1/invitations/accept/",
        review_views.InvitationAcceptView.as_view(),
        name="api-invitation-accept",
    ),
    path(
        "v1/notifications/", review_views.NotificationListView.as_view(), name="api-notifications"
    ),
    path(
        "v1/notifications/read/",
        review_views.NotificationsReadView.as_view(),
        name="api-notifications-read",
    ),
    path(
        "v1/me/notification-preferences/",
        review_views.NotificationPreferencesView.as_view(),
        name="api-notification-preferences",
    ),
    path(
        "v1/canvases/<int:canvas_pk>/transitions/",
        lifecycle_views.TransitionsView.as_view(),
        name="api-transitions",
    ),
    path(
        "v1/canvases/<int:canvas_pk>/revisions/",
        lifecycle_views.RevisionsView.as_view(),
        name="api-revisions",
    ),
    path(
        "v1/canvases/<int:canvas_pk>/activity/",
        lifecycle_views.ActivityView.as_view(),
        name="api-activity",
    ),
    path("v1/", include(router.urls)),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
]

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from . import impact_views, views

router = DefaultRouter()
router.register("councils", views.CouncilViewSet, basename="council")
router.register("canvases", views.CanvasViewSet, basename="canvas")
router.register(r"canvases/(?P<canvas_pk>\d+)/cards", views.CardViewSet, basename="card")

urlpatterns = [
    path("v1/auth/token/", views.TokenView.as_view(), name="api-token"),
    path("v1/framework/", views.FrameworkView.as_view(), name="api-framework"),
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
        "v1/councils/<slug:slug>/parameters/",
        impact_views.MethodParametersView.as_view(),
        name="api-parameters",
    ),
    path("v1/", include(router.urls)),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
]

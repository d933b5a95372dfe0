from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from . import views

router = DefaultRouter()
router.register("councils", views.CouncilViewSet, basename="council")
router.register("canvases", views.CanvasViewSet, basename="canvas")
router.register(r"canvases/(?P<canvas_pk>\d+)/cards", views.CardViewSet, basename="card")

urlpatterns = [
    path("v1/auth/token/", views.TokenView.as_view(), name="api-token"),
    path("v1/framework/", views.FrameworkView.as_view(), name="api-framework"),
    path("v1/", include(router.urls)),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
]

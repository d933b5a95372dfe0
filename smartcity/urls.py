from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "City Model Canvas administration"
admin.site.site_title = "City Model Canvas"

urlpatterns = [
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
    path("api/", include("canvas_app.api.urls")),
    path("", include("canvas_app.urls")),
]

from django.apps import AppConfig


class CanvasAppConfig(AppConfig):
    name = "canvas_app"
    verbose_name = "City Model Canvas"
    default_auto_field = "django.db.models.BigAutoField"

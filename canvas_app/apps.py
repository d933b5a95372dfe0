from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class CanvasAppConfig(AppConfig):
    name = "canvas_app"
    verbose_name = gettext_lazy("City Model Canvas")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # The pure engine speaks the request's language through Django's translations.
        from django.utils.translation import gettext

        from canvas_app.impact import text

        text.install(gettext)

from django.utils import timezone

from canvas_app.models import Canvas


def canvas_touch(canvas_id: int) -> None:
    """Mark a canvas as changed (lists sort by it)."""
    Canvas.objects.filter(pk=canvas_id).update(updated_at=timezone.now())

from django.utils.functional import SimpleLazyObject

from canvas_app.models import Membership, Notification


def councils(request) -> dict:
    """The user's councils, for the council switcher in the page header, and how many
    notifications they have not read (counted only if the page shows it)."""
    user = getattr(request, "user", None)  # absent on error pages raised before auth ran
    if user is None or not user.is_authenticated:
        return {}
    return {
        "my_memberships": Membership.objects.filter(user=user)
        .select_related("council")
        .order_by("council__name"),
        "unread_notifications": SimpleLazyObject(
            lambda: Notification.objects.of_reader(user).visible().unread().count()
        ),
    }

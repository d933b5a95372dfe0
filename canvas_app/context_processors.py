from canvas_app.models import Membership


def councils(request) -> dict:
    """The user's councils, for the council switcher in the page header."""
    user = getattr(request, "user", None)  # absent on error pages raised before auth ran
    if user is None or not user.is_authenticated:
        return {}
    return {
        "my_memberships": Membership.objects.filter(user=user)
        .select_related("council")
        .order_by("council__name")
    }

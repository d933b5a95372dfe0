from canvas_app.models import Membership


def councils(request) -> dict:
    """The user's councils, for the council switcher in the page header."""
    if not request.user.is_authenticated:
        return {}
    return {
        "my_memberships": Membership.objects.filter(user=request.user)
        .select_related("council")
        .order_by("council__name")
    }

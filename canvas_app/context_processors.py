from canvas_app.models import Membership
from canvas_app.services.notifications import unread_count


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
        "unread_notifications": UnreadBadge(user),
    }


class UnreadBadge:
    """The header's unread count: counted only when the page shows it, "99+" past 99."""

    CAP = 100

    def __init__(self, user) -> None:
        self.user = user
        self._count: int | None = None

    @property
    def count(self) -> int:
        if self._count is None:
            self._count = unread_count(self.user, cap=self.CAP)
        return self._count

    def __bool__(self) -> bool:
        return self.count > 0

    def __str__(self) -> str:
        return f"{self.CAP - 1}+" if self.count >= self.CAP else str(self.count)

"""Signing in: Django's model backend, loading each person's profile with them."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class ProfileModelBackend(ModelBackend):
    """The language middleware reads the profile on every request; loading it with the
    user in the same query keeps that free."""

    def get_user(self, user_id):
        user = get_user_model()._default_manager.select_related("profile").filter(pk=user_id)
        found = user.first()
        return found if found is not None and self.user_can_authenticate(found) else None

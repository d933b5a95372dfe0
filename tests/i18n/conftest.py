import pytest

from ..factories import MembershipFactory, UserFactory


@pytest.fixture
def member(council):
    def make(role: str, username: str):
        return MembershipFactory(
            council=council, role=role, user=UserFactory(username=username)
        ).user

    return make

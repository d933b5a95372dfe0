import factory
from django.contrib.auth import get_user_model

from canvas_app.models import Canvas, Card, Council, Membership, Role


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", "correct-horse-battery")

    @factory.post_generation
    def save_password(self, create, extracted, **kwargs):
        if create:
            self.save()


class CouncilFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Council

    slug = factory.Sequence(lambda n: f"council-{n}")
    name = factory.Sequence(lambda n: f"Council {n}")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    council = factory.SubFactory(CouncilFactory)
    role = Role.EDITOR


class CanvasFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Canvas

    council = factory.SubFactory(CouncilFactory)
    owner = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Smart service {n}")
    summary = "A smart service for the city."
    sector = "lighting"


class CardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Card

    canvas = factory.SubFactory(CanvasFactory)
    block = "public_value"
    text = factory.Sequence(lambda n: f"Card number {n}")
    position = factory.Sequence(lambda n: n)

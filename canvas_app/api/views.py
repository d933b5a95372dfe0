"""The REST API: parse, scope to the user's councils, call a service, answer."""

from django.db.models import F, Prefetch
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from canvas_app.filters import CanvasFilter
from canvas_app.framework import BLOCKS
from canvas_app.models import Canvas, Card, CardHistory, Council, Profile
from canvas_app.services.accounts import language_choose
from canvas_app.services.canvases import canvas_create, canvas_delete, canvas_update
from canvas_app.services.cards import card_create, card_delete, card_move, card_update
from canvas_app.services.councils import council_settings_update

from .serializers import (
    BlockSerializer,
    CanvasDetailSerializer,
    CanvasSerializer,
    CanvasUpdateSerializer,
    CardCreateSerializer,
    CardHistorySerializer,
    CardMoveSerializer,
    CardSerializer,
    CardUpdateSerializer,
    CouncilSerializer,
    CouncilSettingsSerializer,
    MeSerializer,
)


class TokenView(ObtainAuthToken):
    """Exchange a username and password for an API token."""

    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "login"


class CouncilViewSet(viewsets.ReadOnlyModelViewSet):
    """The councils the user belongs to, with their role in each. Admins change a
    council's settings with PATCH."""

    serializer_class = CouncilSerializer
    lookup_field = "slug"
    http_method_names = ["get", "patch", "head", "options"]

    def get_queryset(self):
        return Council.objects.of_user(self.request.user).annotate(user_role=F("memberships__role"))

    @extend_schema(request=CouncilSettingsSerializer, responses=CouncilSerializer)
    def partial_update(self, request, *args, **kwargs):
        council = self.get_object()
        serializer = CouncilSettingsSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        council_settings_update(council=council, by=request.user, **serializer.validated_data)
        return Response(CouncilSerializer(self.get_object()).data)


class MeView(APIView):
    """You: your account and the language the app speaks to you in."""

    @extend_schema(responses=MeSerializer)
    def get(self, request):
        return Response(self._answer(request.user))

    @extend_schema(request=MeSerializer, responses=MeSerializer)
    def patch(self, request):
        serializer = MeSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        if "language" in serializer.validated_data:
            language_choose(user=request.user, language=serializer.validated_data["language"])
        return Response(self._answer(request.user))

    def _answer(self, user) -> dict:
        chosen = Profile.objects.filter(user=user).values_list("language", flat=True).first()
        return MeSerializer(
            {
                "username": user.get_username(),
                "email": user.email,
                "first_name": user.first_name,
                "last_name": user.last_name,
                "language": chosen or None,
            }
        ).data


class CanvasViewSet(viewsets.ModelViewSet):
    filterset_class = CanvasFilter
    http_method_names = ["get", "post", "put", "patch", "delete", "head", "options"]

    def get_queryset(self):
        canvases = Canvas.objects.visible_to(self.request.user).select_related("council", "owner")
        if self.action == "retrieve":  # the detail counts filled blocks from its cards
            cards = Card.objects.select_related("updated_by").order_by("block", "position", "id")
            return canvases.prefetch_related(Prefetch("cards", queryset=cards))
        return canvases.with_blocks_filled()

    def get_serializer_class(self):
        if self.action == "retrieve":
            return CanvasDetailSerializer
        if self.action in {"update", "partial_update"}:
            return CanvasUpdateSerializer
        return CanvasSerializer

    def perform_create(self, serializer) -> None:
        data = dict(serializer.validated_data)
        created = canvas_create(by=self.request.user, **data)
        serializer.instance = Canvas.objects.with_blocks_filled().get(pk=created.pk)

    @extend_schema(request=CanvasUpdateSerializer, responses=CanvasSerializer)
    def update(self, request, *args, **kwargs):
        canvas = self.get_object()
        serializer = CanvasUpdateSerializer(data=request.data, partial=kwargs.get("partial", False))
        serializer.is_valid(raise_exception=True)
        canvas_update(canvas=canvas, by=request.user, **serializer.validated_data)
        canvas = (
            Canvas.objects.with_blocks_filled().select_related("council", "owner").get(pk=canvas.pk)
        )
        return Response(CanvasSerializer(canvas, context={"request": request}).data)

    @extend_schema(request=CanvasUpdateSerializer, responses=CanvasSerializer)
    def partial_update(self, request, *args, **kwargs):
        return self.update(request, *args, partial=True, **kwargs)

    def perform_destroy(self, instance: Canvas) -> None:
        canvas_delete(canvas=instance, by=self.request.user)


class CardViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    """The cards of one canvas. Updates carry the version they are based on."""

    serializer_class = CardSerializer
    queryset = Card.objects.none()  # for the schema; requests use get_queryset
    pagination_class = None  # a canvas has at most a few hundred cards

    def get_canvas(self) -> Canvas:
        if not hasattr(self, "_canvas"):
            canvases = Canvas.objects.visible_to(self.request.user).select_related("council")
            self._canvas = get_object_or_404(canvases, pk=self.kwargs["canvas_pk"])
        return self._canvas

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return self.queryset
        return (
            Card.objects.filter(canvas=self.get_canvas())
            .select_related("updated_by")
            .order_by("block", "position", "id")
        )

    def get_object(self) -> Card:
        card = super().get_object()
        card.canvas = self.get_canvas()
        return card

    @extend_schema(request=CardCreateSerializer, responses={201: CardSerializer})
    def create(self, request, *args, **kwargs):
        serializer = CardCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        card = card_create(canvas=self.get_canvas(), by=request.user, **serializer.validated_data)
        return Response(CardSerializer(card).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request=CardUpdateSerializer,
        responses={200: CardSerializer, 409: CardSerializer},
        description="Save new content. A `version` other than the card's current one gets a "
        "409 with the current card and the attempted content; nothing is overwritten.",
    )
    def update(self, request, *args, **kwargs):
        card = self.get_object()
        serializer = CardUpdateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        changes = dict(serializer.validated_data)
        version = changes.pop("version")
        card = card_update(card=card, by=request.user, based_on_version=version, **changes)
        return Response(CardSerializer(card).data)

    @extend_schema(request=CardUpdateSerializer, responses={200: CardSerializer})
    def partial_update(self, request, *args, **kwargs):
        return self.update(request, *args, **kwargs)

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "version", int, description="Refuse (409) if the card changed since this version."
            )
        ]
    )
    def destroy(self, request, *args, **kwargs):
        card = self.get_object()
        version = request.query_params.get("version")
        if version is not None and not version.isdigit():
            raise ValidationError({"version": [_("A whole number is required.")]})
        card_delete(card=card, by=request.user, based_on_version=int(version) if version else None)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(request=CardMoveSerializer, responses=CardSerializer)
    @action(detail=True, methods=["post"])
    def move(self, request, *args, **kwargs):
        """Put the card at a 0-based position in a block of the same canvas."""
        card = self.get_object()
        serializer = CardMoveSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        if data.get("canvas", card.canvas_id) != card.canvas_id:
            raise ValidationError({"canvas": [_("Cards cannot be moved to another canvas.")]})
        card = card_move(card=card, by=request.user, block=data["block"], position=data["position"])
        return Response(CardSerializer(card).data)

    @extend_schema(responses=CardHistorySerializer(many=True))
    @action(detail=True, methods=["get"])
    def history(self, request, *args, **kwargs):
        """Every change to the card, newest first."""
        card = self.get_object()
        entries = CardHistory.objects.filter(canvas=card.canvas, card_ref=card.pk)
        return Response(CardHistorySerializer(entries.select_related("by"), many=True).data)


class FrameworkView(APIView):
    """The canvas blocks, in reading order, with their guiding questions, in the
    request's language (Accept-Language)."""

    @extend_schema(responses=BlockSerializer(many=True))
    def get(self, request):
        return Response(BlockSerializer(BLOCKS, many=True).data)

"""API of the review: invitations, comments, moderation and notifications."""

from django.contrib.auth import authenticate
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.generics import ListAPIView
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from canvas_app.filters import CommentFilter
from canvas_app.models import MODERATOR_ROLES, Comment, Invitation, Notification
from canvas_app.selectors.review import author_labels, notification_items
from canvas_app.services.access import canvas_role, ensure_can_edit
from canvas_app.services.comments import (
    comment_create,
    comment_delete,
    comment_edit,
    thread_reopen,
    thread_resolve,
)
from canvas_app.services.invitations import (
    InvitationInvalid,
    invitation_accept,
    invitation_accept_with_new_account,
    invitation_create,
    invitation_resend,
    invitation_resolve,
    invitation_revoke,
)
from canvas_app.services.moderation import (
    comment_approve,
    comment_hide,
    comment_report,
    comment_unhide,
)
from canvas_app.services.notifications import (
    notifications_mark_read,
    preferences_of,
    preferences_update,
)

from .impact_views import CanvasScopedView
from .network_views import CanvasChildViewSet
from .review_serializers import (
    CommentCreateSerializer,
    CommentReportSerializer,
    CommentSerializer,
    CommentUpdateSerializer,
    InvitationAcceptedSerializer,
    InvitationAcceptSerializer,
    InvitationCreateSerializer,
    InvitationSerializer,
    MarkedSerializer,
    MarkReadSerializer,
    NotificationPreferencesSerializer,
    NotificationSerializer,
    OptionalReasonSerializer,
    ReasonSerializer,
    ResolveSerializer,
)

# Invitations -----------------------------------------------------------------


class InvitationsView(CanvasScopedView):
    """The canvas's invitations (editors and admins of its council only)."""

    members_only = True

    @extend_schema(responses=InvitationSerializer(many=True))
    def get(self, request, canvas_pk: int):
        canvas = self.get_canvas()
        ensure_can_edit(request.user, canvas.council)
        invitations = canvas.invitations.select_related("user", "invited_by")
        return Response(InvitationSerializer(invitations, many=True).data)

    @extend_schema(request=InvitationCreateSerializer, responses={201: InvitationSerializer})
    def post(self, request, canvas_pk: int):
        canvas = self.get_canvas()
        serializer = InvitationCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        invitation = invitation_create(canvas=canvas, by=request.user, **serializer.validated_data)
        return Response(InvitationSerializer(invitation).data, status=status.HTTP_201_CREATED)


class InvitationView(CanvasScopedView):
    members_only = True

    def get_invitation(self) -> Invitation:
        invitation = get_object_or_404(
            Invitation, canvas=self.get_canvas(), pk=self.kwargs["invitation_pk"]
        )
        invitation.canvas = self.get_canvas()
        return invitation

    @extend_schema(request=None, responses={204: None})
    def delete(self, request, canvas_pk: int, invitation_pk: int):
        """Revoke: the invitee's access ends at once (a pending link stops working)."""
        invitation_revoke(invitation=self.get_invitation(), by=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class InvitationResendView(InvitationView):
    http_method_names = ["post", "options"]

    @extend_schema(request=None, responses={200: InvitationSerializer})
    def post(self, request, canvas_pk: int, invitation_pk: int):
        """A new link by e-mail; the earlier link stops working."""
        invitation = invitation_resend(invitation=self.get_invitation(), by=request.user)
        return Response(InvitationSerializer(invitation).data)


class InvitationAcceptView(APIView):
    """Accept an invitation. Signed in (session or token): `{"token"}` binds it to you
    (200). Otherwise `{"token", "username", "password"}` creates the account (201), or
    signs in to an existing one with its password (200). A used, revoked, expired or
    forged token answers 400 and creates nothing."""

    permission_classes = [AllowAny]
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "login"

    @extend_schema(
        request=InvitationAcceptSerializer,
        responses={200: InvitationAcceptedSerializer, 201: InvitationAcceptedSerializer},
    )
    def post(self, request):
        serializer = InvitationAcceptSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        token = data["token"]
        if request.user.is_authenticated:
            invitation = invitation_accept(token=token, user=request.user)
            return self._answer(invitation, request.user, created=False)
        if invitation_resolve(token) is None:  # checked first: nothing is created then
            raise InvitationInvalid()
        missing = {
            field: [_("This field is required.")]
            for field in ("username", "password")
            if not data.get(field)
        }
        if missing:
            raise ValidationError(missing)
        existing = authenticate(request, username=data["username"], password=data["password"])
        if existing is not None:
            invitation = invitation_accept(token=token, user=existing)
            return self._answer(invitation, existing, created=False)
        user, invitation = invitation_accept_with_new_account(
            token=token, username=data["username"], password=data["password"]
        )
        return self._answer(invitation, user, created=True)

    def _answer(self, invitation: Invitation, user, *, created: bool) -> Response:
        body = {
            "invitation": invitation.pk,
            "canvas": invitation.canvas_id,
            "role": invitation.role,
            "username": user.get_username(),
            "created": created,
        }
        code = status.HTTP_201_CREATED if created else status.HTTP_200_OK
        return Response(InvitationAcceptedSerializer(body).data, status=code)


# Comments --------------------------------------------------------------------


class CommentViewSet(CanvasChildViewSet):
    """Comments on the canvas's blocks and cards, oldest first. Hidden comments and
    those waiting for approval are seen only by their author and the moderators."""

    serializer_class = CommentSerializer
    queryset = Comment.objects.none()
    filterset_class = CommentFilter
    pagination_class = viewsets.GenericViewSet.pagination_class
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]

    def get_role(self) -> str | None:
        if not hasattr(self, "_role"):
            self._role = canvas_role(self.request.user, self.get_canvas())
        return self._role

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return self.queryset
        moderator = self.get_role() in MODERATOR_ROLES
        return (
            Comment.objects.filter(canvas=self.get_canvas())
            .seen_by(self.request.user, moderator=moderator)
            .with_thread_status()
            .annotate(reply_count=Count("replies", filter=Q(replies__deleted_at__isnull=True)))
            .select_related("author", "resolved_by")
            .prefetch_related("mentions")
            .order_by("created_at", "id")
        )

    def get_serializer_context(self) -> dict:
        context = super().get_serializer_context()
        if not getattr(self, "swagger_fake_view", False):
            context["labels"] = author_labels([self.get_canvas().pk])
        return context

    def _answer(self, comment: Comment, code: int = status.HTTP_200_OK) -> Response:
        fresh = self.get_queryset().filter(pk=comment.pk).first() or comment
        return Response(self.get_serializer(fresh).data, status=code)

    @extend_schema(
        parameters=[
            OpenApiParameter("mine", bool, description="Only threads I take part in."),
        ]
    )
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @extend_schema(request=CommentCreateSerializer, responses={201: CommentSerializer})
    def create(self, request, *args, **kwargs):
        canvas = self.get_canvas()  # not found comes before bad input
        serializer = CommentCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        card_id, parent_id = data.pop("card", None), data.pop("parent", None)
        card = None
        if card_id is not None:
            card = canvas.cards.filter(pk=card_id).first()
            if card is None:
                raise ValidationError({"card": [_("Not a card of this canvas.")]})
        parent = None
        if parent_id is not None:
            parent = self.get_queryset().filter(pk=parent_id).first()
            if parent is None:
                raise ValidationError({"parent": [_("Not a comment of this canvas.")]})
        comment = comment_create(canvas=canvas, by=request.user, card=card, parent=parent, **data)
        return self._answer(comment, status.HTTP_201_CREATED)

    @extend_schema(request=CommentUpdateSerializer, responses=CommentSerializer)
    def partial_update(self, request, *args, **kwargs):
        """The author edits their comment; the earlier text is kept."""
        comment = self.get_object()
        serializer = CommentUpdateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        comment_edit(comment=comment, by=request.user, **serializer.validated_data)
        return self._answer(comment)

    def update(self, request, *args, **kwargs):
        return self.partial_update(request, *args, **kwargs)

    @extend_schema(responses={204: None})
    def destroy(self, request, *args, **kwargs):
        """The author deletes their comment: its text goes, its thread stays."""
        comment_delete(comment=self.get_object(), by=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(request=ResolveSerializer, responses=CommentSerializer)
    @action(detail=True, methods=["post"])
    def resolve(self, request, *args, **kwargs):
        """Resolve a thread with a note (editors, admins and the thread's author)."""
        comment = self.get_object()
        serializer = ResolveSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        thread_resolve(comment=comment, by=request.user, note=serializer.validated_data["note"])
        return self._answer(comment)

    @extend_schema(request=None, responses=CommentSerializer)
    @action(detail=True, methods=["post"])
    def reopen(self, request, *args, **kwargs):
        comment = self.get_object()
        thread_reopen(comment=comment, by=request.user)
        return self._answer(comment)

    @extend_schema(
        request=ReasonSerializer,
        responses={201: CommentReportSerializer, 200: CommentReportSerializer},
    )
    @action(detail=True, methods=["post"])
    def report(self, request, *args, **kwargs):
        """Report a comment to the council's moderators (again: the reason is updated)."""
        comment = self.get_object()
        serializer = ReasonSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        report, created = comment_report(
            comment=comment, by=request.user, reason=serializer.validated_data["reason"]
        )
        code = status.HTTP_201_CREATED if created else status.HTTP_200_OK
        return Response(CommentReportSerializer(report).data, status=code)

    @extend_schema(request=ReasonSerializer, responses=CommentSerializer)
    @action(detail=True, methods=["post"])
    def hide(self, request, *args, **kwargs):
        """Hide a comment from everyone but its author and the moderators."""
        comment = self.get_object()
        serializer = ReasonSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        comment_hide(comment=comment, by=request.user, reason=serializer.validated_data["reason"])
        return self._answer(comment)

    @extend_schema(request=OptionalReasonSerializer, responses=CommentSerializer)
    @action(detail=True, methods=["post"])
    def unhide(self, request, *args, **kwargs):
        comment = self.get_object()
        serializer = OptionalReasonSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        comment_unhide(
            comment=comment, by=request.user, reason=serializer.validated_data.get("reason", "")
        )
        return self._answer(comment)

    @extend_schema(request=None, responses=CommentSerializer)
    @action(detail=True, methods=["post"])
    def approve(self, request, *args, **kwargs):
        """Publish a comment that waits for pre-moderation."""
        comment = self.get_object()
        comment_approve(comment=comment, by=request.user)
        return self._answer(comment)


# Notifications ---------------------------------------------------------------


class NotificationListView(ListAPIView):
    """My notifications, newest first; `?unread=1` for the unread ones."""

    serializer_class = NotificationSerializer
    queryset = Notification.objects.none()
    filter_backends = []

    @extend_schema(parameters=[OpenApiParameter("unread", bool, description="Only unread.")])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return self.queryset
        notifications = (
            Notification.objects.of_reader(self.request.user)
            .visible()
            .select_related("canvas", "comment__author", "actor")
            .order_by("-created_at", "-id")
        )
        if self.request.query_params.get("unread") in {"1", "true", "True"}:
            notifications = notifications.unread()
        return notifications

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.get_queryset())
        paths = {item.notification.pk: item.path for item in notification_items(page)}
        context = {**self.get_serializer_context(), "paths": paths}
        data = NotificationSerializer(page, many=True, context=context).data
        return self.get_paginated_response(data)


class NotificationsReadView(APIView):
    @extend_schema(request=MarkReadSerializer, responses=MarkedSerializer)
    def post(self, request):
        """Mark notifications read: `{"ids": [...]}` or `{"all": true}`."""
        serializer = MarkReadSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        marked = notifications_mark_read(
            user=request.user, ids=data.get("ids", []), everything=bool(data.get("all"))
        )
        unread = Notification.objects.of_reader(request.user).visible().unread().count()
        return Response({"marked": marked, "unread": unread})


class NotificationPreferencesView(APIView):
    @extend_schema(responses=NotificationPreferencesSerializer)
    def get(self, request):
        return Response(preferences_of(request.user))

    @extend_schema(
        request=NotificationPreferencesSerializer, responses=NotificationPreferencesSerializer
    )
    def put(self, request):
        serializer = NotificationPreferencesSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return Response(preferences_update(user=request.user, changes=serializer.validated_data))

"""Who has access to a canvas, inviting people to it, and accepting an invitation."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from canvas_app.forms.review import InvitationForm, NewAccountForm, PremoderationForm
from canvas_app.models import EDIT_ROLES, Invitation
from canvas_app.selectors.review import access_list
from canvas_app.services.invitations import (
    expiry_days,
    invitation_accept,
    invitation_accept_with_new_account,
    invitation_create,
    invitation_resend,
    invitation_resolve,
    invitation_revoke,
)
from canvas_app.services.moderation import premoderation_set

from .errors import add_service_errors
from .scoping import my_canvas, my_canvas_child


@login_required
@require_http_methods(["GET", "POST"])
def people(request, pk: int):
    """The council's members, the canvas's invitees, and the form to invite someone."""
    canvas = my_canvas(request, pk, members_only=True)
    can_invite = canvas.user_role in EDIT_ROLES
    form = InvitationForm(request.POST or None)
    if request.method == "POST":
        if not can_invite:
            raise PermissionDenied(_("Only the council's editors and admins invite people."))
        if form.is_valid():
            try:
                invitation = invitation_create(canvas=canvas, by=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request, _("Invitation sent to %(email)s.") % {"email": invitation.email}
                )
                return redirect("canvas-people", pk=canvas.pk)
    return render(
        request,
        "canvas_app/review/people.html",
        {
            "canvas": canvas,
            "access": access_list(canvas),
            "form": form,
            "can_invite": can_invite,
            "expiry_days": expiry_days(),
            "premoderation_form": PremoderationForm(
                initial={"comments_premoderated": canvas.comments_premoderated}
            ),
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def premoderation(request, pk: int):
    canvas = my_canvas(request, pk, members_only=True)
    form = PremoderationForm(request.POST)
    form.is_valid()  # a checkbox: absent means off
    premoderation_set(
        canvas=canvas, by=request.user, enabled=form.cleaned_data.get("comments_premoderated")
    )
    if canvas.comments_premoderated:
        messages.success(request, _("Stakeholders' comments now wait for a moderator."))
    else:
        messages.success(request, _("Stakeholders' comments now appear at once."))
    return redirect("canvas-people", pk=canvas.pk)


@login_required
@require_POST
def invitation_revoke_view(request, pk: int):
    invitation = my_canvas_child(request, Invitation, pk)
    invitation_revoke(invitation=invitation, by=request.user)
    messages.success(
        request,
        _("%(email)s no longer has access to this canvas.") % {"email": invitation.email},
    )
    return redirect("canvas-people", pk=invitation.canvas_id)


@login_required
@require_POST
def invitation_resend_view(request, pk: int):
    invitation = my_canvas_child(request, Invitation, pk)
    try:
        invitation_resend(invitation=invitation, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("A new link was sent to %(email)s; the earlier one no longer works.")
            % {"email": invitation.email},
        )
    return redirect("canvas-people", pk=invitation.canvas_id)


@require_http_methods(["GET", "POST"])
def invitation_accept_view(request, token: str):
    """Accept an invitation: signed in, with one click; signed out, by creating an
    account or signing in to an existing one."""
    invitation = invitation_resolve(token)
    if invitation is None:
        return render(request, "canvas_app/review/invitation_invalid.html", status=404)
    action = request.POST.get("action") if request.method == "POST" else None
    new_account = NewAccountForm(request.POST if action == "create" else None, auto_id="new-%s")
    sign_in = AuthenticationForm(
        request, data=request.POST if action == "sign-in" else None, auto_id="signin-%s"
    )
    user = None
    try:
        if action == "accept" and request.user.is_authenticated:
            invitation_accept(token=token, user=request.user)
            user = request.user
        elif action == "create" and new_account.is_valid():
            user, _created = invitation_accept_with_new_account(
                token=token,
                username=new_account.cleaned_data["username"],
                password=new_account.cleaned_data["password"],
            )
        elif action == "sign-in" and sign_in.is_valid():
            user = sign_in.get_user()
            invitation_accept(token=token, user=user)
    except ValidationError as error:
        add_service_errors(new_account if action == "create" else sign_in, error)
    if user is not None:
        if not request.user.is_authenticated:
            login(request, user, backend="canvas_app.auth.ProfileModelBackend")
        messages.success(
            request,
            _("Welcome. You can now read “%(title)s”.") % {"title": invitation.canvas.title},
        )
        return redirect("canvas-detail", pk=invitation.canvas_id)
    has_errors = bool(new_account.errors or sign_in.errors)
    return render(
        request,
        "canvas_app/review/invitation_accept.html",
        {"invitation": invitation, "new_account": new_account, "sign_in": sign_in},
        status=400 if has_errors else 200,
    )

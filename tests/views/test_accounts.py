from django.core import mail
from django.urls import reverse


def test_password_reset_sends_a_working_link(client, editor):
    client.post(reverse("password_reset"), {"email": "editor@example.org"})

    assert len(mail.outbox) == 1
    link = next(line for line in mail.outbox[0].body.splitlines() if "/accounts/reset/" in line)
    path = link.split("testserver", 1)[1]
    form = client.get(path, follow=True)
    response = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "a-new-long-passphrase", "new_password2": "a-new-long-passphrase"},
    )

    assert response.status_code == 302
    editor.refresh_from_db()
    assert editor.check_password("a-new-long-passphrase")


def test_password_change_needs_the_old_password(client, editor):
    client.force_login(editor)

    response = client.post(
        reverse("password_change"),
        {
            "old_password": "wrong",
            "new_password1": "x-long-pass-1",
            "new_password2": "x-long-pass-1",
        },
    )

    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()


def test_a_user_without_council_is_told_so(client, db):
    from ..factories import UserFactory

    client.force_login(UserFactory())

    assert "not a member of any council" in client.get(reverse("home")).content.decode()


def test_repeated_wrong_passwords_lock_the_username_out(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": "editor", "password": "wrong"})

    response = client.post(
        reverse("login"), {"username": "editor", "password": "correct-horse-battery"}
    )

    assert response.status_code == 429
    assert "Too many sign-in attempts" in response.content.decode()

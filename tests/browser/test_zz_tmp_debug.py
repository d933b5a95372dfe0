import json
import pytest
from axe_playwright_python.sync_playwright import Axe
from canvas_app.models import CanvasRole
from canvas_app.services.comments import comment_create
from canvas_app.services.moderation import comment_hide, comment_report
from ..review.conftest import accepted_invitation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

def dump(page, name):
    page.screenshot(path=f"/tmp/shots/{name}.png", full_page=True)
    res = Axe().run(page).response
    for v in res["violations"]:
        print(name, v["impact"], v["id"], [n["target"] for n in v["nodes"][:3]], v["nodes"][0].get("failureSummary","")[:300])
    print(name, "incomplete:", [(v["id"], [(n["target"], n.get("failureSummary","")[:200], [c["message"] for c in n.get("any",[])+n.get("all",[])]) for n in v["nodes"][:3]]) for v in res["incomplete"]])

def test_debug(page, sign_in, editor, council, canvas, card, browser, live_server):
    anna = accepted_invitation(canvas, editor, CanvasRole.STAKEHOLDER, "anna", "Cyclists' Union")
    t = comment_create(canvas=canvas, by=anna, block=card.block, card=card, kind="concern", stance="against", body="Too dark @editor see https://example.org")
    r = comment_create(canvas=canvas, by=editor, parent=t, body="Noted @anna")
    comment_report(comment=r, by=anna, reason="rude")
    comment_hide(comment=r, by=editor, reason="off topic")
    canvas.comments_premoderated = True; canvas.save()
    comment_create(canvas=canvas, by=anna, block="key_partners", kind="question", body="Waiting one")
    sign_in("editor")
    page.goto(f"/canvases/{canvas.pk}/people/")
    page.get_by_role("button", name="Send the invitation").click()
    dump(page, "people_errors")
    page.goto(f"/canvases/{canvas.pk}/comments/")
    page.get_by_role("button", name="Post the comment").click()
    dump(page, "comments_errors")
    page.goto(f"/comments/{t.pk}/")
    for s in page.locator("summary").all():
        s.click()
    dump(page, "thread_open")
    page.get_by_role("button", name="Resolve the thread").click()
    dump(page, "thread_resolve_error")
    page.goto(f"/councils/{council.slug}/moderation/")
    dump(page, "moderation_full")
    page.goto(f"/comments/{r.pk}/hide/")
    dump(page, "reason")
    ctx = browser.new_context(base_url=live_server.url, viewport={"width": 1400, "height": 1000})
    p2 = ctx.new_page()
    p2.goto("/accounts/login/"); p2.get_by_label("Username").fill("anna"); p2.get_by_label("Password").fill("correct-horse-battery"); p2.get_by_role("button", name="Sign in").click()
    p2.wait_for_load_state()
    p2.goto("/notifications/")
    dump(p2, "anna_notifications")
    p2.goto(f"/comments/{t.pk}/")
    dump(p2, "anna_thread")
    p2.goto(f"/canvases/{canvas.pk}/comments/")
    dump(p2, "anna_comments")
    ctx.close()
    from canvas_app.services.invitations import invitation_create, invitation_token
    inv = invitation_create(canvas=canvas, by=editor, email="bob@example.org", role="observer")
    ctx = browser.new_context(base_url=live_server.url, viewport={"width": 1400, "height": 1000})
    p3 = ctx.new_page()
    p3.goto(f"/invitations/{invitation_token(inv)}/")
    p3.get_by_role("button", name="Create the account and accept").click()
    dump(p3, "accept_errors")
    p3.goto("/invitations/" + "0"*64 + "/")
    dump(p3, "invalid")
    ctx.close()

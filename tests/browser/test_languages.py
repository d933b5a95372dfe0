"""Every page speaks the reader's language.

One realistic canvas (scored, consulted, decided on, snapshotted, shared) and every page
the journeys visit, read in English, in Spanish and in Catalan by a browser that asks
for that language. Whatever text a Spanish or Catalan page shows exactly as the English
page does must be user content (what people typed and the data they created, gathered
from the database), a number, a date, a code, a unit, or one of the few words that are
spelt the same in both languages (`SAME_WORDS`, each checked against the catalogue):
anything else is English left untranslated. Each Spanish and Catalan page is also
checked with axe.
"""

import re
from dataclasses import dataclass
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import translation
from django.utils.dates import MONTHS, MONTHS_3, MONTHS_ALT, MONTHS_AP

from canvas_app.examples import EXAMPLES
from canvas_app.impact.inputs import CARBON_PRICE_MODES, DIMENSION_CODES
from canvas_app.models import (
    Assessment,
    Canvas,
    CanvasRole,
    Card,
    CardHistory,
    Comment,
    CommentKind,
    CommentReport,
    Council,
    Decision,
    Evidence,
    FundingSource,
    Invitation,
    Milestone,
    Option,
    Outcome,
    Partner,
    Raci,
    Role,
    ShareLink,
    Snapshot,
    Stage,
    StageChange,
    Stance,
)
from canvas_app.services.cards import card_create, card_update
from canvas_app.services.comments import comment_create, thread_resolve
from canvas_app.services.exchange import canvas_create_from_example
from canvas_app.services.impact import impact_inputs_update
from canvas_app.services.invitations import invitation_create, invitation_token
from canvas_app.services.lifecycle import canvas_transition, decision_make
from canvas_app.services.moderation import comment_report
from canvas_app.services.sharing import share_link_create
from canvas_app.services.snapshots import snapshot_name

from ..factories import CouncilFactory, MembershipFactory, UserFactory
from ..review.conftest import accepted_invitation
from .conftest import serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct-horse-battery"
LANGUAGES = ("es", "ca")
BROWSER_LOCALES = {"en": "en-GB", "es": "es-ES", "ca": "ca-ES"}  # sent as Accept-Language

QUESTION = "Will the lamps dim after midnight on the cycle routes? @marta can you confirm?"
ANSWER = "Only on residential streets: the cycle routes stay at full light."
NOTE = "Answered: cycle routes are excluded from night dimming."
CONCERN = "Warmer light, please: 3000 K is kinder to residents and to insects."
REPORT_REASON = "Off topic for this block."
RATIONALE = "The dimming profile must exclude the cycle routes before we approve it."
CARD_AFTER = "Halve the electricity bill of public lighting, with cycle routes kept at full light."
CARD_ADDED = "Cycle routes stay at full light all night."

# Written the same in every language, by nature rather than for want of a translation.
NOT_TRANSLATED = [
    "City Model Canvas",  # the product's and the method's name (GLOSSARY.md)
    *(name for _code, name in settings.LANGUAGES),  # each language named in itself
    # Units and abbreviations of the method and of the charts: "EUR/t CO2e",
    # "kg CO2e/kWh", millions as in "€2.46 M", the percentiles "P10 / P50 / P90".
    "EUR",
    "CO2e",
    "kWh",
    "kg",
    "t",
    "M",
    "P10",
    "P50",
    "P90",
    *Raci.values,  # R, A, C, I: the codes of the responsibility matrix
    *(code for codes in DIMENSION_CODES.values() for code in codes),  # EC1 … SO5
    # A parameter's values, listed in the method annex as the API takes them
    # (impact/docs.py: "the values themselves: not translated").
    *CARBON_PRICE_MODES,
]

# The method's notation in a formula with its figures, "100 × clamp(g ÷ Gg) = 90.00"
# (IMPACT_METHOD.md); formulas in words are translated.
FORMULA_NOTATION = ["clamp", "PV", "Gg", "B/C", "g", "r", "s", "o"]

# Translated, and spelt the same as in English.
SAME_WORDS = {
    "es": ["Social", "Total", "Neutral", "Sector", "Editor", "Roles:", "B/C"],
    "ca": ["Social", "Total", "Neutral", "Sector", "Editor", "Decisions", "B/C"],
}


@dataclass
class World:
    pages: list[tuple[str, str, str | None]]  # (name, path, who reads it: None is signed out)
    content: list[str]  # user content, longest first


def member(council, role: str, username: str, first: str, last: str):
    user = UserFactory(username=username, first_name=first, last_name=last)
    MembershipFactory(council=council, role=role, user=user)
    return user


def build_world() -> World:
    council = CouncilFactory(name="Girona", slug="girona")
    marta = member(council, Role.EDITOR, "marta", "Marta", "Soler")
    jordi = member(council, Role.APPROVER, "jordi", "Jordi", "Puig")
    member(council, Role.ADMIN, "pilar", "Pilar", "Vidal")
    # Cards in every block, partners, milestones, impact inputs and funding; scored when
    # the import commits (tasks run in-process in these tests).
    led = EXAMPLES["led-street-lighting"]
    canvas = canvas_create_from_example(council=council, by=marta, example=led)
    assert Assessment.objects.get(canvas=canvas).status == "done"
    anna = accepted_invitation(canvas, marta, CanvasRole.STAKEHOLDER, "anna", "Cyclists' Union")
    canvas = canvas_transition(
        canvas=canvas, by=marta, to=Stage.CONSULTATION, note="Please comment by Friday."
    )

    value_card = Card.objects.filter(canvas=canvas, block="public_value").order_by("position")[0]
    thread = comment_create(
        canvas=canvas,
        by=anna,
        block=value_card.block,
        card=value_card,
        kind=CommentKind.QUESTION,
        stance=Stance.FOR,
        body=QUESTION,
    )
    comment_create(canvas=canvas, by=marta, parent=thread, body=ANSWER)
    thread_resolve(comment=thread, by=marta, note=NOTE)
    concern = comment_create(
        canvas=canvas,
        by=anna,
        block="engagement",
        kind=CommentKind.CONCERN,
        stance=Stance.AGAINST,
        body=CONCERN,
    )
    comment_report(comment=concern, by=marta, reason=REPORT_REASON)  # for the queue

    canvas = canvas_transition(canvas=canvas, by=marta, to=Stage.REVIEW, note="Consulted.")
    review = Snapshot.objects.filter(canvas=canvas, stage=Stage.REVIEW).latest("created_at")
    decision_make(canvas=canvas, by=jordi, outcome=Outcome.REQUEST_CHANGES, rationale=RATIONALE)
    # What changed since the review: a card reworded and now validated, a card added,
    # a better savings estimate (and so the scores).
    value_card.refresh_from_db()
    card_update(
        card=value_card,
        by=marta,
        based_on_version=value_card.version,
        text=CARD_AFTER,
        evidence=Evidence.VALIDATED,
    )
    card_create(canvas=canvas, by=marta, block="public_value", text=CARD_ADDED)
    impact_inputs_update(canvas=canvas, by=marta, values={**led.impact_inputs, "savings": 420_000})
    canvas.refresh_from_db()
    canvas = canvas_transition(canvas=canvas, by=marta, to=Stage.CONSULTATION, note="Second round.")
    named = snapshot_name(canvas=canvas, by=marta, name="Before the committee")
    _link, share_token = share_link_create(
        canvas=canvas, by=marta, label="Regional innovation fund"
    )
    pending = invitation_create(
        canvas=canvas,
        by=marta,
        email="pere@veins-centre.example.org",
        role=CanvasRole.OBSERVER,
        organisation="Veïns del Centre",
    )

    c, council_path = f"/canvases/{canvas.pk}", f"/councils/{council.slug}"
    pages = [
        ("sign-in", "/accounts/login/", None),
        ("invitation", f"/invitations/{invitation_token(pending)}/", None),
        ("share link", f"/s/{share_token}/", None),
        ("canvas list", f"{council_path}/", "marta"),
        ("new canvas", f"{council_path}/canvases/new/", "marta"),
        ("canvas", f"{c}/", "marta"),
        ("card edit", f"/cards/{value_card.pk}/edit/", "marta"),
        ("card history", f"/cards/{value_card.pk}/history/", "marta"),
        ("comments", f"{c}/comments/", "marta"),
        ("thread", f"/comments/{thread.pk}/", "marta"),
        ("people", f"{c}/people/", "marta"),
        ("stages and decisions", f"{c}/history/", "marta"),
        ("compare", f"{c}/compare/?base={review.pk}&target=now", "marta"),
        ("activity", f"{c}/activity/", "marta"),
        ("impact results", f"{c}/impact/", "marta"),
        ("impact inputs", f"{c}/impact/inputs/", "marta"),
        ("funding", f"{c}/funding/", "marta"),
        ("network", f"{c}/network/", "marta"),
        ("report", f"{c}/report/", "marta"),
        ("share links", f"{c}/share/", "marta"),
        ("snapshot", f"{c}/snapshots/{named.pk}/", "marta"),
        ("notifications", "/notifications/", "marta"),
        ("e-mail settings", "/account/notifications/", "marta"),
        ("moderation", f"{council_path}/moderation/", "marta"),
        ("portfolio", f"{council_path}/portfolio/", "marta"),
        ("method parameters", f"{council_path}/parameters/", "pilar"),  # the admin's form
    ]
    return World(pages=pages, content=user_content())


def user_content() -> list[str]:
    """What people typed and the data they created, shown as written, longest first."""
    texts: list[str] = []

    def add(*values) -> None:
        texts.extend(str(v) for v in values if v)

    for user in get_user_model().objects.all():
        add(user.username, user.first_name, user.last_name, user.get_full_name(), user.email)
    add(*Council.objects.values_list("name", flat=True))
    for canvas in Canvas.objects.all():
        add(canvas.title, canvas.summary)
    for card in Card.objects.all():
        add(card.text, card.tag)
    for history in CardHistory.objects.all():  # earlier texts, in snapshots and comparisons
        for state in (history.before or {}, history.after or {}):
            add(state.get("text"), state.get("tag"))
    for comment in Comment.objects.all():
        add(comment.body, comment.resolution_note, comment.card_excerpt, comment.hidden_reason)
    add(*CommentReport.objects.values_list("reason", flat=True))
    # Stage changes' notes, a decision's included ("Changes requested: …"), are stored as
    # written in their author's language.
    add(*StageChange.objects.values_list("note", flat=True))
    add(*Decision.objects.values_list("rationale", flat=True))
    add(*Snapshot.objects.values_list("name", flat=True))
    for partner in Partner.objects.all():
        add(partner.organisation, partner.brings, partner.gains)
    add(*Milestone.objects.values_list("name", flat=True))
    add(*FundingSource.objects.values_list("name", flat=True))
    add(*Option.objects.values_list("name", flat=True))  # "Proposed service", as created
    for invitation in Invitation.objects.all():
        add(invitation.email, invitation.organisation)
    for link in ShareLink.objects.all():
        add(link.label, f"/s/{link.token_hint}")  # a link is shown by its first characters
    # The example canvases a new canvas starts from are data written in English (the
    # canvas's language; cards and texts are never translated), named by their titles.
    add(*(example.title for example in EXAMPLES.values()))
    return sorted(set(texts), key=len, reverse=True)


def same_words(language: str) -> list[str]:
    """SAME_WORDS, each found translated, as itself, in the language's catalogue."""
    path = Path(settings.BASE_DIR) / "locale" / language / "LC_MESSAGES" / "django.po"
    catalogue = {entry.msgid: entry for entry in polib.pofile(str(path)) if not entry.obsolete}
    for word in SAME_WORDS[language]:
        entry = catalogue.get(word)
        assert entry is not None and entry.msgstr == word and not entry.fuzzy, (language, word)
    return SAME_WORDS[language]


def codes_of(language: str) -> list[str]:
    """What the language writes the same as English by construction: its month names as
    dates show them, and the initials of its evidence labels (V for Validated)."""
    with translation.override(language):
        months = [
            str(name) for table in (MONTHS, MONTHS_ALT, MONTHS_AP) for name in table.values()
        ] + [str(name).title() for name in MONTHS_3.values()]
        initials = [str(label)[0] for label in Evidence.labels]
    return months + initials


# Every text a person meets on the page: visible text (with every <details> opened),
# SVG text, what assistive technology reads out (labels, descriptions, titles), option
# texts, button values, placeholders, image alternatives and the page's title. Each
# comes with whether it is a piece of user text that markup cuts up: a comment's body
# (around a mention) or a card's text in a word-by-word comparison.
COLLECT_TEXTS = """
() => {
  for (const details of document.querySelectorAll("details")) details.open = true;
  const texts = [[document.title, false]];
  const skip = "script, style, template, noscript, option, optgroup, title, desc";
  const cut = (element) => Boolean(element.closest(".comment__body") ||
    (element.closest(".diff-words") && !element.closest("p, .visually-hidden")));
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!element || element.closest(skip)) continue;
    if (!element.closest("svg") && !element.checkVisibility({visibilityProperty: true})) {
      continue;
    }
    texts.push([node.nodeValue, cut(element)]);
  }
  const attributes = ["aria-label", "aria-description", "aria-roledescription",
                      "aria-valuetext", "title", "placeholder", "alt"];
  for (const element of document.body.querySelectorAll("*")) {
    for (const name of attributes) {
      if (element.hasAttribute(name)) texts.push([element.getAttribute(name), false]);
    }
    if (element.matches("optgroup[label]")) texts.push([element.label, false]);
    if (element.matches("input[type=submit], input[type=button], input[type=reset]")) {
      texts.push([element.value, false]);
    }
    if (element.matches("option, svg title, svg desc")) {
      texts.push([element.textContent, false]);
    }
  }
  return texts.map(([text, cut]) => [text.replace(/\\s+/g, " ").trim(), cut])
    .filter(([text]) => text);
}
"""

LETTERS = re.compile(r"[^\W\d_]")


def without(text: str, known: list[str]) -> str:
    for item in known:
        text = re.sub(rf"(?<!\w){re.escape(item)}(?!\w)", " ", text)
    return text


def is_ours_to_leave(text: str, cut: bool, content: list[str], allowed: list[str]) -> bool:
    """Whether a text shown the same in English and in the language needs no translation:
    user content, with allowed words, numbers and punctuation around it."""
    rest = without(without(text, content), allowed)
    if "×" in rest or "÷" in rest:
        rest = without(rest, FORMULA_NOTATION)
    if not LETTERS.search(rest):
        return True
    if text.endswith("…"):  # user text cut short: "Better colour rendering and fewer da…"
        start = text.removesuffix("…").strip()
        return len(start.split()) >= 3 and any(start in known for known in content)
    if cut:  # a piece of a comment or of a card's text, between markup
        piece = text.strip(" .,:;")
        return any(re.search(rf"(?<!\w){re.escape(piece)}(?!\w)", known) for known in content)
    return False


def sign_in(page, username: str) -> None:
    page.context.clear_cookies()
    page.goto("/accounts/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("input[name=password]").press("Enter")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def read_every_page(browser, live_server, world: World, language: str, problems: dict):
    """The texts of every page in a language, by page; axe's findings go to `problems`."""
    context = browser.new_context(
        base_url=live_server.url,
        viewport={"width": 1400, "height": 1000},
        locale=BROWSER_LOCALES[language],  # nobody chose a language: the browser's decides
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    texts, reader = {}, None
    try:
        for name, path, username in world.pages:
            if username != reader:
                if username is None:
                    context.clear_cookies()
                else:
                    sign_in(page, username)
                reader = username
            response = page.goto(path)
            assert response.status == 200, (language, name, path, response.status)
            lang = page.locator("html").get_attribute("lang")
            assert lang.split("-")[0] == language, (language, name, lang)
            texts[name] = {(text, cut) for text, cut in page.evaluate(COLLECT_TEXTS)}
            if language != "en" and (found := serious_violations(page)):
                problems[f"{language}, {name}: axe"] = found
    finally:
        context.close()
    return texts


def test_every_page_speaks_spanish_and_catalan_with_nothing_left_in_english(browser, live_server):
    world = build_world()
    problems = {}

    english = read_every_page(browser, live_server, world, "en", problems)
    for language in LANGUAGES:
        allowed = sorted(
            NOT_TRANSLATED + same_words(language) + codes_of(language), key=len, reverse=True
        )
        translated = read_every_page(browser, live_server, world, language, problems)
        for name, _path, _reader in world.pages:
            left = sorted(
                text
                for text, cut in english[name] & translated[name]
                if not is_ours_to_leave(text, cut, world.content, allowed)
            )
            if left:
                problems[f"{language}, {name}: left in English"] = left

    assert problems == {}

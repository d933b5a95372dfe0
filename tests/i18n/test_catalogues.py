"""The catalogues are complete: nothing left to extract, nothing untranslated or fuzzy,
and every placeholder kept."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
LANGUAGES = ["es", "ca"]


def catalogue(language: str) -> Path:
    return ROOT / "locale" / language / "LC_MESSAGES" / "django.po"


def live_entries(path: Path) -> dict:
    return {
        (entry.msgctxt, entry.msgid): entry
        for entry in polib.pofile(str(path))
        if not entry.obsolete and entry.msgid
    }


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """What makemessages finds in the code now. It always writes into the tree it runs
    in, so it runs on a copy of the sources and catalogues."""
    copy = tmp_path_factory.mktemp("tree")
    for name in ("canvas_app", "smartcity", "templates", "locale"):
        shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "manage.py", copy / "manage.py")
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "--no-location", *_locales()],
        cwd=copy,
        env={**os.environ, "DEBUG": "1", "DATABASE_URL": "sqlite:///:memory:"},
        check=True,
        capture_output=True,
    )
    return copy / "locale"


def _locales() -> list[str]:
    return [argument for language in LANGUAGES for argument in ("-l", language)]


@pytest.mark.parametrize("language", LANGUAGES)
def test_makemessages_finds_nothing_new(extracted, language):
    committed = live_entries(catalogue(language))
    found = live_entries(extracted / language / "LC_MESSAGES" / "django.po")

    assert sorted(set(found) - set(committed)) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated(language):
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(catalogue(language))],
        capture_output=True,
        text=True,
        check=True,
    )

    statistics = result.stderr.strip()
    assert "untranslated" not in statistics and "fuzzy" not in statistics, statistics
    assert statistics.endswith("translated messages.")


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_their_placeholders_and_tags(language):
    import re

    marks = re.compile(r"%\(\w+\)[sd]|\{\w+\}|<[a-z]+|</[a-z]+>")
    for entry in live_entries(catalogue(language)).values():
        translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for text in translations:
            assert sorted(marks.findall(text)) == sorted(marks.findall(entry.msgid)) or (
                entry.msgid_plural and "%(" in entry.msgid_plural
            ), (entry.msgid, text)

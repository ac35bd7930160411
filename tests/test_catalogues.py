"""The UI catalogues (site/locale) are complete: every string of the code is in them, translated in every language.

Extracting the strings needs GNU gettext's xgettext and msguniq (Debian package ``gettext``), as makemessages does.
"""

import re
import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

LOCALE_DIR = Path(settings.LOCALE_PATHS[0])
LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
# What gettext (and CLDR) say each language has; Django's own catalogues use the same expressions.
PLURAL_FORMS = {
    "cy": "nplurals=4; plural=(n==1) ? 0 : (n==2) ? 1 : (n != 8 && n != 11) ? 2 : 3;",
    "ar": "nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 && n%100<=99 ? 4 "
    ": 5;",
    "fa": "nplurals=2; plural=(n > 1);",
    "ckb": "nplurals=2; plural=(n != 1);",
    "ps": "nplurals=2; plural=(n != 1);",
    "ti": "nplurals=2; plural=(n > 1);",
    "uk": "nplurals=4; plural=(n % 1 == 0 && n % 10 == 1 && n % 100 != 11 ? 0 : n % 1 == 0 && n % 10 >= 2 && "
    "n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? 1 : n % 1 == 0 && (n % 10 ==0 || (n % 10 >=5 && n % 10 <=9) || "
    "(n % 100 >=11 && n % 100 <=14 )) ? 2: 3);",
}
# %(name)s, %s, %d, {name} and HTML tags must come through a translation unchanged.
COUNTS = {"%(counter)s", "%(count)s", "%(max)s", "%d", "%s"}
PLACEHOLDER = re.compile(r"%\([A-Za-z_]+\)[sd]|%[sd]|\{[A-Za-z_]*\}|</?[a-z][^>]*>")


def catalogue(code):
    return polib.pofile(str(LOCALE_DIR / code / "LC_MESSAGES" / "django.po"))


def placeholders(text):
    return sorted(PLACEHOLDER.findall(text))


def describe(entry):
    return f"{entry.msgctxt + ' | ' if entry.msgctxt else ''}{entry.msgid!r}"


def test_every_site_language_has_a_catalogue():
    assert sorted(LANGUAGES) == sorted(path.name for path in LOCALE_DIR.iterdir() if path.is_dir())


@pytest.mark.parametrize("code", LANGUAGES)
def test_catalogue_is_complete(code):
    po = catalogue(code)
    assert po.metadata["Plural-Forms"] == PLURAL_FORMS[code]
    assert [describe(entry) for entry in po.untranslated_entries()] == []
    assert [describe(entry) for entry in po.fuzzy_entries()] == []
    assert [describe(entry) for entry in po.obsolete_entries()] == []


@pytest.mark.parametrize("code", LANGUAGES)
def test_translations_keep_placeholders_and_plural_forms(code):
    po = catalogue(code)
    plurals = int(re.search(r"nplurals=(\d+)", po.metadata["Plural-Forms"]).group(1))
    wrong = []
    for entry in po.translated_entries():
        if not entry.msgid_plural:
            if placeholders(entry.msgstr) != placeholders(entry.msgid):
                wrong.append(f"{describe(entry)} → {entry.msgstr!r}")
            continue
        if sorted(entry.msgstr_plural) != list(range(plurals)):
            wrong.append(f"{describe(entry)}: {len(entry.msgstr_plural)} plural forms, not {plurals}")
        expected = placeholders(entry.msgid_plural)
        for text in entry.msgstr_plural.values():
            found = placeholders(text)
            # A form for one number may spell it out ("قصة واحدة", "dwy stori"): only the count may be left out.
            if found != expected and not (set(found) <= set(expected) and set(expected) - set(found) <= COUNTS):
                wrong.append(f"{describe(entry)} → {text!r}")
    assert wrong == []


SOURCE_ROOT = Path(settings.BASE_DIR)
SKIPPED = {".venv", ".git", "tests", "media", "locale", "node_modules", "__pycache__"}


def copy_sources(destination):
    """The project's .py, .html and .txt files, without the catalogues (so makemessages cannot touch them)."""
    for path in SOURCE_ROOT.rglob("*"):
        relative = path.relative_to(SOURCE_ROOT)
        if SKIPPED & set(relative.parts) or path.suffix not in {".py", ".html", ".txt"} or not path.is_file():
            continue
        (destination / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, destination / relative)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The msgids makemessages finds in the code today, extracted from a copy of it in a temporary directory."""
    if not shutil.which("xgettext"):
        pytest.skip("GNU gettext is needed to extract the strings (Debian: apt-get install gettext)")
    sources, out = tmp_path_factory.mktemp("sources"), tmp_path_factory.mktemp("locale")
    copy_sources(sources)
    with override_settings(LOCALE_PATHS=[str(out)]), pytest.MonkeyPatch.context() as patch:
        patch.chdir(sources)
        call_command("makemessages", locale=["ar"], no_location=True, verbosity=0)
    return polib.pofile(str(out / "ar" / "LC_MESSAGES" / "django.po"))


def test_catalogues_hold_every_string_of_the_code(extracted):
    in_code = {(entry.msgctxt, entry.msgid, entry.msgid_plural) for entry in extracted}
    for code in LANGUAGES:
        in_catalogue = {(entry.msgctxt, entry.msgid, entry.msgid_plural) for entry in catalogue(code)}
        missing = sorted(msgid for _context, msgid, _plural in in_code - in_catalogue)
        assert missing == [], f"not in site/locale/{code}: run makemessages (README) and translate them"

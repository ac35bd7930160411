"""The management commands an installation runs: ``setup_roles`` and ``compile_translations``."""

import gettext
import io
import os
import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import override_settings
from django.utils import translation
from wagtail.models import GroupPagePermission, Task, Workflow, WorkflowPage, WorkflowTask

REAL_CATALOGUES = Path(settings.BASE_DIR) / "site" / "locale"

# setup_roles


def role_counts():
    return {
        "groups": Group.objects.count(),
        "group permissions": Group.permissions.through.objects.count(),
        "page permissions": GroupPagePermission.objects.count(),
        "workflow pages": WorkflowPage.objects.count(),
        "workflows": Workflow.objects.count(),
        "tasks": Task.objects.count(),
        "workflow tasks": WorkflowTask.objects.count(),
    }


def setup_roles():
    out = io.StringIO()
    call_command("setup_roles", stdout=out)
    return out.getvalue()


@pytest.fixture
def network_without_roles(synced_network):
    """The network as a database restored without its groups and workflows (the signals made some; drop them)."""
    Group.objects.all().delete()
    Workflow.objects.all().delete()
    Task.objects.all().delete()
    assert not WorkflowPage.objects.exists() and not GroupPagePermission.objects.exists()
    return synced_network


@pytest.mark.django_db
def test_setup_roles_creates_every_group_and_workflow(network_without_roles):
    assert "Groups, page permissions and workflows are in place." in setup_roles()
    expected_groups = {"Administrators", "Moderators", "Contributors", "Sheffield editors", "Swansea editors"} | {
        f"{name} translators"
        for name in ("Welsh", "Arabic", "Persian", "Central Kurdish", "Pashto", "Tigrinya", "Ukrainian")
    }
    assert set(Group.objects.values_list("name", flat=True)) == expected_groups
    assert set(Workflow.objects.values_list("name", flat=True)) == {"Story review", "Exhibition review"}
    assert sorted(Task.objects.values_list("name", flat=True)) == ["Consent check", "Moderator approval"]
    # Story review on the collection and Exhibition review on the home page, in each of the eight trees.
    assert WorkflowPage.objects.filter(workflow__name="Story review").count() == 8
    assert WorkflowPage.objects.filter(workflow__name="Exhibition review").count() == 8
    sheffield = network_without_roles["sheffield"]
    assert GroupPagePermission.objects.filter(group__name="Sheffield editors", page=sheffield).count() == 2


@pytest.mark.django_db
def test_setup_roles_run_twice_creates_nothing_twice(network_without_roles):
    setup_roles()
    first = role_counts()
    assert all(first.values()), first  # the first run made some of each
    setup_roles()
    assert role_counts() == first


@pytest.mark.django_db
def test_setup_roles_on_a_network_whose_signals_made_the_roles_changes_nothing(synced_network):
    setup_roles()
    before = role_counts()
    setup_roles()
    setup_roles()
    assert role_counts() == before


# compile_translations


def real_catalogue_stamps():
    return {path: (path.stat().st_mtime_ns, path.stat().st_size) for path in REAL_CATALOGUES.glob("*/LC_MESSAGES/*")}


@pytest.fixture
def catalogues(tmp_path):
    """A copy of site/locale without its compiled .mo files, as LOCALE_PATHS; the real files must stay untouched."""
    real_before = real_catalogue_stamps()
    copy = tmp_path / "locale"
    shutil.copytree(REAL_CATALOGUES, copy, ignore=shutil.ignore_patterns("*.mo"))
    assert not list(copy.glob("*/LC_MESSAGES/*.mo"))
    with override_settings(LOCALE_PATHS=[copy]):
        yield copy
    assert real_catalogue_stamps() == real_before


def compile_translations():
    out = io.StringIO()
    call_command("compile_translations", stdout=out)
    return out.getvalue().strip()


def site_gettext(language, message):
    """Django's own translation of ``message`` into ``language``, read afresh from LOCALE_PATHS."""
    # Overriding the setting, even with its own value, drops Django's cached catalogues.
    with override_settings(LOCALE_PATHS=list(settings.LOCALE_PATHS)), translation.override(language):
        return translation.gettext(message)


def mo_catalogue(path):
    with open(path, "rb") as handle:
        return gettext.GNUTranslations(handle)


# Each configured language but the source one has a catalogue (home/languages.py, DEFAULT_LANGUAGE_CODES).
OTHER_LANGUAGES = ["ar", "ckb", "cy", "fa", "ps", "ti", "uk"]


def test_every_site_language_has_a_catalogue_to_compile():
    assert sorted(path.name for path in REAL_CATALOGUES.iterdir() if path.is_dir()) == OTHER_LANGUAGES
    assert sorted(code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE) == OTHER_LANGUAGES


def test_compile_translations_writes_a_catalogue_for_every_language(catalogues):
    assert site_gettext("ar", "Thank you for sharing your story") == "Thank you for sharing your story"  # not yet

    assert compile_translations() == f"Compiled {len(OTHER_LANGUAGES)} translation catalogue(s)."

    for language in OTHER_LANGUAGES:
        mo_path = catalogues / language / "LC_MESSAGES" / "django.mo"
        assert mo_path.is_file(), language
        compiled = mo_catalogue(mo_path)
        assert compiled.info()["content-type"] == "text/plain; charset=UTF-8", language
        po = polib.pofile(str(mo_path.with_suffix(".po")))
        for entry in po.translated_entries():
            if entry.msgid_plural:
                continue
            if entry.msgctxt:  # the same msgid in another context ("alt. month") is another message
                assert compiled.pgettext(entry.msgctxt, entry.msgid) == entry.msgstr, (language, entry.msgid)
            else:
                assert compiled.gettext(entry.msgid) == entry.msgstr, (language, entry.msgid)

    assert mo_catalogue(catalogues / "ar" / "LC_MESSAGES" / "django.mo").gettext(
        "Thank you for sharing your story"
    ) == ("شكرًا لمشاركتك قصتك")
    assert site_gettext("ar", "Thank you for sharing your story") == "شكرًا لمشاركتك قصتك"
    assert site_gettext("cy", "Thank you for sharing your story") == "Diolch am rannu eich stori"
    assert site_gettext("ar", "Recognised City of Sanctuary") == "مدينة ملاذ معترف بها"
    assert site_gettext("cy", "Recognised City of Sanctuary") == "Dinas Noddfa gydnabyddedig"


def test_compile_translations_compiles_only_what_changed(catalogues):
    compile_translations()
    mo_files = sorted(catalogues.glob("*/LC_MESSAGES/django.mo"))
    stamps = {path: path.stat().st_mtime_ns for path in mo_files}

    assert compile_translations() == "Compiled 0 translation catalogue(s)."
    assert {path: path.stat().st_mtime_ns for path in mo_files} == stamps

    # A translator changes the Welsh thank-you line: only Welsh is compiled again, and the new line is served.
    po_path = catalogues / "cy" / "LC_MESSAGES" / "django.po"
    po = polib.pofile(str(po_path))
    po.find("Thank you for sharing your story").msgstr = "Diolch yn fawr am rannu eich stori"
    po.save()
    later = max(stamps.values()) + 10**9
    os.utime(po_path, ns=(later, later))

    assert compile_translations() == "Compiled 1 translation catalogue(s)."
    assert site_gettext("cy", "Thank you for sharing your story") == "Diolch yn fawr am rannu eich stori"
    changed = {path for path in mo_files if path.stat().st_mtime_ns != stamps[path]}
    assert changed == {catalogues / "cy" / "LC_MESSAGES" / "django.mo"}

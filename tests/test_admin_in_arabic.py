"""The admin in Arabic shows none of this site's own strings in English.

For every message of site/locale whose Arabic translation differs from its English, the English must not be a text of
the admin screens people use (dashboards, page editors, the add-page chooser, the snippets, reports). A text counts
when a whole text node reads as the message (capitalised as Wagtail shows labels, with a trailing ":" or "*" allowed),
placeholders matching anything. Text that comes from content (page titles, names) is left out.
"""

import re
from pathlib import Path

import polib
import pytest
import wagtail.admin
from bs4 import BeautifulSoup
from django.conf import settings
from django.urls import reverse
from django.utils.text import capfirst
from wagtail.models import Page, Site
from wagtail.users.models import UserProfile

from tests import builders

pytestmark = pytest.mark.django_db

PLACEHOLDER = re.compile(r"%\([A-Za-z_]+\)[sd]|%[sd]")
NUMBERS = {"%(counter)s", "%(count)s", "%(id)s", "%(number)s", "%(total)s", "%d", "%(max)s"}
NUMBER = r"[\d,.٠-٩]+"


def wagtails_own_messages():
    """Messages Wagtail's admin has too ("Home", "Cancel"): where the admin shows them, they are Wagtail's."""
    return {
        entry.msgid
        for entry in polib.pofile(str(Path(wagtail.admin.__file__).parent / "locale/ar/LC_MESSAGES/django.po"))
    }


def message_patterns():
    """(English message, regex matching a text node that shows it untranslated) for our Arabic catalogue."""
    po = polib.pofile(f"{settings.LOCALE_PATHS[0]}/ar/LC_MESSAGES/django.po")
    patterns = []
    shared = wagtails_own_messages()
    for entry in po.translated_entries():
        if entry.msgid in shared:
            continue
        english = [entry.msgid, entry.msgid_plural] if entry.msgid_plural else [entry.msgid]
        arabic = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        for message in english:
            if message in arabic:
                continue
            parts = PLACEHOLDER.split(message)
            holes = [NUMBER if hole in NUMBERS else ".+" for hole in PLACEHOLDER.findall(message)] + [""]
            body = "".join(re.escape(part) + hole for part, hole in zip(parts, holes, strict=True))
            first = re.escape(parts[0])
            variants = {body, re.escape(capfirst(parts[0])) + body[len(first) :]}
            patterns.append((message, re.compile(rf"(?:{'|'.join(variants)})\s*[:*]?")))
    return patterns


def untranslated(html, content):
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style"]):
        tag.decompose()
    texts = {" ".join(text.split()) for text in soup.find_all(string=True)} - {""}
    texts |= {
        " ".join(value.split())
        for tag in soup.find_all(True)
        for key in ("title", "aria-label", "placeholder")
        if (value := tag.get(key))
    }
    patterns = message_patterns()
    found = set()
    for text in texts - content:
        whole = [
            message for message, pattern in patterns if PLACEHOLDER.search(message) is None and pattern.fullmatch(text)
        ]
        found.update(whole or [message for message, pattern in patterns if pattern.fullmatch(text)])
    return sorted(found)


@pytest.fixture
def arabic_admin(editorial, submitted_story):
    for user in editorial["users"].values():
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "ar"
        profile.save()
    content = set(Page.objects.values_list("title", flat=True))
    content |= {str(user) for user in editorial["users"].values()}
    content |= {*Site.objects.values_list("site_name", flat=True), settings.WAGTAIL_SITE_NAME}  # the site's name
    return editorial, content


def screens(network):
    story, exhibition, event, hub = (
        network["stories"][0],
        network["exhibition"],
        network["upcoming_event"],
        network["sheffield"],
    )
    edit = lambda page: reverse("wagtailadmin_pages:edit", args=[page.pk])  # noqa: E731
    return {
        "administrator": [
            "/admin/",
            edit(story),
            edit(exhibition),
            edit(network["exhibits"][0]),
            edit(event),
            edit(hub),
            edit(network["collection"]),
            edit(network["about"]),
            edit(network["share"]),
            reverse("wagtailadmin_pages:add_subpage", args=[hub.pk]),
            reverse("wagtailadmin_pages:add_subpage", args=[network["home"].pk]),
            reverse("withdraw_story", args=[story.pk]),
            "/admin/snippets/stories/consentrecord/",
            "/admin/snippets/stories/telleridentity/",
            "/admin/snippets/stories/withdrawal/",
            "/admin/snippets/home/mythfact/",
            "/admin/snippets/cities/supportingorganisation/",
            "/admin/snippets/cities/supportingorganisation/add/",
            "/admin/snippets/home/mythfact/add/",
            "/admin/snippets/stories/consentrecord/add/",
            reverse("translation_report"),
        ],
        "moderator": ["/admin/", edit(story), reverse("translation_report")],
        "sheffield editor": ["/admin/", edit(event)],
        "arabic translator": ["/admin/", edit(builders.version(network["about"], "ar"))],
    }


def test_admin_screens_in_arabic_show_no_english_of_ours(client, arabic_admin):
    network, content = arabic_admin
    found = {}
    for role, urls in screens(network).items():
        client.force_login(network["users"][role])
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, (role, url, response.status_code)
            assert b'<html lang="ar" dir="rtl"' in response.content, (role, url)
            if english := untranslated(response.content, content):
                found[f"{role} {url}"] = english
    assert found == {}

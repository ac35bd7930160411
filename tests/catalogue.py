"""Finding this site's own strings shown in English where the reader's language is not English.

For every message of site/locale whose translation differs from its English, the English must not be a text of the
page. A text counts when a whole text node (or a title, aria-label or placeholder) reads as the message, capitalised
as Wagtail shows labels, with a trailing ":" or "*" allowed, placeholders matching anything. Messages Wagtail's own
admin catalogue also has ("Home", "Cancel") are left out: where the admin shows them, they are Wagtail's.
"""

import re
from functools import cache
from pathlib import Path

import polib
import wagtail.admin
from bs4 import BeautifulSoup
from django.conf import settings
from django.utils.text import capfirst

PLACEHOLDER = re.compile(r"%\([A-Za-z_]+\)[sd]|%[sd]")
NUMBERS = {"%(counter)s", "%(count)s", "%(id)s", "%(number)s", "%(total)s", "%d", "%(max)s"}
NUMBER = r"[\d,.٠-٩]+"


def wagtails_own_messages(language):
    """Messages Wagtail's admin has too ("Home", "Cancel"): where the admin shows them, they are Wagtail's."""
    return {
        entry.msgid
        for entry in polib.pofile(str(Path(wagtail.admin.__file__).parent / f"locale/{language}/LC_MESSAGES/django.po"))
    }


@cache
def message_patterns(language):
    """(English message, regex matching a text node that shows it untranslated) for our Arabic catalogue."""
    po = polib.pofile(f"{settings.LOCALE_PATHS[0]}/{language}/LC_MESSAGES/django.po")
    patterns = []
    shared = wagtails_own_messages(language)
    for entry in po.translated_entries():
        if entry.msgid in shared:
            continue
        english = [entry.msgid, entry.msgid_plural] if entry.msgid_plural else [entry.msgid]
        arabic = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        for message in english:
            if message in arabic:
                continue
            parts = PLACEHOLDER.split(message)
            if len(parts) > 1 and len(" ".join(parts).split()) < 2:
                continue  # "%(time)s ago": one word around a placeholder would match Wagtail's own texts too
            holes = [NUMBER if hole in NUMBERS else ".+" for hole in PLACEHOLDER.findall(message)] + [""]
            body = "".join(re.escape(part) + hole for part, hole in zip(parts, holes, strict=True))
            first = re.escape(parts[0])
            variants = {body, re.escape(capfirst(parts[0])) + body[len(first) :]}
            patterns.append((message, re.compile(rf"(?:{'|'.join(variants)})\s*[:*]?")))
    return patterns


def untranslated(html, content=frozenset(), language="ar"):
    """Our messages that ``html`` shows in English, leaving out the texts in ``content`` (titles, names)."""
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
    patterns = message_patterns(language)
    found = set()
    for text in texts - content:
        whole = [
            message for message, pattern in patterns if PLACEHOLDER.search(message) is None and pattern.fullmatch(text)
        ]
        found.update(whole or [message for message, pattern in patterns if pattern.fullmatch(text)])
    return sorted(found)

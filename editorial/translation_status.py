"""Which translations are out of date, and how much of the site each language has.

Nothing is stored: a translation is out of date when its source page was published after the translation was last
synced from it or last published (home/translation.py says it once, for the admin and the public site alike), so the
answer is always current and needs no signal handlers to keep it so.
"""

from collections import defaultdict

from django.conf import settings
from django.db.models import Count
from wagtail.models import Locale, Page

from home import translation as home_translation


def out_of_date_translations(locale=None):
    """Out-of-date page translations (home.translation's one definition), newest source change first."""
    translations = (
        home_translation.out_of_date_translations()
        .select_related("source", "target_locale")
        .order_by("-source_published_at")
    )
    return translations.filter(target_locale=locale) if locale else translations


def coverage():
    """Per locale and page type: (translated, total) where total counts the source language's live pages."""
    source = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    originals = Page.objects.live().filter(depth__gt=1, alias_of__isnull=True).order_by()  # no GROUP BY path
    per_type = originals.filter(locale=source).values("content_type__model").annotate(n=Count("id"))
    totals = {row["content_type__model"]: row["n"] for row in per_type}
    translated = defaultdict(dict)
    rows = (
        originals.exclude(locale=source).values("locale__language_code", "content_type__model").annotate(n=Count("id"))
    )
    for row in rows:
        translated[row["locale__language_code"]][row["content_type__model"]] = row["n"]
    return {
        code: {model: (translated[code].get(model, 0), total) for model, total in sorted(totals.items())}
        for code, _name in settings.LANGUAGES
        if code != settings.LANGUAGE_CODE
    }

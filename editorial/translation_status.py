"""Which translations are out of date, and how much of the site each language has.

Nothing is stored: a translation is out of date when its source page was published after the translation was
last saved, so the answer is always current and needs no signal handlers to keep it so.
"""

from collections import defaultdict

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, OuterRef, Subquery
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationLog


def out_of_date_translations(locale=None):
    """Translations whose source page was published after the translation was last saved; newest change first."""
    source_pages = Page.objects.filter(
        translation_key=OuterRef("source__object_id"), locale_id=OuterRef("source__locale_id")
    )
    target_pages = Page.objects.filter(
        translation_key=OuterRef("source__object_id"), locale_id=OuterRef("target_locale_id"), alias_of__isnull=True
    )
    last_saved = TranslationLog.objects.filter(source=OuterRef("source"), locale=OuterRef("target_locale")).order_by(
        "-created_at"
    )
    translations = (
        Translation.objects.filter(source__object__content_type=ContentType.objects.get_for_model(Page))
        .select_related("source", "target_locale")
        .annotate(
            source_published_at=Subquery(source_pages.values("last_published_at")[:1]),
            translated_at=Subquery(last_saved.values("created_at")[:1]),
            target_page_id=Subquery(target_pages.values("id")[:1]),
        )
        .filter(target_page_id__isnull=False, source_published_at__gt=F("translated_at"))
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

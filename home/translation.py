"""Translating pages and snippets in code, the way wagtail-localize's editor does it (used by seed_demo and tests)."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import F, OuterRef, Q, Subquery
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource


def translate(instance, language_code, translate_string, user=None, publish=True):
    """Create or update the ``language_code`` translation of ``instance`` and return it.

    ``translate_string(text)`` returns the translation of each source string, or None to keep the source text.
    A page is saved as a draft and its revision published here, not through wagtail-localize's own publish,
    which waits for the transaction to commit (so inside a transaction the draft, not the translation, wins).
    """
    locale = Locale.objects.get(language_code=language_code)
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    for segment in source.stringsegment_set.select_related("string", "context"):
        translated = translate_string(segment.string.data)
        if translated:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": translated, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
            )
    if not isinstance(instance, Page):
        translation.save_target(user=user)
        return instance.get_translation(locale)
    translation.save_target(user=user, publish=False)
    target = instance.get_translation(locale)
    if publish:
        target.get_latest_revision().publish(user=user)
        target.refresh_from_db()
    return target


def out_of_date_translations():
    """Page translations whose readers may be reading old text: the source page was published after the translation
    was last synced from it, or after the translated page was last published.

    "Synced" is wagtail-localize's own notion (``TranslationSource.last_updated_at``, the "last sync date" of its
    update screen): until then the translation editor does not even hold the new text. Once synced, the translation
    stays out of date until the translated page is published again (after review). The admin's Translations report,
    the translator's dashboard and the public notice (``out_of_date_with``) all ask this one question. Annotated
    with ``source_published_at``, ``target_page_id``, ``target_published_at`` and ``needs_sync``.
    """
    target_pages = Page.objects.filter(
        translation_key=OuterRef("source__object_id"), locale_id=OuterRef("target_locale_id"), alias_of__isnull=True
    )
    translations = Translation.objects.annotate(
        target_page_id=Subquery(target_pages.values("id")[:1]),
        target_published_at=Subquery(target_pages.values("last_published_at")[:1]),
    ).filter(target_page_id__isnull=False)
    return out_of_date(translations, F("target_published_at")).annotate(
        needs_sync=Q(source_published_at__gt=F("source__last_updated_at"))
    )


def out_of_date_with():
    """For a query of pages: the language code of the source a page's translation is out of date with
    (``out_of_date_translations``), else None. One subquery, so the public notice costs no query of its own."""
    translations = Translation.objects.filter(
        source__object_id=OuterRef("translation_key"), target_locale_id=OuterRef("locale_id")
    )
    return Subquery(
        out_of_date(translations, OuterRef("last_published_at")).values("source__locale__language_code")[:1]
    )


def out_of_date(translations, target_published_at):
    """The enabled page ``translations`` whose source was published after their last sync, or after their target
    page was published (at ``target_published_at``); annotated with ``source_published_at``."""
    source_pages = Page.objects.filter(
        translation_key=OuterRef("source__object_id"), locale_id=OuterRef("source__locale_id")
    )
    return (
        translations.filter(enabled=True, source__object__content_type=ContentType.objects.get_for_model(Page))
        .annotate(source_published_at=Subquery(source_pages.values("last_published_at")[:1]))
        .filter(
            Q(source_published_at__gt=F("source__last_updated_at")) | Q(source_published_at__gt=target_published_at)
        )
    )

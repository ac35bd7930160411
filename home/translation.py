"""Translating pages and snippets in code, the way wagtail-localize's editor does it (used by seed_demo and tests)."""

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

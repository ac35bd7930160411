"""Translating pages and snippets in code, the way wagtail-localize's editor does it (used by seed_demo and tests)."""

from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.operations import translate_object


def translate(instance, language_code, translate_string, user=None, publish=True):
    """Create or update the ``language_code`` translation of ``instance``.

    ``translate_string(text)`` returns the translation of each source string, or None to keep the source text.
    Returns the translated instance.
    """
    locale = Locale.objects.get(language_code=language_code)
    translate_object(instance, [locale], user=user)
    source = TranslationSource.objects.get_for_instance(instance)
    source.update_from_db()
    translation = Translation.objects.get(source=source, target_locale=locale)
    for segment in source.stringsegment_set.select_related("string", "context"):
        translated = translate_string(segment.string.data)
        if translated:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": translated, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
            )
    translation.save_target(user=user, publish=publish)
    return instance.get_translation(locale)

"""A community translation sent: its texts become wagtail-localize translations, in review, all or nothing.

Each filled segment becomes the ``StringTranslation`` of its source string in the target language, unless one is
already there (another person's, awaiting review, or the live translation's): then nothing is overwritten, and the
text stays in the sender's ``CommunityTranslation`` as a suggestion the reviewer sees. The target page then gets a
draft revision made from the translation and its workflow is (re)started, as a translator's "Submit for review"
does (editorial/wagtail_localize_workflows.py): nothing reaches the public until a moderator approves it.
"""

from django.db import transaction
from wagtail.models import Page
from wagtail_localize.models import (
    String,
    StringTranslation,
    Translation,
    TranslationContext,
    TranslationSource,
)

from community_translation.models import CommunityTranslation, Outcome, TranslatorContact
from editorial.wagtail_localize_workflows import submit_for_review

TOOL_NAME = "community"  # StringTranslation.tool_name of the segments a community translator filled
CREDIT_FIELD = "translated_by"  # a page type's own credit line (stories), set from the credits


def store_segment(source, locale, segment, text):
    """Fill ``segment``'s translation with ``text`` unless it has one; return the Outcome."""
    string = String.objects.get(locale_id=source.locale_id, data_hash=String._get_data_hash(segment.data))
    context = TranslationContext.objects.get(object_id=source.object_id, path=segment.path)
    existing = StringTranslation.objects.filter(translation_of=string, locale=locale, context=context).first()
    if existing is None:
        StringTranslation.objects.create(
            translation_of=string,
            locale=locale,
            context=context,
            data=text,
            translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
            tool_name=TOOL_NAME,
        )
        return Outcome.ADDED
    return Outcome.SAME if existing.data == text else Outcome.SUGGESTED


def credit_names(source, locale):
    """The names community translators of this page into ``locale`` chose to be credited with, first sent first."""
    records = CommunityTranslation.objects.filter(source=source, target_locale=locale).order_by("submitted_at")
    return list(dict.fromkeys(record.public_name for record in records if record.public_name))


def credit_changes(page, source, locale):
    """The page's own credit field (a story's "translated by") set to the credited names, when it has one."""
    names = credit_names(source, locale)
    if not names or not hasattr(page, CREDIT_FIELD):
        return {}
    return {CREDIT_FIELD: ", ".join(names)}


def send(original, locale, segments, translations, *, credit, credited_name, consent, contact=""):
    """Store a community translation of ``original`` into ``locale`` and put it in review; return the record.

    ``translations``: {segment key: cleaned text}, for some of ``segments`` (those of the live ``original``).
    """
    by_key = {segment.key: segment for segment in segments}
    with transaction.atomic():
        source, _created = TranslationSource.update_or_create_from_instance(original)
        translation, _created = Translation.objects.update_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        sent = {}
        for key, text in translations.items():
            segment = by_key[key]
            outcome = store_segment(source, locale, segment, text)
            sent[key] = {"path": segment.path, "source": segment.data, "text": text, "outcome": outcome}
        record = CommunityTranslation.objects.create(
            source=source,
            target_locale=locale,
            credit=credit,
            credited_name=credited_name,
            consents_to_publication=consent,
            segments=sent,
        )
        if contact:
            TranslatorContact.objects.create(translation=record, contact=contact)
        target = Page.objects.filter(translation_key=original.translation_key, locale=locale).first()
        if target is None:  # not mirrored into that language's tree yet: a new page, not live
            translation.save_target(publish=False)
            target = Page.objects.get(translation_key=original.translation_key, locale=locale)
        target = target.specific
        submit_for_review(translation, target, None, changes=credit_changes(target, source, locale))
    return record


def put_corrections_in_review(page, user):
    """Save the translation as it now stands in the translation editor (the reviewer's corrections included) as the
    version under review of ``page``. An edit sends a page in review back through every step of its workflow
    (``WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT``), so the review restarts on this version."""
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    )
    changes = credit_changes(page, translation.source, translation.target_locale)
    return submit_for_review(translation, page, user, changes=changes)

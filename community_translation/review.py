"""What reviewers are told about a community translation: its credits, empty segments and others' suggestions."""

from wagtail_localize.models import StringSegment, Translation

from community_translation.models import CommunityTranslation, Outcome


def empty_segments(page):
    """The source texts of ``page``'s translation that have no translation yet (in the translation editor)."""
    translation = Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).first()
    if translation is None:
        return []
    segments = (
        StringSegment.objects.filter(source=translation.source)
        .annotate_translation(page.locale)
        .filter(translation__isnull=True)
        .select_related("string")
        .order_by("order")
    )
    return [segment.string.as_value().render_text() for segment in segments]


def pending_review(page):
    """What the reviewer of ``page`` needs to know, or None when no community translation of it awaits review."""
    records = list(CommunityTranslation.objects.for_page(page).pending().order_by("submitted_at"))
    if not records:
        return None
    return {
        "records": records,
        "provenance": [record.provenance for record in records],
        "empty": empty_segments(page),
        "suggestions": [
            {"provenance": record.provenance, **segment}
            for record in records
            for segment in record.with_outcome(Outcome.SUGGESTED)
        ],
    }

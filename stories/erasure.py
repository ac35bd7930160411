"""Erasing a withdrawn story from everywhere the site stores it, keeping nothing of its content.

Withdrawal (stories.withdrawal) calls :func:`erase_story` inside its transaction. What goes:

* every version of the story: the page in each language's tree (the original, its wagtail-localize translations and
  its aliases), and with each page its revisions, workflow and task states (with reviewers' comments), comments,
  consent records, tags and related-story links (all cascade from the page row);
* wagtail-localize's copy of its text: the TranslatableObject and, cascading from it, the TranslationSource (which
  holds the whole page as JSON), Translations, segments, contexts, overrides and string translations; then the
  ``String`` and ``Template`` rows that only this story used (a string another page uses, "Sheffield" say, stays);
* the search index entries of each page and photo (removed by modelsearch's post_delete handler on each row);
* the log entries about the pages, the photos, the consent records and the teller's identity: their label and data
  carry the title (Wagtail writes one more, "wagtail.delete", while deleting: that goes too);
* the teller's photos (originals and renditions: Wagtail deletes their files once the transaction commits, and
  drops each rendition from its rendition cache) and the teller's identity (real name, contact, private link).

Pages are deleted rather than kept as contentless stubs: the 410 notice needs only the digests of the story's
addresses (stories.models.contributions.WithdrawnUrl), not a page.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.images import get_image_model
from wagtail.models import ModelLogEntry, Page, PageLogEntry, ReferenceIndex
from wagtail_localize.models import String, StringSegment, Template, TemplateSegment, TranslatableObject

from stories.contribute.submission import PHOTO_COLLECTION
from stories.models.consent import ConsentRecord
from stories.models.contributions import TellerIdentity


def teller_photos(versions):
    """The photos the teller sent with the story: the ones the submission recorded, and, for stories sent before it
    recorded them, images of the "Shared by tellers" collection that only this story's versions use.

    A library image (any other collection) is never the teller's to take away, whatever the story shows.
    """
    Image = get_image_model()
    sent = TellerIdentity.objects.filter(story__in=versions).exclude(photos=None).values_list("photos", flat=True)
    ids = set(sent)
    shown = Image.objects.filter(pk__in=shown_image_ids(versions), collection__name=PHOTO_COLLECTION)
    version_ids = {str(version.pk) for version in versions}
    page_type = ContentType.objects.get_for_model(Page)
    for image in shown.exclude(pk__in=ids):
        users = ReferenceIndex.get_references_to(image).exclude(base_content_type=page_type, object_id__in=version_ids)
        if not users.exists():
            ids.add(image.pk)
    return list(Image.objects.filter(pk__in=ids))


def shown_image_ids(versions):
    """The ids of the images each version refers to (card image, image and gallery blocks), from Wagtail's reference
    index: an image deleted from the library is simply absent, never an error."""
    image_type = ContentType.objects.get_for_model(get_image_model())
    ids = set()
    for version in versions:
        references = ReferenceIndex.get_references_for_object(version).filter(to_content_type=image_type)
        ids.update(int(pk) for pk in references.values_list("to_object_id", flat=True))
    return ids


def erase_story(versions, photos):
    """Delete ``versions`` (every page of one story) and ``photos``, and everything that holds their content."""
    translation_key = versions[0].translation_key
    page_ids = [version.pk for version in versions]
    consent_ids = list(ConsentRecord.objects.filter(story__in=page_ids).values_list("pk", flat=True))
    identity_ids = list(TellerIdentity.objects.filter(story__in=page_ids).values_list("pk", flat=True))
    string_ids = set(
        StringSegment.objects.filter(source__object_id=translation_key).values_list("string_id", flat=True)
    )
    template_ids = set(
        TemplateSegment.objects.filter(source__object_id=translation_key).values_list("template_id", flat=True)
    )

    TellerIdentity.objects.filter(pk__in=identity_ids).delete()
    for page in sorted(versions, key=lambda page: page.alias_of_id is None):  # aliases first
        Page.objects.get(pk=page.pk).delete()  # wagtail-localize's post_delete handler clears its own rows
    TranslatableObject.objects.filter(translation_key=translation_key).delete()
    String.objects.filter(pk__in=string_ids, segments__isnull=True).delete()  # their translations cascade
    Template.objects.filter(pk__in=template_ids, segments__isnull=True).delete()
    photo_ids = [str(photo.pk) for photo in photos]
    for photo in photos:
        photo.delete()  # renditions cascade; Wagtail deletes every file after the commit
    erase_log_entries(page_ids, photo_ids, consent_ids, identity_ids)


def erase_log_entries(page_ids, photo_ids, consent_ids, identity_ids):
    PageLogEntry.objects.filter(page_id__in=page_ids).delete()
    about = Q(pk__in=[])
    for model, ids in ((get_image_model(), photo_ids), (ConsentRecord, consent_ids), (TellerIdentity, identity_ids)):
        content_type = ContentType.objects.get_for_model(model)
        about |= Q(content_type=content_type, object_id__in=[str(pk) for pk in ids])
    ModelLogEntry.objects.filter(about).delete()

"""Turning a public "Share your story" submission into a draft story in review, all or nothing.

Every city hub is offered on the form. A story for a city that has no story collection yet is not refused nor
filed elsewhere: a draft "Stories of Sanctuary" collection is made under that city's hub (in the source language's
tree, mirrored into the others as wagtail-localize does for a page made in the admin), it gets the Story review
workflow like any new collection, and the story lands in it, in review, where moderators find it on their dashboard.
The collection goes live with the first story published in it (stories.signals).
"""

import html
import logging
import secrets

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from wagtail.coreutils import find_available_slug
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page
from wagtail_localize.synctree import create_aliases_for_new_page

from cities.models import CityHubPage
from home.languages import KNOWN_LANGUAGES
from home.private_media import PRIVATE_COLLECTION
from stories.models.consent import ConsentRecord
from stories.models.contributions import TellerIdentity
from stories.models.pages import Naming, StoryCollectionPage, StoryPage

logger = logging.getLogger(__name__)

PHOTO_COLLECTION = PRIVATE_COLLECTION  # stored privately until a live story shows them (home.private_media)
SUMMARY_CHARACTERS = 300
# The file extension of each photo format the form accepts (stories.contribute.uploads.ALLOWED_FORMATS).
EXTENSIONS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp"}
# Slug and title of the collection made for a story when its place has none yet: a city, or the whole network.
CITY_COLLECTION = ("stories-of-sanctuary", gettext_noop("Stories of Sanctuary"))
NETWORK_COLLECTION = ("shared-stories", gettext_noop("Shared stories"))


def as_paragraphs(text):
    """The teller's text as rich text paragraphs, every character escaped: HTML they type is shown as text."""
    paragraphs = [part.strip() for part in text.replace("\r\n", "\n").split("\n\n") if part.strip()]
    return "".join(f"<p>{html.escape(part).replace(chr(10), '<br/>')}</p>" for part in paragraphs)


def summary_of(text):
    """The start of the teller's text on one line, cut between words, for cards, feeds and search results.

    The story page does not show it above the text it repeats (stories.templatetags.story_text).
    """
    text = " ".join(text.split())
    if len(text) <= SUMMARY_CHARACTERS:
        return text
    cut = text[: SUMMARY_CHARACTERS - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut) + "…"


def target_collection(locale, hub_id):
    """The collection a story goes to: its city's (``hub_id``, a hub in ``locale``'s tree) or the network's own."""
    if hub_id:
        hub = CityHubPage.objects.get(pk=hub_id, locale=locale)
        return collection_for(hub, *CITY_COLLECTION)
    home = Page.objects.get(locale=locale, depth=2)
    return collection_for(home, *NETWORK_COLLECTION)


def collection_for(parent, slug, title):
    """The first story collection under ``parent``; a draft one (with its mirrors) when it has none yet."""
    existing = StoryCollectionPage.objects.child_of(parent).order_by("path").first()
    if existing is not None:
        return existing
    source_locale = Locale.get_default()
    source_parent = Page.objects.filter(translation_key=parent.translation_key, locale=source_locale).first()
    if source_parent is None or source_parent.pk == parent.pk:
        return draft_collection(parent, slug, title)
    source = collection_for(source_parent, slug, title)
    return source.get_translation_or_none(parent.locale) or source.copy_for_translation(parent.locale, alias=True)


def draft_collection(parent, slug, title):
    """A new unpublished collection under ``parent``, titled in ``parent``'s language, mirrored like an admin page."""
    with translation.override(parent.locale.language_code):
        title = _(title)
    collection = StoryCollectionPage(title=title, slug=find_available_slug(parent, slug), live=False)
    parent.add_child(instance=collection)
    collection.save_revision()
    create_aliases_for_new_page(collection)  # what wagtail-localize does after a page is created in the admin
    return collection


def photo_collection():
    existing = Collection.objects.filter(name=PHOTO_COLLECTION).first()
    return existing or Collection.get_first_root_node().add_child(name=PHOTO_COLLECTION)


def anonymous_name(photo):
    """A random file name for a teller's photo: the name it was uploaded with may name a person or a place.

    Renditions are named after the original, so theirs are random too.
    """
    return secrets.token_hex(16) + EXTENSIONS[photo.photo_format]


def save_photos(photos, title, written):
    """Store the teller's photos as library images; every file name they are written to is added to ``written``.

    A name is added *before* its file is written: a write that fails part way (a full disk) leaves a partial file
    under that name, and the caller must be able to delete it too.
    """
    collection = photo_collection()
    images = []
    for number, photo in enumerate(photos, start=1):
        photo.name = anonymous_name(photo)
        image = get_image_model()(
            title=f"{title} ({number})", file=photo, collection=collection, description=_("Photo shared by the teller")
        )
        written.append(image.file.field.generate_filename(image, photo.name))
        image.save()
        written.append(image.file.name)  # the same name, unless the storage had to choose another
        images.append(image)
    return images


def delete_files(names):
    """Delete the files of a submission that failed; a file that cannot be deleted is logged, never raised over the
    error that made the submission fail."""
    storage = get_image_model()._meta.get_field("file").storage
    for name in dict.fromkeys(names):
        try:
            storage.delete(name)
        except Exception:
            logger.exception("Could not delete %s, left by a submission that failed", name)


def create_story(data, locale):
    """Create the draft story, its consent record and the teller's identity, and start the Story review workflow.

    Returns (story, private link token). All or nothing: one transaction, and when anything fails (a full disk, a
    storage or database error) every photo file written so far, complete or partial, is deleted before the error is
    raised again.
    """
    written = []
    try:
        with transaction.atomic():
            collection = target_collection(locale, data.get("city"))
            images = save_photos(data.get("photos") or [], data["title"], written)
            body = [{"type": "paragraph", "value": as_paragraphs(data["story"])}]
            photo = {"alt_text": "", "decorative": False, "caption": "", "credit": ""}
            body += [{"type": "image", "value": {"image": image.pk, **photo}} for image in images]
            anonymous = data["naming"] == Naming.ANONYMOUS
            story = StoryPage(
                title=data["title"],
                teller_name="" if anonymous else data["display_name"],
                naming=data["naming"],
                told_in=locale.language_code if locale.language_code in KNOWN_LANGUAGES else "en",
                told_on=timezone.localdate(),
                summary=summary_of(data["story"]),
                body=body,
                live=False,
                locale=locale,
            )
            collection.add_child(instance=story)
            story.save_revision()
            ConsentRecord.objects.create(
                story=story,
                web=data["consent_web"],
                print=data["consent_print"],
                translation=data["consent_translation"],
                photos=data["consent_photos"],
                given_on=timezone.localdate(),
            )
            identity = TellerIdentity(story=story, real_name=data.get("real_name", ""), contact=data.get("contact", ""))
            token = identity.issue_private_link_token()
            identity.save()
            identity.photos.set(images)  # withdrawal deletes exactly the photos the teller sent
            workflow = collection.get_workflow()  # "Story review", given to every new collection (editorial.signals)
            if workflow is not None:
                workflow.start(story, None)
            return story, token
    except BaseException:
        delete_files(written)
        raise

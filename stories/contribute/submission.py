"""Turning a public "Share your story" submission into a draft story in review, all or nothing."""

import html

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.images import get_image_model
from wagtail.models import Collection

from home.languages import KNOWN_LANGUAGES
from stories.models.consent import ConsentRecord
from stories.models.contributions import TellerIdentity
from stories.models.pages import Naming, StoryCollectionPage, StoryPage

PHOTO_COLLECTION = "Shared by tellers"


def as_paragraphs(text):
    """The teller's text as rich text paragraphs, every character escaped: HTML they type is shown as text."""
    paragraphs = [part.strip() for part in text.replace("\r\n", "\n").split("\n\n") if part.strip()]
    return "".join(f"<p>{html.escape(part).replace(chr(10), '<br/>')}</p>" for part in paragraphs)


def target_collection(locale, collection_id):
    collections = StoryCollectionPage.objects.filter(locale=locale)
    if collection_id:
        return collections.get(pk=collection_id)
    return collections.filter(depth=3).order_by("path").first()  # the network's own: directly under the home page


def photo_collection():
    existing = Collection.objects.filter(name=PHOTO_COLLECTION).first()
    return existing or Collection.get_first_root_node().add_child(name=PHOTO_COLLECTION)


def save_photos(photos, title):
    collection = photo_collection()
    return [
        get_image_model().objects.create(
            title=f"{title} ({number})", file=photo, collection=collection, description=_("Photo shared by the teller")
        )
        for number, photo in enumerate(photos, start=1)
    ]


def create_story(data, locale):
    """Create the draft story, its consent record and the teller's identity, and start the Story review workflow.

    Returns (story, private link token). One transaction; photo files written before a failure are deleted.
    """
    images = []
    try:
        with transaction.atomic():
            collection = target_collection(locale, data.get("city"))
            images = save_photos(data.get("photos") or [], data["title"])
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
                summary=data["story"][:300],
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
            collection.get_workflow().start(story, None)
            return story, token
    except Exception:
        for image in images:
            image.file.delete(save=False)
        raise

"""Withdrawal erases: nothing of a withdrawn story is left in any table or in storage, and nothing breaks on the way.

Issue 11, items 1 to 3 and "Must show 3".
"""

import html
import json
import os

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.utils import translation
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail_localize.models import String, StringTranslation

from home.translation import translate
from stories.contribute.submission import PHOTO_COLLECTION, photo_collection
from stories.models import StoryPage
from stories.models.contributions import TellerIdentity, Withdrawal, WithdrawnUrl
from stories.withdrawal import withdraw_story
from tests import builders
from tests.test_share_story import approve_everything, fresh_rate_limit, moderator, private_link, share_site, submit

__all__ = ["fresh_rate_limit", "share_site"]  # fixtures

pytestmark = pytest.mark.django_db

# Made-up words: they occur nowhere else, so finding one anywhere (even as a token of the search index) is a leak.
TITLE = "Zanzibarquokka crossing"
BODY = "The heronlantern counted seventeen lanterns on the quay."
WELSH_TITLE = "Croesi Zanzibarquokka"
WELSH_BODY = "Cyfrifodd y heronlantern ddwy ar bymtheg o lusernau."
SHARED = "Our neighbours helped us with everything."  # also on another page: its String must stay
REAL_NAME = "Quillon Vasquez-Ardent"
CONTACT = "quillon.ardent@example.org"
DISPLAY_NAME = "Brightwaterfinch"
NEEDLES = ["Zanzibarquokka", "heronlantern", "Quillon", "Vasquez-Ardent", "quillon.ardent", DISPLAY_NAME]


def columns_containing(needle):
    """(table, column) of every column of every table in the database whose text contains ``needle``.

    Every column is read as text (CAST works for every type on SQLite and PostgreSQL), case-insensitively, and the
    needle is also looked for as JSON writes it (``\\uXXXX`` escapes) and as HTML escapes it.
    """
    forms = {needle.lower(), json.dumps(needle)[1:-1].lower(), html.escape(needle).lower()}
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            for column in connection.introspection.get_table_description(cursor, table):
                quoted = f"{connection.ops.quote_name(table)}.{connection.ops.quote_name(column.name)}"
                for form in forms:
                    cursor.execute(
                        f"SELECT 1 FROM {connection.ops.quote_name(table)} "  # noqa: S608 - names from introspection
                        f"WHERE LOWER(CAST({quoted} AS TEXT)) LIKE %s LIMIT 1",
                        [f"%{form}%"],
                    )
                    if cursor.fetchone():
                        found.append((table, column.name))
    return found


def files_in_storage():
    roots = {settings.MEDIA_ROOT, getattr(settings, "PRIVATE_MEDIA_ROOT", settings.MEDIA_ROOT)}
    return {os.path.join(root, name) for top in roots for root, _dirs, names in os.walk(top) for name in names}


def photo(name="IMG_0001.jpg"):
    return SimpleUploadedFile(name, builders.jpeg_with_gps(), content_type="image/jpeg")


def teller_story(client, **overrides):
    """A teller's story sent in Arabic with two photos, approved and published; returns (story, private link)."""
    data = {"title": TITLE, "story": f"{BODY}\n\n{SHARED}", "display_name": DISPLAY_NAME, "real_name": REAL_NAME}
    response = submit(client, files=[photo(), photo("IMG_0002.jpg")], contact=CONTACT, **{**data, **overrides})
    assert response.status_code == 200
    story = StoryPage.objects.get(title=overrides.get("title", TITLE))
    approve_everything(story, moderator())
    return story, private_link(response)


def withdraw_by_link(client, link, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail deletes the files once the withdrawal commits
        return client.post(link + "withdraw/", {"confirm": "withdraw"})


def test_after_a_tellers_withdrawal_no_table_holds_its_text_and_no_photo_file_is_left(
    client, share_site, django_capture_on_commit_callbacks
):
    story, link = teller_story(client)
    welsh = translate(story, "cy", {TITLE: WELSH_TITLE, BODY: WELSH_BODY}.get)
    other = builders.standard_page(share_site["home"], title="Neighbours", body=builders.paragraph(SHARED))
    translate(other, "cy", {SHARED: "Helpodd ein cymdogion ni gyda phopeth."}.get)
    photos = list(get_image_model().objects.filter(collection__name=PHOTO_COLLECTION))
    assert len(photos) == 2
    photo_files = [image.file.path for image in photos]
    photo_files += [image.get_rendition("width-400").file.path for image in photos]
    assert client.get(story.url).status_code == client.get(welsh.url).status_code == 200
    assert all(os.path.exists(path) for path in photo_files)
    # Everything the story leaves behind while it lives: it is really there before the withdrawal.
    assert {"wagtailcore_revision", "wagtailcore_pagelogentry", "wagtail_localize_string"} <= {
        table for table, _column in columns_containing("Zanzibarquokka")
    }
    assert columns_containing("Quillon")

    response = withdraw_by_link(client, link, django_capture_on_commit_callbacks)

    assert response.status_code == 303
    for needle in NEEDLES:
        assert columns_containing(needle) == [], needle
    assert not any(os.path.exists(path) for path in photo_files)
    names = {os.path.splitext(os.path.basename(image.file.name))[0] for image in photos}
    assert not [path for path in files_in_storage() if any(name in path for name in names)]
    # What stays is contentless: the record of the withdrawal and the digests of its addresses.
    assert Withdrawal.objects.get().by_teller
    assert WithdrawnUrl.objects.filter(by_teller=True).count() >= 2
    # The String the other page shares stays, with its translation, and that page still reads in Welsh.
    shared = String.objects.get(data=SHARED)
    assert StringTranslation.objects.filter(translation_of=shared, locale__language_code="cy").exists()
    assert client.get(other.get_translation(welsh.locale).url).status_code == 200


def test_the_status_page_tells_the_truth_and_a_second_post_is_harmless(
    client, share_site, django_capture_on_commit_callbacks
):
    story, link = teller_story(client)
    get_image_model().objects.filter(collection__name=PHOTO_COLLECTION).first().delete()  # an editor deleted one
    assert client.get(story.url).status_code == 200  # the page still renders without it

    first = withdraw_by_link(client, link, django_capture_on_commit_callbacks)
    second = withdraw_by_link(client, link, django_capture_on_commit_callbacks)  # the browser's refresh

    assert (first.status_code, second.status_code) == (303, 303)
    assert second["Location"] == first["Location"] == link.removeprefix("http://testserver")
    status = client.get(link)
    assert status.status_code == 200
    text = status.content.decode()
    with translation.override("ar"):
        withdrawn = translation.gettext(
            "Your story has been withdrawn. It is no longer on this website, and its photos have been deleted."
        )
        published = translation.gettext("Your story is published.")
    assert withdrawn in text and published not in text
    assert TITLE not in text
    assert client.get(story.url).status_code == 410
    assert Withdrawal.objects.count() == 1
    assert not get_image_model().objects.filter(collection__name=PHOTO_COLLECTION).exists()


def test_a_published_page_renders_once_its_images_are_deleted(client, share_site):
    story = share_site["stories"][0]
    card, block, in_gallery = builders.image("Card"), builders.image("Block"), builders.image("Gallery")
    story.image = card
    item = {"image": block.pk, "alt_text": "", "decorative": False, "caption": "A caption", "credit": ""}
    story.body = [
        {"type": "paragraph", "value": "<p>Still here.</p>"},
        {"type": "image", "value": item},
        {"type": "gallery", "value": {"title": "Pictures", "images": [{**item, "image": in_gallery.pk}]}},
    ]
    builders.review_and_publish(story)
    assert "Pictures" in client.get(story.url).content.decode()
    for image in (card, block, in_gallery):
        image.delete()

    response = client.get(story.url)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Still here." in page and "<figure" not in page and "Pictures" not in page
    assert client.get(story.get_parent().url).status_code == 200  # the listing with its card
    assert client.get(f"/api/v2/pages/{story.pk}/").status_code == 200


def test_a_moderators_withdrawal_erases_the_identity_and_says_who_withdrew_it(client, share_site):
    story, _link = teller_story(client)
    welsh_url = translate(story, "cy", {TITLE: WELSH_TITLE}.get).url
    client.force_login(moderator_two := builders.user("mod2", "Moderators"))

    assert client.post(f"/admin/stories/{story.pk}/withdraw/").status_code == 302

    client.logout()
    assert not TellerIdentity.objects.exists()
    assert columns_containing("Quillon") == [] and columns_containing("quillon.ardent") == []
    withdrawal = Withdrawal.objects.get()
    assert (withdrawal.by_teller, withdrawal.by_user) == (False, moderator_two)
    for url, language in ((story.url, "ar"), (welsh_url, "cy")):
        response = client.get(url)
        assert response.status_code == 410
        with translation.override(language):
            by_site = translation.gettext("This story was withdrawn by the website's moderators.")
            by_teller = translation.gettext("This story was withdrawn by the person who told it.")
        assert by_site in response.content.decode() and by_teller not in response.content.decode()


def test_only_the_photos_the_teller_sent_are_deleted(client, share_site, django_capture_on_commit_callbacks):
    library = builders.image("Library photo of Sheffield")  # an editor's, from the library
    shared_elsewhere = builders.image("Older teller photo, also on another page", collection=photo_collection())
    only_here = builders.image("Older teller photo, only here", collection=photo_collection())
    story, link = teller_story(client)
    item = {"alt_text": "", "decorative": False, "caption": "", "credit": ""}
    story.image = library
    story.body = [
        *story.body.raw_data,
        *({"type": "image", "value": {**item, "image": image.pk}} for image in (shared_elsewhere, only_here)),
    ]
    builders.review_and_publish(story)
    other = builders.standard_page(
        share_site["home"],
        title="Exhibition notes",
        body=[{"type": "image", "value": {**item, "image": shared_elsewhere.pk}}],
    )
    sent = list(TellerIdentity.objects.get().photos.values_list("pk", flat=True))
    assert len(sent) == 2

    withdraw_by_link(client, link, django_capture_on_commit_callbacks)

    remaining = set(get_image_model().objects.values_list("pk", flat=True))
    assert {library.pk, shared_elsewhere.pk} <= remaining
    assert not {only_here.pk, *sent} & remaining
    assert client.get(other.url).status_code == 200


def test_withdrawal_leaves_the_rest_of_the_cache_alone(client, share_site, django_capture_on_commit_callbacks):
    """Rate-limit counters survive a withdrawal (cache.clear() let a spammer withdraw one story and send five more)."""
    _story, link = teller_story(client)
    cache.set("share-story-attempts:203.0.113.7", 5, timeout=3600)
    cache.set("unrelated", "kept", timeout=3600)

    withdraw_by_link(client, link, django_capture_on_commit_callbacks)

    assert cache.get("share-story-attempts:203.0.113.7") == 5
    assert cache.get("unrelated") == "kept"


def test_withdrawing_an_already_erased_story_in_code_is_harmless(share_site):
    story = share_site["stories"][0]
    first = withdraw_story(story)
    assert withdraw_story(story) == first
    assert not Page.objects.filter(pk=story.pk).exists()

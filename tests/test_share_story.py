"""Share your story: a teller's submission, its safety, and withdrawal in one action."""

import io
import os
import re

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Page

from editorial.roles import ensure_all_roles
from editorial.workflows import ensure_workflow_assignments
from home.translation import translate
from stories.models import ConsentRecord, StoryCollectionPage, StoryPage
from stories.models.contributions import TellerIdentity, Withdrawal
from tests import builders
from tests.test_uploads import crafted_png

pytestmark = pytest.mark.django_db

REAL_NAME = "Nadia Haddad-Secret"
CONTACT = "nadia.secret@example.org"


def jpeg_with_gps():
    image = PILImage.new("RGB", (320, 240), (30, 120, 200))
    exif = PILImage.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0110] = "SecretPhone 9"  # Model
    exif[0x8825] = {1: "N", 2: (53.0, 22.0, 51.0), 3: "W", 4: (1.0, 28.0, 12.0)}  # GPSInfo: Sheffield
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()


@pytest.fixture
def share_site(synced_network, locales):
    from home import bootstrap

    builders.publish(synced_network["home"], StoryCollectionPage(title="Shared stories", slug="shared-stories"))
    bootstrap.sync_locale_trees(locales)
    ensure_all_roles()
    ensure_workflow_assignments()
    return synced_network


def form_data(**overrides):
    data = {
        "title": "رحلتي إلى شيفيلد",
        "story": "وصلت في الشتاء. <script>alert('x')</script> ساعدني الجيران.",
        "city": "",
        "naming": "pseudonym",
        "display_name": "Noor",
        "real_name": REAL_NAME,
        "contact": CONTACT,
        "consent_web": "on",
        "consent_translation": "on",
        "consent_photos": "on",
        "website": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def submit(client, language="ar", files=(), **overrides):
    data = form_data(**overrides)
    if files:
        data["photos"] = list(files)
    return client.post(f"/{language}/share-your-story/", data, REMOTE_ADDR="203.0.113.7")


def in_arabic(message):
    """``message`` as an Arabic reader sees it (the form answers in the reader's language)."""
    from django.utils import translation

    with translation.override("ar"):
        return translation.gettext(message)


def stored_files():
    from django.conf import settings

    return {os.path.join(root, name) for root, _dirs, names in os.walk(settings.MEDIA_ROOT) for name in names}


def nothing_saved(before_files):
    assert not StoryPage.objects.filter(title__contains="شيفيلد").exists()
    assert not ConsentRecord.objects.exclude(story__title__in=["Arriving in Sheffield", "Learning to dance"]).exists()
    assert not TellerIdentity.objects.exists()
    assert not get_image_model().objects.filter(collection__name="Shared by tellers").exists()
    assert stored_files() == before_files


def private_link(response):
    return re.search(r'href="(http://testserver/[^"]+/status/[^"]+/)"', response.content.decode()).group(1)


def approve_everything(story, moderator):
    state = story.current_workflow_task_state
    state.task.specific.on_action(state, moderator, "approve", reveals_nothing_dangerous=True)
    story.refresh_from_db()
    state = story.current_workflow_task_state
    state.task.specific.on_action(state, moderator, "approve")
    story.refresh_from_db()


def moderator():
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user("mod", "mod@example.org", "a long pass phrase")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


def test_arabic_submission_becomes_a_draft_in_review_with_a_clean_photo(client, share_site):
    photo = SimpleUploadedFile("IMG_0001.jpg", jpeg_with_gps(), content_type="image/jpeg")
    response = submit(client, files=[photo])
    assert response.status_code == 200
    assert "شكر" in response.content.decode() or "Thank you" in response.content.decode()
    # The thank-you page is in Arabic (site/locale/ar/LC_MESSAGES/django.po), not in English.
    assert "<h1>شكرًا لمشاركتك قصتك</h1>" in response.content.decode()
    assert "Thank you for sharing your story" not in response.content.decode()
    assert "وصلت قصتك إلى المشرفين لدينا." in response.content.decode()
    assert "Your story has reached our moderators" not in response.content.decode()
    story = StoryPage.objects.get(title="رحلتي إلى شيفيلد")
    assert story.locale.language_code == "ar"
    assert story.get_parent().slug == "shared-stories"
    assert not story.live
    assert story.workflow_in_progress
    assert story.get_workflow().name == "Story review"
    assert story.teller_display_name == "Noor"
    assert story.told_in == "ar"
    consent = story.consent_records.get()
    assert (consent.web, consent.print, consent.translation, consent.photos) == (True, False, True, True)
    image = get_image_model().objects.get(collection__name="Shared by tellers")
    with image.file.open() as stored:
        pixels = PILImage.open(stored)
        assert not pixels.getexif()
        assert "xmp" not in pixels.info
    with open(image.file.path, "rb") as stored:
        assert b"SecretPhone" not in stored.read()


def test_the_real_name_and_contact_appear_in_no_public_response(client, share_site):
    submit(client, files=[SimpleUploadedFile("a.jpg", jpeg_with_gps())])
    story = StoryPage.objects.get(title="رحلتي إلى شيفيلد")
    approve_everything(story, moderator())
    assert story.live
    english = translate(story, "en", {"رحلتي إلى شيفيلد": "My journey to Sheffield"}.get)
    urls = [
        story.url,
        english.url,
        "/ar/",
        "/en/",
        "/ar/shared-stories/",
        "/ar/stories/",
        "/en/stories/",
        "/sitemap.xml",
        "/ar/stories/feed/",
        "/en/stories/feed/",
        "/api/v2/pages/?type=stories.StoryPage&fields=*&limit=20",
        f"/api/v2/pages/{story.pk}/",
        f"/api/v2/pages/{english.pk}/",
        "/api/v2/pages/?search=Nadia",
        "/api/v2/images/",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert REAL_NAME not in body and "Haddad" not in body, url
        assert CONTACT not in body and "nadia.secret" not in body, url
    story_page = client.get(story.url).content.decode()
    assert "&lt;script&gt;" in story_page and "<script>alert" not in story_page  # HTML is shown as text


def test_withdrawal_by_private_link_takes_every_language_down(client, share_site):
    response = submit(client, files=[SimpleUploadedFile("a.jpg", jpeg_with_gps())])
    link = private_link(response)
    story = StoryPage.objects.get(title="رحلتي إلى شيفيلد")
    approve_everything(story, moderator())
    welsh = translate(story, "cy", {"رحلتي إلى شيفيلد": "Fy nhaith i Sheffield"}.get)
    image = get_image_model().objects.get(collection__name="Shared by tellers")
    rendition_path = image.get_rendition("width-100").file.path
    photo_path = image.file.path
    urls = [story.url, welsh.url]
    assert [client.get(url).status_code for url in urls] == [200, 200]

    status_page = client.get(link)
    assert status_page.status_code == 200
    assert client.post(link, {"action": "withdraw"}).status_code == 200

    for url in urls:
        response = client.get(url)
        assert response.status_code == 410, url
    assert "Tynnwyd y stori hon yn ôl" in client.get(welsh.url).content.decode()  # the notice in Welsh
    assert "سحب" in client.get(story.url).content.decode()  # and in Arabic
    assert not os.path.exists(photo_path) and not os.path.exists(rendition_path)
    assert not get_image_model().objects.filter(pk=image.pk).exists()
    withdrawal = Withdrawal.objects.get()
    assert withdrawal.by_teller and withdrawal.story_id_withdrawn == story.pk
    assert "شيفيلد" not in str(withdrawal)
    assert TellerIdentity.objects.get().contact == ""
    assert not Page.objects.filter(translation_key=story.translation_key, live=True).exists()


@pytest.mark.parametrize("token", ["not-a-real-token", "x" * 99])
def test_a_wrong_private_link_answers_404(client, share_site, token):
    assert client.get(f"/ar/share-your-story/status/{token}/").status_code == 404


def test_an_expired_private_link_answers_404(client, share_site):
    link = private_link(submit(client))
    TellerIdentity.objects.update(token_expires_at="2020-01-01T00:00:00Z")
    assert client.get(link).status_code == 404


NOT_A_PHOTO = "“%(name)s” is not a JPEG, PNG or WebP photo."

REFUSED = {
    "renamed PDF": ("photo.jpg", lambda: b"%PDF-1.4\n1 0 obj<<>>endobj\n", NOT_A_PHOTO),
    "SVG": ("photo.png", lambda: b'<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>', NOT_A_PHOTO),
    "truncated JPEG": ("cut.jpg", lambda: jpeg_with_gps()[:400], NOT_A_PHOTO),
    "decompression bomb": (
        "bomb.png",
        lambda: crafted_png(20000, 20000),
        "“%(name)s” is too large: at most %(megapixels)s megapixels.",
    ),
    "11 MB file": (
        "big.jpg",
        lambda: jpeg_with_gps() + b"\0" * (11 * 1024 * 1024),
        "“%(name)s” is larger than %(megabytes)s MB.",
    ),
}


@pytest.mark.parametrize("case", REFUSED)
def test_refused_photos_get_a_clear_message_and_store_nothing(client, share_site, case):
    name, content, message = REFUSED[case]
    before = stored_files()
    response = submit(client, files=[SimpleUploadedFile(name, content())])
    assert response.status_code == 400
    expected = in_arabic(message) % {"name": name, "megabytes": 10, "megapixels": 40}
    assert expected in response.content.decode().replace("&quot;", '"')
    nothing_saved(before)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"story": "x" * 20_001}, "20000"),
        ({"consent_web": None}, "This field is required."),
        ({"naming": "pseudonym", "display_name": ""}, "Write the name to show, or choose to be anonymous."),
        ({"title": ""}, "This field is required."),
    ],
)
def test_bad_input_gets_a_clear_message_and_stores_nothing(client, share_site, overrides, message):
    before = stored_files()
    response = submit(client, **overrides)
    assert response.status_code == 400
    assert in_arabic(message) in response.content.decode().replace(",", "").replace("٬", "")
    nothing_saved(before)


def test_photos_without_photo_consent_are_refused(client, share_site):
    before = stored_files()
    response = submit(client, files=[SimpleUploadedFile("a.jpg", jpeg_with_gps())], consent_photos=None)
    assert response.status_code == 400
    assert in_arabic("To share photos, agree to their publication, or remove them.") in response.content.decode()
    nothing_saved(before)


def test_honeypot_submission_is_refused_and_stores_nothing(client, share_site):
    before = stored_files()
    response = submit(client, website="http://spam.example")
    assert response.status_code == 400
    nothing_saved(before)


def test_five_submissions_an_hour_from_one_address(client, share_site):
    for number in range(5):
        assert submit(client, title=f"Story {number}").status_code == 200
    response = submit(client, title="One too many")
    assert response.status_code == 429
    assert not StoryPage.objects.filter(title="One too many").exists()


def test_the_form_is_in_the_readers_language_and_marked_right_to_left(client, share_site):
    response = client.get("/ar/share-your-story/")
    assert response.status_code == 200
    assert 'lang="ar" dir="rtl"' in response.content.decode()
    assert 'name="csrfmiddlewaretoken"' in response.content.decode()


def test_a_moderator_withdraws_a_story_in_one_action(client, share_site):
    story = share_site["stories"][0]
    photo = builders.image("Story photo")
    story.image = photo
    builders.review_and_publish(story)
    url = story.url
    mod = moderator()
    client.force_login(mod)
    assert client.get(f"/admin/stories/{story.pk}/withdraw/").status_code == 200
    assert client.post(f"/admin/stories/{story.pk}/withdraw/").status_code == 302
    client.logout()
    assert client.get(url).status_code == 410
    assert not get_image_model().objects.filter(pk=photo.pk).exists()
    withdrawal = Withdrawal.objects.get()
    assert (withdrawal.by_user, withdrawal.by_teller) == (mod, False)


def test_only_moderators_may_withdraw_from_the_admin(client, share_site):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    editor = get_user_model().objects.create_user("ed", "ed@example.org", "a long pass phrase")
    editor.groups.add(Group.objects.get(name="Sheffield editors"))
    client.force_login(editor)
    story = share_site["stories"][0]
    assert client.post(f"/admin/stories/{story.pk}/withdraw/").status_code in (302, 403)
    assert StoryPage.objects.get(pk=story.pk).live
    assert not Withdrawal.objects.exists()


def test_content_warnings_are_shown_before_the_story(client, share_site):
    story = share_site["stories"][0]
    story.content_warnings = ["detention", "family_loss"]
    builders.review_and_publish(story)
    html = client.get(story.url).content.decode()
    assert "Detention, Loss of family" in html
    assert html.index("content-warning") < html.index("A sample story written for the tests.")


@pytest.mark.parametrize(("language", "label"), [("ar", "قصتك"), ("cy", "Eich stori")])
def test_the_form_labels_are_translated(client, share_site, language, label):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(client.get(f"/{language}/share-your-story/").content, "html.parser")
    assert soup.find("label", attrs={"for": "id_story"}).get_text(strip=True).rstrip(":") == label

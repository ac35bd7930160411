"""Share your story: a teller's submission, its safety, and withdrawal in one action."""

import os
import re

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache, caches
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
from tests.conftest import derived_state
from tests.test_uploads import crafted_png

pytestmark = pytest.mark.django_db

REAL_NAME = "Nadia Haddad-Secret"
CONTACT = "nadia.secret@example.org"


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()
    caches["ratelimit"].clear()  # its table outlives tests that commit (live-server tests)


@derived_state("synced_network")
def share_site(synced_network):
    from home import bootstrap

    builders.publish(synced_network["home"], StoryCollectionPage(title="Shared stories", slug="shared-stories"))
    bootstrap.sync_locale_trees(bootstrap.ensure_locales())
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
    photo = SimpleUploadedFile("IMG_0001.jpg", builders.jpeg_with_gps(), content_type="image/jpeg")
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
    submit(client, files=[SimpleUploadedFile("a.jpg", builders.jpeg_with_gps())])
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
        "/sitemap-ar.xml",
        "/sitemap-en.xml",
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


def failed_tasks():
    """Collects the background tasks (django-tasks) that fail while the test runs."""
    from django_tasks.signals import task_finished

    failures = []

    def record(sender, task_result, **kwargs):
        if task_result.status == "FAILED":
            failures.append((task_result.task.name, task_result.errors[0].traceback.splitlines()[-1]))

    task_finished.connect(record, weak=False)
    return failures, lambda: task_finished.disconnect(record)


def test_withdrawal_by_private_link_takes_every_language_down(client, share_site, django_capture_on_commit_callbacks):
    response = submit(client, files=[SimpleUploadedFile("a.jpg", builders.jpeg_with_gps())])
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
    confirm_url = link + "withdraw/"
    assert f'href="{confirm_url.removeprefix("http://testserver")}"' in status_page.content.decode()
    failures, stop = failed_tasks()
    try:
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(confirm_url, {"confirm": "withdraw"})
    finally:
        stop()
    assert response.status_code == 303
    assert response["Location"] == link.removeprefix("http://testserver")

    for url in urls:
        response = client.get(url)
        assert response.status_code == 410, url
    for language in ("en", "fa", "uk"):  # the same address in a language it was never in: withdrawn, not unknown
        assert client.get(f"/{language}/" + story.url.split("/", 2)[2]).status_code == 410, language
    assert "Tynnwyd y stori hon yn ôl" in client.get(welsh.url).content.decode()  # the notice in Welsh
    assert "سحب" in client.get(story.url).content.decode()  # and in Arabic
    # The photo and its rendition are deleted once the withdrawal is committed, and no deletion task fails
    # (it used to: "ValueError: The name must be given").
    assert not os.path.exists(photo_path) and not os.path.exists(rendition_path)
    assert failures == []
    assert not get_image_model().objects.filter(pk=image.pk).exists()
    withdrawal = Withdrawal.objects.get()
    assert withdrawal.by_teller and withdrawal.story_id_withdrawn == story.pk
    assert "شيفيلد" not in str(withdrawal)
    assert not TellerIdentity.objects.exists()
    assert not Page.objects.filter(translation_key=story.translation_key).exists()  # erased, not unpublished
    status = client.get(link).content.decode()
    assert (
        in_arabic("Your story has been withdrawn. It is no longer on this website, and its photos have been deleted.")
        in status
    )
    assert client.get(confirm_url)["Location"] == link.removeprefix("http://testserver")  # nothing left to confirm


def test_withdrawal_takes_a_confirmation_step(client, share_site):
    """One click on the status page withdraws nothing: a page says what withdrawal does, then the teller confirms."""
    from bs4 import BeautifulSoup

    link = private_link(submit(client))
    story = StoryPage.objects.get(title="رحلتي إلى شيفيلد")
    assert client.post(link, {"action": "withdraw"}).status_code == 200  # the old one-click form does nothing
    confirm = client.get(link + "withdraw/")
    assert confirm.status_code == 200
    page = BeautifulSoup(confirm.content, "html.parser")
    text = page.select_one("main").get_text(" ", strip=True)
    assert in_arabic("This cannot be undone.") in text
    assert in_arabic("its photos are deleted;") in text
    button = page.select_one('main form[method="post"] button[name="confirm"][value="withdraw"]')
    assert button is not None and button.get_text(strip=True) == in_arabic("Yes, withdraw my story")
    assert page.select_one(f'main a[href="{link.removeprefix("http://testserver")}"]') is not None  # keep it
    assert client.post(link + "withdraw/", {}).status_code == 200  # a POST without the confirmation: nothing
    assert not Withdrawal.objects.exists()
    assert not story.consent_records.filter(withdrawn_on__isnull=False).exists()
    assert StoryPage.objects.get(pk=story.pk).workflow_in_progress
    assert TellerIdentity.objects.get().contact == CONTACT


def test_the_private_pages_show_no_untranslated_notice_and_are_never_cached(client, share_site):
    response = submit(client)
    link = private_link(response)
    for page in (response, client.get(link), client.get(link + "withdraw/")):
        assert page.status_code == 200
        assert "notice--untranslated" not in page.content.decode()
        assert "no-store" in page["Cache-Control"] or "no-cache" in page["Cache-Control"]
        assert page["X-Robots-Tag"] == "noindex, nofollow"
        assert page["Referrer-Policy"] == "same-origin"


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
    "truncated JPEG": ("cut.jpg", lambda: builders.jpeg_with_gps()[:400], NOT_A_PHOTO),
    "decompression bomb": (
        "bomb.png",
        lambda: crafted_png(20000, 20000),
        "“%(name)s” is too large: at most %(megapixels)s megapixels.",
    ),
    "11 MB file": (
        "big.jpg",
        lambda: builders.jpeg_with_gps() + b"\0" * (11 * 1024 * 1024),
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
        ({"consent_web": None}, "To send your story, agree to its publication on this website."),
        ({"naming": "pseudonym", "display_name": ""}, "Write the name to show, or choose to be anonymous."),
        ({"title": ""}, "Give your story a title."),
        ({"story": ""}, "Write your story."),
        ({"naming": None}, "Choose how we should name you."),
        ({"city": "999999"}, "Choose a city group from the list."),
        ({"display_name": "x" * 101}, "At most %(limit_value)s characters (this has %(show_value)s)."),
    ],
)
def test_bad_input_gets_a_clear_message_and_stores_nothing(client, share_site, overrides, message):
    before = stored_files()
    response = submit(client, **overrides)
    assert response.status_code == 400
    expected = in_arabic(message) % {"limit_value": 100, "show_value": 101} if "%(" in message else in_arabic(message)
    without_separators = {ord(","): None, ord("٬"): None}  # thousands separators, as the reader's language writes them
    assert expected.translate(without_separators) in response.content.decode().translate(without_separators)
    nothing_saved(before)


@pytest.mark.parametrize("language", ["ps", "ti"])
def test_the_forms_own_messages_are_used_where_django_has_no_catalogue(client, share_site, language):
    """Django has no Pashto or Tigrinya catalogue: the form's messages come from the project's, never Django's."""
    response = submit(client, language=language, title="", consent_web=None)
    assert response.status_code == 400
    assert "This field is required." not in response.content.decode()


def test_photos_without_photo_consent_are_refused(client, share_site):
    before = stored_files()
    response = submit(client, files=[SimpleUploadedFile("a.jpg", builders.jpeg_with_gps())], consent_photos=None)
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
    assert get_image_model().objects.filter(pk=photo.pk).exists()  # a library image, not the teller's: it stays
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


def city_options(client, language):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(client.get(f"/{language}/share-your-story/").content, "html.parser")
    return {option.get_text(strip=True): option["value"] for option in soup.select("select#id_city option")}


@pytest.mark.parametrize("language", ["en", "ar", "ti"])
def test_every_city_is_offered_whether_or_not_it_has_a_collection(client, share_site, language):
    options = city_options(client, language)
    # Sheffield has a story collection; Swansea has none yet.
    assert {"Sheffield", "Swansea"} <= set(options)
    swansea = builders.version(share_site["swansea"], language)
    assert options["Swansea"] == str(swansea.pk)
    assert not StoryCollectionPage.objects.child_of(swansea).exists()


def test_a_story_for_a_city_without_a_collection_is_kept_and_reaches_moderators(client, share_site):
    swansea = builders.version(share_site["swansea"], "ar")
    response = submit(client, city=str(swansea.pk), title="قصتي في سوانزي")
    assert response.status_code == 200
    story = StoryPage.objects.get(title="قصتي في سوانزي")
    collection = story.get_parent().specific
    # Filed in a new collection under Swansea's hub, kept unpublished until a moderator has read the story.
    assert isinstance(collection, StoryCollectionPage)
    assert collection.get_parent().pk == swansea.pk
    assert not collection.live and not story.live
    english = StoryCollectionPage.objects.get(translation_key=collection.translation_key, locale__language_code="en")
    assert english.get_parent().pk == share_site["swansea"].pk and not english.live
    assert story.workflow_in_progress and story.get_workflow().name == "Story review"
    # It reaches moderators: the story awaits them on their dashboard.
    mod = moderator()
    client.force_login(mod)
    assert "قصتي في سوانزي" in client.get("/admin/").content.decode()
    # Once approved, the story and its collection are live (the collection is not left a draft under a live story).
    approve_everything(story, mod)
    client.logout()
    assert story.live
    assert client.get(story.url).status_code == 200
    assert StoryCollectionPage.objects.get(pk=collection.pk).live
    assert client.get(collection.url).status_code == 200
    # A second story for Swansea joins the same collection.
    submit(client, city=str(swansea.pk), title="قصة أخرى")
    assert StoryPage.objects.get(title="قصة أخرى").get_parent().pk == collection.pk
    assert StoryCollectionPage.objects.filter(translation_key=collection.translation_key).count() == len(
        share_site["home"].get_translations(inclusive=True)
    )


def test_a_city_hub_of_another_language_is_refused_with_a_message(client, share_site):
    english_swansea = share_site["swansea"]
    response = submit(client, city=str(english_swansea.pk))
    assert response.status_code == 400
    assert not StoryPage.objects.filter(title="رحلتي إلى شيفيلد").exists()


def test_teller_photos_are_stored_under_random_file_names(client, share_site):
    names = ["Nadia_Haddad_Sheffield_2009.jpg", "Nadia_Haddad_Sheffield_2009.jpg"]
    submit(client, files=[SimpleUploadedFile(name, builders.jpeg_with_gps()) for name in names])
    images = list(get_image_model().objects.filter(collection__name="Shared by tellers"))
    assert len(images) == 2
    stored = [image.file.name for image in images] + [image.get_rendition("width-800").file.name for image in images]
    for name in stored:
        assert "Nadia" not in name and "Haddad" not in name and "Sheffield" not in name, name
        assert re.fullmatch(r"private/(original_images|images)/[0-9a-f]{32}[.\w-]*\.jpg", name), name
    assert len({os.path.basename(image.file.name) for image in images}) == 2


def test_a_summary_taken_from_the_text_is_not_shown_twice(client, share_site):
    opening = "وصلت إلى شيفيلد في ليلة باردة من ليالي الشتاء، ولم أكن أعرف أحدًا."
    submit(client, story=opening + "\n\n" + "ساعدني الجيران في كل شيء. " * 30)
    story = StoryPage.objects.get(title="رحلتي إلى شيفيلد")
    assert story.summary.startswith(opening) and story.summary.endswith("…") and len(story.summary) <= 300
    approve_everything(story, moderator())
    assert shown_text(client, story.url).count(opening) == 1  # (the link preview's description is not shown)
    # A summary an editor writes as a summary is shown above the story.
    story.summary = "قصة عن الوصول والجيران."
    builders.review_and_publish(story)
    assert "قصة عن الوصول والجيران." in shown_text(client, story.url)


def shown_text(client, url):
    """What a reader sees of the page: the text of its main content."""
    return BeautifulSoup(client.get(url).content, "html.parser").find("main").get_text()

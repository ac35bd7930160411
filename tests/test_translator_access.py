"""editorial/translator_access.py: a translator starts, refreshes and submits translations into their own language
only, sees where the translation stands, and never publishes (wagtail-localize's own screens refuse them)."""

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from home.translation import translate
from tests import builders

pytestmark = pytest.mark.django_db

ARABIC_TITLE = "بناء الملاذ في سوانزي"


@pytest.fixture
def job(editorial, client):
    """The Arabic translator, logged in, and the exhibition's Arabic and Welsh aliases."""
    exhibition = editorial["exhibition"]
    client.force_login(editorial["users"]["arabic translator"])
    return {
        **editorial,
        "client": client,
        "arabic": builders.version(exhibition, "ar"),
        "welsh": builders.version(exhibition, "cy"),
    }


def text(response):
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


def refused(response):
    """Wagtail's admin answers a PermissionDenied with a redirect to the dashboard and an error message."""
    return response.status_code == 403 or (response.status_code == 302 and response.url == "/admin/")


def start(job, page):
    return job["client"].post(f"/admin/translations/start/{page.pk}/")


def translation_into(page):
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=page.locale)


def fill_title(page, text=ARABIC_TITLE):
    """What the translator types into the editor for the title (the editor saves each string as it is typed)."""
    translation = translation_into(page)
    segment = StringSegment.objects.get(source=translation.source, context__path="title")
    StringTranslation.objects.update_or_create(
        translation_of=segment.string, locale=page.locale, context=segment.context, defaults={"data": text}
    )


def test_the_alias_editor_offers_the_translator_to_translate_into_their_language(job):
    response = job["client"].get(f"/admin/pages/{job['arabic'].pk}/edit/")
    assert response.status_code == 200
    form = BeautifulSoup(response.content, "html.parser").find(
        "form", action=f"/admin/translations/start/{job['arabic'].pk}/"
    )
    assert form is not None
    assert "Translate into Arabic" in form.get_text()
    assert "/admin/localize/submit/" not in response.content.decode()  # not wagtail-localize's refused view


def test_starting_a_translation_publishes_nothing(job):
    arabic = job["arabic"]
    live_before = arabic.live_revision_id
    response = start(job, arabic)
    assert response.status_code == 302
    assert response.url == f"/admin/pages/{arabic.pk}/edit/"
    page = Page.objects.get(pk=arabic.pk).specific
    assert page.alias_of_id is None  # a translation now, with its own drafts
    assert page.live and page.title == job["exhibition"].title  # readers still see what the alias showed
    assert page.live_revision_id == live_before
    assert translation_into(page).enabled
    editor = job["client"].get(f"/admin/pages/{page.pk}/edit/")
    assert editor.status_code == 200
    assert "js-translation-editor" in editor.content.decode()
    assert "Submit for review in " in editor.content.decode()  # the editor's button says what it does


def test_translator_cannot_start_a_welsh_translation(job):
    assert refused(start(job, job["welsh"]))
    assert not Translation.objects.filter(target_locale=job["welsh"].locale).exists()
    assert Page.objects.get(pk=job["welsh"].pk).alias_of_id is not None


def test_translator_cannot_start_from_the_english_page_nor_use_wagtail_localizes_own_screens(job):
    exhibition = job["exhibition"]
    assert start(job, exhibition).status_code in (302, 404)  # not found (the admin retries it with a language)
    assert not Translation.objects.filter(source__object_id=exhibition.translation_key).exists()
    client = job["client"]
    assert refused(client.get(f"/admin/localize/submit/page/{exhibition.pk}/"))
    start(job, job["arabic"])
    source = TranslationSource.objects.get_for_instance(exhibition)
    assert refused(client.get(f"/admin/localize/update/{source.pk}/"))  # it syncs (and publishes) every language


def test_translator_cannot_edit_the_english_page(job):
    assert job["client"].get(f"/admin/pages/{job['exhibition'].pk}/edit/").status_code in (302, 403)
    assert not job["exhibition"].permissions_for_user(job["users"]["arabic translator"]).can_edit()


def test_submitting_shows_the_review_state_and_publishes_nothing(job, django_capture_on_commit_callbacks):
    arabic = job["arabic"]
    start(job, arabic)
    fill_title(arabic)
    with django_capture_on_commit_callbacks(execute=True):
        job["client"].post(f"/admin/pages/{arabic.pk}/edit/", {"action": "publish"})
    page = Page.objects.get(pk=arabic.pk)
    assert page.workflow_in_progress
    assert page.title != ARABIC_TITLE  # not live before review
    shown = text(job["client"].get(f"/admin/pages/{arabic.pk}/edit/"))
    assert "In review: Exhibition review (Moderator approval)" in shown


def test_translator_cannot_publish_directly(job, django_capture_on_commit_callbacks):
    arabic = job["arabic"]
    start(job, arabic)
    fill_title(arabic)
    translator = job["users"]["arabic translator"]
    page = Page.objects.get(pk=arabic.pk)
    assert not page.permissions_for_user(translator).can_publish()
    with django_capture_on_commit_callbacks(execute=True):
        job["client"].post(f"/admin/pages/{arabic.pk}/edit/", {"action": "publish"})
        job["client"].post(f"/admin/pages/{arabic.pk}/edit/", {"action-publish": "action-publish", "title": "x"})
    page = Page.objects.get(pk=arabic.pk)
    assert page.title != ARABIC_TITLE
    assert not page.revisions.filter(user=translator, id=page.live_revision_id).exists()


def publish_english(job, title):
    exhibition = Page.objects.get(pk=job["exhibition"].pk).specific
    exhibition.title = title
    exhibition.save_revision(user=job["users"]["moderator"]).publish(user=job["users"]["moderator"])
    return exhibition


def test_the_translator_is_told_when_the_english_page_changes_and_updates_the_translation(job):
    arabic = job["arabic"]
    start(job, arabic)
    client = job["client"]
    assert "has changed since" not in text(client.get(f"/admin/pages/{arabic.pk}/edit/"))
    publish_english(job, "Building Sanctuary in Swansea, revised")
    shown = client.get(f"/admin/pages/{arabic.pk}/edit/")
    assert "The English page has changed since this translation was last updated." in text(shown)
    translation = translation_into(arabic)
    update_url = f"/admin/translations/{translation.pk}/update/"
    assert update_url in shown.content.decode()
    assert client.get(update_url).status_code == 200
    before = timezone.now()
    response = client.post(update_url)
    assert response.status_code == 302
    source = TranslationSource.objects.get(pk=translation.source_id)
    assert source.last_updated_at >= before
    assert source.stringsegment_set.filter(string__data="Building Sanctuary in Swansea, revised").exists()
    assert "has changed since" not in text(client.get(f"/admin/pages/{arabic.pk}/edit/"))
    assert Page.objects.get(pk=arabic.pk).title == job["exhibition"].title  # nothing published


def test_translator_cannot_update_the_welsh_translation(job):
    welsh = translate(job["exhibition"], "cy", lambda text: None, publish=False)
    before = TranslationSource.objects.get_for_instance(job["exhibition"]).last_updated_at
    assert refused(job["client"].post(f"/admin/translations/{translation_into(welsh).pk}/update/"))
    assert TranslationSource.objects.get_for_instance(job["exhibition"]).last_updated_at == before


def test_one_translations_report_in_the_menu(client, editorial):
    client.force_login(editorial["users"]["moderator"])
    soup = BeautifulSoup(client.get("/admin/").content, "html.parser")
    menu = soup.find(attrs={"data-side-menu"}) or soup
    assert "/admin/localize/reports/translations/" not in str(menu)
    assert "/admin/reports/translations/" in str(menu)


def test_translator_cannot_convert_a_translation_back_to_an_alias(job):
    """Converting publishes the English page's latest revision in the Arabic tree at once: a publish by another name."""
    arabic = translate(job["exhibition"], "ar", {job["exhibition"].title: ARABIC_TITLE}.get)
    english = Page.objects.get(pk=job["exhibition"].pk).specific
    english.title = "An English draft nobody has reviewed"
    english.save_revision(user=job["users"]["moderator"])
    response = job["client"].post(f"/admin/localize/page/{arabic.pk}/convert_to_alias/")
    assert refused(response)
    page = Page.objects.get(pk=arabic.pk)
    assert (page.alias_of_id, page.title) == (None, ARABIC_TITLE)


def test_moderator_may_still_convert_a_translation_back_to_an_alias(job):
    arabic = translate(job["exhibition"], "ar", {job["exhibition"].title: ARABIC_TITLE}.get)
    job["client"].force_login(job["users"]["moderator"])
    response = job["client"].post(f"/admin/localize/page/{arabic.pk}/convert_to_alias/")
    assert response.status_code == 302 and response.url != "/admin/"
    assert Page.objects.get(pk=arabic.pk).alias_of_id == job["exhibition"].pk


def test_wagtail_localizes_translations_report_leads_to_ours(client, editorial):
    client.force_login(editorial["users"]["moderator"])
    response = client.get("/admin/localize/reports/translations/")
    assert (response.status_code, response.url) == (302, "/admin/reports/translations/")

"""One notion of an out-of-date translation (home/translation.py), told to readers, translators and moderators alike;
the translations report in words people use; the dashboard greets by the site's name and names each city once."""

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.utils.text import capfirst
from wagtail.models import Page
from wagtail_localize.models import TranslationSource

from cities.models import CityHubIndexPage
from home.translation import out_of_date_translations, translate
from tests import builders

pytestmark = pytest.mark.django_db

ARABIC = {"Building Sanctuary in Swansea": "بناء الملاذ في سوانزي"}


@pytest.fixture
def arabic(editorial):
    """The exhibition, translated into Arabic and published."""
    return translate(editorial["exhibition"], "ar", ARABIC.get)


def republish_english(page, title="Building Sanctuary in Swansea, revised"):
    page = Page.objects.get(pk=page.pk).specific
    page.title = title
    page.save_revision().publish()
    return page


def soup(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_readers_of_a_current_translation_see_no_notice(client, arabic):
    assert soup(client, arabic.url).select(".notice--outdated") == []


def test_readers_are_told_when_the_original_has_changed_with_a_link_to_it(client, editorial, arabic):
    english = republish_english(editorial["exhibition"])
    page = soup(client, Page.objects.get(pk=arabic.pk).url)
    assert page.html["lang"] == "ar"
    notice = page.select_one(".notice--outdated")
    assert notice is not None
    link = notice.find("a", hreflang="en")
    assert link["href"] == english.url
    assert soup(client, english.url).select(".notice--outdated") == []  # the original itself is never behind


def test_the_notice_goes_once_the_translation_is_updated_and_published(client, editorial, arabic):
    republish_english(editorial["exhibition"])
    translate(Page.objects.get(pk=editorial["exhibition"].pk).specific, "ar", ARABIC.get)  # sync, then publish
    assert soup(client, Page.objects.get(pk=arabic.pk).url).select(".notice--outdated") == []


def test_out_of_date_follows_wagtail_localizes_sync_then_the_translations_publication(editorial, arabic):
    exhibition = republish_english(editorial["exhibition"])
    [stale] = out_of_date_translations()
    assert stale.needs_sync  # wagtail-localize's last sync date is older than the English page
    TranslationSource.objects.get_for_instance(exhibition).update_from_db()  # what "Update"/"Sync" does
    [stale] = out_of_date_translations()
    assert not stale.needs_sync  # synced, but readers still get the old translation until it is published
    Page.objects.get(pk=arabic.pk).specific.save_revision().publish()
    assert list(out_of_date_translations()) == []


def test_report_says_what_to_do_and_names_page_types_in_words(admin_client, editorial, arabic):
    republish_english(editorial["exhibition"])
    page = soup(admin_client, "/admin/reports/translations/")
    text = page.get_text(" ", strip=True)
    assert "Needs updating from the English page" in text
    assert "Sync translated pages" not in text  # a button translators do not have
    assert str(capfirst(CityHubIndexPage._meta.verbose_name)) in text
    assert "cityhubindexpage" not in text


def test_translators_dashboard_has_the_site_name_and_the_changed_translations(client, editorial, arabic):
    republish_english(editorial["exhibition"])
    client.force_login(editorial["users"]["arabic translator"])
    page = soup(client, "/admin/")
    text = page.get_text(" ", strip=True)
    assert settings.WAGTAIL_SITE_NAME in text
    assert "localhost" not in text
    links = [a["href"] for a in page.select(".translation-queue__outdated a")]
    assert links == [f"/admin/pages/{arabic.pk}/edit/"]


def test_city_editors_dashboard_names_their_city_once(client, editorial):
    editor = builders.user("sian", "Swansea editors")
    client.force_login(editor)
    text = soup(client, "/admin/").get_text(" ", strip=True)
    assert "No drafts waiting in Swansea." in text
    assert "Swansea, Swansea" not in text

"""Reading in one's own language: translated pages, right-to-left scripts, aliases, the switcher and hreflang."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.users.models import UserProfile

from home.translation import translate
from tests.conftest import derived_state

pytestmark = pytest.mark.django_db

ARABIC = {
    "Arriving in Sheffield": "الوصول إلى شيفيلد",
    "A story of arriving.": "قصة وصول.",
    "Building Sanctuary in Swansea": "بناء الملاذ في سوانزي",
    "Writing and images.": "كتابات وصور.",
}
WELSH = {
    "Arriving in Sheffield": "Cyrraedd Sheffield",
    "A story of arriving.": "Stori am gyrraedd.",
    "Building Sanctuary in Swansea": "Adeiladu Noddfa yn Abertawe",
    "Writing and images.": "Ysgrifennu a delweddau.",
}


def soup_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


@derived_state("synced_network")
def translated(synced_network):
    story = synced_network["stories"][0]
    exhibition = synced_network["exhibition"]
    pages = {}
    for page in (story, exhibition):
        pages[page.pk, "ar"] = translate(page, "ar", ARABIC.get)
        pages[page.pk, "cy"] = translate(page, "cy", WELSH.get)
    return {**synced_network, "translations": pages}


@pytest.mark.parametrize("key", ["story", "exhibition"])
def test_arabic_translation_is_served_right_to_left_with_its_own_text(client, translated, key):
    source = translated["stories"][0] if key == "story" else translated["exhibition"]
    arabic = translated["translations"][source.pk, "ar"]
    assert arabic.url.startswith("/ar/")
    soup = soup_of(client, arabic.url)
    assert soup.html["lang"] == "ar"
    assert soup.html["dir"] == "rtl"
    assert soup.find("h1").get_text() == ARABIC[source.title]
    assert soup.select_one(".notice--untranslated") is None


@pytest.mark.parametrize("key", ["story", "exhibition"])
def test_hreflang_links_only_real_translations(client, translated, key):
    source = translated["stories"][0] if key == "story" else translated["exhibition"]
    soup = soup_of(client, translated["translations"][source.pk, "ar"].url)
    links = {link["hreflang"]: link["href"] for link in soup.select("link[rel=alternate]")}
    assert set(links) == {"en", "ar", "cy", "x-default"}
    assert links["en"] == links["x-default"] == f"https://sanctuary.example.org{source.url}"
    assert links["cy"] == "https://sanctuary.example.org" + translated["translations"][source.pk, "cy"].url


def test_switcher_links_the_pages_own_translations(client, translated):
    story = translated["stories"][0]
    soup = soup_of(client, translated["translations"][story.pk, "ar"].url)
    switcher = {a["lang"]: a["href"] for a in soup.select(".language-switcher a")}
    suffix = story.url.removeprefix("/en/")
    assert switcher["en"] == story.url
    assert switcher["cy"] == translated["translations"][story.pk, "cy"].url
    assert switcher["fa"] == f"/fa/{suffix}"  # the Persian alias of the same story, not the home page
    current = soup.select_one(".language-switcher [aria-current=true]")
    assert current["lang"] == "ar"
    assert current.get_text() == "العربية"


def test_untranslated_alias_says_so_in_the_readers_language(client, translated):
    story = translated["stories"][1]
    soup = soup_of(client, "/ar/" + story.url.removeprefix("/en/"))
    assert soup.html["lang"] == "ar"
    assert soup.select_one(".notice--untranslated").get_text().startswith("لم تُترجم هذه الصفحة إلى")
    # The story's own text is marked as English; the interface around it stays Arabic.
    title = soup.find("h1")
    assert (title.get_text(), title["lang"], title["dir"]) == ("Learning to dance", "en", "ltr")
    assert soup.select_one(".lead")["lang"] == "en"
    assert "lang" not in soup.select_one(".card__meta").attrs
    assert soup.select_one(".card__meta").find_parent(attrs={"lang": "en"}) is None
    assert soup.select("link[rel=alternate]") == []  # only the English original exists


def test_alias_cards_in_listings_are_marked_with_their_texts_language(client, translated):
    soup = soup_of(client, "/ar/" + translated["collection"].url.removeprefix("/en/"))
    titles = {card.get_text(strip=True): card.get("lang") for card in soup.select(".card__title")}
    assert titles == {"Learning to dance": "en", "الوصول إلى شيفيلد": None}


@pytest.mark.parametrize(("code", "native"), [("ti", "ትግርኛ"), ("ps", "پښتو"), ("ckb", "کوردی")])
def test_languages_django_does_not_know_render_with_native_names(client, synced_network, code, native):
    soup = soup_of(client, f"/{code}/")
    assert soup.html["lang"] == code
    assert soup.select_one(".language-switcher [aria-current=true]").get_text() == native
    soup = soup_of(client, f"/{code}/" + synced_network["collection"].url.removeprefix("/en/"))
    assert soup.select_one(".language-switcher [aria-current=true]").get_text() == native


def test_pashto_is_right_to_left_and_tigrinya_left_to_right(client, synced_network):
    assert soup_of(client, "/ps/").html["dir"] == "rtl"
    assert soup_of(client, "/ti/").html["dir"] == "ltr"


def test_welsh_home_page_has_welsh_interface_strings(client, synced_network):
    soup = soup_of(client, "/cy/")
    assert soup.select_one("a.skip-link").get_text() == "Neidio i'r prif gynnwys"


@pytest.mark.parametrize("language", ["ar", "cy", "fa"])
def test_translated_and_alias_pages_stay_within_the_query_bound(client, translated, language):
    url = f"/{language}/" + translated["stories"][0].url.removeprefix("/en/")
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    assert len(context.captured_queries) <= 15


def test_translated_story_credits_its_translator_and_links_the_original(client, translated):
    story = translated["stories"][0]
    welsh = translated["translations"][story.pk, "cy"]
    welsh.translated_by = "Cerys"
    welsh.save_revision().publish()
    soup = soup_of(client, welsh.url)
    provenance = soup.select_one(".provenance")
    assert "Cerys" in provenance.get_text()
    assert provenance.find("a")["href"] == story.url
    arabic = soup_of(client, translated["translations"][story.pk, "ar"].url).select_one(".provenance")
    assert "مترجم" in arabic.get_text()  # "a volunteer translator", in Arabic
    assert soup_of(client, story.url).select_one(".provenance") is None  # the original telling itself
    alias = soup_of(client, "/fa/" + story.url.removeprefix("/en/"))
    assert alias.select_one(".provenance") is None


def test_translated_myth_shows_on_the_arabic_page(client, synced_network):
    from tests import builders

    myth = builders.myth(myth="Refugees are a burden.", facts="<p>They bring skills.</p>")
    page = builders.standard_page(
        synced_network["home"], "Myths", body=[{"type": "myth_fact", "value": {"myth_fact": myth.pk}}]
    )
    translate(myth, "ar", {"Refugees are a burden.": "اللاجئون عبء.", "They bring skills.": "يحملون مهارات."}.get)
    arabic_page = translate(page, "ar", {"Myths": "خرافات"}.get)
    box = soup_of(client, arabic_page.url).select_one(".myth-fact")
    assert "اللاجئون عبء." in box.get_text()
    assert "يحملون مهارات." in box.get_text()
    assert "Refugees are a burden." in soup_of(client, page.url).select_one(".myth-fact").get_text()


def test_admin_speaks_the_translators_language(client, django_user_model, synced_network):
    user = django_user_model.objects.create_superuser("amina", "amina@example.org", "a long pass phrase")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "ar"
    profile.save()
    client.force_login(user)
    soup = soup_of(client, "/admin/")
    assert (soup.html["lang"], soup.html["dir"]) == ("ar", "rtl")


def test_alias_titles_in_menu_and_breadcrumbs_are_marked_as_english(client, translated):
    soup = soup_of(client, "/ar/" + translated["stories"][1].url.removeprefix("/en/"))
    menu = {a.get_text(): a.get("lang") for a in soup.select("nav.main-menu a")}
    assert menu == {"Cities": "en", "About": "en"}
    crumbs = soup.select("nav.breadcrumbs li")
    assert crumbs[0].a.get("lang") is None  # "Home", in Arabic: part of the interface
    assert crumbs[1].a["lang"] == "en"  # "Cities", the English page shown in the Arabic tree
    assert crumbs[-1].span["lang"] == "en"

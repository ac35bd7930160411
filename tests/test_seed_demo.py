"""`manage.py seed_demo`: the demo network of November 2009, built once however often the command runs."""

import datetime
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from cities.models import CityHubPage, CityStatus, EventPage, SupportingOrganisation
from exhibitions.models import ExhibitionPage, ExhibitPage
from home.models import MythFact, StandardPage
from stories.models import ConsentRecord, RelatedStory, StoryPage
from tests.conftest import from_state, seed_demo

# From cities-2009.csv: slug -> (title, latitude, longitude).
CITIES = {
    "bradford": ("Bradford", "53.7960", "-1.7594"),
    "bristol": ("Bristol", "51.4545", "-2.5879"),
    "chester": ("Chester", "53.1934", "-2.8931"),
    "coventry": ("Coventry", "52.4068", "-1.5197"),
    "derby": ("Derby", "52.9225", "-1.4746"),
    "huddersfield": ("Huddersfield", "53.6458", "-1.7850"),
    "hull": ("Hull", "53.7676", "-0.3274"),
    "ipswich": ("Ipswich", "52.0567", "1.1482"),
    "leicester": ("Leicester", "52.6369", "-1.1398"),
    "london": ("London", "51.5074", "-0.1278"),
    "nottingham": ("Nottingham", "52.9548", "-1.1581"),
    "oxford": ("Oxford", "51.7520", "-1.2577"),
    "sheffield": ("Sheffield", "53.3811", "-1.4701"),
    "swansea": ("Swansea", "51.6214", "-3.9436"),
    "wakefield": ("Wakefield", "53.6833", "-1.4977"),
}
COUNTED = {
    "pages": Page,
    "revisions": Revision,
    "images": get_image_model(),
    "myths": MythFact,
    "organisations": SupportingOrganisation,
    "consent records": ConsentRecord,
    "related stories": RelatedStory,
    "tags": Tag,
}


def counts():
    return {name: model.objects.count() for name, model in COUNTED.items()}


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """The demo, seeded once for the whole module and then seeded again, inside a transaction rolled back at the
    end; the counts after each."""
    with from_state(django_db_blocker, "demo"):
        first = counts()
        seed_demo()
        second = counts()
        yield first, second
    cache.clear()


# The English tree, counted by hand from the article's network (not from the demo's own data):
# home 1; under it About, Myths and facts, Cities, Stories, Exhibitions, Events, Share your story, Shared stories 8;
# 15 city hubs; Sheffield's manifesto 1; 5 events from 2009 and 2 upcoming 7; 2 story collections; 7 stories;
# the Swansea exhibition and its 5 exhibits 6.
ENGLISH_PAGES = 1 + 8 + 15 + 1 + 7 + 2 + 7 + 6
LANGUAGES = ["en", "cy", "ar", "fa", "ckb", "ps", "ti", "uk"]


def test_running_twice_creates_nothing_twice(seeded, db):
    first, second = seeded
    assert first == second
    assert first["pages"] > 40
    assert first["images"] > 10
    assert first["pages"] == 1 + ENGLISH_PAGES * len(LANGUAGES)  # the root, and one tree per language
    assert first["images"] == 16
    assert first["myths"] >= 3
    assert first["organisations"] == 100 + 3 + 3 + 2 + 2  # Sheffield's 100; Bradford, Swansea, Leicester, Nottingham
    assert first["consent records"] == 7  # one per demo story


def test_every_language_has_a_whole_tree(seeded, db):
    for language in LANGUAGES:
        pages = Page.objects.filter(locale__language_code=language, depth__gt=1)
        assert pages.count() == ENGLISH_PAGES, language
        assert pages.filter(live=False).count() == 0, language


def test_the_fifteen_cities_have_their_coordinates(seeded, db):
    hubs = CityHubPage.objects.filter(locale__language_code="en", alias_of__isnull=True)
    found = {hub.slug: (hub.title, hub.latitude, hub.longitude) for hub in hubs}
    expected = {slug: (title, Decimal(lat), Decimal(lon)) for slug, (title, lat, lon) in CITIES.items()}
    assert found == expected
    assert all(hub.get_parent().slug == "cities" and hub.live for hub in hubs)


def test_sheffield_was_recognised_in_2007_with_100_supporting_organisations(seeded, db):
    sheffield = CityHubPage.objects.get(slug="sheffield", locale__language_code="en")
    assert (sheffield.status, sheffield.year_recognised) == (CityStatus.RECOGNISED, 2007)
    others = CityHubPage.objects.filter(locale__language_code="en").exclude(slug="sheffield")
    assert {(hub.status, hub.year_recognised) for hub in others} == {(CityStatus.WORKING_TOWARDS, None)}

    organisations = SupportingOrganisation.objects.for_city(sheffield).order_by("pledged_on")
    assert organisations.count() == 100
    assert organisations.first().pledged_on.year == 2005
    hundredth = organisations.last()
    assert (hundredth.pledged_on.year, hundredth.pledged_on.month) == (2009, 11)
    assert len({organisation.kind for organisation in organisations}) >= 5
    assert {organisation.kind for organisation in organisations} == {
        "business", "school", "faith", "charity", "council", "health", "other"
    }  # fmt: skip
    assert len({organisation.name for organisation in organisations}) == 100
    assert (hundredth.name, hundredth.pledged_on) == ("Sheffield Community Choir", datetime.date(2009, 11, 12))

    manifesto = StandardPage.objects.child_of(sheffield).get(slug="manifesto")
    assert "February 2009" in manifesto.intro


def test_sheffield_has_its_2009_events_and_two_upcoming_ones(seeded, db):
    sheffield = CityHubPage.objects.get(slug="sheffield", locale__language_code="en")
    events = EventPage.objects.child_of(sheffield).live()
    assert events.filter(start__year=2009).count() == 4
    assert events.upcoming().count() == 2
    # The four named in the article: a blogging workshop, training with local radio, a dance and a concert.
    assert list(events.filter(start__year=2009).order_by("start").values_list("title", flat=True)) == [
        "Blogging workshop",
        "Training with local radio stations",
        "A traditional British dance",
        "Music concert",
    ]
    bradford = CityHubPage.objects.get(slug="bradford", locale__language_code="en")
    assert [event.title for event in EventPage.objects.child_of(bradford)] == ["Stories of Sanctuary evening"]


def test_swansea_exhibition_answers_with_its_exhibits(seeded, db, client):
    response = client.get("/en/cities/swansea/building-sanctuary-in-swansea/")
    assert response.status_code == 200
    assert "Building Sanctuary in Swansea" in response.content.decode()
    exhibition = ExhibitionPage.objects.get(slug="building-sanctuary-in-swansea", locale__language_code="en")
    assert {tag.name for tag in exhibition.tags.all()} >= {"contribution", "swansea", "art"}
    assert (exhibition.opens_on, exhibition.closes_on) == (datetime.date(2009, 6, 15), datetime.date(2009, 7, 31))
    exhibits = ExhibitPage.objects.child_of(exhibition).live()
    assert 4 <= exhibits.count() <= 5
    assert [exhibit.title for exhibit in exhibits] == [
        "Hands that build",
        "The kitchen table",
        "Letters home",
        "Voices together",
        "Looking at the bay",
    ]
    for exhibit in exhibits:
        assert "demo sample" in exhibit.writing
        assert isinstance(exhibit.caption, str) and exhibit.caption.strip(), exhibit.title
        assert exhibit.credit.endswith("(demo sample)"), exhibit.title
        assert len(exhibit.images) >= 1, exhibit.title
        for block in exhibit.images:
            assert block.value["image"] is not None, exhibit.title
            assert isinstance(block.value["alt_text"], str) and block.value["alt_text"].strip(), exhibit.title
            assert isinstance(block.value["caption"], str), exhibit.title  # a picture's own caption is optional
            assert block.value["credit"].endswith("(demo sample)"), exhibit.title
        response = client.get(exhibit.url)
        assert response.status_code == 200
        soup = BeautifulSoup(response.content, "html.parser")
        assert soup.select_one("p.lead").get_text(strip=True) == exhibit.caption
        assert {block.value["alt_text"] for block in exhibit.images} <= {img.get("alt") for img in soup.find_all("img")}


def test_bradford_stories_of_sanctuary_answers(seeded, db, client):
    response = client.get("/en/cities/bradford/stories-of-sanctuary/")
    assert response.status_code == 200
    assert "Stories of Sanctuary" in response.content.decode()


def test_every_demo_story_says_it_is_a_sample_and_has_consent(seeded, db):
    stories = StoryPage.objects.filter(locale__language_code="en")
    assert stories.count() >= 6
    assert stories.count() == 7
    assert {story.told_in for story in stories} >= {"en", "ar", "fa"}
    assert {story.told_in for story in stories} == {"en", "ar", "fa", "ckb"}
    assert {story.get_parent().slug for story in stories} == {"stories-of-sanctuary", "stories-from-sheffield"}
    for story in stories:
        text = str(story.body)
        assert "sample written for the demo" in text, story.title
        assert "not a real person's story" in text, story.title
        assert story.consent_records.filter(web=True, print=True, translation=True, withdrawn_on=None).exists()
    quotes = [block.value for story in stories for block in story.body if block.block_type == "pull_quote"]
    assert [quote["attribution"] for quote in quotes] == ["Georgian refugee, Sheffield"]
    assert quotes[0]["quote"].startswith("It's brilliant work.")
    # The one real text on the demo site: the Georgian refugee's words, as the article quotes them.
    assert quotes[0]["quote"] == (
        "It's brilliant work. It's bringing together locals and foreigners and saying look, we're human beings and "
        "we can live together, we have a lot to share and we can work together to make our city a better place for "
        "all of us."
    )


def test_the_exhibition_is_aliased_in_persian(seeded, db, client):
    response = client.get("/fa/cities/swansea/building-sanctuary-in-swansea/")
    assert response.status_code == 200
    assert "Building Sanctuary in Swansea" in response.content.decode()


def test_every_english_page_answers(seeded, db, client):
    pages = Page.objects.filter(locale__language_code="en", depth__gt=1).live().specific()
    failures = [(page.url, client.get(page.url).status_code) for page in pages]
    assert [failure for failure in failures if failure[1] != 200] == []


def test_every_page_type_is_reachable_from_the_home_page_by_following_links(seeded, db, client):
    """A reader starting at /en/ and following links (menus, cards, listings) meets every public page type."""
    from bs4 import BeautifulSoup

    seen, queue, types = set(), ["/en/"], set()
    while queue and len(seen) < 400:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        assert response.status_code == 200, url
        page = response.context.get("page") if response.context else None
        if page is not None:
            types.add(type(page).__name__)
        for link in BeautifulSoup(response.content, "html.parser").find_all("a", href=True):
            href = link["href"].split("#")[0].split("?")[0]
            if href.startswith("/en/") and href not in seen and "/feed/" not in href:
                queue.append(href)
    expected = {
        "HomePage", "StandardPage", "CityHubIndexPage", "CityHubPage", "EventIndexPage", "EventPage",
        "StoryIndexPage", "StoryCollectionPage", "StoryPage", "ExhibitionIndexPage", "ExhibitionPage",
        "ExhibitPage", "ShareStoryPage",
    }  # fmt: skip
    assert expected <= types


TRANSLATED = {
    # url -> (language, translated h1)
    "/cy/": ("cy", "Croeso i rwydwaith Dinas Noddfa"),
    "/ar/": ("ar", "مرحبًا بكم في شبكة مدينة الملاذ"),
    "/ar/cities/swansea/building-sanctuary-in-swansea/": ("ar", "بناء الملاذ في سوانزي"),
    "/cy/cities/bradford/stories-of-sanctuary/": ("cy", "Straeon Noddfa"),
    "/ar/cities/bradford/stories-of-sanctuary/learning-the-bus-routes/": ("ar", "تعلُّم خطوط الحافلات"),
    "/cy/cities/bradford/stories-of-sanctuary/learning-the-bus-routes/": ("cy", "Dysgu llwybrau'r bysiau"),
    # "Share your story" is translated into every language: the people it is for may read no English.
    "/cy/share-your-story/": ("cy", "Rhannwch eich stori"),
    "/ar/share-your-story/": ("ar", "شارك قصتك"),
    "/fa/share-your-story/": ("fa", "داستان خود را بازگو کنید"),
    "/ckb/share-your-story/": ("ckb", "چیرۆکەکەت بگێڕەوە"),
    "/ps/share-your-story/": ("ps", "خپله کیسه شریکه کړئ"),
    "/ti/share-your-story/": ("ti", "ዛንታኹም ኣካፍሉ"),
    "/uk/share-your-story/": ("uk", "Поділіться своєю історією"),
}
RIGHT_TO_LEFT = {"ar", "fa", "ckb", "ps"}


@pytest.mark.parametrize("url", TRANSLATED)
def test_demo_translations_answer_in_their_language(seeded, db, client, url):
    language, title = TRANSLATED[url]
    response = client.get(url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert (soup.html["lang"], soup.html["dir"]) == (language, "rtl" if language in RIGHT_TO_LEFT else "ltr")
    assert soup.h1.get_text(strip=True) == title
    assert soup.select_one(".notice--untranslated") is None
    assert "has not been translated" not in response.content.decode()
    alternates = {link["hreflang"] for link in soup.select('link[rel="alternate"][hreflang]')}
    assert alternates >= {"en", "cy", "ar", "x-default", language}


@pytest.mark.parametrize("language", ["cy", "ar", "fa", "ckb", "ps", "ti", "uk"])
def test_the_share_page_intro_is_in_every_language(seeded, db, client, language):
    lead = BeautifulSoup(client.get(f"/{language}/share-your-story/").content, "html.parser").select_one("main .lead")
    assert lead is not None and lead.get("lang") is None  # in the page's own language, not marked as English
    assert "moderators" not in lead.get_text() and len(lead.get_text(strip=True)) > 100


@pytest.mark.parametrize("language", ["cy", "ar", "fa", "ckb", "ps", "ti", "uk"])
def test_each_demo_translation_exists_once_and_is_live(seeded, db, language):
    slugs = ["share-your-story"]
    if language in ("cy", "ar"):
        slugs += ["building-sanctuary-in-swansea", "stories-of-sanctuary", "learning-the-bus-routes"]
    english = Page.objects.filter(locale__language_code="en")
    sources = [*english.filter(slug__in=slugs)] + ([english.get(depth=2)] if language in ("cy", "ar") else [])
    translated = Page.objects.filter(locale__language_code=language, alias_of__isnull=True, depth__gt=1)
    assert sorted(page.translation_key for page in translated) == sorted(page.translation_key for page in sources)
    assert all(page.live and not page.has_unpublished_changes for page in translated)


def test_the_translated_story_still_says_it_is_a_sample_and_credits_its_translator(seeded, db, client):
    welsh, arabic = (
        StoryPage.objects.get(slug="learning-the-bus-routes", locale__language_code=language, alias_of__isnull=True)
        for language in ("cy", "ar")
    )
    assert "Nid stori person go iawn" in str(welsh.body)
    assert "ليست قصة شخص حقيقي" in str(arabic.body)
    assert (welsh.translated_by, arabic.translated_by) == ("Cerys (cyfieithydd gwirfoddol)", "")
    assert "Cerys" in BeautifulSoup(client.get(welsh.url).content, "html.parser").select_one(".provenance").get_text()
    provenance = BeautifulSoup(client.get(arabic.url).content, "html.parser").select_one(".provenance").get_text()
    assert "مترجم متطوع" in provenance  # "a volunteer translator"


def test_the_home_page_shows_the_2009_swansea_exhibition_now_that_none_is_open(seeded, db, client):
    """The demo's only exhibition closed long ago: the home page shows it as the latest, rather than nothing."""
    from bs4 import BeautifulSoup

    html = BeautifulSoup(client.get("/en/").content, "html.parser")
    section = html.find("section", attrs={"aria-labelledby": "exhibitions"})
    assert section.find("h2").get_text() == "Our latest exhibition"
    assert [a.get_text() for a in section.select(".card__title a")] == ["Building Sanctuary in Swansea"]

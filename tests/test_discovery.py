"""Being found: the sitemap in every language, robots.txt, the icons, canonical links and link previews (OpenGraph),
and no page asking for a file that is not there."""

import re
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from defusedxml.ElementTree import fromstring  # installed with Wagtail (Willow needs it)
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from home import sitemap
from home.translation import translate
from tests import builders

pytestmark = pytest.mark.django_db

ADDRESS = "https://sanctuary.example.org"  # WAGTAILADMIN_BASE_URL in the test settings
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
ARABIC = {"Arriving in Sheffield": "الوصول إلى شيفيلد", "A story of arriving.": "قصة وصول."}
WELSH = {"Arriving in Sheffield": "Cyrraedd Sheffield", "A story of arriving.": "Stori am gyrraedd."}


@pytest.fixture
def translated(synced_network):
    story = synced_network["stories"][0]
    story.image = builders.image("Teapot", size=(1600, 1000))
    story = builders.review_and_publish(story)
    return {**synced_network, "ar": translate(story, "ar", ARABIC.get), "cy": translate(story, "cy", WELSH.get)}


def sitemap_sections(client):
    """The addresses the sitemap index at /sitemap.xml lists (each section page)."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return [
        sitemap.findtext("s:loc", namespaces=NS) for sitemap in fromstring(response.content).findall("s:sitemap", NS)
    ]


def section_entries(client, location):
    """{address: {hreflang: address}} of one section page of the sitemap (a valid XML urlset)."""
    response = client.get(location.removeprefix(ADDRESS))
    assert response.status_code == 200, location
    root = fromstring(response.content)
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset"
    entries = {}
    for url in root.findall("s:url", NS):
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)}
        entries[url.findtext("s:loc", namespaces=NS)] = alternates
    return entries


def sitemap_entries(client):
    """Every address in the sitemap, from every section the index lists."""
    entries = {}
    for location in sitemap_sections(client):
        section = section_entries(client, location)
        assert not set(section) & set(entries), f"{location} repeats addresses"
        entries.update(section)
    return entries


def soup_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def meta(soup, name):
    tag = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name})
    return tag["content"] if tag else None


# The sitemap


def test_the_sitemap_lists_every_real_translation_with_its_alternates_on_the_configured_address(client, translated):
    story = translated["stories"][0]
    entries = sitemap_entries(client)
    assert {urlsplit(loc).netloc for loc in entries} == {"sanctuary.example.org"}
    expected = {"en": ADDRESS + story.url, "ar": ADDRESS + translated["ar"].url, "cy": ADDRESS + translated["cy"].url}
    for loc in expected.values():
        assert entries[loc] == {**expected, "x-default": expected["en"]}
    # Every language's tree is in it; pages without translations have no alternates.
    assert {urlsplit(loc).path.split("/")[1] for loc in entries} == {"en", "ar", "cy"}
    assert entries[ADDRESS + translated["about"].url] == {}


def test_aliases_restricted_and_unpublished_pages_are_left_out_of_the_sitemap(client, translated):
    PageViewRestriction.objects.create(page=translated["collection"], restriction_type=PageViewRestriction.LOGIN)
    translated["exhibition"].unpublish()
    entries = sitemap_entries(client)
    alias = builders.version(translated["about"], "fa")
    assert alias.alias_of_id is not None
    assert ADDRESS + alias.url not in entries
    assert not [loc for loc in entries if "/stories-of-sanctuary/" in loc]
    assert ADDRESS + translated["exhibition"].url not in entries
    assert ADDRESS + translated["sheffield"].url in entries
    # Nor the Arabic translation of a story under the Arabic alias of the restricted collection.
    assert ADDRESS + translated["ar"].url not in entries


def test_the_sitemap_costs_the_same_number_of_queries_however_many_pages(client, translated):
    def queries(url):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    urls = ["/sitemap.xml", "/sitemap-en.xml", "/sitemap-ar.xml"]
    for url in urls:
        queries(url)  # the first request caches the site's root paths
    before = {url: queries(url) for url in urls}
    for number in range(5):
        page = builders.standard_page(translated["home"], f"Welcome {number}")
        translate(page, "ar", lambda text: f"ترحيب {text}")
    assert {url: queries(url) for url in urls} == before
    assert max(before.values()) <= 6


def test_the_sitemap_is_an_index_of_one_section_per_language_with_its_own_pages(client, translated):
    sections = sitemap_sections(client)
    # English, Arabic and Welsh have real pages; the other languages' trees hold only aliases: no section.
    assert sections == [f"{ADDRESS}/sitemap-en.xml", f"{ADDRESS}/sitemap-cy.xml", f"{ADDRESS}/sitemap-ar.xml"]
    arabic = section_entries(client, f"{ADDRESS}/sitemap-ar.xml")
    assert list(arabic) == [ADDRESS + translated["ar"].url]
    assert all("/en/" in loc for loc in section_entries(client, f"{ADDRESS}/sitemap-en.xml"))


def test_sitemap_sections_are_paginated_and_together_list_each_address_once(client, translated, monkeypatch):
    whole = sitemap_entries(client)
    english = [loc for loc in whole if "/en/" in loc]
    monkeypatch.setattr(sitemap, "SECTION_SIZE", 3)
    sections = sitemap_sections(client)
    pages = -(-len(english) // 3)
    assert sections[:pages] == [f"{ADDRESS}/sitemap-en.xml"] + [
        f"{ADDRESS}/sitemap-en.xml?p={number}" for number in range(2, pages + 1)
    ]
    assert [len(section_entries(client, location)) for location in sections[:pages]] == [3] * (pages - 1) + [
        len(english) - 3 * (pages - 1)
    ]
    assert sitemap_entries(client) == whole  # the same addresses and alternates, in smaller pieces
    assert client.get(f"/sitemap-en.xml?p={pages + 1}").status_code == 404
    assert client.get("/sitemap-en.xml?p=two").status_code == 404
    assert client.get("/sitemap-xx.xml").status_code == 404


# robots.txt and icons


def test_robots_txt_allows_the_site_and_keeps_crawlers_out_of_the_admin_and_the_tellers_pages(client, network):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines and "Allow: /" in lines and "Disallow: /admin/" in lines
    assert f"Disallow: {network['share'].url}status/" in lines
    assert f"Sitemap: {ADDRESS}/sitemap.xml" in lines
    assert not any(line == "Disallow: /" for line in lines)


@pytest.mark.parametrize("address", ["/favicon.ico", "/apple-touch-icon.png"])
def test_browsers_asking_for_icons_at_the_root_get_them(client, address):
    response = client.get(address)
    assert response.status_code == 302
    static_name = response["Location"].removeprefix(settings.STATIC_URL)
    assert finders.find(static_name) is not None


def test_every_page_links_an_svg_icon_and_an_ico(client, network):
    soup = soup_of(client, "/ar/")
    icons = {link["href"]: link.get("type") for link in soup.select("link[rel=icon]")}
    assert icons == {f"{settings.STATIC_URL}favicon.svg": "image/svg+xml", f"{settings.STATIC_URL}favicon.ico": None}
    assert finders.find("favicon.svg").endswith("site/static/favicon.svg")


# Canonical links and link previews


def test_a_page_is_its_own_canonical_in_its_language(client, translated):
    story = translated["stories"][0]
    for page in (story, translated["ar"], translated["sheffield"]):
        soup = soup_of(client, page.url)
        assert soup.select_one("link[rel=canonical]")["href"] == ADDRESS + page.url
        assert meta(soup, "og:url") == ADDRESS + page.url


def test_an_alias_is_canonical_to_its_original(client, translated):
    alias = builders.version(translated["stories"][0], "fa")
    soup = soup_of(client, alias.url)
    assert soup.select_one("link[rel=canonical]")["href"] == ADDRESS + translated["stories"][0].url


def test_a_listings_later_page_and_a_routes_address_are_their_own_canonical(client, translated):
    for number in range(13):
        builders.story(translated["collection"], f"Story {number}")
    soup = soup_of(client, "/en/stories/?page=2")
    assert soup.select_one("link[rel=canonical]")["href"] == f"{ADDRESS}/en/stories/?page=2"
    soup = soup_of(client, "/en/stories/?page=1")
    assert soup.select_one("link[rel=canonical]")["href"] == f"{ADDRESS}/en/stories/"


def test_link_previews_carry_the_pages_title_summary_image_and_language(client, translated):
    soup = soup_of(client, translated["ar"].url)
    assert meta(soup, "og:title") == ARABIC["Arriving in Sheffield"]
    assert meta(soup, "og:description") == ARABIC["A story of arriving."]
    assert meta(soup, "og:type") == "article"
    assert meta(soup, "og:locale") == "ar_AR"
    alternates = {tag["content"] for tag in soup.find_all("meta", attrs={"property": "og:locale:alternate"})}
    assert alternates == {"en_GB", "cy_GB"}
    image = meta(soup, "og:image")
    assert image.startswith(f"{ADDRESS}{settings.MEDIA_URL}") and image.endswith(".jpg")
    assert default_storage.exists(image.removeprefix(ADDRESS + settings.MEDIA_URL))
    assert (meta(soup, "og:image:width"), meta(soup, "og:image:height")) == ("1200", "630")
    assert meta(soup, "og:image:alt") == "Teapot description"
    assert meta(soup, "twitter:card") == "summary_large_image"


def test_a_page_without_an_image_gets_a_summary_card_and_the_home_page_is_a_website(client, translated):
    soup = soup_of(client, "/en/")
    assert meta(soup, "og:type") == "website"
    assert meta(soup, "twitter:card") == "summary"
    assert meta(soup, "og:image") is None


def test_cards_carry_no_teller_identity_and_escape_what_they_carry(client, network):
    story = builders.story(
        network["collection"], 'A "quoted" <b>title</b>', teller_name="Samira Haddad", summary="Told by a neighbour."
    )
    soup = soup_of(client, story.url)
    head = "".join(str(tag) for tag in soup.head.find_all("meta"))
    assert "Samira" not in head and "Haddad" not in head
    assert meta(soup, "og:title") == 'A "quoted" <b>title</b>'
    assert "<b>" not in str(soup.head.find("meta", attrs={"property": "og:title"}))


def test_search_pages_are_not_indexed(client, network):
    soup = soup_of(client, "/en/search/?q=arriving")
    assert meta(soup, "robots") == "noindex"
    assert soup.select_one("link[rel=canonical]")["href"] == f"{ADDRESS}/en/search/?q=arriving"
    assert meta(soup, "robots") is None or not soup_of(client, "/en/").find("meta", attrs={"name": "robots"})


# No page asks for a file that is not there


def page_addresses(network):
    pages = [network[key] for key in ("home", "cities", "sheffield", "collection", "exhibition", "about", "share")]
    pages += [*network["stories"], network["exhibits"][0], network["upcoming_event"]]
    pages += [network["story_index"], network["exhibition_index"], network["event_index"]]
    urls = [page.url for page in pages]
    urls += [builders.version(page, "ar").url for page in pages]  # the Arabic tree: aliases and a translation
    return [*urls, "/en/search/?q=arriving", "/ar/search/", "/en/no-such-page/"]


def requested_files(soup):
    """Every address the page itself makes the browser fetch: stylesheets, icons, preloads, scripts, images."""
    urls = [
        link["href"]
        for link in soup.select("link[href]")
        if {"stylesheet", "icon", "preload", "apple-touch-icon", "modulepreload", "manifest"} & set(link.get("rel", []))
    ]
    urls += [script["src"] for script in soup.select("script[src]")]
    for element in soup.select("img, source"):
        urls += [element[attr] for attr in ("src",) if element.get(attr)]
        urls += [part.split()[0] for part in element.get("srcset", "").split(",") if part.strip()]
    urls += re.findall(r"url\(([^)]+)\)", " ".join(tag.get("style", "") for tag in soup.select("[style]")))
    return urls


def exists(client, url):
    path = urlsplit(url).path
    if urlsplit(url).netloc not in ("", "sanctuary.example.org", "testserver"):
        return True  # another site's (video embeds): not ours to answer
    if path.startswith(settings.STATIC_URL):
        return finders.find(path.removeprefix(settings.STATIC_URL)) is not None
    if path.startswith(settings.MEDIA_URL):
        return default_storage.exists(path.removeprefix(settings.MEDIA_URL))
    response = client.get(path, follow=True)
    if response.redirect_chain:
        return exists(client, response.redirect_chain[-1][0]) if response.status_code == 404 else True
    return response.status_code != 404


def test_no_page_asks_for_a_file_that_is_not_there(client, translated):
    story = translated["stories"][0]
    translated["exhibition"].hero_image = builders.image("Hero")
    translated["exhibition"].save_revision().publish()
    checked = set()
    for address in [*page_addresses(translated), translated["ar"].url, story.url]:
        response = client.get(address)
        assert response.status_code in (200, 404), address
        for url in requested_files(BeautifulSoup(response.content, "html.parser")):
            if url not in checked:
                assert exists(client, url), f"{address} asks for {url}, which answers 404"
                checked.add(url)
    assert f"{settings.STATIC_URL}css/site.css" in checked
    assert any(url.startswith(settings.MEDIA_URL) for url in checked)  # the images were checked too

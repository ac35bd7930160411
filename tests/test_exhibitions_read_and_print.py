"""An exhibition reads like one (an opening, exhibits in sequence, a page with all of it to print as panels), and
the home page always shows one: those open or coming up, or else the latest."""

import datetime

from bs4 import BeautifulSoup
from django.utils import timezone

from exhibitions.models import ExhibitionPage
from tests import builders


def soup(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def test_exhibition_opens_with_links_to_the_first_exhibit_and_the_panels(client, network):
    page = soup(client, network["exhibition"].url)
    assert page.find("a", string="Start with the first exhibit")["href"] == network["exhibits"][0].url
    assert page.find("a", href=f"{network['exhibition'].url}panels/")
    stylesheet = page.head.find("link", media="print")
    assert stylesheet["href"].endswith("exhibitions/print.css")


def test_an_exhibit_says_where_it_is_in_the_sequence(client, network):
    first, second, third = network["exhibits"]
    builders.exhibit(network["exhibition"], "Not shown yet").unpublish()  # a draft: neither counted nor linked
    page = soup(client, second.url)
    assert "Exhibit 2 of 3" in page.select_one(".exhibit .card__meta").get_text()
    assert page.find("a", rel="prev")["href"] == first.url and "Exhibit 1" in page.find("a", rel="prev").get_text()
    assert page.find("a", rel="next")["href"] == third.url and "Exhibit 3" in page.find("a", rel="next").get_text()
    last = soup(client, third.url)
    assert "Exhibit 3 of 3" in last.select_one(".exhibit .card__meta").get_text()
    assert last.find("a", rel="next") is None and last.find("a", rel="prev")["href"] == second.url


def test_panels_page_has_the_opening_then_each_exhibit_with_image_alt_text_and_credits(client, network):
    photo = builders.image("Boat", credit="Photo: Sam")
    exhibition = builders.exhibition(network["swansea"], "Arrivals", closes_on=timezone.localdate())
    for n in (1, 2):
        builders.exhibit(
            exhibition,
            f"Panel {n}",
            caption=f"Caption {n}",
            credit=f"Maker {n}",
            images=[{"type": "image", "value": {"image": photo.pk, "alt_text": f"A boat, {n}", "caption": "At sea"}}],
        )
    hidden = builders.exhibit(exhibition, "Draft exhibit")
    hidden.unpublish()

    page = soup(client, f"{exhibition.url}panels/")
    panels = page.select(".panel")
    assert [panel.find(["h1", "h2"]).get_text() for panel in panels] == ["Arrivals", "Panel 1", "Panel 2"]
    assert "Swansea Museum" in panels[0].get_text()
    second = panels[2]
    assert "Exhibit 2 of 2" in second.get_text()
    assert second.find("img")["alt"] == "A boat, 2"
    assert second.find("img").get("loading") is None  # printing must not wait for lazy images to scroll in
    assert "Credit: Photo: Sam" in second.find("figcaption").get_text()
    assert "By Maker 2" in second.get_text()


def test_panels_of_a_draft_exhibition_are_not_found(client, network):
    exhibition = builders.exhibition(network["swansea"], "Unannounced")
    exhibition.unpublish()
    assert client.get(f"{exhibition.url}panels/").status_code == 404


def home_exhibitions(client):
    section = soup(client, "/en/").find("section", attrs={"aria-labelledby": "exhibitions"})
    return section.find("h2").get_text(), [a.get_text() for a in section.select(".card__title a")]


def test_home_page_shows_the_latest_exhibition_when_none_is_open(client, network):
    ExhibitionPage.objects.filter(pk=network["exhibition"].pk).update(
        opens_on=datetime.date(2009, 11, 1), closes_on=datetime.date(2009, 11, 30)
    )
    builders.exhibition(
        network["swansea"], "Older one", opens_on=datetime.date(2008, 1, 1), closes_on=datetime.date(2008, 2, 1)
    )
    assert home_exhibitions(client) == ("Our latest exhibition", ["Building Sanctuary in Swansea"])


def test_home_page_prefers_an_upcoming_exhibition_to_a_past_one(client, network):
    ExhibitionPage.objects.filter(pk=network["exhibition"].pk).update(
        opens_on=datetime.date(2009, 11, 1), closes_on=datetime.date(2009, 11, 30)
    )
    builders.exhibition(network["swansea"], "Next spring", opens_on=timezone.localdate() + datetime.timedelta(days=60))
    assert home_exhibitions(client) == ("Exhibitions", ["Next spring"])


def test_home_page_lists_what_is_on_now_and_coming_up_soonest_first_and_nothing_closed(client, network):
    today = timezone.localdate()
    builders.exhibition(network["swansea"], "Next spring", opens_on=today + datetime.timedelta(days=60))
    builders.exhibition(
        network["swansea"],
        "Closed last week",
        opens_on=today - datetime.timedelta(days=30),
        closes_on=today - datetime.timedelta(days=7),
    )
    builders.exhibition(network["swansea"], "Opened yesterday", opens_on=today - datetime.timedelta(days=1))
    assert home_exhibitions(client) == (
        "Exhibitions",
        ["Building Sanctuary in Swansea", "Opened yesterday", "Next spring"],
    )


def test_home_page_with_no_exhibition_at_all_has_no_exhibitions_section(client, network):
    network["exhibition"].unpublish()
    assert soup(client, "/en/").find("section", attrs={"aria-labelledby": "exhibitions"}) is None


def test_home_page_costs_the_same_queries_with_or_without_an_open_exhibition(
    client, network, django_assert_max_num_queries
):
    client.get("/en/")
    with django_assert_max_num_queries(12):  # issue 13's target for every public page
        client.get("/en/")
    ExhibitionPage.objects.filter(pk=network["exhibition"].pk).update(closes_on=datetime.date(2009, 11, 30))
    client.get("/en/")
    with django_assert_max_num_queries(12):
        assert "Our latest exhibition" in client.get("/en/").content.decode()

"""What a reader sees on each page type: a complete page (menu, breadcrumbs, footer) with the page's content."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from home import bootstrap
from stories.models import RelatedStory
from tests import builders


def get_soup(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return BeautifulSoup(response.content, "html.parser")


def assert_complete_page(soup, title):
    assert soup.find("h1").get_text(strip=True) == title
    assert soup.select_one("a.skip-link")["href"] == "#main"
    assert soup.find("nav", attrs={"aria-label": "Breadcrumb"}) is not None
    assert soup.find("footer", class_="site-footer") is not None


@pytest.mark.django_db
class TestPageRendering:
    def test_home_page_shows_latest_stories_exhibitions_and_upcoming_events(self, client, network):
        soup = get_soup(client, "/en/")
        assert soup.find("h1").get_text(strip=True) == network["home"].title
        text = soup.get_text()
        assert "Arriving in Sheffield" in text
        assert "Building Sanctuary in Swansea" in text
        assert "Music concert" in text
        assert "Blogging workshop" not in text  # past events are not "upcoming"
        menu = [a.get_text(strip=True) for a in soup.select("nav.main-menu a")]
        assert menu == ["Cities", "About"]

    def test_standard_page(self, client, network):
        soup = get_soup(client, "/en/about/")
        assert_complete_page(soup, "About")
        assert "About text." in soup.get_text()
        assert soup.select_one("nav.main-menu a[aria-current=page]").get_text(strip=True) == "About"

    def test_city_index_lists_hubs_with_status_and_map(self, client, network):
        soup = get_soup(client, "/en/cities/")
        assert_complete_page(soup, "Cities")
        assert [a.get_text() for a in soup.select(".hub-list a")] == ["Sheffield", "Swansea"]
        assert "Recognised City of Sanctuary (2007)" in soup.select(".hub-list li")[0].get_text(" ", strip=True)
        assert len(soup.select(".network-map__link circle")) == 2

    def test_city_hub_shows_events_collections_and_counted_organisations(self, client, network):
        for _ in range(3):
            builders.organisation(network["sheffield"])
        soup = get_soup(client, "/en/cities/sheffield/")
        assert_complete_page(soup, "Sheffield")
        text = soup.get_text(" ", strip=True)
        assert "3 organisations have pledged" in text
        assert "Stories of Sanctuary (2 stories)" in text
        upcoming = soup.find(id="events").find_parent("section")
        assert "Music concert" in upcoming.select_one(".cards").get_text()
        assert "Blogging workshop" in upcoming.find("h3").find_next("ul").get_text()

    def test_city_hub_shows_six_upcoming_events_soonest_first_and_six_past_ones_latest_first(self, client, network):
        now = timezone.now()
        sheffield = network["sheffield"]
        for days in range(1, 9):
            builders.event(sheffield, f"In {days} days", start=now + datetime.timedelta(days=days, hours=1))
            builders.event(sheffield, f"{days} days ago", start=now - datetime.timedelta(days=days, hours=1))
        ongoing = builders.event(sheffield, "Ongoing", start=now - datetime.timedelta(days=30))
        ongoing.end = now + datetime.timedelta(hours=2)
        ongoing.save_revision().publish()
        ended = builders.event(sheffield, "2½ days ago", start=now - datetime.timedelta(days=2, hours=12))
        ended.end = ended.start + datetime.timedelta(hours=1)  # a past event with an end, among ones without
        ended.save_revision().publish()
        section = get_soup(client, "/en/cities/sheffield/").find(id="events").find_parent("section")
        upcoming = [a.get_text() for a in section.select(".cards .card__title a")]
        past = [a.get_text() for a in section.find("h3").find_next("ul").select("a")]
        # The network's own: "Music concert" in 5 days, "Blogging workshop" 5 days ago (each at this very hour).
        assert upcoming == ["Ongoing", "In 1 days", "In 2 days", "In 3 days", "In 4 days", "Music concert"]
        assert past == ["1 days ago", "2 days ago", "2½ days ago", "3 days ago", "4 days ago", "Blogging workshop"]

    def test_event_page_shows_when_where_and_city(self, client, network):
        soup = get_soup(client, network["past_event"].url)
        assert_complete_page(soup, "Blogging workshop")
        assert "Town hall" in soup.select_one(".facts").get_text()
        assert soup.select_one(".facts a")["href"] == "/en/cities/sheffield/"
        assert "This event has taken place." in soup.get_text()

    def test_story_page_shows_teller_city_tags_and_related_stories(self, client, network):
        first, second = network["stories"]
        RelatedStory.objects.create(page=first, story=second, sort_order=0)
        soup = get_soup(client, first.url)
        assert_complete_page(soup, "Arriving in Sheffield")
        assert "Told by Amal" in soup.get_text()
        assert soup.select_one(".tags a")["href"] == "/en/stories/tag/welcome/"
        assert [a.get_text() for a in soup.select(".related-stories a")] == ["Learning to dance"]

    def test_anonymous_teller_is_never_named(self, client, network):
        soup = get_soup(client, network["stories"][1].url)
        assert "Told by Anonymous" in soup.get_text()

    def test_collection_counts_its_stories(self, client, network):
        soup = get_soup(client, network["collection"].url)
        assert_complete_page(soup, "Stories of Sanctuary")
        assert "2 stories" in soup.select_one(".card__meta").get_text()
        assert len(soup.select(".cards .card")) == 2

    def test_exhibition_lists_exhibits_in_order(self, client, network):
        soup = get_soup(client, network["exhibition"].url)
        assert_complete_page(soup, "Building Sanctuary in Swansea")
        assert [a.get_text() for a in soup.select(".exhibit-list a")] == ["Exhibit 1", "Exhibit 2", "Exhibit 3"]
        assert "Swansea Museum" in soup.select_one(".facts").get_text()
        assert soup.select_one(".tags a")["href"] == "/en/exhibitions/tag/contribution/"

    def test_exhibits_link_previous_and_next(self, client, network):
        first, middle, last = network["exhibits"]
        soup = get_soup(client, middle.url)
        assert_complete_page(soup, "Exhibit 2")
        assert soup.select_one("a[rel=prev]")["href"] == first.url
        assert soup.select_one("a[rel=next]")["href"] == last.url
        assert get_soup(client, first.url).select_one("a[rel=prev]") is None
        assert get_soup(client, last.url).select_one("a[rel=next]") is None

    def test_image_blocks_carry_alt_text_caption_and_credit(self, client, network):
        photo = builders.image("Harbour", credit="Photographer A")
        page = builders.exhibit(
            network["exhibition"],
            "With a photo",
            images=[{"type": "image", "value": {"image": photo.pk, "alt_text": "Boats", "caption": "The harbour"}}],
        )
        figure = get_soup(client, page.url).select_one("figure.figure")
        assert figure.find("img")["alt"] == "Boats"
        assert "The harbour" in figure.figcaption.get_text()
        assert "Credit: Photographer A" in figure.figcaption.get_text()

    def test_myth_fact_and_pull_quote_blocks(self, client, network):
        item = builders.myth()
        page = builders.standard_page(
            network["home"],
            "Myths",
            body=[
                {"type": "myth_fact", "value": {"myth_fact": item.pk}},
                {"type": "pull_quote", "value": {"quote": "We are human beings.", "attribution": "Georgian refugee"}},
            ],
        )
        soup = get_soup(client, page.url)
        assert "Asylum seekers come here for benefits." in soup.select_one(".myth-fact").get_text()
        assert "Georgian refugee" in soup.select_one(".pull-quote figcaption").get_text()

    def test_event_cannot_end_before_it_starts(self, network):
        from django.core.exceptions import ValidationError

        event = network["upcoming_event"]
        event.end = event.start - datetime.timedelta(hours=1)
        with pytest.raises(ValidationError, match="cannot end before it starts"):
            event.full_clean()


def test_call_to_action_links_the_page_in_the_readers_language(client, network, locales):
    bootstrap.sync_locale_trees(locales)  # every language's tree mirrors the network
    home = network["home"]
    cta = {"text": "Find a group near you", "button_label": "Cities", "page": network["cities"].pk}
    home.body = [{"type": "call_to_action", "value": cta}]
    home.save_revision().publish()  # Wagtail updates the other languages' aliases of the home page too
    for language in ("en", "ar"):
        soup = BeautifulSoup(client.get(f"/{language}/").content, "html.parser")
        assert soup.select_one(".call-to-action a")["href"] == f"/{language}/cities/"

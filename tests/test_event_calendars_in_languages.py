"""Each language's events feed and calendars hold that language tree's events, linked in that language."""

import re

from django.utils import translation
from django.utils.translation import gettext

from tests import builders
from tests.test_event_feeds_and_calendars import ADDRESS, download, feed_items, unescape


def test_arabic_city_calendar_holds_the_arabic_trees_events(client, synced_network):
    hub = builders.version(synced_network["sheffield"], "ar")
    calendar, events = download(client, f"{hub.url}ics/")
    concert = builders.version(synced_network["upcoming_event"], "ar")
    assert [event["URL"][1] for event in events] == [f"{ADDRESS}{concert.url}"]
    assert concert.url.startswith("/ar/")
    assert calendar["X-WR-CALNAME"][0] == {"LANGUAGE": "ar"}
    with translation.override("ar"):
        assert unescape(calendar["X-WR-CALNAME"][1]) == gettext("%(city)s: events") % {"city": hub.title}
    # Not translated yet: the Arabic tree shows the English text, and says so.
    assert events[0]["SUMMARY"][0] == {"LANGUAGE": "en"}
    assert events[0]["UID"][1] == download(client, f"{synced_network['upcoming_event'].url}ics/")[1][0]["UID"][1]


def test_arabic_events_feed_links_to_the_arabic_pages_only(client, synced_network):
    _, items = feed_items(client, "/ar/events/feed/")
    assert items
    assert all(re.match(f"{ADDRESS}/ar/", link) for _, link in items)
    _, english = feed_items(client, "/en/events/feed/")
    assert all(re.match(f"{ADDRESS}/en/", link) for _, link in english)

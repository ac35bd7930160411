"""Events reach readers' feed readers and calendars: an RSS feed per language, an .ics file per event and per city.

The .ics files are read back here with a small parser written from RFC 5545 (unfolding, unescaping), not with the
site's writer, so a mistake in the writer cannot hide itself.
"""

import datetime
import re

import pytest
from bs4 import BeautifulSoup
from defusedxml import ElementTree  # Willow, Wagtail's image library, depends on it
from django.utils import timezone

from cities import ics
from tests import builders

ADDRESS = "https://sanctuary.example.org"  # WAGTAILADMIN_BASE_URL in the test settings


def unfold(body):
    assert "\n" not in body.replace("\r\n", ""), "every line ends with CRLF"
    physical = body.split("\r\n")
    assert physical[-1] == ""
    for line in physical:
        assert len(line.encode()) <= 75, f"line longer than 75 octets: {line!r}"
    return body.replace("\r\n ", "").split("\r\n")[:-1]


def unescape(value):
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m[1] in "nN" else m[1], value)


def parse(body):
    """The calendar's properties and its events, each a dict of name -> (parameters, value)."""
    lines = unfold(body)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    calendar, events, current = {}, [], None
    for line in lines[1:-1]:
        if line == "BEGIN:VEVENT":
            current = {}
            continue
        if line == "END:VEVENT":
            events.append(current)
            current = None
            continue
        head, _, value = line.partition(":")
        name, *parameters = head.split(";")
        (calendar if current is None else current)[name] = (dict(p.split("=", 1) for p in parameters), value)
    return calendar, events


def download(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    return parse(response.content.decode())


def utc(moment):
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


# The writer


def test_long_lines_are_folded_at_75_octets_without_splitting_a_character():
    summary = "أمسية قصص الملاذ في شيفيلد، مع موسيقى وطعام من كل مكان; " * 4
    body = ics.calendar([ics.vevent("x@example.org", timezone.now(), None, summary)], "Events", "ar").decode()
    events = parse(body)[1]  # parse() checks every physical line is at most 75 octets and ends with CRLF
    assert unescape(events[0]["SUMMARY"][1]) == summary
    assert max(len(line.encode()) for line in body.split("\r\n")) > 70  # it was folded, not cut short


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("Quaker Meeting House, 10 St James' Street", "Quaker Meeting House\\, 10 St James' Street"),
        ("Food; music", "Food\\; music"),
        ("C:\\path", "C:\\\\path"),
        ("Two\nlines\r\nhere", "Two\\nlines\\nhere"),
    ],
)
def test_text_values_are_escaped(text, escaped):
    assert ics.escape_text(text) == escaped
    assert unescape(escaped) == text.replace("\r\n", "\n")


# One event


@pytest.fixture
def meeting(network):
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=3)
    return builders.event(
        network["sheffield"],
        "Welcome meeting; tea, cake and talk",
        start=start,
        end=start + datetime.timedelta(hours=2),
        venue="Quaker Meeting House, 10 St James' Street; Sheffield",
        summary="Everyone is welcome,\nbring a friend.",
    )


def test_an_event_downloads_as_one_valid_vevent(client, meeting):
    calendar, events = download(client, f"{meeting.url}ics/")
    assert calendar["VERSION"][1] == "2.0"
    assert calendar["PRODID"][1]
    assert len(events) == 1
    event = events[0]
    assert unescape(event["SUMMARY"][1]) == "Welcome meeting; tea, cake and talk"
    assert unescape(event["LOCATION"][1]) == "Quaker Meeting House, 10 St James' Street; Sheffield"
    assert event["SUMMARY"][0] == {"LANGUAGE": "en"}
    assert event["DTSTART"][1] == utc(meeting.start)
    assert event["DTEND"][1] == utc(meeting.end)
    assert re.fullmatch(r"\d{8}T\d{6}Z", event["DTSTAMP"][1])
    assert event["URL"][1] == f"{ADDRESS}{meeting.url}"
    assert unescape(event["DESCRIPTION"][1]) == f"Everyone is welcome,\nbring a friend.\n\n{ADDRESS}{meeting.url}"


def test_an_event_keeps_its_uid_when_it_is_edited(client, meeting):
    uid = download(client, f"{meeting.url}ics/")[1][0]["UID"][1]
    assert uid == download(client, f"{meeting.url}ics/")[1][0]["UID"][1]
    meeting.title = "Welcome meeting (moved)"
    meeting.start += datetime.timedelta(days=1)
    meeting.end += datetime.timedelta(days=1)
    meeting.save_revision().publish()
    event = download(client, f"{meeting.url}ics/")[1][0]
    assert event["UID"][1] == uid  # a calendar updates the entry instead of adding a second one
    assert event["SUMMARY"][1] == "Welcome meeting (moved)"
    other = download(client, f"{builders.event(meeting.get_parent().specific).url}ics/")[1][0]
    assert other["UID"][1] != uid


def test_an_event_without_an_end_lasts_an_hour(client, network):
    event = download(client, f"{network['upcoming_event'].url}ics/")[1][0]
    start = datetime.datetime.strptime(event["DTSTART"][1], "%Y%m%dT%H%M%S%z")
    assert datetime.datetime.strptime(event["DTEND"][1], "%Y%m%dT%H%M%S%z") - start == datetime.timedelta(hours=1)


def test_a_draft_event_has_no_calendar_file(client, network):
    draft = builders.event(network["sheffield"], "Not announced yet")
    draft.unpublish()
    assert client.get(f"{draft.url}ics/").status_code == 404


def test_event_and_hub_pages_offer_add_to_calendar(client, meeting, network):
    hub_text = "Add this group’s events to your calendar"
    for page, text in [(meeting, "Add to calendar"), (network["sheffield"], hub_text)]:
        html = BeautifulSoup(client.get(page.url).content, "html.parser")
        link = html.find("a", href=f"{page.url}ics/")
        assert link is not None, page.url
        assert link.get_text() == text
    past = BeautifulSoup(client.get(network["past_event"].url).content, "html.parser")
    assert past.find("a", href=f"{network['past_event'].url}ics/") is None  # nothing to add once it has happened


# A city's calendar


def test_a_city_calendar_holds_its_upcoming_live_events_only(client, network, meeting):
    draft = builders.event(network["sheffield"], "Draft event")
    draft.unpublish()
    builders.event(network["swansea"], "Swansea event")
    calendar, events = download(client, f"{network['sheffield'].url}ics/")
    expected = sorted([meeting, network["upcoming_event"]], key=lambda event: event.start)
    assert [unescape(event["SUMMARY"][1]) for event in events] == [event.title for event in expected]
    assert unescape(calendar["X-WR-CALNAME"][1]) == "Sheffield: events"
    assert len({event["UID"][1] for event in events}) == 2


def test_a_city_with_no_events_gives_an_empty_calendar(client, network):
    calendar, events = download(client, f"{network['swansea'].url}ics/")
    assert events == []
    assert calendar["VERSION"][1] == "2.0"


# The events feed


def feed_items(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ElementTree.fromstring(response.content).find("channel")
    return channel, [(item.findtext("title"), item.findtext("link")) for item in channel.iter("item")]


def test_events_feed_lists_upcoming_live_events_soonest_first(client, network, meeting):
    draft = builders.event(network["sheffield"], "Draft event")
    draft.unpublish()
    channel, items = feed_items(client, "/en/events/feed/")
    expected = sorted([meeting, network["upcoming_event"]], key=lambda event: event.start)
    assert [title for title, _ in items] == [event.title for event in expected]
    assert [link for _, link in items] == [f"{ADDRESS}{event.url}" for event in expected]
    assert channel.findtext("link") == f"{ADDRESS}/en/events/"


def test_events_index_links_its_feed(client, network):
    html = BeautifulSoup(client.get("/en/events/").content, "html.parser")
    alternate = html.head.find("link", rel="alternate", type="application/rss+xml")
    assert alternate["href"] == "/en/events/feed/"

"""Events for readers' feed readers and calendars: an RSS feed per language, and iCalendar files per event and city.

Addresses are absolute, on the site's configured address (the default Site, set from WAGTAILADMIN_BASE_URL), so a
calendar entry or feed item links back to the page in the reader's language.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.http import content_disposition_header
from django.utils.translation import gettext

from cities import ics

FEED_LENGTH = 30


class UpcomingEventsFeed(Feed):
    """The next events across the network in one language (/<lang>/events/feed/), soonest first."""

    feed_type = Rss201rev2Feed

    def __init__(self, index, events, request):
        super().__init__()
        self.index = index
        self.events = events
        self.request = request

    def title(self):
        return self.index.title

    def link(self):
        return self.index.get_full_url(self.request)

    def description(self):
        return self.index.intro or gettext("Upcoming events")

    def items(self):
        return self.events[:FEED_LENGTH]

    def item_title(self, event):
        return event.title

    def item_description(self, event):
        return event.summary

    def item_link(self, event):
        return event.get_full_url(self.request)

    def item_pubdate(self, event):
        return event.first_published_at

    def item_updateddate(self, event):
        return event.last_published_at


def event_uid(event):
    """The same for every download of the event and every language's copy of it, so a re-import updates it."""
    return f"{event.translation_key}@{urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname}"


def event_lines(event, request, language):
    url = event.get_full_url(request)
    description = "\n\n".join(part for part in (event.summary, url) if part)
    return ics.vevent(
        uid=event_uid(event),
        start=event.start,
        end=event.end,
        summary=event.title,
        location=event.venue,
        description=description,
        url=url,
        language=language,
    )


def calendar_response(request, events, name, language, filename):
    """An .ics file of ``events`` (text/calendar) in ``language``, offered for download as ``filename``.ics.

    An event not yet translated (an alias, annotated with its ``source_language``) is labelled with the language its
    text is really in, as the page itself does.
    """
    body = ics.calendar(
        [event_lines(event, request, getattr(event, "source_language", None) or language) for event in events],
        name=name,
        language=language,
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=f"{filename}.ics")
    return response

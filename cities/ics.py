"""A small iCalendar (RFC 5545) writer for events: one VEVENT per event, so a reader can add a meeting to a calendar.

Only what the site needs: text values escaped (section 3.3.11), times in UTC (3.3.5, form 2), content lines folded
at 75 octets without splitting a UTF-8 character (3.1), CRLF line ends. A package (``icalendar``) would do this too;
fifty lines are cheaper than a dependency.
"""

import datetime

from django.utils import timezone

PRODUCT_ID = "-//City of Sanctuary//Events//EN"
LINE_OCTETS = 75


def escape_text(value):
    """A TEXT value: backslash, semicolon and comma escaped, line breaks as ``\\n``."""
    value = str(value).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def utc(moment):
    """A DATE-TIME in UTC, e.g. ``20091118T190000Z``."""
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def fold(line):
    """``line`` as one or more physical lines of at most 75 octets, each continuation starting with a space."""
    parts, current, size, limit = [], [], 0, LINE_OCTETS
    for char in line:
        octets = len(char.encode())
        if size + octets > limit:
            parts.append("".join(current))
            current, size, limit = [], 0, LINE_OCTETS - 1  # the leading space of a continuation counts
        current.append(char)
        size += octets
    parts.append("".join(current))
    return "\r\n ".join(parts)


def vevent(uid, start, end, summary, location="", description="", url="", language="", stamp=None):
    """The lines of one VEVENT. An event with no end lasts an hour, as a calendar would assume anyway.

    ``language`` (a language tag) is given on the text values, so a calendar knows which language they are in.
    """
    lang = f";LANGUAGE={language}" if language else ""
    lines = [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{utc(stamp or timezone.now())}",
        f"DTSTART:{utc(start)}",
        f"DTEND:{utc(end or start + datetime.timedelta(hours=1))}",
        f"SUMMARY{lang}:{escape_text(summary)}",
    ]
    if location:
        lines.append(f"LOCATION{lang}:{escape_text(location)}")
    if description:
        lines.append(f"DESCRIPTION{lang}:{escape_text(description)}")
    if url:
        lines.append(f"URL:{url}")
    lines.append("END:VEVENT")
    return lines


def calendar(events, name, language):
    """A whole VCALENDAR (as bytes) holding ``events``, each a list of VEVENT lines."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODUCT_ID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME;LANGUAGE={language}:{escape_text(name)}",
        *(line for event in events for line in event),
        "END:VCALENDAR",
    ]
    return "".join(f"{fold(line)}\r\n" for line in lines).encode()

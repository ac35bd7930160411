"""Small helpers the demo modules share: find-or-create pages by slug, publish them, and write StreamField blocks.

StreamField values are written in their raw JSON form ({"type": ..., "value": ...}), which Wagtail accepts on
assignment; images and snippets are referred to by id.
"""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

LOCAL_TIME = ZoneInfo(settings.TIME_ZONE)


def child_by_slug(parent, slug):
    """The child of ``parent`` with ``slug`` (as its specific page type), or None."""
    page = parent.get_children().filter(slug=slug).first()
    return page.specific if page else None


def ensure_page(parent, model, slug, *, publish=True, tags=(), **fields):
    """The child of ``parent`` at ``slug``; created (and, unless told not to, published) when missing.

    Returns ``(page, created)``. An existing page is left exactly as it is, so running the seed again changes nothing.
    """
    existing = child_by_slug(parent, slug)
    if existing is not None:
        return existing, False
    page = model(slug=slug, live=False, **fields)
    if tags:
        page.tags.add(*tags)
    parent.add_child(instance=page)
    if publish:
        publish_page(page)
    return page, True


def publish_page(page):
    page.save_revision().publish()
    return page


def local_datetime(year, month, day, hour=0, minute=0):
    """An aware datetime in the site's time zone (Europe/London)."""
    return datetime.datetime(year, month, day, hour, minute, tzinfo=LOCAL_TIME)


def days_from_today_at(days, hour, minute=0):
    """An aware datetime ``days`` from today at ``hour:minute`` local time (for events that stay upcoming)."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return local_datetime(day.year, day.month, day.day, hour, minute)


def rich_text(*paragraphs):
    """Paragraphs as rich-text HTML; a string already starting with a tag is kept as it is."""
    return "".join(text if text.startswith("<") else f"<p>{text}</p>" for text in paragraphs)


def paragraph(*paragraphs):
    return {"type": "paragraph", "value": rich_text(*paragraphs)}


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def pull_quote(quote, attribution=""):
    return {"type": "pull_quote", "value": {"quote": quote, "attribution": attribution}}


def image_value(image, alt_text="", caption="", credit=""):
    return {"image": image.id, "alt_text": alt_text, "decorative": False, "caption": caption, "credit": credit}


def image(image, alt_text="", caption="", credit=""):
    return {"type": "image", "value": image_value(image, alt_text, caption, credit)}


def myth_fact(snippet):
    return {"type": "myth_fact", "value": {"myth_fact": snippet.id}}


def call_to_action(text, button_label, page=None, url=""):
    return {
        "type": "call_to_action",
        "value": {"text": text, "button_label": button_label, "page": page.id if page else None, "url": url},
    }


def body_blocks(spec, images):
    """StreamField blocks from data: ("heading", text), ("paragraph", text, ...), ("image", image key),
    ("pull_quote", quote, attribution)."""
    blocks = []
    for kind, *values in spec:
        if kind == "heading":
            blocks.append(heading(*values))
        elif kind == "paragraph":
            blocks.append(paragraph(*values))
        elif kind == "image":
            picture = images[values[0]]
            blocks.append(image(picture, picture.description))
        elif kind == "pull_quote":
            blocks.append(pull_quote(*values))
        else:
            raise ValueError(f"Unknown block kind in demo data: {kind}")
    return blocks

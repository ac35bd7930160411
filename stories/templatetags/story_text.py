"""What the story page shows of a story's summary."""

import html
import re

from django import template

register = template.Library()

TAG = re.compile(r"<[^>]*>")


def plain(text):
    """``text`` (rich text or plain) as words separated by single spaces, tags and entities resolved."""
    return " ".join(html.unescape(TAG.sub(" ", text)).split())


@register.filter
def summary_repeats_text(story):
    """True when the summary is only the opening of the story's own text, as when it was filled from the text.

    The summary serves cards, feeds and search results; on the story page itself such a summary would show the
    opening words twice, so the page leaves it out. A summary written as a summary is shown as the lead.
    """
    summary = plain(story.summary).rstrip("…").strip()
    if not summary:
        return True
    paragraphs = [block.value.source for block in story.body if block.block_type == "paragraph"]
    return plain(" ".join(paragraphs)).startswith(summary)

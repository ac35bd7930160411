"""The source text of a page, segment by segment, as wagtail-localize cuts it; and a translator's text made safe.

Segments are read from the live source page in memory (``extract_segments``): showing the public form writes
nothing. Each has a short stable key (its content path and text) that names its field in the form and its draft.

A translation may carry only the inline tags of its own source segment (wagtail-localize writes a link as
``<a id="a1">``, bold as ``<b>``); anything else that looks like markup is refused, so nothing a stranger types can
reach a page as HTML. Plain-text segments accept no tags at all.
"""

import hashlib
from dataclasses import dataclass
from functools import cached_property

from bs4 import BeautifulSoup, NavigableString
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail_localize.models import String, StringTranslation
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.segments.types import StringSegmentValue
from wagtail_localize.strings import StringValue, validate_translation_links

# A translation may be this many times as long as its source, plus a margin: scripts differ in length, spam does more.
LENGTH_FACTOR = 4
LENGTH_MARGIN = 200


def tag_signature(tag):
    return tag.name, tuple(sorted((name, str(value)) for name, value in tag.attrs.items()))


@dataclass(frozen=True)
class Segment:
    path: str
    data: str  # wagtail-localize's source string: HTML, with attributes replaced by ids

    @cached_property
    def key(self):
        return hashlib.sha256(f"{self.path}\x00{self.data}".encode()).hexdigest()[:16]

    @property
    def field_name(self):
        return f"s_{self.key}"

    @cached_property
    def text(self):
        """The source as a reader sees it, without tags."""
        return StringValue(self.data).render_text()

    @cached_property
    def allowed_tags(self):
        return {tag_signature(tag) for tag in BeautifulSoup(self.data, "html.parser").find_all(True)}

    @property
    def formatting(self):
        """The source's own inline tags, as the translator may repeat them ("<b>", "<a id="a1">"), newlines aside."""
        tags = sorted(
            {str(tag).split(">", 1)[0] + ">" for tag in BeautifulSoup(self.data, "html.parser").find_all(True)}
        )
        return [tag for tag in tags if not tag.startswith("<br")]

    @property
    def max_length(self):
        return len(self.text) * LENGTH_FACTOR + LENGTH_MARGIN

    @property
    def is_long(self):
        return len(self.text) > 80


def source_segments(page):
    """The text segments of ``page`` (its live version), in page order, each once."""
    seen, segments = set(), []
    for value in extract_segments(page.specific):
        if isinstance(value, StringSegmentValue) and value.string.data.strip():
            segment = Segment(value.path, value.string.data)
            if segment.key not in seen:
                seen.add(segment.key)
                segments.append(segment)
    return segments


def translated_keys(page, locale, segments):
    """Keys of the segments that already have a translation into ``locale`` (approved or not)."""
    hashes = {String._get_data_hash(segment.data) for segment in segments}
    rows = StringTranslation.objects.filter(
        locale=locale,
        translation_of__locale_id=page.locale_id,
        translation_of__data_hash__in=hashes,
        context__object_id=page.translation_key,
    ).values_list("context__path", "translation_of__data")
    return {Segment(path, data).key for path, data in rows}


def clean_translation(segment, text):
    """The translator's ``text`` for ``segment`` as wagtail-localize stores a translation; ValidationError if refused.

    Returns "" for an empty text (partial translations are welcome).
    """
    text = text.replace("\r\n", "\n").strip()
    if not text:
        return ""
    if len(text) > segment.max_length:
        raise ValidationError(
            _("This is longer than %(limit)s characters (it has %(count)s).")
            % {"limit": segment.max_length, "count": len(text)}
        )
    allowed = segment.allowed_tags
    keeps_lines = any(name == "br" for name, _attrs in allowed)
    text = text.replace("\n", "<br/>") if keeps_lines else " ".join(text.split())
    soup = BeautifulSoup(text, "html.parser")
    foreign = [tag for tag in soup.find_all(True) if tag_signature(tag) not in allowed]
    oddities = [
        node for node in soup.descendants if isinstance(node, NavigableString) and type(node) is not NavigableString
    ]
    if foreign or oddities:
        raise ValidationError(
            _("Remove the HTML code from this text. Only the formatting of the original may be kept.")
        )
    data = str(soup)
    try:
        StringValue.from_translated_html(data)
        validate_translation_links(segment.data, data)
    except ValueError as error:
        raise ValidationError(
            _("Remove the HTML code from this text. Only the formatting of the original may be kept.")
        ) from error
    return data

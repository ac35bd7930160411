"""Responsive images: each place the site shows a photo is a slot with its renditions and its width in the layout.

A photo is served as ``<picture>``: WebP renditions for the browsers that take them (all current ones), JPEG as the
fallback, each in a few widths so a phone downloads a small file and a wide screen a sharp one. The ``sizes`` of a
slot say how wide it is drawn (site/static/css/site.css: ``.wrap`` is 72rem with 1rem padding, ``.prose`` 44rem,
``.cards`` columns of 16rem or more), so the browser picks the width before the CSS has loaded. The largest JPEG is
the ``<img>``'s own ``src``, ``width`` and ``height``: the space is reserved before the image arrives (no layout shift)
and the CSS scales it down (``img { max-width: 100%; height: auto }``).

Listings prefetch a slot's renditions (``Slot.specs``) so that cards cost no query each (home/models/base.py).
"""

import functools
from dataclasses import dataclass
from html import escape

from django.apps import apps
from django.utils.safestring import mark_safe
from wagtail.images.models import Filter, Picture
from wagtail.images.shortcuts import get_renditions_or_not_found

FORMATS = ("webp", "jpeg")  # the last is the fallback; Wagtail orders the <source>s AVIF, WebP, JPEG


@dataclass(frozen=True)
class Slot:
    sizes: str
    resizes: tuple[str, ...]  # largest first: the first is the fallback <img>'s src, width and height

    @property
    def specs(self):
        """Every rendition's filter spec, e.g. ``width-800|format-webp``."""
        return [f"{resize}|format-{fmt}" for fmt in FORMATS for resize in self.resizes]

    @functools.cached_property
    def filters(self):
        """The specs as Wagtail's filters, made once: a filter parses its spec (with ``inspect``) the first time it is
        asked for its operations, and Wagtail makes a new one from a string for every picture (14% of a listing of
        twelve cards)."""
        return tuple(Filter(spec) for spec in self.specs)


SLOTS = {
    # The full width of the page (.wrap): an exhibition's opening image, an exhibit's images, a standard page's.
    "wide": Slot("(min-width: 72rem) 70rem, calc(100vw - 2rem)", ("width-1200", "width-800", "width-400")),
    # The reading column (.prose): a story's photo.
    "column": Slot("(min-width: 46rem) 44rem, calc(100vw - 2rem)", ("width-1200", "width-800", "width-400")),
    # A card in a grid of cards (.cards): one column on a phone, 16rem or more on a wider screen.
    "card": Slot("(min-width: 36rem) 24rem, calc(100vw - 2rem)", ("fill-800x500", "fill-400x250")),
    # A gallery's grid (.gallery__grid): one column on a phone, 14rem or more on a wider screen.
    "gallery": Slot("(min-width: 36rem) 22rem, calc(100vw - 2rem)", ("width-800", "width-400")),
}


def picture(image, slot, alt, *, first=False, css_class=""):
    """The ``<picture>`` for ``image`` in ``slot``.

    ``first``: the image a reader sees first on the page (and the largest, above the fold), fetched at once and
    before the others; every other image is fetched only when the reader scrolls near it.
    """
    slot = SLOTS[slot]
    attrs = {"alt": alt, "sizes": slot.sizes, "decoding": "async"}
    if first:
        attrs["fetchpriority"] = "high"
    else:
        attrs["loading"] = "lazy"
    if css_class:
        attrs["class"] = css_class
    return QuickPicture(get_renditions_or_not_found(image, slot.filters), attrs)


class QuickPicture(Picture):
    """Wagtail's ``Picture``, written out in a fifth of the time: the same HTML, byte for byte, for every picture with
    more than one format (every slot's), each rendition's URL asked for once, and each attribute escaped once with
    ``html.escape`` instead of through ``format_html``. A listing's twelve cards spent 2 ms on their pictures' HTML.

    tests/test_pictures.py compares the two on every slot.
    """

    def __html__(self):
        if not self.formats:
            return super().__html__()
        attrs = {**(self.attrs or {})}
        fallback_format = self.get_fallback_format()
        urls = {id(rendition): rendition.url for rendition in self.renditions}

        def srcset(renditions):
            if len(renditions) == 1:
                return urls[id(renditions[0])]
            return ", ".join(f"{urls[id(rendition)]} {rendition.width}w" for rendition in renditions)

        sources = [
            f"<source{attributes({'srcset': srcset(self.formats[fmt]), 'sizes': attrs.get('sizes'), 'type': mime})}>"
            for fmt, mime in self.source_format_order
            if fmt != fallback_format and fmt in self.formats
        ]
        fallbacks = self.formats[fallback_format]
        if len(fallbacks) > 1:
            attrs["srcset"] = srcset(fallbacks)
        first = fallbacks[0]
        img = {"src": urls[id(first)], "width": first.width, "height": first.height}
        if "alt" not in attrs:
            img["alt"] = first.alt
        img.update(apps.get_app_config("wagtailimages").default_attrs)
        img.update(attrs)
        return mark_safe(f"<picture>{''.join(sources)}<img{attributes(img)}></picture>")  # noqa: S308 - escaped

    def __str__(self):
        return self.__html__()


def attributes(attrs):
    """``django.forms.utils.flatatt``: `` name="value"`` for each attribute (a boolean's name alone when true, none
    when false or None), each part sorted by name, values escaped unless already safe."""
    pairs = sorted((name, value) for name, value in attrs.items() if value is not None and not isinstance(value, bool))
    flags = sorted(name for name, value in attrs.items() if value is True)
    written = "".join(f' {name}="{value_html(value)}"' for name, value in pairs)
    return written + "".join(f" {name}" for name in flags)


def value_html(value):
    return value.__html__() if hasattr(value, "__html__") else escape(str(value))

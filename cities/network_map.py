"""The network map on the city index: each hub a dot on an outline of Great Britain (cities/map_outline.py).

Every number here goes into SVG markup, so each is formatted in Python (``str``/``%``-formatting, which never follows
the reader's locale) and reaches the template as a string: in Ukrainian or Arabic, Django's localized formatting would
print ``cx="53,01"`` or Arabic-Indic digits, and the browser would drop the dot.
"""

import math
import unicodedata
from dataclasses import dataclass

from cities import map_outline

_X_SCALE = math.cos(math.radians(map_outline.LATITUDE_OF_TRUE_SCALE)) * map_outline.UNITS_PER_DEGREE
DOT_RADIUS = 5


def project(latitude, longitude):
    """Map units (x east, y south) of a place, in the projection the outline was drawn in."""
    x = (float(longitude) - map_outline.WEST) * _X_SCALE
    y = (map_outline.NORTH - float(latitude)) * map_outline.UNITS_PER_DEGREE
    return x, y


def on_map(x, y):
    """Whether a projected point falls inside the map's frame (a dot outside it would be cut off)."""
    return 0 <= x <= map_outline.WIDTH and 0 <= y <= map_outline.HEIGHT


@dataclass(frozen=True)
class Dot:
    hub: object
    cx: str
    cy: str


@dataclass(frozen=True)
class NetworkMap:
    dots: list
    width: str = str(map_outline.WIDTH)
    height: str = str(map_outline.HEIGHT)
    radius: str = str(DOT_RADIUS)
    united_kingdom: str = map_outline.UNITED_KINGDOM
    ireland: str = map_outline.IRELAND

    @property
    def view_box(self):
        return f"0 0 {self.width} {self.height}"


def network_map(hubs):
    """The map of ``hubs``: a dot for each hub whose coordinates fall inside the frame (the list shows them all)."""
    dots = []
    for hub in hubs:
        x, y = project(hub.latitude, hub.longitude)
        if on_map(x, y):
            dots.append(Dot(hub=hub, cx=f"{x:.1f}", cy=f"{y:.1f}"))
    return NetworkMap(dots=dots)


# Alphabets whose order differs from Unicode's code point order (Python has no collation without ICU, not installed).
ALPHABETS = {
    "uk": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
    "fa": "آابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی",
}
SAME_LETTER = str.maketrans({"ك": "ک", "ي": "ی", "ى": "ی"})  # Arabic kaf and yeh are the Persian letters


def alphabetical(pages, language_code):
    """``pages`` sorted by title as a reader of ``language_code`` scans a list for their town.

    Case and accents are ignored ("Ystrad" after "Wrexham"); Ukrainian and Persian letters follow their alphabets
    (ґ after г, є after е, і and ї after и; پ after ب, گ after ک); other scripts follow code point order, which is
    alphabetical within the Latin, Arabic, Ethiopic and Cyrillic blocks.
    """
    alphabet = ALPHABETS.get(language_code, "")
    rank = {letter: chr(0xE000 + n) for n, letter in enumerate(alphabet)}  # private-use points keep the order

    def key(page):
        title = unicodedata.normalize("NFC", page.title.casefold().translate(SAME_LETTER))
        return "".join(rank.get(char) or without_accents(char) for char in title), page.title

    return sorted(pages, key=key)


def without_accents(text):
    return "".join(char for char in unicodedata.normalize("NFKD", text) if not unicodedata.combining(char))

"""The network index: every group on a map of Great Britain and in one list, in every language."""

import re

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.utils import translation

from cities import map_outline
from cities.models import CityStatus
from cities.network_map import alphabetical, network_map, project
from home import bootstrap
from tests import builders
from tests.conftest import build_home, build_network, built_for_module, fresh_pages

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
# Sheffield and Swansea are in the test network already.
TOWNS = {
    "Glasgow": ("55.86000", "-4.25000"),
    "Bristol": ("51.45000", "-2.59000"),
    "Leicester": ("52.64000", "-1.13000"),
    "Bradford": ("53.79000", "-1.75000"),
}
NUMBER = r"-?\d+(\.\d+)?"


def outline_points(path):
    """The absolute points of an SVG path made of "M x y", relative "l dx dy ..." runs and "z" (map_outline's form)."""
    points = []
    for ring in re.findall(r"M([^M]+)", path):
        start, _, rest = ring.partition("l")
        x, y = (int(n) for n in start.split())
        points.append((x, y))
        numbers = [int(n) for n in re.findall(r"-?\d+", rest)]
        for dx, dy in zip(numbers[::2], numbers[1::2], strict=True):
            x, y = x + dx, y + dy
            points.append((x, y))
    return points


def build_towns():
    """The network with 15 groups (more than one page of a listing), mirrored into every language's tree."""
    network = build_network(build_home())
    hubs = [network["sheffield"], network["swansea"]]
    hubs += [builders.city(network["cities"], name, latitude=lat, longitude=lon) for name, (lat, lon) in TOWNS.items()]
    hubs += [builders.city(network["cities"], f"Town {n:02d}", latitude="52.5", longitude="-1.9") for n in range(9)]
    bootstrap.sync_locale_trees(bootstrap.ensure_locales())
    return {"cities": network["cities"], "hubs": hubs}


@pytest.fixture(scope="module")
def module_towns(request, django_db_setup, django_db_blocker):
    """Built once for the module (mirroring 15 groups into 7 languages is slow), each test in its own savepoint."""
    yield from built_for_module(request, django_db_blocker, build_towns, "network")


@pytest.fixture
def towns(module_towns, db):
    return build_towns() if module_towns is None else fresh_pages(module_towns)


def svg_of(client, language):
    response = client.get(f"/{language}/cities/")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_number_in_the_map_is_a_plain_number_in_every_language(client, towns, language):
    soup = svg_of(client, language)
    svg = soup.select_one(".network-map > svg")
    assert re.fullmatch(rf"0 0 {NUMBER} {NUMBER}", svg["viewbox"]), svg["viewbox"]
    for element in svg.find_all(["svg", "rect", "circle"]):
        for attribute in ("cx", "cy", "r", "width", "height"):
            if attribute in element.attrs:
                assert re.fullmatch(NUMBER, element[attribute]), f"{language}: {attribute}={element[attribute]!r}"
    for path in svg.find_all("path"):
        assert re.fullmatch(r"(M-?\d+ -?\d+l[-\d ]+z)+", path["d"]), f"{language}: a path is not plain numbers"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_group_has_a_dot_linking_to_it_and_a_place_in_the_list(client, towns, language):
    soup = svg_of(client, language)
    links = soup.select(".network-map__link")
    listed = soup.select(".hub-list a")
    assert len(links) == len(listed) == len(towns["hubs"]) == 15
    assert {a["href"] for a in links} == {a["href"] for a in listed}
    assert all(a["href"].startswith(f"/{language}/cities/") for a in links)
    assert {a.title.string for a in links} == {hub.title for hub in towns["hubs"]}
    assert not soup.select(".pagination"), "a list of towns is not paged"


def test_dots_sit_on_their_towns_inside_the_outline(client, towns):
    soup = svg_of(client, "en")
    points = outline_points(soup.select_one(".network-map__land")["d"])
    west, east = min(x for x, _ in points), max(x for x, _ in points)
    north, south = min(y for _, y in points), max(y for _, y in points)
    dots = {a.title.string: a.circle for a in soup.select(".network-map__link")}
    for dot in dots.values():
        assert west < float(dot["cx"]) < east and north < float(dot["cy"]) < south
    x = {name: float(dots[name]["cx"]) for name in ("Swansea", "Bristol", "Leicester", "Glasgow")}
    y = {name: float(dots[name]["cy"]) for name in ("Glasgow", "Bradford", "Sheffield", "Leicester", "Bristol")}
    assert x["Swansea"] < x["Bristol"] < x["Leicester"] and x["Glasgow"] < x["Bristol"]  # west to east
    assert y["Glasgow"] < y["Bradford"] < y["Sheffield"] < y["Leicester"] < y["Bristol"]  # north to south


def test_a_dot_is_drawn_where_the_coastline_says_the_town_is():
    """Land's End and John o' Groats fall on the outline's westernmost and northernmost tips of the mainland."""
    points = outline_points(map_outline.UNITED_KINGDOM)
    for latitude, longitude in ((50.066, -5.714), (58.644, -3.070)):
        x, y = project(latitude, longitude)
        nearest = min(((px - x) ** 2 + (py - y) ** 2) ** 0.5 for px, py in points)
        assert nearest < 4, f"({latitude}, {longitude}) is {nearest:.1f} map units from the coast"


def test_a_group_outside_the_frame_stays_in_the_list_but_gets_no_dot(client, towns):
    builders.city(towns["cities"], "Reykjavik", latitude="64.14", longitude="-21.94")
    soup = svg_of(client, "en")
    assert "Reykjavik" in [a.string for a in soup.select(".hub-list a")]
    assert "Reykjavik" not in [a.title.string for a in soup.select(".network-map__link")]


def test_recognised_groups_are_told_apart_on_the_map_and_in_its_legend(client, towns):
    soup = svg_of(client, "en")
    sheffield = next(a for a in soup.select(".network-map__link") if a.title.string == "Sheffield")
    assert "network-map__dot--recognised" in sheffield.circle["class"]
    legend = soup.select_one(".network-map__legend").get_text(" ", strip=True)
    with translation.override("en"):
        assert all(str(label) in legend for label in CityStatus.labels)


def test_the_list_is_alphabetical_ignoring_case_and_accents(client, towns):
    for name in ("bristol", "Ystrad Mynach", "Ébbw Vale", "Aberdare"):
        builders.city(towns["cities"], name)
    soup = svg_of(client, "en")
    names = [a.string for a in soup.select(".hub-list a")]
    assert names[:4] == ["Aberdare", "Bradford", "Bristol", "bristol"]
    assert names[4:6] == ["Ébbw Vale", "Glasgow"] and names[-1] == "Ystrad Mynach"


class Titled:
    def __init__(self, title):
        self.title = title


@pytest.mark.parametrize(
    ("language", "titles"),
    [
        ("uk", ["Гора", "Ґрунт", "Евер", "Єва", "Іван", "Їжак", "Йорк", "Київ"]),
        ("fa", ["آبادان", "اکسفورد", "بریستول", "پیتر", "تبریز", "كرمان", "گلاسگو", "يزد"]),
    ],
)
def test_letters_outside_code_point_order_follow_their_alphabet(language, titles):
    shuffled = [Titled(title) for title in reversed(titles)]
    assert [page.title for page in alphabetical(shuffled, language)] == titles


def test_the_map_of_no_groups_is_the_outline_alone():
    drawn = network_map([])
    assert drawn.dots == [] and drawn.view_box == f"0 0 {map_outline.WIDTH} {map_outline.HEIGHT}"

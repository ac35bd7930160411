"""The network map as Chromium draws it, in every language: the outline, a dot on every town, reachable by keyboard.

Screenshots at 390 and 1280 px in English and Arabic go to artifacts/screenshots/ (git-ignored) for a person to look at.
"""

from pathlib import Path

import pytest
from django.conf import settings

from home import bootstrap
from tests import builders
from tests.conftest import fresh_pages

SCREENSHOTS = Path(__file__).resolve().parents[3] / "artifacts" / "screenshots"
LANGUAGES = [code for code, _name in settings.LANGUAGES]
TOWNS = {  # Sheffield and Swansea are in the test network already
    "Glasgow": ("55.86", "-4.25"),
    "Bristol": ("51.45", "-2.59"),
    "Leicester": ("52.64", "-1.13"),
    "Bradford": ("53.79", "-1.75"),
}
HUBS = sorted(["Sheffield", "Swansea", *TOWNS])
FOCUS = "rgb(255, 191, 71)"  # --focus in site/static/css/site.css

DRAWN = """() => {
  const box = (el) => { const r = el.getBoundingClientRect(); return {x: r.x, y: r.y, w: r.width, h: r.height}; };
  return {
    land: box(document.querySelector('.network-map__land')),
    dots: [...document.querySelectorAll('.network-map__link')].map(
      (a) => ({name: a.querySelector('title').textContent, box: box(a.querySelector('circle'))})),
  };
}"""
FOCUSED_DOT = """() => {
  const a = document.activeElement.closest('.network-map__link');
  if (!a) return null;
  const fill = getComputedStyle(a.querySelector('circle')).fill;
  return {name: a.querySelector('title').textContent, fill: fill, href: a.getAttribute('href')};
}"""


@pytest.fixture(scope="module")
def six_towns(module_live_network, django_db_blocker):
    """Six city hubs in the module's network, mirrored into every language's tree (as aliases)."""
    with django_db_blocker.unblock():
        cities = fresh_pages(module_live_network)["cities"]
        for name, (latitude, longitude) in TOWNS.items():
            builders.city(cities, name, latitude=latitude, longitude=longitude)
        bootstrap.sync_locale_trees(bootstrap.ensure_locales())


def watch_errors(page):
    """Console errors and uncaught exceptions (not the favicon's 404: issue 12 gives the site one elsewhere)."""
    errors = []

    def console(message):
        if message.type == "error" and not message.location.get("url", "").endswith("/favicon.ico"):
            errors.append(f"{message.text} {message.location.get('url', '')}")

    page.on("console", console)
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def inside(dot, land):
    centre_x, centre_y = dot["x"] + dot["w"] / 2, dot["y"] + dot["h"] / 2
    return land["x"] < centre_x < land["x"] + land["w"] and land["y"] < centre_y < land["y"] + land["h"]


@pytest.mark.browser
def test_the_outline_and_every_town_are_drawn_in_every_language(page, live_server, six_towns):
    errors = watch_errors(page)
    for language in LANGUAGES:
        page.goto(f"{live_server.url}/{language}/cities/")
        drawn = page.evaluate(DRAWN)
        land = drawn["land"]
        assert land["w"] > 200 and land["h"] > 300, f"{language}: the outline is not drawn ({land})"
        assert sorted(dot["name"] for dot in drawn["dots"]) == HUBS, language
        for dot in drawn["dots"]:
            assert dot["box"]["w"] > 0 and dot["box"]["h"] > 0, f"{language}: {dot['name']} has no dot"
            assert inside(dot["box"], land), f"{language}: {dot['name']} is off the outline"
        assert sorted(page.locator(".hub-list a").all_inner_texts()) == HUBS, language
        assert not errors, f"{language}: {errors}"


@pytest.mark.browser
@pytest.mark.parametrize("language", ["en", "ar"])
def test_tab_reaches_each_dot_and_shows_where_focus_is(page, live_server, six_towns, language):
    page.goto(f"{live_server.url}/{language}/cities/")
    reached = []
    for _ in range(60):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED_DOT)
        if focused:
            reached.append(focused["name"])
            assert focused["fill"] == FOCUS, f"{focused['name']}: no visible focus"
            assert focused["href"].startswith(f"/{language}/cities/")
        elif reached:
            break  # past the map
    assert sorted(reached) == HUBS
    page.keyboard.press("Shift+Tab")  # back on the last dot: Enter follows its link
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{language}/cities/*/")
    assert page.locator("h1").inner_text() in HUBS


@pytest.mark.browser
@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("width", [390, 1280])
def test_screenshots_of_the_map(browser, live_server, six_towns, language, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    errors = watch_errors(page)
    page.goto(f"{live_server.url}/{language}/cities/")
    page.locator(".network-map__link").first.focus()  # the focus style in the picture
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"network-map-{language}-{width}.png", full_page=True)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    context.close()
    assert overflow <= 0, f"the page scrolls sideways by {overflow} px at {width} px"
    assert not errors, errors

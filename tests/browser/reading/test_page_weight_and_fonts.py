"""What a reader downloads: every page type within its budget in English, Arabic and Tigrinya, and the site's own
fonts drawing Arabic and Ethiopic script where the device has none.

Sizes are the bytes of each response body as the server sends them, uncompressed (the live server does not compress;
in production WhiteNoise serves the CSS compressed, so a reader downloads less than measured here).
"""

import io
import subprocess
from pathlib import Path

import pytest
import wagtail
from django.core.files.images import ImageFile
from PIL import Image
from wagtail.images import get_image_model

from stories.models import StoryPage
from tests.browser.pages import IN_EVERY_LANGUAGE

TEXT_AND_FONTS = {"document", "stylesheet", "script", "font"}
PAGE_BUDGET = 60 * 1024  # HTML, CSS, JS and fonts of one page
PHONE_STORY_BUDGET = 120 * 1024  # everything a story page with its photo downloads on a phone
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
ETHIOPIC_FONT = "noto-sans-ethiopic-400.woff2"
ARABIC_FONT = "noto-sans-arabic-400.woff2"
NAMES_FONT = "language-names-ethiopic.woff2"

# The fonts the browser drew a node's text with (Chromium's own answer, through the DevTools protocol).
PLATFORM_FONTS = "CSS.getPlatformFontsForNode"


# What the page downloaded, from the browser's Resource Timing entries: (kind, url, body bytes as sent). Reading them
# once the page and its fonts have loaded is exact and needs no wait for the network to go quiet.
RECEIVED = """() => {
    const kinds = {css: "stylesheet", js: "script", woff2: "font", woff: "font"};
    const kind = (entry) => entry.initiatorType === "img" ? "image"
        : kinds[new URL(entry.name).pathname.split(".").pop()] || entry.initiatorType;
    return [
        ...performance.getEntriesByType("navigation").map((entry) => ["document", entry.name, entry.encodedBodySize]),
        ...performance.getEntriesByType("resource").map((entry) => [kind(entry), entry.name, entry.encodedBodySize]),
    ];
}"""


def load(page, url):
    """Open ``url`` and wait for its fonts; return the response and what it received, as (kind, url, bytes)."""
    response = page.goto(url, wait_until="load")
    page.evaluate("document.fonts.ready.then(() => document.fonts.size)")
    return response, [tuple(entry) for entry in page.evaluate(RECEIVED)]


def load_cold(browser, url, **options):
    """``load`` in a new browser context: nothing cached, as a first visit."""
    context = browser.new_context(**options)
    try:
        return load(context.new_page(), url)
    finally:
        context.close()


def weight(received, kinds):
    return sum(size for kind, _, size in received if kind in kinds)


def describe(received):
    return ", ".join(f"{url.rsplit('/', 2)[-2:]} {kind} {size} B" for kind, url, size in received)


def fonts_downloaded(received):
    return {url.rsplit("/", 1)[-1] for kind, url, _ in received if kind == "font"}


@pytest.mark.browser
@pytest.mark.parametrize("language", ["en", "ar", "ti"])
def test_every_page_type_is_within_60_kb_of_html_css_js_and_fonts(language, browser, url_for):
    over = []
    for name in IN_EVERY_LANGUAGE:
        response, received = load_cold(browser, url_for(name, language))
        assert response.status == (404 if name == "404" else 200), response.url
        assert f"/{language}/" in response.url
        total = weight(received, TEXT_AND_FONTS)
        if total > PAGE_BUDGET:
            over.append(f"{name} ({response.url}): {total} B: {describe(received)}")
    assert not over, "over 60 KB of HTML, CSS, JS and fonts:\n" + "\n".join(over)


@pytest.fixture
def photo_story(browser_network):
    """The first story with a detailed photograph of 1600 × 1200 as an editor would upload it (Wagtail's own test
    photo, enlarged), on the live site."""
    source = Path(wagtail.__file__).parent / "images/tests/image_files/landscape_1.jpg"
    buffer = io.BytesIO()
    Image.open(source).convert("RGB").resize((1600, 1200), Image.Resampling.LANCZOS).save(buffer, "JPEG", quality=90)
    photo = get_image_model().objects.create(
        title="Photograph", description="A landscape", file=ImageFile(buffer, name="photograph.jpg")
    )
    story = browser_network["stories"][0]
    StoryPage.objects.filter(pk=story.pk).update(image=photo)
    yield story
    StoryPage.objects.filter(pk=story.pk).update(image=None)  # the module's other tests share the network
    photo.delete()


@pytest.mark.browser
def test_a_story_with_its_photo_is_within_120_kb_on_a_390_px_phone(browser, photo_story, live_server):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    try:
        response, received = load(page, live_server.url + photo_story.url)
        assert response.status == 200
        photo = page.locator(".story figure img")
        assert photo.evaluate("img => img.complete && img.naturalWidth > 0"), "the photo did not load"
        chosen = photo.evaluate("img => img.currentSrc")
        images = [(url, size) for kind, url, size in received if kind == "image"]
        total = sum(size for _, _, size in received)
    finally:
        context.close()
    assert chosen.endswith(".webp"), f"the phone got {chosen}, not a WebP rendition"
    assert ".width-800." in chosen, f"a 390-px phone (716 device pixels of photo) should get the 800-px one: {chosen}"
    assert len(images) == 1, f"downloaded more than the story's photo: {images}"
    assert total <= PHONE_STORY_BUDGET, f"{total} B: {describe(received)}"


@pytest.mark.browser
def test_the_photo_has_its_space_before_it_arrives_and_only_the_first_is_eager(page, photo_story, live_server):
    page.goto(live_server.url + photo_story.url)
    photo = page.locator(".story figure picture img")
    assert photo.get_attribute("width") == "1200" and photo.get_attribute("height") == "900"
    assert photo.get_attribute("fetchpriority") == "high" and photo.get_attribute("loading") is None
    sources = page.locator(".story figure picture source")
    assert sources.count() == 1 and sources.get_attribute("type") == "image/webp"
    assert photo.evaluate("img => getComputedStyle(img).aspectRatio") == "auto 1200 / 900"


@pytest.fixture(scope="module")
def no_ethiopic_system_font():
    """The test proves the site's font works only where the machine has no Ethiopic font of its own."""
    listing = subprocess.run(["fc-list", ":lang=ti", "family"], capture_output=True, text=True, check=False).stdout
    assert not listing.strip(), f"this machine has Ethiopic fonts of its own: {listing}"


def platform_fonts(page, selector):
    """{family: glyphs} of the fonts Chromium drew the text of the first ``selector`` with, and whether web fonts."""
    session = page.context.new_cdp_session(page)
    session.send("DOM.enable")
    session.send("CSS.enable")
    root = session.send("DOM.getDocument")["root"]["nodeId"]
    node = session.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    assert node, f"nothing matches {selector}"
    fonts = session.send(PLATFORM_FONTS, {"nodeId": node})["fonts"]
    session.detach()
    return {font["familyName"]: (font["glyphCount"], font["isCustomFont"]) for font in fonts}


@pytest.mark.browser
def test_tigrinya_is_drawn_with_the_sites_ethiopic_font(no_ethiopic_system_font, page, url_for):
    response, received = load(page, url_for("home", "ti"))
    assert response.status == 200
    footer = page.locator(".site-footer p").first.inner_text()
    assert any("\u1200" <= letter <= "\u137f" for letter in footer), f"the footer is not in Tigrinya: {footer}"

    assert ETHIOPIC_FONT in fonts_downloaded(received)
    assert page.evaluate("document.fonts.check('16px \"Noto Sans Ethiopic\"', 'ሰላም')")
    fonts = platform_fonts(page, ".site-footer p")
    assert fonts.get("Noto Sans Ethiopic", (0, False))[1], f"the footer's Tigrinya was drawn with {fonts}"
    ethiopic_letters = sum(1 for letter in footer if "\u1200" <= letter <= "\u137f")
    assert fonts["Noto Sans Ethiopic"][0] >= ethiopic_letters, f"{ethiopic_letters} Ethiopic letters, drawn: {fonts}"


@pytest.mark.browser
def test_an_arabic_page_is_drawn_with_the_sites_arabic_font_and_downloads_no_ethiopic(page, url_for):
    response, received = load(page, url_for("home", "ar"))
    assert response.status == 200
    downloaded = fonts_downloaded(received)
    assert ARABIC_FONT in downloaded and ETHIOPIC_FONT not in downloaded, downloaded
    fonts = platform_fonts(page, ".site-footer p")
    assert fonts.get("Noto Sans Arabic", (0, False))[1], f"the footer's Arabic was drawn with {fonts}"


@pytest.mark.browser
def test_an_english_page_downloads_only_the_letters_of_the_tigrinya_language_name(page, url_for):
    response, received = load(page, url_for("home"))
    assert response.status == 200
    assert fonts_downloaded(received) == {NAMES_FONT}
    fonts = platform_fonts(page, '.language-switcher [lang="ti"]')
    assert fonts.get("Noto Sans Ethiopic", (0, False)) == (4, True), f"ትግርኛ in the switcher was drawn with {fonts}"

"""Full-page screenshots of the main page types, desktop and phone, for a person to look at.

They are saved to artifacts/screenshots/ (git-ignored). The test also checks what a screenshot cannot show on its
own: the stylesheet loaded, and no request or script on the page failed.
"""

from pathlib import Path

import pytest

SCREENSHOTS = Path(__file__).resolve().parents[3] / "artifacts" / "screenshots"
BRAND = "rgb(11, 79, 108)"  # --brand in site/static/css/site.css: the header's background once the CSS has loaded


def capture(page, url, path):
    failures = []

    def record(response):
        if response.status >= 400:
            failures.append(f"{response.status} {response.url}")

    page.on("response", record)
    page.on("pageerror", lambda error: failures.append(str(error)))
    page.goto(url, wait_until="load")
    assert page.evaluate("getComputedStyle(document.querySelector('.site-header')).backgroundColor") == BRAND
    page.screenshot(path=path, full_page=True)
    assert path.stat().st_size > 10_000, f"{path} is suspiciously small"
    assert not failures, failures


@pytest.mark.browser
@pytest.mark.parametrize("name", ["home", "city hub", "story", "exhibition", "arabic home"])
def test_screenshots(name, page, mobile_page, url_for):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    url = url_for(name)
    slug = name.replace(" ", "-")
    capture(page, url, SCREENSHOTS / f"{slug}-desktop.png")
    capture(mobile_page, url, SCREENSHOTS / f"{slug}-mobile.png")


@pytest.mark.browser
@pytest.mark.parametrize("language", ["ti", "ar"])
@pytest.mark.parametrize("name", ["story", "exhibition"])
def test_screenshots_on_a_390_px_phone_in_tigrinya_and_arabic(name, language, browser, url_for):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True)
    try:
        page = context.new_page()
        url = url_for(name, language)
        page.goto(url, wait_until="load")
        page.evaluate("document.fonts.ready.then(() => true)")
        capture(page, url, SCREENSHOTS / f"{name}-{language}-390.png")
    finally:
        context.close()

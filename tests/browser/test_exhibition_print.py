"""An exhibition printed from Chromium to A4 PDF: one panel (page) for the opening and one per exhibit.

The pages are also saved as pictures in artifacts/exhibition-print/ (git-ignored), for a person to look at: the
print stylesheet applied (``emulate_media(media="print")``) at the width of an A4 page.
"""

import re
from pathlib import Path

import pytest

from tests import builders

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "exhibition-print"
A4_WIDTH_PX = 794  # 210 mm at 96 px per inch


def pdf_page_count(pdf):
    """Page objects in the PDF (``/Type /Page``, not the ``/Type /Pages`` tree nodes)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


@pytest.fixture
def exhibition_of_four(browser_network):
    photo = builders.image("Harbour", size=(1200, 800), credit="Photo: Amal")
    exhibition = builders.exhibition(
        browser_network["swansea"], "Journeys to Swansea", hero_image=photo, summary="Four people, four journeys."
    )
    for n in range(1, 5):  # two with a large image, two of words alone: short enough to share a page if let
        images = [{"type": "image", "value": {"image": photo.pk, "alt_text": f"The harbour, {n}"}}] if n % 2 else []
        builders.exhibit(
            exhibition,
            f"Journey {n}",
            caption=f"How person {n} came to Swansea",
            credit=f"Maker {n}",
            writing="<p>" + "Words about the journey, the welcome and the first winter. " * 3 + "</p>",
            images=images,
        )
    return exhibition


@pytest.mark.browser
def test_an_exhibition_prints_one_a4_panel_per_exhibit(page, live_server, exhibition_of_four):
    failures = []

    def record(response):
        if response.status >= 400:
            failures.append(f"{response.status} {response.url}")

    page.on("response", record)
    page.goto(f"{live_server.url}{exhibition_of_four.url}panels/", wait_until="load")
    assert page.locator(".panel").count() == 5
    assert not failures, failures

    pdf = page.pdf(format="A4", print_background=True)
    assert pdf.startswith(b"%PDF")
    assert pdf_page_count(pdf) == 1 + 4, "the opening and one panel per exhibit"

    page.emulate_media(media="print")
    page.set_viewport_size({"width": A4_WIDTH_PX, "height": 1123})
    assert page.locator(".site-header").is_hidden()  # the site around the exhibition is not printed
    assert page.locator(".site-footer").is_hidden()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "exhibition.pdf").write_bytes(pdf)
    for n, panel in enumerate(page.locator(".panel").all()):
        panel.screenshot(path=ARTIFACTS / f"panel-{n}.png")
        if panel.locator("img").count():
            assert panel.locator("img").first.evaluate("img => img.complete && img.naturalWidth > 0")
        assert "None" not in panel.inner_text()  # an image without a caption gets none, not the word "None"

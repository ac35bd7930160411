"""A keyboard user can skip the header: the first Tab lands on the skip link, and Enter moves focus to <main>."""

import pytest

FOCUSED = "(() => { const el = document.activeElement; return {tag: el.tagName, id: el.id, cls: el.className}; })()"


@pytest.mark.browser
@pytest.mark.parametrize("name", ["home", "arabic home"])
def test_first_tab_focuses_skip_link_and_enter_moves_focus_to_main(name, page, url_for):
    page.goto(url_for(name))

    page.keyboard.press("Tab")
    skip_link = page.locator("a.skip-link")
    assert page.evaluate(FOCUSED) == {"tag": "A", "id": "", "cls": "skip-link"}
    assert skip_link.get_attribute("href") == "#main"
    if name == "home":
        assert skip_link.inner_text() == "Skip to main content"
    box = skip_link.bounding_box()  # off-screen until focused, then inside the viewport (either side, for RTL)
    assert box is not None and box["y"] >= 0 and 0 <= box["x"] <= page.viewport_size["width"] - box["width"], box

    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement.tagName === 'MAIN'")
    assert page.evaluate(FOCUSED)["id"] == "main"
    assert page.url.endswith("#main")

    # The next Tab carries on from the main content, not from the top of the page.
    page.keyboard.press("Tab")
    assert page.evaluate("document.querySelector('main').contains(document.activeElement)")

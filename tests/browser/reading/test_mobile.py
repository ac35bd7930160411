"""On a small phone (375 × 812) nothing pushes the page wider than the screen."""

import pytest

# To say what to fix when the test fails: the elements whose box sticks out past either edge of the viewport, and
# the innermost ones whose content spills out of their box (a long word, a wide table).
OVERFLOWING = """() => {
  const width = document.documentElement.clientWidth;
  const classes = el => typeof el.className === 'string' ? el.className.trim().split(/\\s+/).filter(Boolean) : [];
  const name = el => [el.tagName.toLowerCase() + (el.id ? '#' + el.id : ''), ...classes(el)].join('.');
  return [...document.querySelectorAll('body *')]
    .map(el => [el, el.getBoundingClientRect()])
    .filter(([el, r]) => r.width && (r.right > width + 0.5 || r.left < -0.5 || (el.scrollWidth > el.clientWidth + 1
      && ![...el.children].some(child => child.scrollWidth > child.clientWidth + 1))))
    .map(([el, r]) => `${name(el)} (${Math.round(r.left)}..${Math.round(r.right)})`);
}"""


@pytest.mark.browser
@pytest.mark.parametrize("name", ["home", "city hub", "exhibition", "arabic home"])
def test_no_horizontal_scroll_on_a_phone(name, mobile_page, url_for):
    mobile_page.goto(url_for(name))
    scroll_width, client_width = mobile_page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert client_width == 375
    assert scroll_width <= client_width, (
        f"{mobile_page.url} is {scroll_width}px wide: {mobile_page.evaluate(OVERFLOWING)}"
    )

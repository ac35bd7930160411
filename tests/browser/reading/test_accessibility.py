"""axe-core finds no WCAG 2.0, 2.1 or 2.2 (A and AA) failures on any page type, in English, Arabic and Tigrinya."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.pages import IN_EVERY_LANGUAGE, PAGES

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
RIGHT_TO_LEFT = {"arabic home": "ar"}
# Every page type again in a right-to-left language and in the language of a script devices often lack.
IN_OTHER_LANGUAGES = [(name, language) for language in ("ar", "ti") for name in IN_EVERY_LANGUAGE]


def describe(violations):
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} <{violation['helpUrl']}>")
        for node in violation["nodes"]:
            lines.append(f"    {', '.join(map(str, node['target']))}: {node['html'][:200]}")
            if node.get("failureSummary"):
                lines.append("      " + node["failureSummary"].replace("\n", "\n      "))
    return "\n".join(lines)


@pytest.fixture(scope="session")
def axe():
    return Axe()


@pytest.mark.browser
@pytest.mark.parametrize("name", list(PAGES))
def test_no_axe_violations(name, page, url_for, axe):
    response = page.goto(url_for(name))
    assert response.status == (404 if name == "404" else 200)
    html = page.locator("html")
    language, direction = (RIGHT_TO_LEFT[name], "rtl") if name in RIGHT_TO_LEFT else ("en", "ltr")
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == (language, direction)

    assert_no_violations(page, axe)


@pytest.mark.browser
@pytest.mark.parametrize(("name", "language"), IN_OTHER_LANGUAGES)
def test_no_axe_violations_in_arabic_and_tigrinya(name, language, page, url_for, axe):
    response = page.goto(url_for(name, language))
    assert response.status == (404 if name == "404" else 200)
    html = page.locator("html")
    direction = "rtl" if language == "ar" else "ltr"
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == (language, direction)
    assert_no_violations(page, axe)


def assert_no_violations(page, axe):
    results = axe.run(page, options=AXE_OPTIONS).response
    assert results["passes"], "axe checked nothing: is the page blank?"
    violations = results["violations"]
    assert not violations, f"axe found {len(violations)} violation(s) on {page.url}:\n{describe(violations)}"

"""Generated input for the API and every public address: whatever arrives, the site never answers with a 500.

Hypothesis sends 900 requests built from what programs and attackers send: numbers too big for a
database, negative and non-numeric counts, NUL and other control characters, right-to-left and combining text,
percent signs and quotes, very long values, repeated and unknown parameters, and made-up path segments where the
site takes one (tags, a teller's private link). Derandomized, so every run (and CI) tries the same inputs.
"""

import urllib.parse

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import Locale

from stories.contribute.submission import create_story
from stories.models import Naming

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=200,
    database=None,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Any text a URL can carry (lone surrogates cannot be encoded, so no client can send them).
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=60)
NUMBERS = st.one_of(
    st.sampled_from([-1, 0, 2**31, 2**63, 10**20]), st.integers(min_value=-(10**30), max_value=10**30)
).map(str)
AWKWARD = st.sampled_from(
    [
        "\x00",
        "99999999999999999999",
        "-1",
        "1e3",
        "٣",  # an Arabic-Indic digit: int() accepts it
        "xor",
        "'",
        '"',
        "*",
        ",",
        "()",
        "a:b",
        " ".join(["w"] * 600),
        "9" * 5000,
    ]
)
VALUE = st.one_of(AWKWARD, NUMBERS, TEXT)

API_PARAMETERS = [
    "limit",
    "offset",
    "fields",
    "order",
    "search",
    "search_operator",
    "type",
    "locale",
    "child_of",
    "descendant_of",
    "translation_of",
    "id",
    "title",
    "html_path",
]
PAGE_PARAMETERS = ["page", "q", "tag", "format", "lang", "next"]


def parameters(names):
    """A query string's parameters: mostly names the views read, sometimes any name, with generated values."""
    name = st.one_of(st.sampled_from(names), st.sampled_from(names), TEXT)
    return st.lists(st.tuples(name, VALUE), min_size=1, max_size=3)


def segment():
    """One path segment as a program might send it: any text, percent-encoded."""
    return st.one_of(AWKWARD, TEXT, NUMBERS).map(lambda text: urllib.parse.quote(text, safe=""))


@pytest.fixture
def public_paths(network):
    """Every kind of public address in the test network, including a teller's private status page."""
    english = Locale.objects.get(language_code="en")
    data = {
        "title": "A story for the fuzzer",
        "story": "It began in spring.",
        "city": "",
        "naming": Naming.ANONYMOUS,
        "display_name": "",
        "consent_web": True,
        "consent_print": False,
        "consent_translation": False,
        "consent_photos": False,
    }
    _story, token = create_story(data, english)
    share = network["share"].url
    pages = [
        network[name].url
        for name in ("home", "cities", "sheffield", "collection", "exhibition", "upcoming_event", "about")
    ]
    return [
        *pages,
        network["stories"][0].url,
        network["exhibits"][0].url,
        "/en/stories/",
        "/en/stories/feed/",
        "/en/stories/tag/welcome/",
        "/en/exhibitions/",
        "/en/exhibitions/past/",
        "/en/exhibitions/tag/contribution/",
        "/en/events/",
        "/en/events/past/",
        "/en/events/feed/",
        f"{network['upcoming_event'].url}ics/",
        f"{network['sheffield'].url}ics/",
        f"{network['exhibition'].url}panels/",
        share,
        f"{share}status/{token}/",
        f"{share}status/{token}/withdraw/",
        "/ar/",
        "/sitemap.xml",
        "/sitemap-en.xml",
        "/healthz",
    ]


def assert_no_server_error(client, url, params=()):
    response = client.get(url, list(params))
    assert response.status_code < 500, (url, params, response.status_code)
    return response


@settings(FUZZ, max_examples=500)  # the API reads the most parameters, and answers fastest
@given(endpoint=st.sampled_from(["pages", "images", "documents", "pages/find"]), params=parameters(API_PARAMETERS))
def test_the_api_answers_any_parameters_without_a_server_error(client, network, endpoint, params):
    response = assert_no_server_error(client, f"/api/v2/{endpoint}/", params)
    if response.status_code != 302:  # find/ redirects to what it found
        assert response["Content-Type"] == "application/json"
        if response.status_code >= 400:
            assert response.json()["message"]


@FUZZ
@given(data=st.data())
def test_every_public_address_answers_any_parameters_without_a_server_error(client, public_paths, data):
    path = data.draw(st.sampled_from(public_paths))
    assert_no_server_error(client, path, data.draw(parameters(PAGE_PARAMETERS)))


@FUZZ
@given(
    template=st.sampled_from(
        [
            "/en/stories/tag/{}/",
            "/en/exhibitions/tag/{}/",
            "/ar/stories/tag/{}/",
            "/en/share-your-story/status/{}/",
            "/en/share-your-story/status/{}/withdraw/",
            "/en/{}/",
            "/en/cities/{}/",
            "/{}/",
            "/api/v2/pages/{}/",
            "/api/v2/images/{}/",
            "/api/v2/{}/",
            "/documents/{}/x.pdf",
        ]
    ),
    value=segment(),
)
def test_made_up_path_segments_are_not_a_server_error(client, network, template, value):
    response = assert_no_server_error(client, template.format(value))
    if template.startswith("/api/"):
        assert response["Content-Type"] == "application/json"

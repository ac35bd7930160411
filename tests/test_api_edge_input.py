"""The API and the public pages given input no person types but programs and attackers send: never a 500.

Every answer from /api/ is JSON: a 400 saying what to change, or a 404 saying nothing is there (not a redirect to
the site's HTML 404 page under /en/). Run on SQLite and on PostgreSQL (they fail differently: an OFFSET beyond
64 bits, a NUL character inside a string).
"""

import pytest

from config.api import MAX_OFFSET, MAX_SEARCH_WORDS

pytestmark = pytest.mark.django_db


def words(count):
    return " ".join(f"w{n}" for n in range(count))


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"offset": "99999999999999999999"}, f"offset cannot be higher than {MAX_OFFSET}"),
        ({"offset": "-1"}, "offset must be a positive integer"),
        ({"offset": "ten"}, "offset must be a positive integer"),
        ({"limit": "-5"}, "limit must be a positive integer"),
        ({"limit": "1.5"}, "limit must be a positive integer"),
        ({"search": "\x00"}, "query parameters cannot contain null characters"),
        ({"title": "Sheffield\x00"}, "query parameters cannot contain null characters"),
        ({"search": "x", "search_operator": "xor"}, "search_operator must be 'and' or 'or'"),
        ({"search": words(600)}, "search cannot be longer than 500 characters"),
        ({"search": "a " * (MAX_SEARCH_WORDS + 1)}, f"search cannot have more than {MAX_SEARCH_WORDS} words"),
        ({"search": "a-" * (MAX_SEARCH_WORDS + 1)}, f"search cannot have more than {MAX_SEARCH_WORDS} words"),
        ({"fields": "secret"}, "unknown fields: secret"),
        ({"type": "nope"}, "type doesn't exist"),
        ({"type": "wagtailcore.Site"}, "type doesn't exist"),
        ({"locale": "zz"}, "unknown locale: zz"),
        ({"format": "api"}, "format must be json"),
    ],
)
def test_bad_page_listing_parameters_get_a_400_that_says_what_to_change(client, network, params, message):
    response = client.get("/api/v2/pages/", params)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"message": message}


@pytest.mark.parametrize("endpoint", ["images", "documents"])
def test_images_and_documents_check_their_parameters_too(client, network, endpoint):
    for params in ({"offset": "99999999999999999999"}, {"search": "\x00"}, {"search": "x", "search_operator": "xor"}):
        response = client.get(f"/api/v2/{endpoint}/", params)
        assert response.status_code == 400, params
        assert "message" in response.json()


def test_a_search_of_as_many_words_as_allowed_is_answered(client, network):
    for operator in ("and", "or"):
        params = {"search": "Sheffield " * MAX_SEARCH_WORDS, "search_operator": operator}
        response = client.get("/api/v2/pages/", params)
        assert response.status_code == 200, operator
    found = client.get("/api/v2/pages/", {"search": "Sheffield", "type": "stories.StoryPage"}).json()["items"]
    assert [item["title"] for item in found] == ["Arriving in Sheffield"]


def test_the_last_page_of_a_listing_is_still_served(client, network):
    response = client.get("/api/v2/pages/", {"offset": MAX_OFFSET})
    assert response.status_code == 200
    assert response.json()["items"] == []


@pytest.mark.parametrize(
    "path",
    [
        "/api/v2/pages/99999999/",
        "/api/v2/pages/99999999999999999999/",
        "/api/v2/pages/find/?html_path=/nope/",
        "/api/v2/images/99999999/",
        "/api/v2/documents/99999999/",
        "/api/v2/nothing-here/",
        "/api/v3/pages/",
    ],
)
def test_what_is_not_there_is_a_json_404_not_a_redirect_to_the_html_page(client, network, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["message"]


@pytest.mark.parametrize("value", ["1e3", "one"])
def test_finding_by_an_id_that_is_not_a_number_is_a_400(client, network, value):
    response = client.get("/api/v2/pages/find/", {"id": value})
    assert response.status_code == 400
    assert response.json() == {"message": "id must be an integer"}


def test_find_still_redirects_to_the_page_it_found(client, network):
    response = client.get("/api/v2/pages/find/", {"html_path": "/about/"})
    assert response.status_code == 302
    assert response["Location"].endswith(f"/api/v2/pages/{network['about'].pk}/?")


def test_an_address_outside_the_languages_still_redirects_to_the_readers_language(client, network):
    response = client.get("/about/", headers={"accept-language": "ar"})
    assert response.status_code == 302
    assert response["Location"] == "/ar/about/"


@pytest.mark.parametrize(
    "path",
    [
        "/en/stories/tag/%00/",
        "/en/stories/tag/we%00lcome/",
        "/en/%00/",
        "/en/about%00/",
        "/en/share-your-story/status/%00/",
        "/en/exhibitions/tag/%00/",
        "/en/stories/?page=%00",
        "/en/stories/?page=99999999999999999999",
    ],
)
def test_null_characters_and_huge_numbers_in_public_addresses_are_not_a_server_error(client, network, path):
    assert client.get(path).status_code in (200, 400, 404)


@pytest.mark.parametrize(
    "query",
    [
        {"offset": "9" * 5000},
        {"offset": "0" * 4999 + "1"},
        {"limit": "9" * 5000},
    ],
)
def test_numbers_too_long_for_python_to_read_get_a_400(client, network, query):
    response = client.get("/api/v2/pages/", query)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"


@pytest.mark.parametrize("value", ["9" * 5000, "9" * 25, "-1", "1e3"])
def test_find_by_an_impossible_id_gets_a_400(client, network, value):
    response = client.get("/api/v2/pages/find/", {"id": value})
    assert response.status_code == 400
    assert "id" in response.json()["message"]

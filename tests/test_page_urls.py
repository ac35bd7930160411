"""A page's URL worked out without reversing Wagtail's pattern for each link (home/page_urls.py): the same as Wagtail's
``Page.get_url_parts`` in every case."""

import pytest
from django.test import RequestFactory
from django.urls import set_script_prefix
from django.utils import translation
from wagtail.models import Page

from home.page_urls import page_url, url_parts


def wagtails(page, request=None):
    return Page.get_url_parts(page, request)


def test_every_page_of_every_language_has_wagtails_url(synced_network):
    request = RequestFactory().get("/")
    pages = list(Page.objects.filter(depth__gt=1).specific())
    assert len({page.locale_id for page in pages}) > 2
    for page in pages:
        for language in ("en", "ar"):
            with translation.override(language):
                assert url_parts(page) == wagtails(page) != None, page.url_path  # noqa: E711
                assert url_parts(page, request) == wagtails(page, request), page.url_path
        assert page.get_url_parts() == wagtails(page)  # every page type of the site uses it


@pytest.mark.parametrize(
    "last_segment",
    ["قصة-الشاي", "tea-ሻሂ", "bad.name", "with space", "50%", "a:b"],
)
def test_paths_are_quoted_or_refused_as_wagtails_reverse_does(synced_network, last_segment):
    page = synced_network["stories"][0]
    page.url_path = page.url_path + last_segment + "/"
    assert url_parts(page) == wagtails(page)
    if last_segment in ("bad.name", "with space", "50%", "a:b"):
        assert url_parts(page)[1:] == (None, None)  # the pattern refuses it: no URL, as in Wagtail


def test_a_script_prefix_and_the_url_path_helper(synced_network):
    page = synced_network["stories"][0]
    set_script_prefix("/sanctuary/")
    try:
        assert url_parts(page) == wagtails(page)
        assert url_parts(page)[2].startswith("/sanctuary/en/")
        assert page_url(page.url_path) == page.get_url()
    finally:
        set_script_prefix("/")


def test_a_page_outside_every_site_has_no_url(synced_network):
    page = synced_network["stories"][0]
    page.url_path = "/elsewhere/" + page.slug + "/"
    assert url_parts(page) is None and wagtails(page) is None

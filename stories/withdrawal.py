"""Withdrawal in one action: a teller (by their private link) or a moderator takes a story down everywhere.

The story is erased (stories.erasure): every language's page, its revisions, translations, search entries, log
entries, the photos the teller sent and the teller's identity. What stays is contentless: the Withdrawal record
(who withdrew which story id, when) and the digests of the story's public addresses, each of which answers 410 Gone
from then on with a notice that says who withdrew it (its teller or the site), in the reader's language.

The teller reaches this through a confirmation page (stories.models.share_page), a moderator through the admin's.

Every cached copy of what showed the story is dropped at once (home/page_cache.py): its pages in every language,
the collection, city hub, home page and network indexes that listed it, and their addresses are sent to the CDN
(when one is configured) once the erasure is committed. A cached page is never served in place of the 410: the
410 is made afresh for each request. Wagtail drops each deleted rendition from its rendition cache itself.
"""

from urllib.parse import unquote

from django.conf import settings
from django.db import transaction
from django.shortcuts import render

from home import page_cache
from stories.erasure import erase_story, teller_photos
from stories.models.contributions import TellerIdentity, Withdrawal, WithdrawnUrl, digest
from stories.models.pages import StoryPage


def gone_paths(versions):
    """Every public path of the story: each version's, and the same path under every language's prefix.

    Slugs are the same in every language (home.models.BasePage), so a reader who follows the story into another
    language (a language switcher, an old link) is told it was withdrawn rather than that it never existed.
    """
    codes = [code for code, _name in settings.LANGUAGES]
    paths = set()
    for version in versions:
        url = version.url
        if not url:
            continue
        path = unquote(url)
        paths.add(path)
        prefix, _slash, rest = path.lstrip("/").partition("/")
        if prefix in codes:
            paths.update(f"/{code}/{rest}" for code in codes)
    return paths


@transaction.atomic
def withdraw_story(story, *, by_user=None, by_teller=False):
    """Erase ``story`` in every language; returns the Withdrawal record.

    Safe to call twice (a refreshed form, two moderators at once): the second call finds nothing left to erase and
    returns the first call's record.
    """
    versions = list(StoryPage.objects.select_for_update().filter(translation_key=story.translation_key))
    if not versions:
        return Withdrawal.objects.filter(story_id_withdrawn=story.pk).first()
    for path in gone_paths(versions):
        WithdrawnUrl.objects.update_or_create(path_digest=digest(path), defaults={"by_teller": by_teller})
    identity = TellerIdentity.objects.filter(story__in=versions).first()
    withdrawal = Withdrawal.objects.create(
        story_id_withdrawn=story.pk,
        by_teller=by_teller,
        by_user=by_user,
        token_digest=identity.token_digest if identity else "",
    )
    page_cache.pages_changed(versions, copies=False)  # versions holds every copy
    erase_story(versions, teller_photos(versions))
    return withdrawal


class WithdrawnStoryMiddleware:
    """Turns the 404 of a withdrawn story's URL into 410 Gone with a notice in the reader's language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404:
            return response
        gone = WithdrawnUrl.objects.filter(path_digest=digest(unquote(request.path))).first()
        if gone is None:
            return response
        return render(request, "stories/withdrawn.html", {"by_teller": gone.by_teller}, status=410)

"""Whole rendered pages for anonymous readers, kept in the ``pages`` cache and dropped exactly when they change.

What is cached: the 200 answer to an anonymous GET of a Wagtail page (any route of it: a listing's ``past/``, a feed, a
calendar), for ``SANCTUARY_PAGE_CACHE_SECONDS`` (0: off). Never: a request carrying a session or messages cookie (a
signed-in editor, a reader who unlocked a password-protected page), a preview (it is not served by Wagtail's ``serve``
view), a page whose class says ``page_cache_enabled = False`` (the share form), an answer that set a cookie, used a CSRF
token or said how it may be cached itself (the private status pages say ``no-cache``), any status but 200 (a withdrawn
story's 410 is made afresh each time), and a query string other than ``?page=N`` (N at most ``MAX_CACHED_LISTING_PAGE``;
tracking parameters such as ``utm_source`` are ignored): the key space stays bounded.

How it is dropped: by tags. While a page renders, every page, image and translatable snippet row read from the
database is noted (``post_init``), as ``page:<id>``, ``image:<id>``, ``snippet:<model>:<id>``; a page that lists
others says so (``BasePage.page_cache_lists``, ``lists_model``), as ``children:<path>`` (the set of live children of
the page at that tree path), ``below:<path>`` (the set of live pages anywhere under it) or ``snippets:<model>``. The
cached entry keeps its tags and the time its render started. Publishing, unpublishing, moving or deleting a page,
saving or deleting an image or a snippet, stamps the tags it affects with the current time (``invalidate``); an entry
is used only while every one of its tags was last stamped before its render started, so an entry rendered from data
that changed while it rendered is never used. Stamps are plain keys, so this works on any cache backend (local
memory in development and tests), with one ``get_many`` per hit; in Redis (production) one script compares them
inside Redis, in one round trip (home/page_cache_redis.py). A changed page stamps its own
tag, its translations' and aliases' (their language links, "out of date" notices and copied text), its parent's
``children:`` and every ancestor's ``below:``: the collection, hub, home page and network indexes that list it.

The same changes send the changed pages' addresses, their ancestors' and the network indexes' to the CDN
(``wagtail.contrib.frontend_cache``, when ``WAGTAILFRONTENDCACHE`` is set; Wagtail repeats each address under every
language prefix), after the transaction commits.

Responses say how they may be cached: a cacheable page ``public, max-age=0, s-maxage=N`` with an ``ETag`` and
``Last-Modified`` (browsers revalidate every time and get a 304 from the cache; a CDN keeps it N seconds unless
purged), any other page ``private, no-cache``.
"""

import contextvars
import hashlib
import logging
import time
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_init, post_save
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, urlencode
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.images.models import AbstractImage, AbstractRendition
from wagtail.models import Page, TranslatableMixin
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from home import page_cache_redis

logger = logging.getLogger(__name__)

CACHE_ALIAS = "pages"
MAX_CACHED_LISTING_PAGE = 50
IGNORED_PARAMETERS = frozenset({"fbclid", "gclid", "msclkid", "mc_cid", "mc_eid", "ref"})
BYPASS_COOKIES = (settings.SESSION_COOKIE_NAME, getattr(settings, "MESSAGES_COOKIE_NAME", "messages"))
# Clocks of different servers disagree a little: an entry must have started rendering this long after a stamp.
CLOCK_MARGIN_SECONDS = 2

# What a page lists (BasePage.page_cache_lists): a change there drops its cached responses.
CHILDREN = "children"  # its own live children (a collection's stories, the network's cities)
DESCENDANTS = "descendants"  # anything under it (a hub: collections and their story counts, exhibitions, events)
SIBLINGS = "siblings"  # its parent's children (an exhibit's previous and next)
LANGUAGE_TREE = "language tree"  # anything in its language's tree (the network indexes)


def seconds():
    return settings.SANCTUARY_PAGE_CACHE_SECONDS


def page_cache():
    return caches[CACHE_ALIAS]


# Tags --------------------------------------------------------------------------------------------------------------


def page_tag(page_id):
    return f"page:{page_id}"


def children_tag(path):
    return f"children:{path}"


def below_tag(path):
    return f"below:{path}"


def image_tag(image_id):
    return f"image:{image_id}"


def snippet_tag(model, pk):
    return f"snippet:{model._meta.label_lower}:{pk}"


def snippets_tag(model):
    return f"snippets:{model._meta.label_lower}"


def ancestor_paths(path):
    """The tree paths of every ancestor of the page at ``path`` (treebeard: each is a prefix of it)."""
    return [path[:end] for end in range(Page.steplen, len(path), Page.steplen)]


def listing_tags(page):
    """The tags of what ``page`` lists, from its class's ``page_cache_lists``."""
    path, lists = page.path, getattr(page, "page_cache_lists", ())
    tags = set()
    if CHILDREN in lists:
        tags.add(children_tag(path))
    if DESCENDANTS in lists:
        tags.add(below_tag(path))
    if SIBLINGS in lists:
        tags.add(children_tag(path[: -Page.steplen]))
    if LANGUAGE_TREE in lists:
        tags.add(below_tag(path[: Page.steplen * 2]))  # the language's home page is at depth 2
    return tags


def position_tags(page_id, path):
    """The tags a page's appearance, disappearance or change touches: its own, its parent's list, its ancestors'."""
    return {page_tag(page_id), children_tag(path[: -Page.steplen])} | {below_tag(p) for p in ancestor_paths(path)}


# Recording what a render reads ---------------------------------------------------------------------------------------


@dataclass
class Render:
    """What one request's render has read, and whether a Wagtail page served it."""

    started: float
    collecting: bool = True  # False: only whether a page served it matters (the request bypasses the cache)
    tags: set = field(default_factory=set)
    page: Page | None = None


_render = contextvars.ContextVar("sanctuary_page_cache_render", default=None)


def _collecting():
    render = _render.get()
    return render is not None and render.collecting


def record(*tags):
    if _collecting():
        _render.get().tags.update(tags)


def lists_model(model):
    """Say that the page being rendered lists ``model``'s rows (a hub's organisations): any change drops it."""
    record(snippets_tag(model))


def page_served(page, request):
    """Called for every page Wagtail's ``serve`` view serves (``before_serve_page``): the answer may be cached."""
    render = _render.get()
    if render is not None and getattr(page, "page_cache_enabled", True):
        render.page = page
        render.tags.update(listing_tags(page))


def _page_read(sender, instance, **kwargs):
    if _collecting() and (pk := instance.__dict__.get("id")) is not None:
        record(page_tag(pk))


def _image_read(sender, instance, **kwargs):
    if _collecting() and (pk := instance.__dict__.get("id")) is not None:
        record(image_tag(pk))


def _rendition_read(sender, instance, **kwargs):
    if _collecting() and (pk := instance.__dict__.get("image_id")) is not None:
        record(image_tag(pk))


def _snippet_read(sender, instance, **kwargs):
    if _collecting() and (pk := instance.__dict__.get("id")) is not None:
        record(snippet_tag(sender, pk))


# Invalidation ------------------------------------------------------------------------------------------------------


def _stamp_key(tag):
    return f"stamp:{tag}"


def milliseconds(seconds_since_epoch):
    """Stamps and start times in whole milliseconds: integers, which Redis can compare itself (page_cache_redis)."""
    return int(seconds_since_epoch * 1000)


def _stamp(tags):
    now = milliseconds(time.time())
    # A stamp matters only to entries rendered before it, which live at most seconds(): it can expire after them.
    page_cache().set_many({_stamp_key(tag): now for tag in tags}, timeout=seconds() + 2 * CLOCK_MARGIN_SECONDS + 60)


def invalidate(tags):
    """Drop every cached response that depends on any of ``tags``: now, and again once the transaction commits.

    Now, so that this process's next request does not get the old page; after the commit, so that a response rendered
    meanwhile from the data as it was before the commit (the change was not visible yet) is not used either.
    """
    tags = set(tags)
    if not tags or not seconds():
        return
    _stamp(tags)
    transaction.on_commit(lambda: _stamp(tags))


def purge_from_cdn(urls):
    """Ask the CDN to forget ``urls`` once the transaction commits (nothing when no CDN is configured)."""
    urls = set(urls)
    if urls and getattr(settings, "WAGTAILFRONTENDCACHE", None):
        transaction.on_commit(lambda: PurgeBatch(urls).purge())


def cdn_urls(pages):
    """The addresses a CDN may hold that show ``pages``: theirs, their ancestors', their language's network indexes.

    Wagtail's purge repeats each address under every language prefix (slugs are the same in every language).
    """
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return set()
    home_length = Page.steplen * 2
    ancestors = {path for page in pages for path in ancestor_paths(page.path) if len(path) >= home_length}
    indexes = Q(depth=3, content_type__in=language_tree_listing_types())
    homes = Q()
    for home_path in {page.path[:home_length] for page in pages if len(page.path) >= home_length}:
        homes |= Q(path__startswith=home_path)
    listing = Page.objects.filter(Q(path__in=ancestors) | (indexes & homes)) if homes else Page.objects.none()
    return {url for url in [*(page.full_url for page in pages), *(page.full_url for page in listing)] if url}


def language_tree_listing_types():
    models = [
        model
        for model in apps.get_models()
        if issubclass(model, Page) and LANGUAGE_TREE in getattr(model, "page_cache_lists", ())
    ]
    return list(ContentType.objects.get_for_models(*models).values())


def pages_changed(pages, *, copies=True, cdn=True):
    """``pages`` were published, unpublished, moved or deleted: drop what shows them, here and (``cdn``) at the CDN.

    With ``copies``, their translations and aliases (which show their language links and copy their text) too. The
    CDN is told each address once for every language (Wagtail repeats it under each prefix): an alias, published or
    deleted with its original, needs no purge of its own.
    """
    pages = list(pages)
    positions = {(page.pk, page.path) for page in pages}
    if copies and seconds():
        keys = {page.translation_key for page in pages}
        related = Page.objects.filter(translation_key__in=keys) | Page.objects.filter(alias_of__in=pages)
        positions.update(related.values_list("pk", "path"))
    invalidate(tag for pk, path in positions for tag in position_tags(pk, path))
    if cdn:
        purge_from_cdn(cdn_urls(pages))


def _page_published(sender, instance, alias=False, **kwargs):
    # An alias is published right after its original, whose handler already covered every copy.
    pages_changed([instance], copies=not alias, cdn=not alias)


def _page_unpublished(sender, instance, **kwargs):
    pages_changed([instance])


def _page_deleted(sender, instance, **kwargs):
    # Its copies are deleted with it, or keep their own text. (Connected to Page only: deleting a page of any type
    # deletes its Page row too.)
    pages_changed([instance], copies=False, cdn=instance.alias_of_id is None)


def _page_moving(sender, instance, **kwargs):
    """Before a move: the lists it leaves, and every page under it (their addresses change)."""
    subtree = list(Page.objects.descendant_of(instance, inclusive=True).only("id", "path", "depth", "url_path"))
    invalidate(tag for page in subtree for tag in position_tags(page.pk, page.path))
    purge_from_cdn(cdn_urls(subtree))


def _page_moved(sender, instance, **kwargs):
    pages_changed([instance])


def _image_changed(sender, instance, **kwargs):
    invalidate([image_tag(instance.pk)])


def _snippet_changed(sender, instance, **kwargs):
    invalidate([snippet_tag(sender, instance.pk), snippets_tag(sender)])


def connect():
    """Connect the readers and the invalidation to every page, image and translatable snippet model."""
    for model in apps.get_models():
        if issubclass(model, Page):
            post_init.connect(_page_read, sender=model, dispatch_uid=f"page_cache_read_{model._meta.label}")
        elif issubclass(model, AbstractImage):
            post_init.connect(_image_read, sender=model, dispatch_uid=f"page_cache_read_{model._meta.label}")
            for signal in (post_save, post_delete):
                signal.connect(_image_changed, sender=model, dispatch_uid=f"page_cache_image_{model._meta.label}")
        elif issubclass(model, AbstractRendition):
            post_init.connect(_rendition_read, sender=model, dispatch_uid=f"page_cache_read_{model._meta.label}")
        elif issubclass(model, TranslatableMixin):
            # Translatable models other than pages are the public snippets (myths and facts, organisations).
            post_init.connect(_snippet_read, sender=model, dispatch_uid=f"page_cache_read_{model._meta.label}")
            for signal in (post_save, post_delete):
                signal.connect(_snippet_changed, sender=model, dispatch_uid=f"page_cache_snippet_{model._meta.label}")
    post_delete.connect(_page_deleted, sender=Page, dispatch_uid="page_cache_deleted")
    page_published.connect(_page_published, dispatch_uid="page_cache_published")
    page_unpublished.connect(_page_unpublished, dispatch_uid="page_cache_unpublished")
    pre_page_move.connect(_page_moving, dispatch_uid="page_cache_moving")
    post_page_move.connect(_page_moved, dispatch_uid="page_cache_moved")


# Entries -----------------------------------------------------------------------------------------------------------


def store(key, entry):
    cache = page_cache()
    if page_cache_redis.handles(cache):
        stamp_keys = [_stamp_key(tag) for tag in entry["tags"]]
        page_cache_redis.store(cache, key, entry, stamp_keys, milliseconds(entry["started"]), seconds())
    else:
        cache.set(key, entry, timeout=seconds())


def valid_entry(key):
    """The entry at ``key``, unless one of its tags was stamped after its render started (less the clock margin)."""
    cache, margin = page_cache(), milliseconds(CLOCK_MARGIN_SECONDS)
    if page_cache_redis.handles(cache):
        return page_cache_redis.valid_entry(cache, key, margin)  # one round trip
    entry = cache.get(key)
    if entry is None:
        return None
    stamps = cache.get_many([_stamp_key(tag) for tag in entry["tags"]])
    started = milliseconds(entry["started"])
    return None if any(stamp >= started - margin for stamp in stamps.values()) else entry


# The middleware ----------------------------------------------------------------------------------------------------


def cache_key(request):
    """The entry's key for ``request``, or None when it must not be cached (unknown query parameters)."""
    kept = []
    for name, value in request.GET.items():
        if name == "page" and value.isdecimal() and 1 <= int(value) <= MAX_CACHED_LISTING_PAGE:
            kept.append(("page", str(int(value))))
        elif not (name in IGNORED_PARAMETERS or name.startswith("utm_")):
            return None
    scheme = "https" if request.is_secure() else "http"
    address = f"{scheme}://{request.get_host()}{request.path}?{urlencode(sorted(kept))}"
    return "entry:" + hashlib.sha256(address.encode()).hexdigest()


def request_may_use_cache(request):
    return (
        request.method in ("GET", "HEAD")
        and not any(name in request.COOKIES for name in BYPASS_COOKIES)
        and "HTTP_AUTHORIZATION" not in request.META
    )


def response_may_be_stored(request, response):
    return (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not response.has_header("Cache-Control")
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not getattr(request, "csp_nonce", None)  # true once made: a nonce is for one answer, not every reader
    )


class PageCacheMiddleware:
    """Serves and stores anonymous readers' pages (see the module's docstring). Place it right after Django's
    SecurityMiddleware (and WhiteNoise): an entry keeps the headers the middleware inside it added (the
    Content-Security-Policy, X-Frame-Options, Content-Language), so a cached answer skips all of that middleware; and
    before the middleware that turns a 404 into something else (redirects, withdrawn stories)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = cache_key(request) if seconds() and request_may_use_cache(request) else None
        if key is None:
            return self.uncached(request)
        entry = self.valid_entry(key)
        if entry is not None:
            return self.answer(request, HttpResponse(entry["content"], status=200, headers=entry["headers"]), entry)
        render = Render(started=time.time())
        token = _render.set(render)
        try:
            response = self.get_response(request)
        finally:
            _render.reset(token)
        if render.page is None:
            return response
        if not response_may_be_stored(request, response):
            return self.not_public(response)
        entry = {
            "content": response.content,
            "headers": dict(response.items()),
            "tags": sorted(render.tags),
            "started": render.started,
            "etag": '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"',
        }
        try:
            store(key, entry)
        except Exception:  # a cache that raises rather than ignoring its outage (config/caches.py) costs speed only
            logger.warning("A page could not be stored in the page cache", exc_info=True)
        return self.answer(request, response, entry)

    def uncached(self, request):
        render = Render(started=time.time(), collecting=False)
        token = _render.set(render)
        try:
            response = self.get_response(request)
        finally:
            _render.reset(token)
        return self.not_public(response) if render.page is not None else response

    @staticmethod
    def not_public(response):
        if not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_cache=True)
        return response

    @staticmethod
    def valid_entry(key):
        try:
            return valid_entry(key)
        except Exception:
            logger.warning("The page cache could not be read", exc_info=True)
            return None

    @staticmethod
    def answer(request, response, entry):
        """``response`` with its caching headers; a 304 instead when the reader's copy is still current."""
        response["ETag"] = entry["etag"]
        response["Last-Modified"] = http_date(entry["started"])
        patch_cache_control(response, public=True, max_age=0, s_maxage=seconds())
        return get_conditional_response(
            request, etag=entry["etag"], last_modified=int(entry["started"]), response=response
        )

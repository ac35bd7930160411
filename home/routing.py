"""Wagtail's route to a page, without the three queries Wagtail makes before the route itself.

For every page request Wagtail runs ``site.root_page.localized.specific.route(...)`` (``Page.route_for_request``): a
query for the active language's Locale, one for the root page's translation in it (in every language but English),
and one for the specific home page, before ``HomePage.route`` finds the page with one query of its own. The sites'
home pages and the locales are a few rows that rarely change, so their routing fields are kept in the ``default``
cache beside the sites (home/site_lookup.py), and the route found from them is left where Wagtail looks first
(``request._wagtail_route_for_request``, set by ``SiteMiddleware.process_view``). Saving, publishing, moving or
deleting a page at the top of a tree, or changing a locale, drops them (``apps.HomeConfig.ready``).

The choice of the page to route from is Wagtail's (``TranslatableMixin.localized``).
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.http import Http404
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page

from home.prepared import by_id

HOMES_KEY = "sanctuary:homes"
FIELDS = ("id", "path", "depth", "url_path", "content_type_id", "locale_id", "live", "translation_key")


def cached_homes(sites):
    """The locales' language codes, and {(translation key, language code): routing fields} of the sites' root pages
    in every language."""
    homes = cache.get(HOMES_KEY)
    if homes is None:
        keys = {site.root_page.translation_key for site in sites}
        rows = Page.objects.filter(translation_key__in=keys).values(*FIELDS, "locale__language_code")
        languages = set(Locale.objects.values_list("language_code", flat=True))
        homes = (languages, {(row["translation_key"], row["locale__language_code"]): row for row in rows})
        cache.set(HOMES_KEY, homes)
    return homes


def forget_homes(**kwargs):
    cache.delete(HOMES_KEY)


def forget_homes_for_top_pages(instance=None, **kwargs):
    """Receiver for page signals: drop the home pages when a page at the top of a tree (depth 2) changed."""
    if isinstance(instance, Page) and (instance.depth or 0) <= 2:
        forget_homes()


def active_language(languages):
    """``Locale.get_active``'s language: the active one's locale, else the default language's."""
    try:
        language = get_supported_content_language_variant(get_language())
    except LookupError:
        language = None
    return language if language in languages else get_supported_content_language_variant(settings.LANGUAGE_CODE)


def localized_root(root, languages, homes):
    """The routing fields of ``root.localized``: its translation in the active language if live, else ``root``."""
    fields = {field: getattr(root, field) for field in FIELDS}
    translation = homes.get((root.translation_key, active_language(languages)))
    if translation is None or translation["id"] == root.id or not translation["live"]:
        return fields
    return translation


def route(request, site, sites, path):
    """``Page.route_for_request`` for ``path`` on ``site`` (one of ``sites``): (page, args, kwargs), or None (Wagtail's
    404)."""
    languages, homes = cached_homes(sites)
    row = localized_root(site.root_page, languages, homes)
    model = ContentType.objects.get_for_id(row["content_type_id"]).model_class()
    components = [component for component in path.split("/") if component]
    try:
        if not components:  # the home page itself, rendered: read it whole
            return by_id(model, row["id"]).route(request, [])
        # Only its place in the tree is needed to find a page below it, in one query (HomePage.route).
        home = model(pk=row["id"], **{field: row[field] for field in FIELDS})  # pk: the child table's key too
        return home.route(request, components)
    except (Http404, model.DoesNotExist):
        return None

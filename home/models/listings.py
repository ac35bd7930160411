"""What the content apps share about where a page sits in the network: its city, and the network-wide listings.

A city group's hub is a page model in the cities app; this module finds it by the ``is_city_hub`` marker on its
class, never by importing it, so the dependencies keep pointing from the content apps down to home.
"""

import functools

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from home import page_cache
from home.models.base import BasePage, paginate
from home.prepared import PreparedQuerySet, list_arguments, list_fields, one_of


@functools.cache
def city_hub_model():
    """The page model of a city group's hub: the one whose class says ``is_city_hub = True``."""
    return next(model for model in apps.get_models() if getattr(model, "is_city_hub", False))


def attach_city_hubs(pages):
    """Set ``city_hub`` on each page to the city hub it sits under (or None), with one query for them all.

    The hubs come with what a card shows of them (``HUB_FIELDS``), from a query prepared for each number of paths
    (home/prepared.py): a listing shows twelve pages, whose ancestors have a few dozen paths at most.
    """
    pages = list(pages)
    steplen = Page.steplen
    prefixes = sorted({page.path[:end] for page in pages for end in range(steplen, len(page.path), steplen)})
    hubs = {hub.path: hub for hub in hubs_at(prefixes)}
    for page in pages:
        ancestors = (page.path[:end] for end in range(len(page.path) - steplen, 0, -steplen))
        page.__dict__["city_hub"] = next((hubs[prefix] for prefix in ancestors if prefix in hubs), None)
    return pages


HUB_FIELDS = ("id", "path", "depth", "title", "url_path", "locale_id", "content_type_id")
MAX_PREPARED_PATHS = 64


def hubs_at(paths):
    """The city hubs at ``paths`` (any of them may be another page's)."""
    if not paths:
        return []
    if len(paths) > MAX_PREPARED_PATHS:
        return list(city_hub_model().objects.filter(path__in=paths).only(*HUB_FIELDS))
    return hubs_query(len(paths))(**list_arguments("path", paths))


@functools.cache
def hubs_query(count):
    model = city_hub_model()
    return PreparedQuerySet(
        lambda **paths: model.objects.filter(one_of("path", paths.values())).only(*HUB_FIELDS),
        **list_fields("path", model._meta.get_field("path"), count),
    )


class InCityMixin:
    """For pages that belong to the city group they are filed under (events, stories, exhibitions).

    The city is never typed in: it is the city hub above the page in the tree, so a page moved to another
    city's subtree belongs to that city, and a story is only ever placed at city level.
    """

    @cached_property
    def city_hub(self):
        hub_type = ContentType.objects.get_for_model(city_hub_model())
        return next((page for page in reversed(self.ancestors) if page.content_type_id == hub_type.id), None)


class NetworkListingMixin:
    """For the network-wide listings (events, stories, exhibitions): twelve to a page, each card with its city."""

    def render_listing(self, request, pages, prepared=None, **context):
        listing = paginate(request, pages, prepared=prepared)
        attach_city_hubs(listing.object_list)
        return self.render(request, context_overrides={"listing": listing, **context})


class NetworkIndexPage(NetworkListingMixin, RoutablePageMixin, BasePage):
    """A network-wide listing under the home page (/stories/, /exhibitions/, /events/): one per language tree."""

    intro = models.TextField(_("introduction"), blank=True)

    page_cache_lists = (page_cache.LANGUAGE_TREE,)
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    api_fields = [*BasePage.api_fields, APIField("intro")]

    class Meta:
        abstract = True

from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home import page_cache
from home.blocks import BaseStreamBlock
from home.models.base import BasePage, pages_from_rows, route_trail_query
from home.models.listings import attach_city_hubs
from home.prepared import list_arguments, specific
from home.sections import HOME_PAGE_SECTIONS, sections_for

# The deepest a page can sit below a home page and be found by its URL: a bound on the route query's shapes (compiled
# once each), far below any real tree (a story is 4 levels down). Further segments go to a routable page's own routes.
MAX_PAGE_SEGMENTS = 32


class HomePage(BasePage):
    """The front page of one language's tree: the movement in brief and what is new across the network.

    What is new comes from the content apps, which register their home page sections (home/sections.py).
    """

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    page_cache_lists = (page_cache.DESCENDANTS,)  # the newest stories, exhibitions and events of its whole tree
    parent_page_types = ["wagtailcore.Page"]
    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]
    api_fields = [*BasePage.api_fields, APIField("intro"), APIField("body")]

    class Meta:
        verbose_name = _("home page")

    @classmethod
    def can_create_at(cls, parent):
        # One home page per language: the first is made by hand, the others are its translations.
        return super().can_create_at(parent) and not cls.objects.exists()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = sections_for(HOME_PAGE_SECTIONS, self)
        attach_city_hubs(item for section in context["sections"] for item in section.items)  # one query for all
        return context

    def route(self, request, path_components):
        """Find the page for a URL with one query for the whole path, not two per URL segment as Wagtail does; the
        same query brings the page's ancestors, which its breadcrumbs and its city need (``BasePage.ancestors``). The
        query is compiled once for each number of segments (``route_trail_query``).

        The deepest page whose url_path matches a prefix of the URL gets the rest of the path, so routable
        pages (tag listings, past events) route their own sub-URLs as usual.
        """
        if not path_components:
            return super().route(request, path_components)
        prefixes = {
            f"{self.url_path}{'/'.join(path_components[:length])}/": length
            for length in range(1, min(len(path_components), MAX_PAGE_SEGMENTS) + 1)
        }
        last_path = self.path + "Z" * (Page._meta.get_field("path").max_length - len(self.path))
        trail = pages_from_rows(
            route_trail_query(len(prefixes))(
                root_path=self.path[: self.steplen],  # by path, which is indexed (depth is not)
                home_id=self.pk,
                home_path=self.path,
                last_path=last_path,  # every path below the home page's sorts between the two
                home_depth=self.depth,
                **list_arguments("prefix", prefixes),
            )
        )
        deepest = trail.pop()
        if deepest.depth <= self.depth:
            raise Http404
        page = specific(deepest)  # as Wagtail's .specific, by a prepared query
        page.__dict__["ancestors"] = trail
        page.__dict__["trail_restricted"] = any(step.restricted for step in (*trail, deepest))
        return page.route(request, path_components[prefixes[deepest.url_path] :])


class StandardPage(BasePage):
    """A page of prose: about the movement, a city's manifesto, myth-busting, ways to welcome."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"))

    parent_page_types = ["home.HomePage", "home.StandardPage", "cities.CityHubPage"]
    subpage_types = ["home.StandardPage"]
    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]
    api_fields = [*BasePage.api_fields, APIField("intro"), APIField("body")]

    class Meta:
        verbose_name = _("standard page")

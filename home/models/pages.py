from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from home.blocks import BaseStreamBlock
from home.models.base import BasePage


class HomePage(BasePage):
    """The front page of one language's tree: the movement in brief and what is new across the network."""

    intro = models.TextField(blank=True)
    body = StreamField(BaseStreamBlock(), blank=True)

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "cities.CityHubIndexPage",
        "cities.EventIndexPage",
        "stories.StoryIndexPage",
        "stories.StoryCollectionPage",
        "exhibitions.ExhibitionIndexPage",
    ]
    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]
    api_fields = [*BasePage.api_fields, APIField("intro"), APIField("body")]

    class Meta:
        verbose_name = "home page"

    @classmethod
    def can_create_at(cls, parent):
        # One home page per language: the first is made by hand, the others are its translations.
        return super().can_create_at(parent) and not cls.objects.exists()

    def get_context(self, request, *args, **kwargs):
        from cities.models import EventPage
        from exhibitions.models import ExhibitionPage
        from stories.models import StoryPage

        context = super().get_context(request, *args, **kwargs)
        context["latest_stories"] = StoryPage.objects.for_listing(self.locale)[:3]
        context["exhibitions"] = ExhibitionPage.objects.for_listing(self.locale).not_closed()[:3]
        context["upcoming_events"] = EventPage.objects.for_listing(self.locale).upcoming()[:3]
        return context


class StandardPage(BasePage):
    """A page of prose: about the movement, a city's manifesto, myth-busting, ways to welcome."""

    intro = models.TextField(blank=True)
    body = StreamField(BaseStreamBlock())

    parent_page_types = ["home.HomePage", "home.StandardPage", "cities.CityHubPage"]
    subpage_types = ["home.StandardPage"]
    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]
    api_fields = [*BasePage.api_fields, APIField("intro"), APIField("body")]

    class Meta:
        verbose_name = "standard page"

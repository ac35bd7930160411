from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager, PageQuerySet, TranslatableMixin
from wagtail.search import index

from home.blocks import BaseStreamBlock
from home.models import SOURCE_LANGUAGE, BasePage, StandardPage, paginate


class CityStatus(models.TextChoices):
    FORMING = "forming", _("Group forming")
    WORKING_TOWARDS = "working_towards", _("Working towards City of Sanctuary status")
    RECOGNISED = "recognised", _("Recognised City of Sanctuary")


def attach_city_hubs(pages):
    """Set ``city_hub`` on each page to the CityHubPage it sits under (or None), with one query for them all."""
    pages = list(pages)
    steplen = Page.steplen
    prefixes = {page.path[:end] for page in pages for end in range(steplen, len(page.path), steplen)}
    hubs = {hub.path: hub for hub in CityHubPage.objects.filter(path__in=prefixes)} if prefixes else {}
    for page in pages:
        ancestors = (page.path[:end] for end in range(len(page.path) - steplen, 0, -steplen))
        page.__dict__["city_hub"] = next((hubs[prefix] for prefix in ancestors if prefix in hubs), None)
    return pages


class NetworkListingMixin:
    """For the network-wide listings (events, stories, exhibitions): twelve to a page, each card with its city."""

    def render_listing(self, request, pages, **context):
        listing = paginate(request, pages)
        attach_city_hubs(listing.object_list)
        return self.render(request, context_overrides={"listing": listing, **context})


class InCityMixin:
    """For pages that belong to the city group they are filed under (events, stories, exhibitions).

    The city is never typed in: it is the CityHubPage above the page in the tree, so a page moved to another
    city's subtree belongs to that city, and a story is only ever placed at city level.
    """

    @cached_property
    def city_hub(self):
        hub_type = ContentType.objects.get_for_model(CityHubPage)
        return next((page for page in reversed(self.ancestors) if page.content_type_id == hub_type.id), None)


class CityHubIndexPage(BasePage):
    """The network: every local group, on a map and in a list (/cities/)."""

    intro = models.TextField(blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["cities.CityHubPage"]
    max_count_per_parent = 1
    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    api_fields = [*BasePage.api_fields, APIField("intro")]

    class Meta:
        verbose_name = "city hub index page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        hubs = CityHubPage.objects.child_of(self).live().order_by("title")
        context["listing"] = paginate(request, hubs)
        context["map_points"] = [hub.map_point() for hub in hubs]
        return context


class CityHubPage(BasePage):
    """One local City of Sanctuary group: its status, its place on the map, and what it does."""

    status = models.CharField(max_length=20, choices=CityStatus.choices, default=CityStatus.WORKING_TOWARDS)
    year_recognised = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(2005), MaxValueValidator(2100)]
    )
    latitude = models.DecimalField(
        max_digits=8, decimal_places=5, validators=[MinValueValidator(-90), MaxValueValidator(90)]
    )
    longitude = models.DecimalField(
        max_digits=8, decimal_places=5, validators=[MinValueValidator(-180), MaxValueValidator(180)]
    )
    intro = models.TextField(blank=True)
    body = StreamField(BaseStreamBlock(), blank=True)
    contact_email = models.EmailField(blank=True)
    contact_details = models.TextField(blank=True, help_text=_("Meeting place, phone, or how to get in touch."))

    parent_page_types = ["cities.CityHubIndexPage"]
    subpage_types = [
        "stories.StoryCollectionPage",
        "exhibitions.ExhibitionPage",
        "cities.EventPage",
        "home.StandardPage",
    ]
    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel([FieldPanel("status"), FieldPanel("year_recognised")], heading=_("Status")),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")], heading=_("Location on the map")),
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("contact_email"), FieldPanel("contact_details")], heading=_("Contact")),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]
    api_fields = [
        *BasePage.api_fields,
        APIField("status"),
        APIField("year_recognised"),
        APIField("latitude"),
        APIField("longitude"),
        APIField("intro"),
        APIField("body"),
        APIField("contact_email"),
        APIField("contact_details"),
    ]

    class Meta:
        verbose_name = "city hub page"

    def clean(self):
        super().clean()
        if self.status == CityStatus.RECOGNISED and not self.year_recognised:
            raise ValidationError(
                {"year_recognised": _("A recognised City of Sanctuary needs the year it was recognised.")}
            )
        if self.status != CityStatus.RECOGNISED and self.year_recognised:
            raise ValidationError({"year_recognised": _("Only a recognised City of Sanctuary has a year recognised.")})

    def map_point(self):
        """Position on the network map, as percentages of a box around Great Britain."""
        west, east, south, north = -6.0, 2.0, 50.0, 56.0
        return {
            "hub": self,
            "x": round((float(self.longitude) - west) / (east - west) * 100, 2),
            "y": round((north - float(self.latitude)) / (north - south) * 100, 2),
        }

    def get_context(self, request, *args, **kwargs):
        from exhibitions.models import ExhibitionPage
        from stories.models import StoryCollectionPage

        context = super().get_context(request, *args, **kwargs)
        events = EventPage.objects.child_of(self).live().annotate(source_language=SOURCE_LANGUAGE)
        context["upcoming_events"] = list(events.upcoming().order_by("start")[:6])
        context["past_events"] = events.past().order_by("-start")[:6]
        for event in context["upcoming_events"]:
            event.__dict__["city_hub"] = self
        context["collections"] = StoryCollectionPage.objects.child_of(self).live().with_story_counts()
        context["exhibitions"] = ExhibitionPage.objects.child_of(self).live().order_by("-opens_on")
        context["pages"] = StandardPage.objects.child_of(self).live()
        organisations = list(
            SupportingOrganisation.objects.for_city(self)
            .annotate(total=models.Window(models.Count("pk")))
            .order_by("-pledged_on", "name")[:12]
        )
        context["organisation_count"] = organisations[0].total if organisations else 0
        context["organisations"] = organisations
        return context


class EventPageQuerySet(PageQuerySet):
    def upcoming(self):
        now = timezone.now()
        return self.filter(models.Q(end__gte=now) | models.Q(end__isnull=True, start__gte=now))

    def past(self):
        now = timezone.now()
        return self.filter(models.Q(end__lt=now) | models.Q(end__isnull=True, start__lt=now))

    def for_listing(self, locale_id):
        return self.live().filter(locale_id=locale_id).order_by("start").annotate(source_language=SOURCE_LANGUAGE)


class EventPage(InCityMixin, BasePage):
    """Something a city group puts on: a Stories of Sanctuary evening, a workshop, a dance, a concert."""

    start = models.DateTimeField()
    end = models.DateTimeField(null=True, blank=True)
    venue = models.CharField(max_length=255)
    summary = models.TextField(blank=True)
    body = StreamField(BaseStreamBlock(), blank=True)

    objects = PageManager.from_queryset(EventPageQuerySet)()

    parent_page_types = ["cities.CityHubPage"]
    subpage_types = []
    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")], heading=_("When")),
        FieldPanel("venue"),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("venue"),
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("start"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("start"),
        APIField("end"),
        APIField("venue"),
        APIField("summary"),
        APIField("body"),
    ]

    class Meta:
        verbose_name = "event page"

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("An event cannot end before it starts.")})

    @property
    def is_past(self):
        return (self.end or self.start) < timezone.now()


class EventIndexPage(NetworkListingMixin, RoutablePageMixin, BasePage):
    """Upcoming events across the network (/events/), and past ones (/events/past/)."""

    intro = models.TextField(blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    api_fields = [*BasePage.api_fields, APIField("intro")]

    class Meta:
        verbose_name = "event index page"

    def events(self, past=False):
        events = EventPage.objects.for_listing(self.locale_id)
        return events.past().order_by("-start") if past else events.upcoming()

    @path("")
    def upcoming_view(self, request):
        return self.render_listing(request, self.events(past=False), showing_past=False)

    @path("past/")
    def past_view(self, request):
        return self.render_listing(request, self.events(past=True), showing_past=True)


class OrganisationKind(models.TextChoices):
    BUSINESS = "business", _("Business")
    SCHOOL = "school", _("School or college")
    FAITH = "faith", _("Faith group")
    CHARITY = "charity", _("Charity or community group")
    COUNCIL = "council", _("Council or public body")
    HEALTH = "health", _("Health service")
    OTHER = "other", _("Other")


class SupportingOrganisationQuerySet(models.QuerySet):
    def for_city(self, hub):
        """The organisations pledged in ``hub``'s city, whichever language's copy of the hub they point to."""
        return self.filter(city__translation_key=hub.translation_key, locale__language_code=settings.LANGUAGE_CODE)


class SupportingOrganisation(TranslatableMixin, index.Indexed, models.Model):
    """An organisation that has pledged to support the resolution "we welcome asylum seekers and refugees"."""

    name = models.CharField(max_length=255)
    kind = models.CharField(max_length=20, choices=OrganisationKind.choices)
    city = models.ForeignKey("cities.CityHubPage", on_delete=models.PROTECT, related_name="+")
    pledged_on = models.DateField(help_text=_("When the organisation pledged its support for the resolution."))
    website = models.URLField(blank=True)

    objects = SupportingOrganisationQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("city"),
        FieldPanel("pledged_on"),
        FieldPanel("website"),
    ]
    search_fields = [index.SearchField("name"), index.FilterField("kind"), index.FilterField("locale_id")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = "supporting organisation"
        ordering = ["name"]

    def __str__(self):
        return self.name

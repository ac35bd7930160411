from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import RowNumber
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import PageManager, PageQuerySet, TranslatableMixin
from wagtail.search import index

from cities.feeds import UpcomingEventsFeed, calendar_response
from cities.network_map import alphabetical, network_map
from home import page_cache
from home.blocks import BaseStreamBlock
from home.models import SOURCE_LANGUAGE, BasePage, InCityMixin, NetworkIndexPage, PreparedListing, StandardPage
from home.prepared import CHILDREN_FIELDS, PreparedQuerySet, children_arguments, children_of
from home.sections import CITY_HUB_LISTINGS, sections_for


class CityStatus(models.TextChoices):
    FORMING = "forming", _("Group forming")
    WORKING_TOWARDS = "working_towards", _("Working towards City of Sanctuary status")
    RECOGNISED = "recognised", _("Recognised City of Sanctuary")


class CityHubIndexPage(BasePage):
    """The network: every local group, on a map and in a list (/cities/)."""

    intro = models.TextField(_("introduction"), blank=True)

    page_cache_lists = (page_cache.CHILDREN,)
    parent_page_types = ["home.HomePage"]
    subpage_types = ["cities.CityHubPage"]
    max_count_per_parent = 1
    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    api_fields = [*BasePage.api_fields, APIField("intro")]

    class Meta:
        verbose_name = _("city hub index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        hubs = (
            CityHubPage.objects.filter(children_of(**children_arguments(self)))
            .live()
            .annotate(source_language=SOURCE_LANGUAGE)
        )
        context["hubs"] = alphabetical(hubs, get_language())  # every group: a list of towns is not a feed
        context["network_map"] = network_map(context["hubs"])
        # Each label translated once, not once per city (rendering a lazy label translates it several times).
        context["statuses"] = [(status, str(label)) for status, label in CityStatus.choices]
        labels = dict(context["statuses"])
        for hub in context["hubs"]:
            hub.status_label = labels.get(hub.status, hub.status)
        return context


class CityHubPage(RoutablePageMixin, BasePage):
    """One local City of Sanctuary group: its status, its place on the map, and what it does.

    Its stories and exhibitions are listed by the apps that own them (home/sections.py, ``CITY_HUB_LISTINGS``).
    Its upcoming events can be added to a calendar at ``ics/``.
    """

    is_city_hub = True  # pages under it belong to this city (home.models.listings)
    page_cache_lists = (page_cache.DESCENDANTS,)  # its events, pages, exhibitions, collections and their story counts

    status = models.CharField(
        _("status"), max_length=20, choices=CityStatus.choices, default=CityStatus.WORKING_TOWARDS
    )
    year_recognised = models.PositiveSmallIntegerField(
        _("year recognised"), null=True, blank=True, validators=[MinValueValidator(2005), MaxValueValidator(2100)]
    )
    latitude = models.DecimalField(
        _("latitude"), max_digits=8, decimal_places=5, validators=[MinValueValidator(-90), MaxValueValidator(90)]
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=8, decimal_places=5, validators=[MinValueValidator(-180), MaxValueValidator(180)]
    )
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_details = models.TextField(
        _("contact details"), blank=True, help_text=_("Meeting place, phone, or how to get in touch.")
    )

    parent_page_types = ["cities.CityHubIndexPage"]
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
        verbose_name = _("city hub page")

    def clean(self):
        super().clean()
        if self.status == CityStatus.RECOGNISED and not self.year_recognised:
            raise ValidationError(
                {"year_recognised": _("A recognised City of Sanctuary needs the year it was recognised.")}
            )
        if self.status != CityStatus.RECOGNISED and self.year_recognised:
            raise ValidationError({"year_recognised": _("Only a recognised City of Sanctuary has a year recognised.")})

    @path("ics/", name="calendar")
    def calendar(self, request):
        """Every upcoming event of this group, in this hub's language, as one iCalendar file."""
        events = (
            EventPage.objects.filter(children_of(**children_arguments(self)))
            .live()
            .upcoming()
            .order_by("start")
            .annotate(source_language=SOURCE_LANGUAGE)
        )
        name = gettext("%(city)s: events") % {"city": self.title}
        return calendar_response(request, events, name, self.locale.language_code, self.slug)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        children = children_arguments(self)
        events = HUB_EVENTS(**children, now=timezone.now())
        context["upcoming_events"], context["past_events"] = upcoming_and_past(events)
        for event in context["upcoming_events"]:
            event.__dict__["city_hub"] = self
        context["listings"] = sections_for(CITY_HUB_LISTINGS, self)
        context["pages"] = HUB_PAGES(**children)
        page_cache.lists_model(SupportingOrganisation)
        organisations = HUB_ORGANISATIONS(translation_key=self.translation_key)
        context["organisation_count"] = organisations[0].total if organisations else 0
        context["organisations"] = organisations
        return context


def is_upcoming(now=None):
    """Not over yet: it ends later, or, with no end given, it starts later. Never NULL in SQL (``end__isnull``
    on both sides), so it can group and sort rows. ``now`` may be a prepared query's placeholder (home/prepared.py)."""
    now = timezone.now() if now is None else now
    return models.Q(end__isnull=False, end__gte=now) | models.Q(end__isnull=True, start__gte=now)


class EventPageQuerySet(PageQuerySet):
    def upcoming(self, now=None):
        return self.filter(is_upcoming(now))

    def ranked_upcoming_and_past(self, count, now):
        """Up to ``count`` upcoming events, soonest first, and up to ``count`` past ones, latest first, in one query:
        each row is numbered within its group (upcoming first by start, past by start backwards); ``is_upcoming``
        annotated. Split them with ``upcoming_and_past``."""
        upcoming = is_upcoming(now)
        flag = models.ExpressionWrapper(upcoming, output_field=models.BooleanField())
        soonest_first = models.Case(models.When(upcoming, then=models.F("start")))  # NULL, so tied, for past ones
        number = models.Window(
            RowNumber(), partition_by=[flag], order_by=[soonest_first.asc(), models.F("start").desc()]
        )
        ranked = self.annotate(is_upcoming=flag, number=number)
        return ranked.filter(number__lte=count).order_by("-is_upcoming", "number")

    def past(self, now=None):
        now = timezone.now() if now is None else now
        return self.filter(models.Q(end__lt=now) | models.Q(end__isnull=True, start__lt=now))

    def for_listing(self, locale_id):
        """Live events of one language's tree, by start, as cards: without their body (see StoryPageQuerySet.cards).
        ``exact_type``: see StoryPageQuerySet.listed."""
        events = self.live().exact_type(self.model).filter(locale_id=locale_id).order_by("start", "id").defer("body")
        return events.annotate(source_language=SOURCE_LANGUAGE)


def events_listing(locale_id, now, past=False):
    """The events index's listing: upcoming events, soonest first, or past ones, latest first. ``locale_id`` and
    ``now`` may be a prepared query's placeholders."""
    events = EventPage.objects.for_listing(locale_id)
    return events.past(now).order_by("-start", "-id") if past else events.upcoming(now)


def upcoming_and_past(ranked):
    """``ranked`` (``EventPageQuerySet.ranked_upcoming_and_past``) as its upcoming events and its past ones."""
    return [event for event in ranked if event.is_upcoming], [event for event in ranked if not event.is_upcoming]


class EventPage(InCityMixin, RoutablePageMixin, BasePage):
    """Something a city group puts on: a Stories of Sanctuary evening, a workshop, a dance, a concert.

    A reader adds it to their calendar from ``ics/``.
    """

    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"), null=True, blank=True)
    venue = models.CharField(_("venue"), max_length=255)
    summary = models.TextField(_("summary"), blank=True)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

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
        verbose_name = _("event page")
        # Upcoming events, soonest first (the home page, the hub, the events index): PostgreSQL walks this order to
        # the first few of a language's events instead of sorting every language's.
        indexes = [models.Index(fields=["start"], name="event_start_idx")]

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("An event cannot end before it starts.")})

    @property
    def is_past(self):
        return (self.end or self.start) < timezone.now()

    @path("ics/", name="calendar")
    def calendar(self, request):
        this_event = EventPage.objects.filter(pk=self.pk).annotate(source_language=SOURCE_LANGUAGE)
        return calendar_response(request, this_event, self.title, self.locale.language_code, self.slug)


class EventIndexPage(NetworkIndexPage):
    """Upcoming events across the network (/events/), and past ones (/events/past/)."""

    class Meta:
        verbose_name = _("event index page")

    def events(self, past=False, now=None):
        return events_listing(self.locale_id, now or timezone.now(), past)

    @path("")
    def upcoming_view(self, request):
        return self.render_events(request, past=False)

    @path("past/")
    def past_view(self, request):
        return self.render_events(request, past=True)

    def render_events(self, request, past):
        now = timezone.now()
        prepared = (PAST_LISTING if past else UPCOMING_LISTING)(locale_id=self.locale_id, now=now)
        return self.render_listing(request, self.events(past, now), prepared=prepared, showing_past=past)

    @path("feed/", name="feed")
    def feed(self, request):
        """RSS of the upcoming events in this index's language, soonest first."""
        return UpcomingEventsFeed(self, self.events(past=False), request)(request)


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
        return self.for_city_key(hub.translation_key)

    def for_city_key(self, translation_key):
        """``for_city`` by the hub's translation key (or a prepared query's placeholder for it)."""
        return self.filter(city__translation_key=translation_key, locale__language_code=settings.LANGUAGE_CODE)


class SupportingOrganisation(TranslatableMixin, index.Indexed, models.Model):
    """An organisation that has pledged to support the resolution "we welcome asylum seekers and refugees"."""

    name = models.CharField(_("name"), max_length=255)
    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices)
    city = models.ForeignKey(
        "cities.CityHubPage", on_delete=models.PROTECT, related_name="+", verbose_name=_("city group")
    )
    pledged_on = models.DateField(
        _("pledged on"), help_text=_("When the organisation pledged its support for the resolution.")
    )
    website = models.URLField(_("website"), blank=True)

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
        verbose_name = _("supporting organisation")
        verbose_name_plural = _("supporting organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name


# A hub's own lists, compiled once each (home/prepared.py): every hub page shows them.
HUB_EVENTS = PreparedQuerySet(
    lambda now, **children: (
        EventPage.objects.filter(children_of(**children), live=True)
        .annotate(source_language=SOURCE_LANGUAGE)
        .ranked_upcoming_and_past(6, now)
    ),
    **CHILDREN_FIELDS,
    now=EventPage._meta.get_field("start"),
)
# The events index's first pages and counts (home.models.PreparedListing).
UPCOMING_LISTING = PreparedListing(
    lambda locale_id, now: events_listing(locale_id, now),
    locale_id=EventPage._meta.get_field("locale"),
    now=EventPage._meta.get_field("start"),
)
PAST_LISTING = PreparedListing(
    lambda locale_id, now: events_listing(locale_id, now, past=True),
    locale_id=EventPage._meta.get_field("locale"),
    now=EventPage._meta.get_field("start"),
)
HUB_PAGES = PreparedQuerySet(
    lambda **children: StandardPage.objects.filter(children_of(**children), live=True).order_by("path"),
    **CHILDREN_FIELDS,
)
HUB_ORGANISATIONS = PreparedQuerySet(
    lambda translation_key: (
        SupportingOrganisation.objects.for_city_key(translation_key)
        .annotate(total=models.Window(models.Count("pk")))
        .order_by("-pledged_on", "name")[:12]
    ),
    translation_key=CityHubPage._meta.get_field("translation_key"),
)

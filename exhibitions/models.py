from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import PageManager, PageQuerySet
from wagtail.search import index

from home import page_cache
from home.blocks import ImageBlock
from home.models import (
    BasePage,
    InCityMixin,
    NetworkIndexPage,
    PreparedKeyedListing,
    PreparedListing,
    with_card_images,
)
from home.page_urls import page_url
from home.prepared import CHILDREN_FIELDS, PreparedValues, children_arguments, children_of


class ExhibitionQuerySet(PageQuerySet):
    def for_listing(self, locale_id, renditions=True):
        return with_card_images(self.listed(locale_id), "hero_image", renditions=renditions)

    def listed(self, locale_id):
        # exact_type: see StoryPageQuerySet.listed
        return self.live().exact_type(self.model).filter(locale_id=locale_id).order_by("opens_on", "id")

    def current(self):
        today = timezone.localdate()
        return self.filter(opens_on__lte=today).filter(
            models.Q(closes_on__isnull=True) | models.Q(closes_on__gte=today)
        )

    def upcoming(self):
        return self.filter(opens_on__gt=timezone.localdate())

    def past(self, today=None):
        """Closed before ``today`` (a prepared query's placeholder, or None for today)."""
        return self.filter(closes_on__lt=timezone.localdate() if today is None else today)

    def not_closed(self, today=None):
        return self.exclude(closes_on__lt=timezone.localdate() if today is None else today)

    def tagged(self, tag_id):
        """Those with the tag, the latest opened first."""
        return self.filter(tags=tag_id).order_by("-opens_on", "-id")

    def ranked_for_home(self, today):
        """The exhibitions on now or coming up, soonest first, then the closed ones, most recently closed first;
        ``closed`` annotated. ``today`` may be a prepared query's placeholder (home/prepared.py)."""
        closed = models.Q(closes_on__isnull=False, closes_on__lt=today)  # never NULL: sorts alike
        ranked = self.annotate(closed=models.ExpressionWrapper(closed, output_field=models.BooleanField()))
        return ranked.order_by(
            "closed",
            models.Case(models.When(closed, then=None), default=models.F("opens_on")).asc(),
            models.F("closes_on").desc(),
            models.F("opens_on").desc(),
        )


def on_now_or_last_closed(ranked):
    """Of ``ranked`` (the first few of ``ExhibitionQuerySet.ranked_for_home``): those on now or coming up, soonest
    first; when there are none, the one that closed last, rather than nothing."""
    if ranked and ranked[0].closed:
        return ranked[:1]
    return [exhibition for exhibition in ranked if not exhibition.closed]


class ExhibitionTag(TaggedItemBase):
    content_object = ParentalKey("exhibitions.ExhibitionPage", on_delete=models.CASCADE, related_name="tagged_items")


class ExhibitionPage(InCityMixin, RoutablePageMixin, BasePage):
    """An exhibition such as "Building Sanctuary in Swansea": a curator's statement and ordered exhibits.

    Its ``panels/`` page shows the whole exhibition at once: the opening, then every exhibit in full. Printed
    (exhibitions/static/exhibitions/print.css), it makes one A4 panel per exhibit for a city group's walls.
    """

    summary = models.TextField(_("summary"), max_length=500, blank=True)
    curator_statement = RichTextField(_("curator statement"), features=["bold", "italic", "link"])
    venue = models.CharField(_("venue"), max_length=255)
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(
        _("closes on"), null=True, blank=True, help_text=_("Leave empty for a permanent exhibition.")
    )
    hero_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("hero image"),
    )
    hero_alt_text = models.CharField(
        _("hero image alternative text"),
        max_length=255,
        blank=True,
        help_text=_("Leave empty to use the image's description."),
    )
    tags = ClusterTaggableManager(through=ExhibitionTag, blank=True, verbose_name=_("tags"))

    objects = PageManager.from_queryset(ExhibitionQuerySet)()

    page_cache_lists = (page_cache.CHILDREN,)  # its exhibits
    parent_page_types = ["cities.CityHubPage", "exhibitions.ExhibitionIndexPage"]
    subpage_types = ["exhibitions.ExhibitPage"]
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("summary"),
        FieldPanel("curator_statement"),
        FieldPanel("venue"),
        FieldRowPanel([FieldPanel("opens_on"), FieldPanel("closes_on")], heading=_("Dates")),
        FieldPanel("hero_image"),
        FieldPanel("hero_alt_text"),
        FieldPanel("tags"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("curator_statement"),
        index.SearchField("venue"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("summary"),
        APIField("curator_statement"),
        APIField("venue"),
        APIField("opens_on"),
        APIField("closes_on"),
        APIField("hero_image"),
        APIField("tags"),
    ]

    class Meta:
        verbose_name = _("exhibition page")

    def clean(self):
        super().clean()
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            raise ValidationError({"closes_on": _("An exhibition cannot close before it opens.")})

    @property
    def when(self):
        """'current', 'upcoming' or 'past', from today's date."""
        today = timezone.localdate()
        if self.opens_on > today:
            return "upcoming"
        if self.closes_on and self.closes_on < today:
            return "past"
        return "current"

    def exhibits(self):
        return ExhibitPage.objects.filter(children_of(**children_arguments(self))).live().order_by("path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["exhibits"] = self.exhibits().only(
            "id", "title", "slug", "url_path", "path", "depth", "locale_id", "caption", "credit"
        )
        return context

    @path("panels/", name="panels")
    def panels(self, request):
        """The opening and every exhibit in full, one after another: to read at once, or to print as panels.

        Its queries grow with the exhibits (each one's images); it is a page for printing, not a listing.
        """
        return self.render(
            request,
            template="exhibitions/exhibition_panels.html",
            context_overrides={"exhibits": list(self.exhibits())},
        )


class ExhibitPage(BasePage):
    """One exhibit of an exhibition: images and writing, visited in order with previous/next links."""

    caption = models.CharField(
        _("caption"), max_length=255, blank=True, help_text=_("A line that introduces the exhibit.")
    )
    images = StreamField([("image", ImageBlock())], blank=True, verbose_name=_("images"))
    writing = RichTextField(_("writing"), features=["bold", "italic", "link", "ol", "ul", "h3"])
    credit = models.CharField(
        _("credit"), max_length=255, blank=True, help_text=_("Who made this exhibit, as they wish to be named.")
    )

    page_cache_lists = (page_cache.SIBLINGS,)  # previous and next, "3 of 7"
    parent_page_types = ["exhibitions.ExhibitionPage"]
    subpage_types = []
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("caption"),
        FieldPanel("images"),
        FieldPanel("writing"),
        FieldPanel("credit"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("caption"), index.SearchField("writing")]
    api_fields = [
        *BasePage.api_fields,
        APIField("caption"),
        APIField("images"),
        APIField("writing"),
        APIField("credit"),
    ]

    class Meta:
        verbose_name = _("exhibit page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        exhibition = context["breadcrumbs"][-1]
        exhibits = LIVE_EXHIBITS(**children_arguments(exhibition))  # this one too, when it is live
        before = [row for row in exhibits if row["path"] < self.path]
        after = [row for row in exhibits if row["path"] > self.path]
        context["previous_exhibit"] = ExhibitLink.of(before[-1], request) if before else None
        context["next_exhibit"] = ExhibitLink.of(after[0], request) if after else None
        context["exhibit_number"] = len(exhibits) - len(after)
        context["exhibit_total"] = len(exhibits)
        context["exhibition"] = exhibition
        return context


@dataclass
class ExhibitLink:
    """A link to another exhibit of the same exhibition: previous, next."""

    title: str
    url: str

    @classmethod
    def of(cls, row, request):
        return cls(row["title"], page_url(row["url_path"], request))


# The live exhibits of an exhibition, in order: compiled once (home/prepared.py), every exhibit page shows its place.
LIVE_EXHIBITS = PreparedValues(
    lambda **children: (
        ExhibitPage.objects.filter(children_of(**children), live=True)
        .order_by("path")
        .values("title", "url_path", "path")
    ),
    **CHILDREN_FIELDS,
)


class ExhibitionIndexPage(NetworkIndexPage):
    """Every exhibition in the network (/exhibitions/): on now and coming up, past ones, and by tag."""

    subpage_types = ["exhibitions.ExhibitionPage"]

    class Meta:
        verbose_name = _("exhibition index page")

    @path("")
    def current_and_upcoming(self, request):
        arguments = {"locale_id": self.locale_id, "today": timezone.localdate()}
        exhibitions = exhibitions_on_now_and_upcoming(**arguments)
        return self.render_listing(request, exhibitions, prepared=ON_NOW_AND_UPCOMING(**arguments), showing="now")

    @path("past/")
    def past(self, request):
        arguments = {"locale_id": self.locale_id, "today": timezone.localdate()}
        exhibitions = past_exhibitions(**arguments)
        return self.render_listing(request, exhibitions, prepared=PAST(**arguments), showing="past")

    @path("tag/<str:tag>/")
    def tagged(self, request, tag):
        tag = get_object_or_404(Tag, slug=tag)
        arguments = {"locale_id": self.locale_id, "tag_id": tag.pk}
        exhibitions = tagged_exhibitions(**arguments)
        return self.render_listing(request, exhibitions, prepared=TAGGED(**arguments), showing="tag", tag=tag)


# The index's listings; ``today`` and the others may be a prepared query's placeholders.


def exhibitions_on_now_and_upcoming(locale_id, today, renditions=True):
    return ExhibitionPage.objects.for_listing(locale_id, renditions=renditions).not_closed(today)


def past_exhibitions(locale_id, today, renditions=True):
    exhibitions = ExhibitionPage.objects.for_listing(locale_id, renditions=renditions).past(today)
    return exhibitions.order_by("-closes_on", "-id")


def tagged_exhibitions(locale_id, tag_id, renditions=True):
    return ExhibitionPage.objects.for_listing(locale_id, renditions=renditions).tagged(tag_id)


def prepared_listing(listing, **fields):
    """``listing``'s first page and count, compiled once (home.models.PreparedListing)."""
    return PreparedListing(
        lambda **arguments: listing(**arguments, renditions=False),
        image_field="hero_image",
        locale_id=LOCALE,
        **fields,
    )


LOCALE = ExhibitionPage._meta.get_field("locale")
DAY = ExhibitionPage._meta.get_field("opens_on")
ON_NOW_AND_UPCOMING = prepared_listing(exhibitions_on_now_and_upcoming, today=DAY)
PAST = prepared_listing(past_exhibitions, today=DAY)
TAGGED = PreparedKeyedListing(
    lambda locale_id, tag_id: ExhibitionPage.objects.listed(locale_id).tagged(tag_id),
    rows=lambda: with_card_images(ExhibitionPage.objects.all(), "hero_image", renditions=False),
    image_field="hero_image",
    locale_id=LOCALE,
    tag_id=Tag._meta.pk,
)

"""The stories on the public site: a story, the collections that hold them, and the network-wide listing."""

from django import forms
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Count, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce, Concat
from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager, PagePermissionTester, PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home import page_cache
from home.blocks import BaseStreamBlock
from home.languages import KNOWN_LANGUAGES
from home.models import (
    BasePage,
    InCityMixin,
    NetworkIndexPage,
    PreparedKeyedListing,
    PreparedListing,
    paginate,
    with_card_images,
)
from home.prepared import CHILDREN_FIELDS, children_arguments, children_of
from stories.feeds import LatestStoriesFeed
from stories.models.workflow import ConsentCheckRequired, consent_check_passed


class Naming(models.TextChoices):
    REAL_NAME = "real_name", _("My real name")
    PSEUDONYM = "pseudonym", _("A name I choose (pseudonym)")
    ANONYMOUS = "anonymous", _("Anonymous")


class ContentWarning(models.TextChoices):
    DETENTION = "detention", _("Detention")
    VIOLENCE = "violence", _("Violence")
    FAMILY_LOSS = "family_loss", _("Loss of family")
    TORTURE = "torture", _("Torture")
    SEXUAL_VIOLENCE = "sexual_violence", _("Sexual violence")
    DEATH = "death", _("Death")
    DESTITUTION = "destitution", _("Destitution and homelessness")


class StoryPageForm(WagtailAdminPageForm):
    content_warnings = forms.MultipleChoiceField(
        label=_("Content warnings"),
        choices=ContentWarning.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Shown to readers before the story, so they can choose to read on."),
    )


LANGUAGE_CHOICES = [(code, _(english)) for code, (english, _native, _rtl) in KNOWN_LANGUAGES.items()]


class StoryPageQuerySet(PageQuerySet):
    def for_listing(self, locale_id, renditions=True):
        """Live stories of one language's tree, newest first, as cards (``cards``)."""
        return self.listed(locale_id).cards(renditions)

    def cards(self, renditions=True):
        """What a story's card shows: with its card image (``with_card_images``), without its body, which a card never
        shows and which Wagtail parses from JSON for every story read (a fifth of reading a dozen stories)."""
        return with_card_images(self.defer("body"), renditions=renditions)

    def listed(self, locale_id):
        """Live stories of one language's tree, newest first.

        ``exact_type`` repeats on the page table what the join to the stories' table implies, so that PostgreSQL
        finds one type's pages of one language by the (content type, locale) index instead of reading every page of
        the language (home migration 0004): the listings of exhibitions and events do the same."""
        stories = self.live().exact_type(self.model).filter(locale_id=locale_id)
        return stories.order_by("-told_on", "-first_published_at", "-id")  # the id: a total order (KeysFirstPaginator)

    def counted_for_listing(self, locale_id):
        """As many rows as ``for_listing``, in the page table alone: every story's page says its type. Counting
        them so takes 3 ms at 5,000 stories on PostgreSQL, where the join with the stories' table took 8 to 12 ms."""
        story_type = ContentType.objects.get_for_model(StoryPage)
        return Page.objects.filter(content_type=story_type, live=True, locale_id=locale_id)


class StoryTag(TaggedItemBase):
    content_object = ParentalKey("stories.StoryPage", on_delete=models.CASCADE, related_name="tagged_items")


class StoryPermissionTester(PagePermissionTester):
    """Publish is offered only when the version to publish has passed its consent check, to every user."""

    @cached_property
    def _latest_version_passed_consent_check(self):
        return self.page.pk is not None and consent_check_passed(self.page, self.page.get_latest_revision())

    def can_publish(self):
        return super().can_publish() and self._latest_version_passed_consent_check

    def can_withdraw(self):
        """Taking a story down is for whoever may publish in its tree, whatever the state of its review."""
        return super().can_publish()


class StoryPage(InCityMixin, BasePage):
    """One person's story of seeking sanctuary, told in their words and named the way they chose."""

    teller_name = models.CharField(
        max_length=100,
        blank=True,
        verbose_name=_("teller's display name"),
        help_text=_("Shown with the story. Leave empty when the teller chose to be anonymous."),
    )
    naming = models.CharField(
        max_length=20,
        choices=Naming.choices,
        default=Naming.PSEUDONYM,
        verbose_name=_("how the teller chose to be named"),
    )
    told_in = models.CharField(
        max_length=10, choices=LANGUAGE_CHOICES, default="en", verbose_name=_("language told in")
    )
    told_on = models.DateField(verbose_name=_("date told"))
    summary = models.TextField(_("summary"), max_length=500)
    image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"))
    tags = ClusterTaggableManager(through=StoryTag, blank=True, verbose_name=_("tags"))
    content_warnings = models.JSONField(
        _("content warnings"),
        default=list,
        blank=True,
        help_text=_("Shown to readers before the story, so they can choose to read on."),
    )
    translated_by = models.CharField(
        _("translated by"),
        max_length=100,
        blank=True,
        help_text=_("On a translation: the translator's name as they wish to be credited. Empty: 'a volunteer'."),
    )

    objects = PageManager.from_queryset(StoryPageQuerySet)()
    base_form_class = StoryPageForm
    # The translator's credit belongs to each translation: kept out of the strings to translate, overridable.
    override_translatable_fields = [*BasePage.override_translatable_fields, SynchronizedField("translated_by")]

    parent_page_types = ["stories.StoryCollectionPage"]
    subpage_types = []
    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel([FieldPanel("teller_name"), FieldPanel("naming")], heading=_("The teller")),
        FieldRowPanel([FieldPanel("told_in"), FieldPanel("told_on")]),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
        FieldPanel("tags"),
        FieldPanel("content_warnings"),
        InlinePanel("related_stories", label=_("Related stories")),
        FieldPanel("translated_by"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("told_on"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("teller_display_name"),
        APIField("told_in"),
        APIField("told_on"),
        APIField("summary"),
        APIField("body"),
        APIField("tags"),
    ]

    needs_consent_check = True  # read by stories.models.workflow: stories carry a teller's consent

    class Meta:
        verbose_name = _("story page")
        # The listings' order (StoryPageQuerySet.for_listing): PostgreSQL walks it to the first 12 of a language's
        # stories instead of sorting every language's (40,000 rows at 5,000 stories).
        indexes = [models.Index(fields=["-told_on"], name="story_told_on_idx")]

    def save(self, *args, **kwargs):
        if self._state.adding and self.alias_of_id is None:
            # A story never starts live (a copy "kept live", a page made in code): it goes live through publish().
            self.live, self.has_unpublished_changes = False, True
        elif self.goes_live_with_another_version(kwargs.get("update_fields")):
            self.refuse_unless_consent_check_passed(self.live_revision)
        return super().save(*args, **kwargs)

    def goes_live_with_another_version(self, update_fields):
        """Whether this save makes a version live that was not live before (every publishing path saves so)."""
        if not self.live or self.alias_of_id is not None:
            return False
        if update_fields is not None and not {"live", "live_revision"} & set(update_fields):
            return False
        return not StoryPage.objects.filter(pk=self.pk, live=True, live_revision_id=self.live_revision_id).exists()

    def refuse_unless_consent_check_passed(self, revision):
        if not consent_check_passed(self, revision):
            raise ConsentCheckRequired(
                _("A story goes live only after this version of it has passed the consent check of Story review.")
            )

    def publish(self, revision, *args, **kwargs):
        if revision.approved_go_live_at is not None and not consent_check_passed(self, revision):
            # publish_scheduled's run: drop the schedule rather than stop the command for every other page
            revision.approved_go_live_at = None
            revision.save(update_fields=["approved_go_live_at"])
            return None
        self.refuse_unless_consent_check_passed(revision)
        return super().publish(revision, *args, **kwargs)

    def permissions_for_user(self, user):
        return StoryPermissionTester(user, self)

    @property
    def content_warning_labels(self):
        labels = dict(ContentWarning.choices)
        return [labels[code] for code in self.content_warnings if code in labels]

    @property
    def teller_display_name(self):
        if self.naming == Naming.ANONYMOUS or not self.teller_name:
            return str(_("Anonymous"))
        return self.teller_name

    def clean(self):
        super().clean()
        if self.naming == Naming.ANONYMOUS:
            self.teller_name = ""

    def localized_related_stories(self):
        """Live related stories in the reader's language where translated, else as chosen; two queries."""
        chosen = list(self.related_stories.values_list("story__translation_key", "story_id"))
        if not chosen:
            return []
        keys = [key for key, _id in chosen]
        page_cache.record(*(page_cache.page_tag(pk) for _key, pk in chosen))  # shown once live, or in this language
        # Both kinds share the chosen stories' translation keys, which the (translation key, locale) index finds.
        candidates = StoryPage.objects.live().filter(
            models.Q(locale_id=self.locale_id) | models.Q(id__in=[pk for _key, pk in chosen]), translation_key__in=keys
        )
        localized, originals = {}, {}
        for story in candidates.only("id", "title", "url_path", "path", "depth", "locale_id", "translation_key"):
            if story.locale_id == self.locale_id:
                localized[story.translation_key] = story
            originals[story.pk] = story
        return [localized.get(key) or originals[pk] for key, pk in chosen if key in localized or pk in originals]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related"] = self.localized_related_stories()
        return context


class RelatedStory(Orderable):
    page = ParentalKey(StoryPage, on_delete=models.CASCADE, related_name="related_stories")
    story = models.ForeignKey(StoryPage, on_delete=models.CASCADE, related_name="+", verbose_name=_("story"))

    panels = [FieldPanel("story")]


class StoryCollectionQuerySet(PageQuerySet):
    def with_story_counts(self):
        """Annotate ``story_count``: live stories in each collection, counted in the database.

        A child's path is its parent's and four more characters of the path alphabet (0-9, A-Z), so the children are
        the range of paths just after the parent's, which the path index serves; ``path__startswith`` of a column
        becomes a LIKE with a computed pattern, which reads every page (37 ms a hub at 5,000 stories on SQLite).
        """
        last_child = Concat(OuterRef("path"), Value("ZZZZ"), output_field=models.CharField())
        stories = (
            StoryPage.objects.live()
            .filter(path__gt=OuterRef("path"), path__lte=last_child, depth=OuterRef("depth") + 1)
            .order_by()
            .values("depth")
            .annotate(count=Count("pk"))
            .values("count")
        )
        return self.annotate(story_count=Coalesce(Subquery(stories), 0))


class StoryCollectionPage(InCityMixin, BasePage):
    """A collection of stories, such as Bradford's "Stories of Sanctuary"."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    objects = PageManager.from_queryset(StoryCollectionQuerySet)()
    page_cache_lists = (page_cache.CHILDREN,)

    parent_page_types = ["home.HomePage", "cities.CityHubPage"]
    subpage_types = ["stories.StoryPage"]
    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]
    api_fields = [*BasePage.api_fields, APIField("intro"), APIField("body")]

    class Meta:
        verbose_name = _("story collection page")

    def stories(self):
        return StoryPage.objects.filter(children_of(**children_arguments(self))).for_listing(self.locale_id)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        prepared = COLLECTION_STORIES(locale_id=self.locale_id, **children_arguments(self))
        listing = paginate(request, self.stories(), prepared=prepared)
        for story in listing.object_list:
            story.__dict__["city_hub"] = self.city_hub  # every story here is in the collection's city
        context["listing"] = listing
        context["story_count"] = listing.paginator.count
        return context


class StoryIndexPage(NetworkIndexPage):
    """Every story in the network (/stories/), and the stories under each tag (/stories/tag/<tag>/)."""

    class Meta:
        verbose_name = _("story index page")

    @path("")
    def all_stories(self, request):
        stories = StoryPage.objects.for_listing(self.locale_id)
        return self.render_listing(request, stories, prepared=ALL_STORIES(locale_id=self.locale_id))

    @path("feed/")
    def feed(self, request):
        newest = StoryPage.objects.live().filter(locale_id=self.locale_id).order_by("-first_published_at")
        return LatestStoriesFeed(self, newest)(request)

    @path("tag/<str:tag>/")
    def stories_tagged(self, request, tag):
        tag = get_object_or_404(Tag, slug=tag)
        stories = StoryPage.objects.for_listing(self.locale_id).filter(tags=tag)
        prepared = TAGGED_STORIES(locale_id=self.locale_id, tag_id=tag.pk)
        return self.render_listing(request, stories, prepared=prepared, tag=tag)


# The listings' first pages and counts, compiled once (home.models.PreparedListing).
LOCALE = Page._meta.get_field("locale")
ALL_STORIES = PreparedListing(
    lambda locale_id: StoryPage.objects.for_listing(locale_id, renditions=False),
    count=lambda locale_id: StoryPage.objects.counted_for_listing(locale_id),
    image_field="image",
    locale_id=LOCALE,
)
TAGGED_STORIES = PreparedKeyedListing(
    lambda locale_id, tag_id: StoryPage.objects.listed(locale_id).filter(tags=tag_id),
    rows=lambda: StoryPage.objects.cards(renditions=False),
    image_field="image",
    locale_id=LOCALE,
    tag_id=StoryTag._meta.get_field("tag"),
)
COLLECTION_STORIES = PreparedListing(
    lambda locale_id, **children: StoryPage.objects.filter(children_of(**children)).for_listing(
        locale_id, renditions=False
    ),
    count=lambda locale_id, **children: StoryPage.objects.counted_for_listing(locale_id).filter(
        children_of(**children)
    ),
    image_field="image",
    locale_id=LOCALE,
    **CHILDREN_FIELDS,
)

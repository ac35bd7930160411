"""What every page on the site shares: translation rules, breadcrumbs and paginated listings."""

from django.core.paginator import Paginator
from django.db.models import Exists, F, OuterRef, Prefetch, Q
from django.db.models.functions import Coalesce
from django.utils.functional import cached_property
from wagtail.api import APIField
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction
from wagtail_localize.fields import SynchronizedField

from home.pictures import SLOTS

LISTING_PAGE_SIZE = 12


class BasePage(Page):
    """Abstract base for every page type of the site.

    Translation rules live here so that every page type follows them: the slug stays the same in every language
    (URLs differ only by their language prefix), text fields are translated.
    """

    override_translatable_fields = [SynchronizedField("slug")]
    api_fields = [APIField("title"), APIField("search_description")]
    # The page cache (home/page_cache.py): whether anonymous readers' answers may be cached, and what else in the
    # tree the page lists, so that its cached answers are dropped when that changes (page_cache.CHILDREN, ...).
    page_cache_enabled = True
    page_cache_lists = ()

    class Meta:
        abstract = True

    @cached_property
    def ancestors(self):
        """Every ancestor from the root down, for breadcrumbs and the page's city, in one query (none when the home
        page's ``route`` found them while finding the page)."""
        return list(trail_pages(Page.objects.ancestor_of(self)))

    def get_view_restrictions(self):
        """As Wagtail's, in one query instead of one per alias: the restrictions on the page and its ancestors, where
        an alias (the page or an ancestor) counts by its original's restrictions, not its own.

        Wagtail points every alias at the original page (never at another alias), so one step resolves it. None at all
        when ``HomePage.route`` found the page and saw no restriction on its way (``trail_restricted``).
        """
        if self.__dict__.get("trail_restricted") is False:
            return PageViewRestriction.objects.none()
        trail = [self.path[:end] for end in range(self.steplen, len(self.path) + 1, self.steplen)]
        own = Q(page__path__in=trail, page__alias_of__isnull=True)
        return PageViewRestriction.objects.filter(own | Q(page__aliases__path__in=trail)).distinct()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The root is never shown, so a home page (depth 2) has no breadcrumbs and needs no query for them.
        context["breadcrumbs"] = [page for page in self.ancestors if page.depth > 1] if self.depth > 2 else []
        return context


def trail_pages(pages):
    """``pages`` with just what breadcrumbs and the city of a page need, root first; and whether each is restricted
    (``restricted``: as ``BasePage.get_view_restrictions`` counts it, an alias by its original's restrictions)."""
    fields = ("id", "title", "url_path", "path", "depth", "locale_id", "content_type_id", "alias_of_id")
    restricted = Exists(PageViewRestriction.objects.filter(page_id=Coalesce(OuterRef("alias_of_id"), OuterRef("pk"))))
    return pages.only(*fields).annotate(source_language=SOURCE_LANGUAGE, restricted=restricted).order_by("path")


def paginate(request, items, per_page=LISTING_PAGE_SIZE):
    """One page of ``items`` for ``?page=``: not a number or below 1 gives the first page, past the end the last."""
    paginator = Paginator(items, per_page)
    try:
        number = int(request.GET.get("page", 1))
    except (TypeError, ValueError):
        number = 1
    number = min(max(number, 1), paginator.num_pages)
    return paginator.page(number)


# On an alias, the language its text is in (its original's); None on pages with their own text.
SOURCE_LANGUAGE = F("alias_of__locale__language_code")


def with_card_images(queryset, field="image"):
    """Fetch each listed page's card image with the page (a join) and the images' card renditions in one more query,
    and the language of its text."""
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec__in=SLOTS["card"].specs)
    prefetch = Prefetch(f"{field}__renditions", queryset=renditions, to_attr="prefetched_renditions")
    return queryset.select_related(field).prefetch_related(prefetch).annotate(source_language=SOURCE_LANGUAGE)

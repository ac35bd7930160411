"""What every page on the site shares: translation rules, breadcrumbs and paginated listings."""

from django.core.paginator import Paginator
from django.db.models import F
from django.utils.functional import cached_property
from wagtail.api import APIField
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
        """Every ancestor from the root down: breadcrumbs, view restrictions and the page's city, in one query."""
        fields = ("id", "title", "url_path", "path", "depth", "locale_id", "content_type_id", "alias_of_id")
        return list(Page.objects.ancestor_of(self).only(*fields).annotate(source_language=SOURCE_LANGUAGE))

    def get_view_restrictions(self):
        """As Wagtail's, but resolving alias ancestors by id from ``ancestors``, not one query per alias.

        Wagtail points every alias at the original page (never at another alias), so one step resolves it.
        """
        trail = [self, *self.ancestors]
        return PageViewRestriction.objects.filter(page_id__in={page.alias_of_id or page.id for page in trail})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["breadcrumbs"] = [page for page in self.ancestors if page.depth > 1]  # the root is never shown
        return context


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
    """Fetch each listed page's card image and rendition in two queries, and the language of its text."""
    from django.db.models import Prefetch
    from wagtail.images import get_image_model

    images = get_image_model().objects.prefetch_renditions(*SLOTS["card"].specs)
    return queryset.prefetch_related(Prefetch(field, queryset=images)).annotate(source_language=SOURCE_LANGUAGE)

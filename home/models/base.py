"""What every page on the site shares: translation rules, breadcrumbs and paginated listings."""

import functools

from django.core.paginator import Paginator
from django.db import DEFAULT_DB_ALIAS
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet, Value
from django.db.models.functions import Coalesce
from django.utils.functional import cached_property
from wagtail.api import APIField
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction
from wagtail_localize.fields import SynchronizedField

from home.page_urls import url_parts
from home.pictures import SLOTS
from home.prepared import PreparedQuerySet, PreparedValues, list_arguments, list_fields, one_of

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

    def get_url_parts(self, request=None):
        return url_parts(self, request)  # Wagtail's, faster (home/page_urls.py)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The root is never shown, so a home page (depth 2) has no breadcrumbs and needs no query for them.
        context["breadcrumbs"] = [page for page in self.ancestors if page.depth > 1] if self.depth > 2 else []
        return context


TRAIL_FIELDS = ("id", "title", "url_path", "path", "depth", "locale_id", "content_type_id", "alias_of_id")


def trail_annotations():
    """Whether each page is restricted (as ``BasePage.get_view_restrictions`` counts it, an alias by its original's
    restrictions), and the language of an alias's text."""
    restricted = Exists(PageViewRestriction.objects.filter(page_id=Coalesce(OuterRef("alias_of_id"), OuterRef("pk"))))
    return {"source_language": SOURCE_LANGUAGE, "restricted": restricted}


def trail_pages(pages):
    """``pages`` with just what breadcrumbs and the city of a page need, root first; and ``restricted`` and
    ``source_language`` (``trail_annotations``)."""
    return pages.only(*TRAIL_FIELDS).annotate(**trail_annotations()).order_by("path")


@functools.cache
def route_trail_query(segments):
    """The pages on the way to a URL of ``segments`` segments below a home page (``HomePage.route``): the root, the
    home page, and its descendants whose url_path is one of the URL's prefixes; compiled once (home/prepared.py).

    Its arguments: ``root_path``, ``home_id``, ``home_path``, ``last_path`` (the highest path below the home page's),
    ``home_depth`` and ``prefix0`` ... (the URL's prefixes, as url_paths).
    """
    path, depth, url_path = (Page._meta.get_field(name) for name in ("path", "depth", "url_path"))

    def build(root_path, home_id, home_path, last_path, home_depth, **prefixes):
        below = Q(path__gt=home_path, path__lte=last_path, depth__gt=home_depth) & one_of("url_path", prefixes.values())
        pages = Page.objects.filter(Q(path=root_path) | Q(pk=home_id) | below).order_by("path")
        return pages.values(*TRAIL_FIELDS, **trail_annotations())

    fields = {"root_path": path, "home_id": Page._meta.pk, "home_path": path, "last_path": path, "home_depth": depth}
    return PreparedValues(build, **fields, **list_fields("prefix", url_path, segments))


def pages_from_rows(rows, using=DEFAULT_DB_ALIAS):
    """``Page`` instances of ``TRAIL_FIELDS`` (the others deferred) from ``route_trail_query``'s rows, each with its
    annotations as attributes."""
    names = [field.attname for field in Page._meta.concrete_fields if field.attname in TRAIL_FIELDS]  # from_db's order
    pages = []
    for row in rows:
        page = Page.from_db(using, names, [row[name] for name in names])
        page.restricted, page.source_language = row["restricted"], row["source_language"]
        pages.append(page)
    return pages


# From this many rows skipped on, a listing finds its page's rows by their keys first (``KeysFirstPaginator``).
KEYS_FIRST_OFFSET = 10 * LISTING_PAGE_SIZE


class KeysFirstPaginator(Paginator):
    """A paginator for deep pages of a large listing: the database skips rows by their keys alone, then reads the
    page's rows whole.

    To answer ``OFFSET 5000 LIMIT 12`` the database makes every skipped row with all the query's joins and columns
    (the card image, an alias's original's language): the story index's last page at 5,000 stories took 33 ms of
    PostgreSQL time. Its keys alone take a third of that, and the dozen whole rows next to nothing. The first pages,
    which most readers see, keep their one query.
    """

    def __init__(self, object_list, per_page, counted=None, first_page=None):
        super().__init__(object_list, per_page)
        self.counted = counted
        self.first_page = first_page

    @cached_property
    def count(self):
        """The number of items; ``counted()`` when given (``PreparedListing``)."""
        return self.counted() if self.counted is not None else super().count

    def page(self, number):
        number = self.validate_number(number)
        if number == 1 and self.first_page is not None:
            return self._get_page(self.first_page() if self.count else [], number, self)
        bottom = (number - 1) * self.per_page
        items = self.object_list
        if bottom < KEYS_FIRST_OFFSET or not isinstance(items, QuerySet):
            return super().page(number)
        top = min(bottom + self.per_page, self.count)
        if top + self.orphans >= self.count:
            top = self.count
        keys = self.keys(items, bottom, top)
        rows = {row.pk: row for row in items.order_by().filter(pk__in=keys)}
        return self._get_page([rows[key] for key in keys if key in rows], number, self)

    def keys(self, items, bottom, top):
        """The keys of ``items[bottom:top]``; in the listing's second half read from its end, in the reverse order,
        so that the database skips the fewer rows (the story index's last page at 5,000 stories: 28 → 15 ms on
        PostgreSQL). Only for an order that ends with the key: only a total order reads the same both ways."""
        if self.count - top < bottom and ends_with_key(items):
            return list(items.reverse().values_list("pk", flat=True)[self.count - top : self.count - bottom])[::-1]
        return list(items.values_list("pk", flat=True)[bottom:top])


def ends_with_key(items):
    ordering = items.query.order_by
    return bool(ordering) and str(ordering[-1]).lstrip("-") in {"pk", items.model._meta.pk.attname, "id"}


def paginate(request, items, per_page=LISTING_PAGE_SIZE, prepared=None):
    """One page of ``items`` for ``?page=``: not a number or below 1 gives the first page, past the end the last.
    ``prepared``: the same listing's count and first page, compiled once (``PreparedListing``)."""
    counted, first_page = (prepared.count, prepared.first_page) if prepared is not None else (None, None)
    paginator = KeysFirstPaginator(items, per_page, counted, first_page)
    try:
        number = int(request.GET.get("page", 1))
    except (TypeError, ValueError):
        number = 1
    number = min(max(number, 1), paginator.num_pages)
    return paginator.page(number)


class PreparedListing:
    """A listing's first page and its number of items, each compiled once (home/prepared.py), for ``paginate``.

    Most readers see a listing's first page only, and its queries took longer to compile than to run: the story
    index's three (the page of stories, their card renditions, the count) 2.5 ms of its 19 ms at 5,000 stories on
    SQLite. Deeper pages are read through the ORM, as the paginator slices the listing's queryset.

    ``pages(**placeholders)``: the listing's queryset (with ``with_card_images(..., renditions=False)`` when its cards
    show ``image_field``); ``count(**placeholders)``: a queryset with as many rows, often cheaper (the page table
    alone), or None to count ``pages``; ``fields``: each argument's model field. Call it with the arguments for
    ``paginate``'s ``prepared``.
    """

    def __init__(self, pages, count=None, image_field=None, **fields):
        count = count or pages
        self.first_page = PreparedQuerySet(lambda **arguments: pages(**arguments)[:LISTING_PAGE_SIZE], **fields)
        self.count = PreparedValues(lambda **arguments: count_of(count(**arguments)), **fields)
        self.image_field = image_field

    def __call__(self, **arguments):
        return BoundListing(self, arguments)


class BoundListing:
    """A listing with its arguments: what ``paginate`` asks of it (``count``, ``first_page``)."""

    def __init__(self, listing, arguments):
        self.listing, self.arguments = listing, arguments

    def count(self):
        rows = self.listing.count(**self.arguments)
        return rows[0]["count"] if rows else 0

    def first_page(self):
        pages = self.first_page_rows()
        if self.listing.image_field:
            attach_card_renditions(pages, self.listing.image_field)
        return pages

    def first_page_rows(self):
        return self.listing.first_page(**self.arguments)


class PreparedKeyedListing:
    """A listing of a few hundred or thousand items (a tag's), for ``paginate``: the keys of all of them, in order, in
    one query, give both its number of items and its first page, whose rows are then read by their keys.

    A tag's listing has no cheaper count than its own join (stories, their tags and the page table): at 5,000 stories
    the count and the page each took 3.5 ms on SQLite, the keys alone as long, and the dozen rows by key 0.2 ms.

    ``keys(**placeholders)``: the listing's queryset, ordered, without what only the cards need; ``rows()``: the
    cards' queryset (``with_card_images(..., renditions=False)`` when they show ``image_field``), read by key.
    """

    def __init__(self, keys, rows, image_field=None, **fields):
        self.keys = PreparedValues(lambda **arguments: keys(**arguments).values("pk"), **fields)
        self.rows = rows
        self.image_field = image_field

    def __call__(self, **arguments):
        return BoundKeyedListing(self, arguments)

    @functools.cache  # noqa: B019 - the listings are module constants
    def rows_query(self, count):
        model = self.rows().model
        return PreparedQuerySet(
            lambda **keys: self.rows().filter(one_of("pk", keys.values())),
            **list_fields("key", model._meta.pk, count),
        )


class BoundKeyedListing(BoundListing):
    @cached_property
    def all_keys(self):
        return [key for (key,) in self.listing.keys.tuples(**self.arguments)]

    def count(self):
        return len(self.all_keys)

    def first_page_rows(self):
        keys = self.all_keys[:LISTING_PAGE_SIZE]
        if not keys:
            return []
        found = {page.pk: page for page in self.listing.rows_query(len(keys))(**list_arguments("key", keys))}
        return [found[key] for key in keys if key in found]


def count_of(queryset):
    """The number of rows of ``queryset``, as a ``values()`` query that a prepared query can keep (``count()`` runs at
    once): one row with ``count``, none when there are none. The rows are grouped by a constant, so into one group."""
    return queryset.order_by().annotate(one=Value(1)).values("one").annotate(count=Count("pk")).values("count")


# On an alias, the language its text is in (its original's); None on pages with their own text.
SOURCE_LANGUAGE = F("alias_of__locale__language_code")


def with_card_images(queryset, field="image", renditions=True):
    """Fetch each listed page's card image with the page (a join) and the images' card renditions in one more query,
    and the language of its text. ``renditions=False`` leaves the renditions to ``attach_card_renditions``."""
    queryset = queryset.select_related(field).annotate(source_language=SOURCE_LANGUAGE)
    if not renditions:
        return queryset
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec__in=SLOTS["card"].specs)
    return queryset.prefetch_related(
        Prefetch(f"{field}__renditions", queryset=renditions, to_attr="prefetched_renditions")
    )


def attach_card_renditions(pages, field="image"):
    """Give the card images of ``pages`` (read by ``with_card_images(..., renditions=False)``) their card renditions,
    as its prefetch does, by a query prepared for each number of images (home/prepared.py): a prefetch is compiled
    again on every request, and the home page makes two."""
    images = {}
    for page in pages:
        if (image := getattr(page, field)) is not None:
            images.setdefault(image.pk, []).append(image)
    found = card_renditions_query(len(images))(**list_arguments("image", sorted(images))) if images else []
    for pk, copies in images.items():
        renditions = [rendition for rendition in found if rendition.image_id == pk]
        for rendition in renditions:
            rendition.image = copies[0]  # as the prefetch does: a rendition's URL asks for its image
        for image in copies:  # a list of its own each: Wagtail adds the renditions it makes to it
            image.prefetched_renditions = list(renditions)


@functools.cache
def card_renditions_query(count):
    model = get_image_model().get_rendition_model()

    def build(**images):
        return model.objects.filter(one_of("image_id", images.values()), filter_spec__in=SLOTS["card"].specs)

    return PreparedQuerySet(build, **list_fields("image", model._meta.get_field("image"), count))

"""Which pages the public may see: live, and under no view restriction, counting the restrictions aliases inherit.

Wagtail's ``PageQuerySet.public()`` excludes the pages under a restricted page. A language's tree mirrors the source
tree with aliases, and the site serves a page under an alias of a restricted page as restricted too
(``BasePage.get_view_restrictions`` resolves each alias ancestor to its original), but ``public()`` does not know
that: a translated story under the Arabic alias of a password-protected collection would be "public" to it. Search
and the sitemap ask here instead.
"""

from django.db.models import Q
from wagtail.models import Page, PageViewRestriction


def public_pages(queryset):
    """``queryset`` without the pages under a view restriction, or under an alias of a restricted page."""
    restricted = PageViewRestriction.objects.values("page_id")
    # Two selects in one query, each served by an index (the primary key, alias_of): with an OR of the two, PostgreSQL
    # read every page (30 ms at 5,000 stories).
    own = Page.objects.filter(id__in=restricted).order_by().values_list("path", flat=True)
    paths = own.union(Page.objects.filter(alias_of_id__in=restricted).order_by().values_list("path", flat=True))
    hidden = Q()
    for path in paths:
        hidden |= Q(path__startswith=path)
    return queryset.live().exclude(hidden) if hidden else queryset.live()

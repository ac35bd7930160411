"""Site search at /<lang>/search/?q=: Wagtail search over the live public pages of the reader's language tree.

Routed as a plain Django view inside ``i18n_patterns``, ahead of Wagtail's page tree (config/urls.py), not as a page
type: search needs no content of its own, so every language has it at once with nothing for editors to create,
translate or keep in sync, and no page can be left unpublished or moved in one tree only. (A page an editor made with
the slug "search" directly under a home page would be hidden by it; "search" is reserved.)

What it finds: every live page of the reader's language tree that has no view restriction (home/visibility.py). That
includes aliases, the pages a tree shows in their original language until someone translates them: they are the
reader's language's version of the page (its interface, its address, the "not translated yet" notice), and the site's
listings show them too; excluding them would leave search nearly empty in the languages that need it most. Their
titles are marked with the language of their text. Search engines get real translations only (home/sitemap.py).

Nothing is written per search: Wagtail 8 keeps no search query log (the Query and QueryDailyHits models of earlier
versions are gone with wagtail.contrib.search_promotions, which is not installed), and this view records nothing.
"""

import re
import unicodedata
from urllib.parse import urlencode

from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from home.models import SOURCE_LANGUAGE, paginate
from home.page_text import page_summary
from home.visibility import public_pages

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10
# Control characters (NUL among them) mean nothing in a search and PostgreSQL refuses NUL in a string.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


def clean_query(raw):
    """(query, message): the words to search for, or "" and why not (None when the reader asked nothing)."""
    query = " ".join(CONTROL_CHARACTERS.sub(" ", raw).split())
    if len(query) > MAX_QUERY_LENGTH:
        message = _("Please search for at most %(count)d characters.") % {"count": MAX_QUERY_LENGTH}
        return "", message
    return query, None


def search_terms(query):
    """The words of ``query``, without punctuation and symbols.

    The search backends read some of them as syntax (SQLite's full-text MATCH refuses an unbalanced quote), and no
    page is found by punctuation anyway.
    """
    kept = (" " if unicodedata.category(char)[0] in "PS" else char for char in query)
    return " ".join("".join(kept).split())


def searchable_pages(locale):
    """The pages a reader of ``locale`` may find: live, public, in that language's tree."""
    return public_pages(Page.objects.filter(locale=locale))


def search(request):
    query, message = clean_query(request.GET.get("q", ""))
    # Result pages are for readers, not for search engines' indexes: noindex, and their own address as canonical.
    context = {"query": query, "message": message, "results": None, "noindex": True, "canonical_path": request.path}
    context["meta_title"] = _("Search")
    if query:
        terms = search_terms(query)
        pages = searchable_pages(Locale.get_active())
        found = pages.search(terms, operator="and") if terms else pages.none()
        results = paginate(request, found, per_page=RESULTS_PER_PAGE)
        results.object_list = specific_with_source_language(results.object_list)
        context["results"] = results
        canonical_query = {"q": query, **({"page": results.number} if results.number > 1 else {})}
        context["canonical_path"] = f"{request.path}?{urlencode(canonical_query)}"
        if results.has_previous():
            context["previous_url"] = "?" + urlencode({"q": query, "page": results.previous_page_number()})
        if results.has_next():
            context["next_url"] = "?" + urlencode({"q": query, "page": results.next_page_number()})
    return render(request, "home/search.html", context)


def specific_with_source_language(pages):
    """``pages`` (one page of results, in their order) as their specific types, with the language of their text."""
    ids = [page.pk for page in pages]
    specific = Page.objects.filter(pk__in=ids).annotate(source_language=SOURCE_LANGUAGE).specific()
    by_id = {page.pk: page for page in specific}
    found = [by_id[pk] for pk in ids if pk in by_id]
    for page in found:
        page.search_summary = page_summary(page)
    return found

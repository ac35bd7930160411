"""Site navigation built from the reader's own language tree: the main menu and links to the network listings.

Both come from one query for the home page's children, made once per request and compiled once per connection
(home/prepared.py).
"""

from dataclasses import dataclass

from django import template
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import get_language
from wagtail.models import Page

from home import page_cache
from home.models import SOURCE_LANGUAGE
from home.page_urls import page_url
from home.prepared import CHILDREN_FIELDS, PreparedValues, children_arguments, children_of

register = template.Library()


def home_for(page):
    """The home page of ``page``'s tree, or of the active language's tree when there is no page (404, 500)."""
    if page is not None and getattr(page, "depth", 0) >= 2:
        return Page(path=page.path[: Page.steplen * 2], depth=2)
    homes = Page.objects.filter(depth=2).order_by("path")
    return homes.filter(locale__language_code=get_language()).first() or homes.first()


@dataclass
class MenuItem:
    """A child of the home page, as the menu and the links to the network listings need it."""

    id: int
    title: str
    url: str
    path: str
    show_in_menus: bool
    content_type_id: int
    source_language: str | None  # on an alias, the language of its text (an untranslated title)
    is_current: bool = False


# The live children of a home page: compiled once (home/prepared.py), the menu is on every page.
LIVE_CHILDREN = PreparedValues(
    lambda **children: (
        Page.objects.filter(children_of(**children), live=True)
        .order_by("path")
        .values("id", "title", "url_path", "path", "show_in_menus", "content_type_id", source_language=SOURCE_LANGUAGE)
    ),
    **CHILDREN_FIELDS,
)


def home_children(context):
    """The live children of the reader's home page, once per render (included templates share the answer)."""
    per_render = context.render_context.dicts[0]  # the whole render's scope; each {% include %} pushes its own
    if "home_children" not in per_render:
        home = home_for(context.get("page"))
        rows = []
        if home:
            page_cache.record(page_cache.children_tag(home.path))  # the menu: every page lists the home's children
            rows = LIVE_CHILDREN(**children_arguments(home))
        request = context.get("request")
        per_render["home_children"] = [MenuItem(url=page_url(row.pop("url_path"), request), **row) for row in rows]
    return per_render["home_children"]


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    current_path = getattr(context.get("page"), "path", "")
    items = [child for child in home_children(context) if child.show_in_menus]
    for item in items:
        item.is_current = current_path.startswith(item.path)
    return {"items": items}


@register.simple_tag(takes_context=True)
def index_url(context, model_label):
    """URL of the home page's child of type ``model_label`` (e.g. "stories.StoryIndexPage"), or ''."""
    content_type = ContentType.objects.get_for_model(apps.get_model(model_label))
    index = next((child for child in home_children(context) if child.content_type_id == content_type.id), None)
    return index.url if index else ""

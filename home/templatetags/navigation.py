"""Site navigation built from the reader's own language tree: the main menu and links to the network listings.

Both come from one query for the home page's children, made once per request.
"""

from django import template
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import get_language
from wagtail.models import Page

from home import page_cache
from home.models import SOURCE_LANGUAGE

register = template.Library()


def home_for(page):
    """The home page of ``page``'s tree, or of the active language's tree when there is no page (404, 500)."""
    if page is not None and getattr(page, "depth", 0) >= 2:
        return Page(path=page.path[: Page.steplen * 2], depth=2)
    homes = Page.objects.filter(depth=2).order_by("path")
    return homes.filter(locale__language_code=get_language()).first() or homes.first()


def home_children(context):
    """The live children of the reader's home page, once per render (included templates share the answer)."""
    per_render = context.render_context.dicts[0]  # the whole render's scope; each {% include %} pushes its own
    if "home_children" not in per_render:
        home = home_for(context.get("page"))
        if home:
            page_cache.record(page_cache.children_tag(home.path))  # the menu: every page lists the home's children
        children = Page.objects.child_of(home).live() if home else Page.objects.none()
        fields = ("id", "title", "url_path", "path", "depth", "locale_id", "show_in_menus", "content_type_id")
        per_render["home_children"] = list(children.only(*fields).annotate(source_language=SOURCE_LANGUAGE))
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

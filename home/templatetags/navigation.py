"""Site navigation: the main menu and the footer, built from the reader's own language tree."""

from django import template
from django.utils.translation import get_language
from wagtail.models import Page

register = template.Library()


def home_for(page):
    """The home page of ``page``'s tree, or of the active language's tree when there is no page (404, 500)."""
    if page is not None and getattr(page, "depth", 0) >= 2:
        return Page(path=page.path[: Page.steplen * 2], depth=2)
    return (
        Page.objects.filter(depth=2, locale__language_code=get_language()).first()
        or Page.objects.filter(depth=2).first()
    )


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    page = context.get("page")
    home = home_for(page)
    items = []
    if home is not None:
        items = list(
            Page.objects.child_of(home).live().in_menu().only("id", "title", "url_path", "path", "depth", "locale_id")
        )
    current_path = getattr(page, "path", "")
    for item in items:
        item.is_current = current_path.startswith(item.path)
    return {"items": items, "request": context.get("request")}


@register.simple_tag(takes_context=True)
def index_url(context, model_label):
    """URL of the one page of ``model_label`` (e.g. "stories.StoryIndexPage") in the reader's tree, or ''."""
    from django.apps import apps

    model = apps.get_model(model_label)
    home = home_for(context.get("page"))
    index = (
        model.objects.descendant_of(home).live().only("id", "url_path", "path", "depth", "locale_id").first()
        if home
        else None
    )
    return index.url if index else ""

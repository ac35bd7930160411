"""Template tags for wagtail-localize's translation editor as this project changes it."""

from django import template

from editorial import wagtail_localize_workflows

register = template.Library()


@register.simple_tag(takes_context=True)
def submits_for_review(context, instance):
    """Whether the current user's "Publish" in the translation editor of ``instance`` submits it for review."""
    request = context.get("request")
    if request is None or not context.get("is_page"):
        return False
    return wagtail_localize_workflows.submits_for_review(request.user, instance)

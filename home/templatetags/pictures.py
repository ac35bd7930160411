"""``{% picture_for image "card" alt="" %}``: a photo as a responsive ``<picture>`` (home/pictures.py)."""

from django import template

from home import pictures

register = template.Library()


@register.simple_tag
def picture_for(image, slot, alt="", first=False, css_class=""):
    if not image:
        return ""
    return pictures.picture(image, slot, alt, first=first, css_class=css_class)

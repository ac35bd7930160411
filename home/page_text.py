"""What a page says about itself in a line and a picture: for search results and for link previews (social cards).

Page types differ in where they keep these (a story's summary and image, an exhibition's hero image, an exhibit's
first image), so both are looked up by field name here rather than by importing the page types (home imports no
other app).
"""

from wagtail.images.models import AbstractImage

SUMMARY_FIELDS = ("search_description", "summary", "intro", "caption")
IMAGE_FIELDS = ("image", "hero_image")


def page_summary(page):
    """The page's search description, else its summary, introduction or caption; "" when it has none."""
    for field in SUMMARY_FIELDS:
        text = getattr(page, field, "")
        if isinstance(text, str) and text.strip():
            return text
    return ""


def page_image(page):
    """The image that stands for the page (its own image, hero image, or first image block), or None."""
    for field in IMAGE_FIELDS:
        image = getattr(page, field, None)
        if isinstance(image, AbstractImage):
            return image
    for block in getattr(page, "images", None) or ():
        image = block.value.get("image") if hasattr(block.value, "get") else None
        if isinstance(image, AbstractImage):
            return image
    return None

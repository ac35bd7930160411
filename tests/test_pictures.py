"""The site's ``<picture>`` (home/pictures.py): the same HTML as Wagtail's own, written faster."""

import pytest
from wagtail.images.models import Picture
from wagtail.images.shortcuts import get_renditions_or_not_found

from home import pictures
from tests import builders


@pytest.fixture
def photo(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return builders.image(title="Harbour", size=(1300, 900))


@pytest.mark.parametrize("slot", sorted(pictures.SLOTS))
@pytest.mark.parametrize(
    "options",
    [
        {"alt": ""},
        {"alt": 'Tea & "bread" <at> the centre', "first": True},
        {"alt": "Hands", "css_class": "card__image"},
    ],
)
def test_a_picture_is_written_as_wagtail_writes_it(photo, slot, options):
    picture = pictures.picture(photo, slot, **options)
    wagtails = Picture(get_renditions_or_not_found(photo, pictures.SLOTS[slot].filters), dict(picture.attrs))

    assert str(picture) == str(wagtails)
    assert picture.__html__().count("<source") == 1 and "format-webp" in picture.__html__()
    assert "&quot;bread&quot; &lt;at&gt;" in str(picture) or options["alt"] != 'Tea & "bread" <at> the centre'


def test_a_picture_of_one_format_is_wagtails_own(photo):
    """Outside the slots (one format): Wagtail's HTML, unchanged."""
    renditions = get_renditions_or_not_found(photo, ("width-400", "width-200"))
    attrs = {"alt": "Harbour", "sizes": "100vw"}

    assert str(pictures.QuickPicture(renditions, dict(attrs))) == str(Picture(renditions, dict(attrs)))


def test_attributes_are_written_as_django_writes_them():
    from django.forms.utils import flatatt
    from django.utils.safestring import mark_safe

    attrs = {"b": 'x"<y>', "a": 2, "hidden": True, "off": False, "none": None, "safe": mark_safe("&amp;")}
    assert pictures.attributes(attrs) == flatatt(attrs)

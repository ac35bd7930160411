"""Which pages the public may translate, and from which version.

Stories, exhibitions, exhibits and city hubs: the pages people come to read. A story only when its teller agreed
to its translation (the same consent every translation of a story needs to go live, stories.models.workflow).
"""

from django.http import Http404
from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource

from cities.models import CityHubPage
from exhibitions.models import ExhibitionPage, ExhibitPage
from home.visibility import public_pages
from stories.models import StoryPage
from stories.models.workflow import has_web_consent

TRANSLATABLE_TYPES = (StoryPage, ExhibitionPage, ExhibitPage, CityHubPage)


def is_translatable(page):
    """Whether readers are invited to translate ``page`` (any of its versions)."""
    if not issubclass(page.specific_class, TRANSLATABLE_TYPES):
        return False
    return page.specific_class is not StoryPage or has_web_consent(page, translation=True)


def original_of(page):
    """The version of ``page`` that translations are made from: the one wagtail-localize already translates from,
    else the page an alias shows, else the page itself."""
    source_locale = (
        TranslationSource.objects.filter(object_id=page.translation_key).values_list("locale_id", flat=True).first()
    )
    if source_locale is not None and source_locale != page.locale_id:
        return Page.objects.filter(translation_key=page.translation_key, locale_id=source_locale).first()
    if page.alias_of_id:
        return Page.objects.get(pk=page.alias_of_id)
    return page


def translation_job(page_id, language_code):
    """(original, target locale, target page or None) for the public form; Http404 when it may not be translated."""
    locale = Locale.objects.filter(language_code=language_code).first()
    page = public_pages(Page.objects.filter(pk=page_id)).first()
    if locale is None or page is None:
        raise Http404
    original = original_of(page)
    if original is None or original.alias_of_id or original.locale_id == locale.pk:
        raise Http404
    if not public_pages(Page.objects.filter(pk=original.pk)).exists() or not is_translatable(original):
        raise Http404
    target = Page.objects.filter(translation_key=original.translation_key, locale=locale).first()
    return original.specific, locale, target

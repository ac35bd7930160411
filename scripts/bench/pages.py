"""The pages a bench run measures: one of each public page type, found in the content (never by id).

Needs Django set up (any settings) and content in the database: the demo, the large network or the tests' network.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.apps import apps
from django.contrib.staticfiles.storage import staticfiles_storage
from django.urls import reverse
from django.utils import translation

SOURCE_LANGUAGE = "en"
SEARCH_QUERY = "sanctuary"
STATIC_FILE = "css/site.css"

# (name in the tables, model label): the first live page of each in the source language's tree, by tree order.
PAGE_TYPES = [
    ("home", "home.HomePage"),
    ("standard page", "home.StandardPage"),
    ("cities index", "cities.CityHubIndexPage"),
    ("city hub", "cities.CityHubPage"),
    ("exhibition", "exhibitions.ExhibitionPage"),
    ("exhibit", "exhibitions.ExhibitPage"),
    ("collection", "stories.StoryCollectionPage"),
    ("story", "stories.StoryPage"),
    ("events index", "cities.EventIndexPage"),
    ("event", "cities.EventPage"),
    ("story index", "stories.StoryIndexPage"),
    ("exhibition index", "exhibitions.ExhibitionIndexPage"),
]


@dataclass(frozen=True)
class Target:
    name: str
    url: str  # a path, with its query string


def first_live(label, language):
    """The first live page of the model ``label`` in ``language``'s tree, or None."""
    pages = apps.get_model(label).objects.live().filter(locale__language_code=language)
    return pages.order_by("path").first()


def other_language_story(language):
    """A story of ``language``'s tree shown in the source language (an alias); else a translated one."""
    stories = apps.get_model("stories.StoryPage").objects.live().filter(locale__language_code=language)
    alias = stories.exclude(alias_of=None).order_by("path").first()
    translated = stories.order_by("path").first()
    if alias is None and translated is not None:
        return f"story ({language} translation)", translated
    return f"story ({language} alias)", alias


def path_of(url):
    """The path of a page's URL (absolute when the database holds more than one Site)."""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def search_target():
    with translation.override(SOURCE_LANGUAGE):
        return Target("search", f"{reverse('search')}?q={SEARCH_QUERY}")


def discover(other_languages=("ar", "ti")):
    """(targets, missing): the pages to measure, and the names of those the content has none of."""
    found = [(name, first_live(label, SOURCE_LANGUAGE)) for name, label in PAGE_TYPES]
    for language in other_languages:
        found.append((f"home ({language})", first_live("home.HomePage", language)))
        if language == other_languages[0]:
            found.append(other_language_story(language))
    targets = [Target(name, path_of(page.url)) for name, page in found if page is not None]
    targets.insert(len(PAGE_TYPES), search_target())
    missing = [name for name, page in found if page is None]
    return targets, missing


def static_file():
    """The site's stylesheet, at the address pages link to (hashed by the manifest storage in production)."""
    return Target("static file (CSS)", staticfiles_storage.url(STATIC_FILE))

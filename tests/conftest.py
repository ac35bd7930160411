import pytest

from home import bootstrap


@pytest.fixture
def locales(db):
    """A Locale for every configured language; returns the source (English) locale."""
    return bootstrap.ensure_locales()


@pytest.fixture
def home(locales):
    """The English home page as the default Site's root, with alias trees in every other locale."""
    home = bootstrap.ensure_home(locales)
    bootstrap.sync_locale_trees(locales)
    return home


@pytest.fixture
def network(home):
    """A small network: two city hubs with a collection, stories, an exhibition, exhibits and events."""
    import datetime

    from django.utils import timezone

    from cities.models import CityStatus
    from tests import builders

    cities = builders.city_index(home)
    sheffield = builders.city(cities, "Sheffield", status=CityStatus.RECOGNISED, year_recognised=2007)
    swansea = builders.city(cities, "Swansea", latitude="51.62140", longitude="-3.94360")
    collection = builders.collection(sheffield, "Stories of Sanctuary", intro="Stories told in Sheffield.")
    first = builders.story(collection, "Arriving in Sheffield", teller_name="Amal", tags=["welcome"])
    second = builders.story(collection, "Learning to dance", naming="anonymous", teller_name="", tags=["dance"])
    exhibition = builders.exhibition(swansea, "Building Sanctuary in Swansea", tags=["contribution"])
    exhibits = [builders.exhibit(exhibition, f"Exhibit {n}", caption=f"Caption {n}") for n in (1, 2, 3)]
    upcoming = builders.event(sheffield, "Music concert", start=timezone.now() + datetime.timedelta(days=5))
    past = builders.event(sheffield, "Blogging workshop", start=timezone.now() - datetime.timedelta(days=5))
    return {
        "home": home,
        "cities": cities,
        "sheffield": sheffield,
        "swansea": swansea,
        "collection": collection,
        "stories": [first, second],
        "exhibition": exhibition,
        "exhibits": exhibits,
        "upcoming_event": upcoming,
        "past_event": past,
        "story_index": builders.story_index(home),
        "exhibition_index": builders.exhibition_index(home),
        "event_index": builders.event_index(home),
        "about": builders.standard_page(home, "About", show_in_menus=True),
        "share": builders.share_page(home),
    }


@pytest.fixture
def synced_network(network, locales):
    """The network with alias trees in every other language, as an editor creating pages in the admin gets."""
    bootstrap.sync_locale_trees(locales)
    return network

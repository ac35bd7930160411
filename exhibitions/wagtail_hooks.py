from wagtail import hooks

from exhibitions.models import ExhibitionPage
from home.sections import CITY_HUB_LISTINGS, HOME_PAGE_SECTIONS, Section


@hooks.register(HOME_PAGE_SECTIONS)
def open_exhibitions(home_page):
    """The exhibitions on now or coming up; when there are none, the one that closed last, rather than nothing."""
    listing = ExhibitionPage.objects.for_listing(home_page.locale_id)
    exhibitions = list(listing.not_closed()[:3])
    if exhibitions:
        return Section("exhibitions/sections/home_exhibitions.html", exhibitions, order=20)
    latest = list(listing.past().order_by("-closes_on", "-opens_on")[:1])
    return Section("exhibitions/sections/home_latest_exhibition.html", latest, order=20)


@hooks.register(CITY_HUB_LISTINGS)
def hub_exhibitions(hub):
    exhibitions = list(ExhibitionPage.objects.child_of(hub).live().order_by("-opens_on"))
    return Section("exhibitions/sections/hub_exhibitions.html", exhibitions, order=20) if exhibitions else None

from wagtail import hooks

from exhibitions.models import ExhibitionPage
from home.sections import CITY_HUB_LISTINGS, HOME_PAGE_SECTIONS, Section


@hooks.register(HOME_PAGE_SECTIONS)
def open_exhibitions(home_page):
    """The exhibitions on now or coming up; when there are none, the one that closed last, rather than nothing."""
    exhibitions = ExhibitionPage.objects.for_listing(home_page.locale_id).on_now_or_last_closed(3)
    if exhibitions and exhibitions[0].closed:
        return Section("exhibitions/sections/home_latest_exhibition.html", exhibitions, order=20)
    return Section("exhibitions/sections/home_exhibitions.html", exhibitions, order=20)


@hooks.register(CITY_HUB_LISTINGS)
def hub_exhibitions(hub):
    exhibitions = list(ExhibitionPage.objects.child_of(hub).live().order_by("-opens_on"))
    return Section("exhibitions/sections/hub_exhibitions.html", exhibitions, order=20) if exhibitions else None

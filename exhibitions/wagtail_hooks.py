from django.utils import timezone
from wagtail import hooks

from exhibitions.models import ExhibitionPage, on_now_or_last_closed
from home.models import attach_card_renditions
from home.prepared import CHILDREN_FIELDS, PreparedQuerySet, children_arguments, children_of
from home.sections import CITY_HUB_LISTINGS, HOME_PAGE_SECTIONS, Section

# Compiled once (home/prepared.py): the home page of every language shows them.
HOME_EXHIBITIONS = PreparedQuerySet(
    lambda locale_id, today: ExhibitionPage.objects.for_listing(locale_id, renditions=False).ranked_for_home(today)[:3],
    locale_id=ExhibitionPage._meta.get_field("locale"),
    today=ExhibitionPage._meta.get_field("opens_on"),
)


@hooks.register(HOME_PAGE_SECTIONS)
def open_exhibitions(home_page):
    """The exhibitions on now or coming up; when there are none, the one that closed last, rather than nothing."""
    ranked = HOME_EXHIBITIONS(locale_id=home_page.locale_id, today=timezone.localdate())
    exhibitions = on_now_or_last_closed(ranked)
    attach_card_renditions(exhibitions, "hero_image")
    if exhibitions and exhibitions[0].closed:
        return Section("exhibitions/sections/home_latest_exhibition.html", exhibitions, order=20)
    return Section("exhibitions/sections/home_exhibitions.html", exhibitions, order=20)


HUB_EXHIBITIONS = PreparedQuerySet(
    lambda **children: ExhibitionPage.objects.filter(children_of(**children), live=True).order_by("-opens_on"),
    **CHILDREN_FIELDS,
)


@hooks.register(CITY_HUB_LISTINGS)
def hub_exhibitions(hub):
    exhibitions = HUB_EXHIBITIONS(**children_arguments(hub))
    return Section("exhibitions/sections/hub_exhibitions.html", exhibitions, order=20) if exhibitions else None

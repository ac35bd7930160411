"""Sections that content apps contribute to pages they do not own, without those pages importing them.

The home page lists the newest stories, exhibitions and events; a city hub lists its collections and exhibitions.
Each content app registers a function for a hook named here (in its wagtail_hooks.py); the page calls them at render
time. A function takes the page and returns a :class:`Section` (or None for nothing to show).
"""

from dataclasses import dataclass

from wagtail import hooks

HOME_PAGE_SECTIONS = "sanctuary_home_page_sections"
CITY_HUB_LISTINGS = "sanctuary_city_hub_listings"


@dataclass
class Section:
    """What one app shows on another's page: ``template`` rendered with ``items``, placed by ``order``."""

    template: str
    items: list
    order: int = 0


def sections_for(hook_name, page):
    """The sections registered for ``hook_name`` on ``page``, in their order."""
    sections = (contribute(page) for contribute in hooks.get_hooks(hook_name))
    return sorted((section for section in sections if section is not None), key=lambda section: section.order)

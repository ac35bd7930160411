from home.models.base import (
    SOURCE_LANGUAGE,
    BasePage,
    PreparedKeyedListing,
    PreparedListing,
    attach_card_renditions,
    paginate,
    with_card_images,
)
from home.models.images import SanctuaryImage, SanctuaryRendition
from home.models.listings import InCityMixin, NetworkIndexPage, NetworkListingMixin, attach_city_hubs, city_hub_model
from home.models.pages import HomePage, StandardPage
from home.models.snippets import MythFact

__all__ = [
    "SOURCE_LANGUAGE",
    "BasePage",
    "HomePage",
    "InCityMixin",
    "MythFact",
    "NetworkIndexPage",
    "NetworkListingMixin",
    "PreparedKeyedListing",
    "PreparedListing",
    "SanctuaryImage",
    "SanctuaryRendition",
    "StandardPage",
    "attach_card_renditions",
    "attach_city_hubs",
    "city_hub_model",
    "paginate",
    "with_card_images",
]

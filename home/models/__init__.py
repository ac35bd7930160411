from home.models.base import BasePage, ListingMixin, paginate, with_card_images
from home.models.images import SanctuaryImage, SanctuaryRendition
from home.models.pages import HomePage, StandardPage
from home.models.snippets import MythFact

__all__ = [
    "BasePage",
    "paginate",
    "with_card_images",
    "HomePage",
    "ListingMixin",
    "MythFact",
    "SanctuaryImage",
    "SanctuaryRendition",
    "StandardPage",
]

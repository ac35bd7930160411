from home.models.base import SOURCE_LANGUAGE, BasePage, paginate, with_card_images
from home.models.images import SanctuaryImage, SanctuaryRendition
from home.models.pages import HomePage, StandardPage
from home.models.snippets import MythFact

__all__ = [
    "SOURCE_LANGUAGE",
    "BasePage",
    "paginate",
    "with_card_images",
    "HomePage",
    "MythFact",
    "SanctuaryImage",
    "SanctuaryRendition",
    "StandardPage",
]

"""The stories app's models, one module per concern; Django finds them all through this package."""

from stories.models.consent import ConsentRecord
from stories.models.contributions import TellerIdentity, Withdrawal, WithdrawnUrl
from stories.models.pages import (
    ContentWarning,
    Naming,
    RelatedStory,
    StoryCollectionPage,
    StoryIndexPage,
    StoryPage,
    StoryTag,
)
from stories.models.share_page import ShareStoryPage
from stories.models.workflow import ConsentCheckTask

__all__ = [
    "ConsentCheckTask",
    "ConsentRecord",
    "ContentWarning",
    "Naming",
    "RelatedStory",
    "ShareStoryPage",
    "StoryCollectionPage",
    "StoryIndexPage",
    "StoryPage",
    "StoryTag",
    "TellerIdentity",
    "Withdrawal",
    "WithdrawnUrl",
]

"""RSS feed of a language's newest stories (/<lang>/stories/feed/)."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed


class LatestStoriesFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, index, stories):
        super().__init__()
        self.index = index
        self.stories = stories

    def title(self):
        return self.index.title

    def link(self):
        return self.index.url

    def description(self):
        return self.index.intro

    def items(self):
        return self.stories[:20]

    def item_title(self, story):
        return story.title

    def item_description(self, story):
        return story.summary

    def item_link(self, story):
        return story.url

    def item_pubdate(self, story):
        return story.first_published_at

"""A collection made for a teller's story (stories.contribute.submission) goes live with its first published story.

It is made as a draft so that nothing reaches the public before a moderator has read the story; once a story in it
is published, an unpublished collection would leave that story with a breadcrumb that leads nowhere and without a
place on its city's page. Only a collection that was never published is published this way: one an editor took
down stays down.
"""

from wagtail.signals import page_published

from stories.models.pages import StoryCollectionPage, StoryPage


def publish_new_collection(sender, instance, **kwargs):
    parent = instance.get_parent().specific
    if not isinstance(parent, StoryCollectionPage) or parent.live:
        return
    source = parent.alias_of.specific if parent.alias_of_id else parent  # an alias follows its source when published
    if source.first_published_at is None and not source.live:
        source.get_latest_revision().publish(log_action=False)


def connect():
    page_published.connect(publish_new_collection, sender=StoryPage, dispatch_uid="sanctuary_publish_new_collection")

"""A community translation is published with the first publication of its page after it was sent."""

from django.utils import timezone
from wagtail.signals import page_published

from community_translation.models import CommunityTranslation


def mark_published(sender, instance, revision, **kwargs):
    pending = CommunityTranslation.objects.for_page(instance).pending()
    if revision is not None:
        pending = pending.filter(submitted_at__lte=revision.created_at)
    pending.update(status=CommunityTranslation.Status.PUBLISHED, published_at=timezone.now())


def connect():
    page_published.connect(mark_published, dispatch_uid="community_translation_published")

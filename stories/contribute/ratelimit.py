"""The share form's limits, per visitor address (home/client_address.py), counted with django-ratelimit.

Two counts, in the store every worker shares (the ``ratelimit`` cache: Redis when ``REDIS_URL`` is set, the database
otherwise; see config/counter_cache.py):

- every POST to the form, accepted or not (``SANCTUARY_FORM_POSTS_PER_HOUR``): holds off anyone flooding the form,
  while a teller who gets the form wrong a few times can still send their story;
- stories accepted (``SANCTUARY_SUBMISSIONS_PER_HOUR``): counted only once a story is stored.

django-ratelimit counts in fixed hour-long windows (each address's window starts at its own minute). When the store
cannot be reached (``RATELIMIT_FAIL_OPEN``), nothing is refused: a cache outage must never cost a teller their story.
Two stories sent at the same instant may both pass the last free place; the limit is for spam, not for accounting.
"""

from django.conf import settings
from django_ratelimit.core import get_usage, is_ratelimited

POSTS = "share-story:posts"
STORIES = "share-story:accepted"


def posts_rate(group, request):
    return f"{settings.SANCTUARY_FORM_POSTS_PER_HOUR}/h"


def stories_rate(group, request):
    return f"{settings.SANCTUARY_SUBMISSIONS_PER_HOUR}/h"


def allow_form_post(request):
    """Count this POST to the form; False once its address has used up this hour's posts or stories."""
    if is_ratelimited(request, group=POSTS, key="ip", rate=posts_rate, increment=True):
        return False
    stories = get_usage(request, group=STORIES, key="ip", rate=stories_rate)
    return stories is None or stories["count"] < stories["limit"]


def count_accepted_story(request):
    """Count a story that was stored, towards its address's hourly allowance."""
    get_usage(request, group=STORIES, key="ip", rate=stories_rate, increment=True)

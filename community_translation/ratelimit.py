"""The public translation form's limits, per visitor address, counted with django-ratelimit (as the share form's).

- sendings (``SANCTUARY_TRANSLATION_POSTS_PER_HOUR``), accepted or not;
- draft saves, twenty times that: a translator's browser saves each field as they type (in their session only).

When the counters cannot be reached, nothing is refused (``RATELIMIT_FAIL_OPEN``): an outage must not lose a text.
"""

import logging

from django.conf import settings
from django_ratelimit.core import is_ratelimited

logger = logging.getLogger(__name__)

SENDINGS = "community-translation:sendings"
DRAFTS = "community-translation:drafts"
DRAFTS_PER_SENDING = 20


def sendings_rate(group, request):
    return f"{settings.SANCTUARY_TRANSLATION_POSTS_PER_HOUR}/h"


def drafts_rate(group, request):
    return f"{settings.SANCTUARY_TRANSLATION_POSTS_PER_HOUR * DRAFTS_PER_SENDING}/h"


def _allowed(request, group, rate):
    try:
        return not is_ratelimited(request, group=group, key="ip", rate=rate, increment=True)
    except Exception:
        logger.warning("The translation form's rate limit could not be checked; the request is accepted", exc_info=True)
        return True


def allow_sending(request):
    return _allowed(request, SENDINGS, sendings_rate)


def allow_draft(request):
    return _allowed(request, DRAFTS, drafts_rate)

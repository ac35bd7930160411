"""The admin login's answer once django-axes has locked an address or an account out (``AXES_LOCKOUT_CALLABLE``).

axes counts failed sign-ins per address (home/client_address.py, behind the trusted proxies) and per account name, and
refuses both, even with the right password, for ``AXES_COOLOFF_TIME`` after ``AXES_FAILURE_LIMIT`` failures. Its own
answer is a line of English; this one is a page in the reader's language, in the admin's style, saying how long to
wait, with a ``Retry-After`` header. An administrator unlocks earlier with ``manage.py axes_reset_username <name>`` or
``axes_reset_ip <address>`` (README, "Admin sign-in lockout").
"""

import math

from axes.helpers import get_cool_off
from django.conf import settings
from django.shortcuts import render


def lockout_response(request, original_response=None, credentials=None):
    cool_off = get_cool_off(request)
    minutes = max(1, math.ceil(cool_off.total_seconds() / 60))
    context = {"minutes": minutes, "failure_limit": settings.AXES_FAILURE_LIMIT}
    response = render(request, "editorial/account_locked.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)
    response["Retry-After"] = str(minutes * 60)
    return response

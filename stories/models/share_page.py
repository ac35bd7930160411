"""The public "Share your story" page (/<lang>/share-your-story/) and the teller's private status link."""

import logging

from django.db import DatabaseError, models
from django.http import Http404, HttpResponseRedirect
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Locale

from home.models import BasePage
from home.outage import unavailable
from stories.contribute.forms import ShareStoryForm
from stories.contribute.ratelimit import allow_form_post, count_accepted_story
from stories.contribute.submission import create_story
from stories.models.contributions import TellerIdentity, Withdrawal
from stories.withdrawal import withdraw_story

logger = logging.getLogger(__name__)


class ShareStoryPage(RoutablePageMixin, BasePage):
    """Where people seeking sanctuary tell their own story, in their own language, safely."""

    intro = models.TextField(_("introduction"), blank=True)

    page_cache_enabled = False  # a form, and the tellers' private pages
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    content_panels = [*BasePage.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("share your story page")

    def render_form(self, request, form, status=200, **context):
        response = self.render(request, context_overrides={"form": form, **context})
        response.status_code = status
        return response

    @path("")
    def share(self, request):
        locale = Locale.objects.get(language_code=get_language())
        if request.method != "POST":
            return self.render_form(request, ShareStoryForm(locale=locale))
        form = ShareStoryForm(request.POST, request.FILES, locale=locale)
        if not submission_allowed(request):
            return self.render_form(request, form, status=429, refused="rate")
        if form.is_spam:
            return self.render_form(request, ShareStoryForm(locale=locale), status=400, refused="spam")
        if not form.is_valid():
            return self.render_form(request, form, status=400)
        try:
            story, token = create_story(form.cleaned_data, locale)
        except Exception as error:
            return self.render_unsaved(request, form, error)
        story_counted(request)
        status_url = request.build_absolute_uri(f"{self.url}status/{token}/")
        return self.render_private(request, submitted=story, status_url=status_url)

    def render_unsaved(self, request, form, error):
        """The form again, with everything the teller typed, when their story could not be stored.

        ``create_story`` has left nothing behind (no rows, no photo files). A full disk, a storage or a database error
        is temporary: 503 with ``Retry-After``. Anything else is a fault of ours (500, logged the same way); either
        way the teller keeps their text and is told that nothing was saved. Photos cannot be put back into a file
        input, so the message asks for them again.
        """
        logger.error("A story could not be stored; the teller was shown the form again", exc_info=error)
        response = self.render_form(
            request, form, refused="unsaved", photos_lost=bool(form.cleaned_data.get("photos")), status=500
        )
        return unavailable(response) if isinstance(error, (OSError, DatabaseError)) else response

    def render_private(self, request, **context):
        """A page reached by the teller's private link: never cached or indexed, and its address
        (which holds the private token) never sent to another site as a referrer. ("no-referrer" would also make the
        browser send "Origin: null" with the withdrawal form, which CSRF protection rightly refuses.)

        Its text is all the site's own (translated in the catalogues), so no "not translated" notice is shown even
        when this page's title and intro are not translated yet.
        """
        response = self.render(request, context_overrides={"interface_only": True, **context})
        add_never_cache_headers(response)
        response["X-Robots-Tag"] = "noindex, nofollow"
        response["Referrer-Policy"] = "same-origin"
        return response

    def tracked_story(self, token):
        identity = TellerIdentity.objects.select_related("story").for_token(token)
        if identity is None:
            raise Http404
        return identity

    @re_path(r"^status/(?P<token>[A-Za-z0-9_-]{1,100})/$")
    def status(self, request, token):
        if Withdrawal.objects.for_token(token) is not None:  # the story is erased: only the fact remains
            return self.render_private(request, state="withdrawn")
        story = self.tracked_story(token).story
        withdraw_url = f"{self.url}status/{token}/withdraw/"
        return self.render_private(request, tracked=story, state=story_state(story), withdraw_url=withdraw_url)

    @re_path(r"^status/(?P<token>[A-Za-z0-9_-]{1,100})/withdraw/$")
    def confirm_withdrawal(self, request, token):
        """Withdrawal takes two steps: this page says what it does and that it is final, then the teller confirms.

        It takes effect at once, with no undo window: a teller who withdraws may be doing so because the story puts
        them at risk, and every minute it stays online counts. What the page says instead is the truth: it cannot be
        undone, and a teller who changes their mind can share the story again (and it is read again).
        """
        status_url = f"{self.url}status/{token}/"
        if Withdrawal.objects.for_token(token) is not None:  # already withdrawn (a refreshed form): say so
            return HttpResponseRedirect(status_url, status=303 if request.method == "POST" else 302)
        story = self.tracked_story(token).story
        if request.method == "POST" and request.POST.get("confirm") == "withdraw":
            withdraw_story(story, by_teller=True)
            return HttpResponseRedirect(status_url, status=303)
        return self.render_private(request, withdrawing=story, status_url=status_url)


def submission_allowed(request):
    """The share form's rate limits, failing open: a cache outage must not refuse a story (or lose it in a 500).

    django-ratelimit already lets requests through when its store fails (``RATELIMIT_FAIL_OPEN``); an error raised
    on the way (a Redis client that raises rather than answering ``None``) is logged and the story accepted too.
    """
    try:
        return allow_form_post(request)
    except Exception:
        logger.warning("The share form's rate limit could not be checked; the story is accepted", exc_info=True)
        return True


def story_counted(request):
    """Count a stored story towards its address's allowance; a store that fails must not turn it into an error."""
    try:
        count_accepted_story(request)
    except Exception:
        logger.warning("A stored story could not be counted towards the rate limit", exc_info=True)


def story_state(story):
    """'published', 'in_review' or 'not_published', as the teller should understand it.

    A withdrawn story no longer exists: its private link finds its Withdrawal record instead ("withdrawn").
    """
    if story.live:
        return "published"
    if story.workflow_in_progress:
        return "in_review"
    return "not_published"

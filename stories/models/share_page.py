"""The public "Share your story" page (/<lang>/share-your-story/) and the teller's private status link."""

from django.db import models
from django.http import Http404, HttpResponseRedirect
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Locale

from home.models import BasePage
from stories.contribute.forms import ShareStoryForm
from stories.contribute.ratelimit import allow_form_post, count_accepted_story
from stories.contribute.submission import create_story
from stories.models.contributions import TellerIdentity
from stories.withdrawal import withdraw_story


class ShareStoryPage(RoutablePageMixin, BasePage):
    """Where people seeking sanctuary tell their own story, in their own language, safely."""

    intro = models.TextField(_("introduction"), blank=True)

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
        if not allow_form_post(request):
            return self.render_form(request, form, status=429, refused="rate")
        if form.is_spam:
            return self.render_form(request, ShareStoryForm(locale=locale), status=400, refused="spam")
        if not form.is_valid():
            return self.render_form(request, form, status=400)
        story, token = create_story(form.cleaned_data, locale)
        count_accepted_story(request)
        status_url = request.build_absolute_uri(f"{self.url}status/{token}/")
        return self.render_private(request, submitted=story, status_url=status_url)

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
        identity = self.tracked_story(token)
        story = identity.story
        status_url = f"{self.url}status/{token}/"
        if story_state(story) == "withdrawn":
            return HttpResponseRedirect(status_url)
        if request.method == "POST" and request.POST.get("confirm") == "withdraw":
            withdraw_story(story, by_teller=True)
            TellerIdentity.objects.filter(pk=identity.pk).update(real_name="", contact="")
            return HttpResponseRedirect(status_url, status=303)
        return self.render_private(request, withdrawing=story, status_url=status_url)


def story_state(story):
    """'withdrawn', 'published', 'in_review' or 'not_published', as the teller should understand it."""
    if story.consent_records.filter(withdrawn_on__isnull=False).exists() and not story.live:
        return "withdrawn"
    if story.live:
        return "published"
    if story.workflow_in_progress:
        return "in_review"
    return "not_published"

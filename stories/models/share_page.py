"""The public "Share your story" page (/<lang>/share-your-story/) and the teller's private status link."""

from django.db import models
from django.http import Http404
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Locale

from home.models import BasePage
from stories.contribute.forms import ShareStoryForm
from stories.contribute.ratelimit import allow_submission, client_ip
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
        if not allow_submission(client_ip(request)):
            return self.render_form(request, form, status=429, refused="rate")
        if form.is_spam:
            return self.render_form(request, ShareStoryForm(locale=locale), status=400, refused="spam")
        if not form.is_valid():
            return self.render_form(request, form, status=400)
        story, token = create_story(form.cleaned_data, locale)
        status_url = request.build_absolute_uri(f"{self.url}status/{token}/")
        return self.render(request, context_overrides={"submitted": story, "status_url": status_url})

    @re_path(r"^status/(?P<token>[A-Za-z0-9_-]{1,100})/$")
    def status(self, request, token):
        identity = TellerIdentity.objects.select_related("story").for_token(token)
        if identity is None:
            raise Http404
        story = identity.story
        if request.method == "POST" and request.POST.get("action") == "withdraw":
            withdraw_story(story, by_teller=True)
            TellerIdentity.objects.filter(pk=identity.pk).update(real_name="", contact="")
            story.refresh_from_db()
        return self.render(request, context_overrides={"tracked": story, "state": story_state(story)})


def story_state(story):
    """'withdrawn', 'published', 'in_review' or 'not_published', as the teller should understand it."""
    if story.consent_records.filter(withdrawn_on__isnull=False).exists() and not story.live:
        return "withdrawn"
    if story.live:
        return "published"
    if story.workflow_in_progress:
        return "in_review"
    return "not_published"

"""What a teller agreed to. Never shown on the public site."""

from django.conf import settings
from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Page, Revision


def cancel_scheduled_publication(translation_key):
    """No version of the story (in any language) waits to go live any more: its teller's consent was withdrawn."""
    versions = Page.objects.filter(translation_key=translation_key).values_list("pk", flat=True)
    scheduled = Revision.page_revisions.filter(object_id__in=[str(pk) for pk in versions])
    scheduled.exclude(approved_go_live_at=None).update(approved_go_live_at=None)


class ConsentRecord(models.Model):
    """What a teller agreed to, when, and who recorded it. Never shown on the public site.

    A story may be published only while it has a record covering web publication that has not been withdrawn.
    Withdrawing keeps the record (with the date) as evidence that the teller's wish was carried out.
    """

    story = models.ForeignKey(
        "stories.StoryPage", on_delete=models.CASCADE, related_name="consent_records", verbose_name=_("story")
    )
    web = models.BooleanField(_("publication on the website"), default=False)
    print = models.BooleanField(_("print and exhibitions"), default=False)
    translation = models.BooleanField(_("translation into other languages"), default=False)
    photos = models.BooleanField(_("publication of photos"), default=False)
    given_on = models.DateField(_("consent given on"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)

    panels = [
        FieldPanel("story"),
        MultiFieldPanel(
            [FieldPanel("web"), FieldPanel("print"), FieldPanel("translation"), FieldPanel("photos")],
            heading=_("What the teller agreed to"),
        ),
        FieldRowPanel([FieldPanel("given_on"), FieldPanel("withdrawn_on")]),
        FieldPanel("recorded_by"),
    ]

    class Meta:
        ordering = ["-given_on"]
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")

    def __str__(self):
        return _("Consent for “%(story)s” given on %(date)s") % {
            "story": self.story,
            "date": date_format(self.given_on, "SHORT_DATE_FORMAT"),
        }

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        if self.withdrawn_on is not None:
            cancel_scheduled_publication(self.story.translation_key)

    @property
    def is_active(self):
        return self.withdrawn_on is None

    @property
    def scopes(self):
        return [
            str(self._meta.get_field(name).verbose_name)
            for name in ("web", "print", "translation", "photos")
            if getattr(self, name)
        ]

"""What a community translator sends, and how to reach them, kept apart.

The translated text itself lives where every translation of the site lives: wagtail-localize's ``StringTranslation``
rows of the target language, which translators and moderators see and correct in the translation editor. A
``CommunityTranslation`` records who sent which segments and how they wish to be credited: each sending's texts are
kept in it too, so a text that could not fill an empty segment (another person's translation awaits review there) is
never lost but shown to the reviewer as a suggestion.

``TranslatorContact`` holds the address a translator may leave: no public view, API, search index, sitemap, feed or
template reads it (as ``stories.TellerIdentity``); only moderators see it in the admin.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource


class Credit(models.TextChoices):
    NAME = "name", _("My name")
    CHOSEN_NAME = "chosen_name", _("A name I choose")
    ANONYMOUS = "anonymous", _("Anonymously")


class Outcome(models.TextChoices):
    """What became of one segment a community translator sent."""

    ADDED = "added", _("filled an empty segment")
    SAME = "same", _("the same as the translation already there")
    SUGGESTED = "suggested", _("kept as a suggestion: another translation was already there")


class CommunityTranslationQuerySet(models.QuerySet):
    def for_page(self, page):
        """The sendings whose target is ``page`` (a page in the target language's tree)."""
        return self.filter(source__object_id=page.translation_key, target_locale_id=page.locale_id)

    def pending(self):
        return self.filter(status=CommunityTranslation.Status.PENDING)

    def published(self):
        return self.filter(status=CommunityTranslation.Status.PUBLISHED)


class CommunityTranslation(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("awaiting review")
        PUBLISHED = "published", _("published")

    source = models.ForeignKey(TranslationSource, on_delete=models.CASCADE, related_name="+", editable=False)
    target_locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+", verbose_name=_("language"))
    credit = models.CharField(_("credit"), max_length=20, choices=Credit.choices)
    credited_name = models.CharField(_("credited as"), max_length=100, blank=True)
    consents_to_publication = models.BooleanField(_("agreed to publication and editing"), default=False)
    # {segment key: {"path", "source", "text", "outcome"}}: every text this person sent, as they sent it.
    segments = models.JSONField(_("segments sent"), default=dict, editable=False)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    submitted_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, editable=False)

    objects = CommunityTranslationQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("community translation")
        verbose_name_plural = _("community translations")

    def __str__(self):
        return _("%(page)s into %(language)s, %(provenance)s") % {
            "page": self.source.object_repr,
            "language": self.target_locale.get_display_name(),
            "provenance": self.provenance,
        }

    @property
    def public_name(self):
        """The name to credit publicly, or "" for an anonymous translator."""
        return "" if self.credit == Credit.ANONYMOUS else self.credited_name

    @property
    def provenance(self):
        if self.public_name:
            return _("community translation, credited as “%(name)s”") % {"name": self.public_name}
        return _("community translation, anonymous")

    def with_outcome(self, outcome):
        return [segment for segment in self.segments.values() if segment["outcome"] == outcome]


class TranslatorContact(models.Model):
    translation = models.OneToOneField(
        CommunityTranslation,
        on_delete=models.CASCADE,
        related_name="contact",
        verbose_name=_("community translation"),
    )
    contact = models.CharField(_("e-mail or phone"), max_length=200)

    class Meta:
        verbose_name = _("community translator's contact")
        verbose_name_plural = _("community translators' contacts")

    def __str__(self):
        return _("Contact for community translation #%(id)s") % {"id": self.translation_id}

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin
from wagtail.search import index


class MythFact(TranslatableMixin, index.Indexed, models.Model):
    """A common myth about people seeking sanctuary and the facts that answer it (Sheffield's drinks mats)."""

    myth = models.CharField(_("myth"), max_length=255)
    facts = RichTextField(_("facts"), features=["bold", "italic", "link", "ul"])
    source_title = models.CharField(_("source title"), max_length=255, blank=True)
    source_url = models.URLField(_("source link"), blank=True)
    last_reviewed = models.DateField(
        _("last reviewed"),
        help_text=_("When someone last checked that the facts still hold."),
    )

    panels = [
        FieldPanel("myth"),
        FieldPanel("facts"),
        FieldPanel("source_title"),
        FieldPanel("source_url"),
        FieldPanel("last_reviewed"),
    ]
    search_fields = [index.SearchField("myth"), index.SearchField("facts"), index.FilterField("locale_id")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("myth and fact")
        verbose_name_plural = _("myths and facts")
        ordering = ["myth"]

    def __str__(self):
        return self.myth

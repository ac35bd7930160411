"""The image library: Wagtail's image with a credit line, so every published photo says whose it is."""

from django.db import models
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class SanctuaryImage(AbstractImage):
    credit = models.CharField(max_length=255, blank=True, help_text="Photographer or artist, as they wish to be named.")

    admin_form_fields = (*Image.admin_form_fields, "credit")


class SanctuaryRendition(AbstractRendition):
    image = models.ForeignKey(SanctuaryImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)

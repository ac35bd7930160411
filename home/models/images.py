"""The image library: Wagtail's image with a credit line, so every published photo says whose it is.

Every original file is stripped of its metadata (EXIF/GPS, XMP, IPTC, comments, text chunks) before it is stored,
however the image is created: the admin, any form, or code. See home.image_metadata.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.utils.file import hash_filelike

from home.image_metadata import strip_metadata
from home.private_media import PRIVATE_COLLECTION, PRIVATE_PREFIX, is_private


class SanctuaryImage(AbstractImage):
    credit = models.CharField(
        _("credit"), max_length=255, blank=True, help_text=_("Photographer or artist, as they wish to be named.")
    )

    admin_form_fields = (*Image.admin_form_fields, "credit")

    # The file name as stored in the database when the row was loaded (None for a new image): a different name means
    # a new file was put in place, even if it was already written to storage (as the multiple uploader does).
    _stored_file_name = None

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        if "file" in instance.__dict__:
            instance._stored_file_name = instance.file.name
        return instance

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        replaced_name = None
        if self.file and (update_fields is None or "file" in update_fields) and self._has_new_file():
            replaced_name = self._strip_file_metadata()
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "width", "height", "file_size", "file_hash"}
        super().save(*args, **kwargs)
        if replaced_name and replaced_name != self.file.name:
            # The metadata-laden copy that was already in storage: it must not outlive the clean one.
            self.file.storage.delete(replaced_name)
        self._stored_file_name = self.file.name

    def get_upload_to(self, filename):
        """Photos of the private collection are stored privately (home.private_media), whatever collection they
        are moved to later: the serving view decides who sees them."""
        name = super().get_upload_to(filename)
        if self.collection_id is not None and self.collection.name == PRIVATE_COLLECTION:
            return PRIVATE_PREFIX + name
        return name

    def _has_new_file(self):
        return not self.file._committed or self.file.name != self._stored_file_name

    def _strip_file_metadata(self):
        """Replace ``self.file`` by a metadata-free copy; returns the name of an already-stored original to delete."""
        already_stored = self.file._committed
        original_name = self.file.name
        self.file.open("rb")
        try:
            cleaned = strip_metadata(self.file)
        finally:
            if already_stored:
                self.file.close()
        # Assigning the file makes the ImageField recompute width/height from the clean (upright) pixels.
        self.file = cleaned
        self.file_size = cleaned.size
        self.file_hash = hash_filelike(cleaned)
        cleaned.seek(0)
        return original_name if already_stored else None


class SanctuaryRendition(AbstractRendition):
    image = models.ForeignKey(SanctuaryImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)

    def get_upload_to(self, filename):
        """A private image's renditions are private too."""
        name = super().get_upload_to(filename)
        return PRIVATE_PREFIX + name if is_private(self.image.file.name) else name

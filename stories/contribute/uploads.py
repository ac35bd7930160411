"""Validation for photos attached to the public "Share your story" form.

Anyone can submit the form, so every upload is treated as hostile:

* the type is sniffed from the *content* (magic bytes, then Pillow), never from the file name or the browser's
  content type, and only JPEG, PNG and WebP are accepted;
* the byte size is checked before anything is read, and the pixel count is checked from the image header before any
  pixel is decoded, so that decompression bombs are refused cheaply;
* the image is then verified and fully decoded once, so truncated or corrupt files are refused.

Use :func:`validate_photo` directly, or the form fields :class:`PhotoField` and :class:`MultiplePhotoField`.
"""

import io
import os
import warnings

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from PIL import Image

ALLOWED_FORMATS = frozenset({"JPEG", "PNG", "WEBP"})

# Leading bytes of each allowed format: (offset, signature). WebP is "RIFF" <size> "WEBP".
_MAGIC = {
    "JPEG": ((0, b"\xff\xd8\xff"),),
    "PNG": ((0, b"\x89PNG\r\n\x1a\n"),),
    "WEBP": ((0, b"RIFF"), (8, b"WEBP")),
}
_ACCEPT = "image/jpeg,image/png,image/webp"

MESSAGES = {
    "not_a_photo": _("“%(name)s” is not a JPEG, PNG or WebP photo."),
    "empty": _("“%(name)s” is empty."),
    "too_big": _("“%(name)s” is larger than %(megabytes)s MB."),
    "too_many_pixels": _("“%(name)s” is too large: at most %(megapixels)s megapixels."),
    "too_many_photos": ngettext_lazy(
        "You can attach up to %(max)s photo.", "You can attach up to %(max)s photos.", "max"
    ),
}


def _display_name(uploaded_file):
    name = getattr(uploaded_file, "name", None) or ""
    return os.path.basename(str(name).replace("\\", "/")) or _("photo")


def max_photo_bytes():
    return settings.SANCTUARY_MAX_UPLOAD_BYTES


def max_photo_pixels():
    return settings.SANCTUARY_MAX_IMAGE_PIXELS


def limits_for_display():
    """The upload limits as people read them: {"megabytes": 10, "megapixels": 40}."""
    return {"megabytes": max_photo_bytes() // (1024 * 1024), "megapixels": max_photo_pixels() // 1_000_000}


def _error(code, name):
    return ValidationError(MESSAGES[code], code=code, params={"name": name, **limits_for_display()})


def _sniff(head):
    """The allowed format whose magic bytes ``head`` starts with, or None."""
    for fmt, signatures in _MAGIC.items():
        if all(head[offset : offset + len(sig)] == sig for offset, sig in signatures):
            return fmt
    return None


def _check_image(data, sniffed, name):
    """Open, check the header, verify and fully decode ``data``; raise ValidationError if anything is wrong."""
    with warnings.catch_warnings():
        # Pillow only *warns* about a possible decompression bomb below 2 * Image.MAX_IMAGE_PIXELS: make it an error.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            # Only the header is parsed here; no pixel data is decoded yet.
            with Image.open(io.BytesIO(data), formats=[sniffed]) as image:
                if image.format != sniffed:
                    raise _error("not_a_photo", name)
                width, height = image.size
                if width <= 0 or height <= 0:
                    raise _error("not_a_photo", name)
                if width * height > max_photo_pixels():
                    raise _error("too_many_pixels", name)
                image.verify()
            # verify() leaves the image unusable: decode a fresh copy in full, which catches truncated files.
            with Image.open(io.BytesIO(data), formats=[sniffed]) as image:
                image.load()
        except ValidationError:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise _error("too_many_pixels", name) from None
        except Exception:
            # Hostile or broken input can make decoders raise almost anything (OSError, SyntaxError, ValueError,
            # struct.error, EOFError...): all of them mean "not a usable photo".
            raise _error("not_a_photo", name) from None


def validate_photo(uploaded_file):
    """Check that ``uploaded_file`` is a real JPEG, PNG or WebP photo within the size limits.

    Returns the detected format ("JPEG", "PNG" or "WEBP"). Raises ValidationError otherwise. The file is rewound
    (``seek(0)``) afterwards, whether or not it is valid, so the caller can save it.
    """
    name = _display_name(uploaded_file)
    # Size first, before reading anything.
    size = getattr(uploaded_file, "size", None)
    limit = max_photo_bytes()
    if size is not None and size > limit:
        raise _error("too_big", name)
    try:
        uploaded_file.seek(0)
        # Never trust the reported size: read at most one byte past the limit.
        data = uploaded_file.read(limit + 1)
        if len(data) > limit:
            raise _error("too_big", name)
        if not data:
            raise _error("empty", name)
        sniffed = _sniff(data[:16])
        if sniffed not in ALLOWED_FORMATS:
            raise _error("not_a_photo", name)
        _check_image(data, sniffed, name)
        return sniffed
    finally:
        uploaded_file.seek(0)


class PhotoField(forms.FileField):
    """A file field accepting one JPEG, PNG or WebP photo, checked by :func:`validate_photo`.

    The cleaned file gets a ``photo_format`` attribute with the detected format.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", forms.ClearableFileInput(attrs={"accept": _ACCEPT}))
        super().__init__(*args, **kwargs)

    def to_python(self, data):
        uploaded_file = super().to_python(data)
        if uploaded_file is not None:
            uploaded_file.photo_format = validate_photo(uploaded_file)
        return uploaded_file


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultiplePhotoField(PhotoField):
    """Up to ``max_files`` (default: ``SANCTUARY_MAX_PHOTOS_PER_STORY``) photos; cleans to a list of uploaded files.

    Every file is checked; the errors of all refused files are reported together.
    """

    def __init__(self, *args, max_files=None, **kwargs):
        self.max_files = max_files or settings.SANCTUARY_MAX_PHOTOS_PER_STORY
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": _ACCEPT}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if data is None or data is False:
            files = []
        elif isinstance(data, (list, tuple)):
            files = [f for f in data if f]
        else:
            files = [data]
        if not files:
            if self.required:
                raise ValidationError(self.error_messages["required"], code="required")
            return []
        if len(files) > self.max_files:
            raise ValidationError(
                MESSAGES["too_many_photos"],
                code="too_many_photos",
                params={"max": self.max_files},
            )
        cleaned, errors = [], []
        for uploaded_file in files:
            try:
                cleaned.append(super().clean(uploaded_file, initial))
            except ValidationError as error:
                errors.extend(error.error_list)
        if errors:
            raise ValidationError(errors)
        return cleaned

"""Strip identifying metadata from images before they are stored.

Photos of refugees must never leak where or with what they were taken, so every image file is re-encoded from its
pixels alone: EXIF (including GPS, camera make/model and timestamps), XMP, IPTC, JPEG comments, PNG text chunks,
WebP EXIF/XMP chunks and extra MPO frames (phone thumbnails, depth maps) are all dropped. The EXIF orientation is
applied to the pixels first so photos stay upright. Only the ICC colour profile is kept: it describes colours, not
people or places, and dropping it would shift the colours of wide-gamut phone photos.
"""

import io
import os

from django.core.files.base import ContentFile
from PIL import Image, ImageOps, ImageSequence

JPEG_QUALITY = 90

# Formats Pillow may report for a file, and the format it is written back as. MPO is how Pillow names a phone JPEG
# carrying extra pictures (thumbnails, depth maps); only the main picture is kept, as a plain JPEG.
OUTPUT_FORMATS = {"JPEG": "JPEG", "MPO": "JPEG", "PNG": "PNG", "WEBP": "WEBP", "GIF": "GIF"}

# Image.info keys that carry no metadata and are needed to write the picture faithfully.
PIXEL_INFO_KEYS = ("transparency", "background")


class UnsupportedImageError(ValueError):
    """The file is not an image format whose metadata this module knows how to remove."""


def strip_metadata(uploaded_file) -> ContentFile:
    """A copy of ``uploaded_file`` re-encoded in the same format with every piece of metadata removed.

    The returned file keeps the original's base name. Raises UnsupportedImageError for formats it cannot clean, so an
    image is never stored with its metadata intact by accident.
    """
    name = os.path.basename(getattr(uploaded_file, "name", None) or "image")
    uploaded_file.seek(0)
    data = uploaded_file.read()
    with Image.open(io.BytesIO(data)) as source:
        output_format = OUTPUT_FORMATS.get(source.format or "")
        if output_format is None:
            raise UnsupportedImageError(f"Cannot remove metadata from {source.format or 'unknown'} images ({name}).")
        icc_profile = source.info.get("icc_profile")
        animated = output_format != "JPEG" and getattr(source, "n_frames", 1) > 1
        loop = source.info.get("loop", 0)
        # The iterator seeks ``source`` itself, so each frame is copied (and cleaned) before moving on.
        frames = ImageSequence.Iterator(source) if animated else [source]
        durations, cleaned = [], []
        for frame in frames:
            durations.append(frame.info.get("duration", 100))
            cleaned.append(_clean_frame(frame))

    options = {"exif": b""}
    if icc_profile:
        options["icc_profile"] = icc_profile
    if output_format == "JPEG":
        options.update(quality=JPEG_QUALITY, optimize=True)
        if cleaned[0].mode not in ("RGB", "L", "CMYK"):
            cleaned[0] = cleaned[0].convert("RGB")
    elif output_format == "WEBP":
        options.update(quality=JPEG_QUALITY, xmp=b"", lossless=_is_lossless_webp(data))
    elif output_format == "PNG":
        options["optimize"] = True
    if animated:
        options.update(save_all=True, append_images=cleaned[1:], duration=durations, loop=loop)

    buffer = io.BytesIO()
    cleaned[0].save(buffer, output_format, **options)
    return ContentFile(buffer.getvalue(), name=name)


def _is_lossless_webp(data: bytes) -> bool:
    """Whether a WebP file's (first) picture is VP8L-coded, so it is written back losslessly rather than degraded."""
    position = 12  # after "RIFF", the file size and "WEBP"
    while position + 8 <= len(data):
        fourcc, size = data[position : position + 4], int.from_bytes(data[position + 4 : position + 8], "little")
        if fourcc in (b"VP8L", b"VP8 "):
            return fourcc == b"VP8L"
        if fourcc == b"ANMF":  # an animation frame: its picture chunk follows a 16-byte frame header
            inner = data[position + 24 : position + 28]
            if inner in (b"VP8L", b"VP8 "):
                return inner == b"VP8L"
            # ALPH chunk first means a lossy frame with alpha
            return False
        position += 8 + size + (size & 1)
    return False


def _clean_frame(frame: Image.Image) -> Image.Image:
    """One frame, turned upright by its EXIF orientation, with all metadata dropped from its info."""
    upright = ImageOps.exif_transpose(frame.copy())
    if upright is None:  # pragma: no cover - only returned when transposing in place
        upright = frame.copy()
    # Keep only what the pixels need; everything else in info (comments, XMP, EXIF, PNG text) goes.
    upright.info = {key: frame.info[key] for key in PIXEL_INFO_KEYS if key in frame.info}
    return upright

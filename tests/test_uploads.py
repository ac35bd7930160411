"""The photo validator of the public "Share your story" form: content sniffing, size and pixel limits."""

import io
import struct
import zlib

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.datastructures import MultiValueDict
from PIL import Image, ImageFile

from stories.contribute.uploads import (
    ALLOWED_FORMATS,
    MultipleFileInput,
    MultiplePhotoField,
    PhotoField,
    validate_photo,
)


def image_bytes(fmt, size=(64, 48), mode="RGB", noise=False, **save_options):
    if noise:
        image = Image.effect_noise(size, 64).convert(mode)
    else:
        image = Image.new(mode, size, "teal" if mode == "RGB" else 0)
    buffer = io.BytesIO()
    image.save(buffer, fmt, **save_options)
    return buffer.getvalue()


def upload(name, content, content_type="image/jpeg"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def crafted_png(width, height):
    """A valid all-black 1-bit greyscale PNG of the given size, built row by row without ever holding the pixels."""
    compressor = zlib.compressobj(9)
    row = b"\0" * (1 + (width + 7) // 8)  # filter byte + packed bits
    idat = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) + png_chunk(b"IDAT", idat) + png_chunk(b"IEND", b"")


def refusal(uploaded_file):
    with pytest.raises(ValidationError) as caught:
        validate_photo(uploaded_file)
    assert uploaded_file.tell() == 0
    return caught.value.messages


MAX_PHOTO_BYTES = 10 * 1024 * 1024  # the configured limit (base settings), which the messages below name


def test_only_jpeg_png_and_webp_are_allowed():
    assert sorted(ALLOWED_FORMATS) == ["JPEG", "PNG", "WEBP"]


def test_the_limits_and_the_words_that_name_them_come_from_the_settings(settings):
    """Change a limit in one place, and both the check and what the teller reads follow."""
    settings.SANCTUARY_MAX_UPLOAD_BYTES = 1024 * 1024
    settings.SANCTUARY_MAX_IMAGE_PIXELS = 2_000_000
    settings.SANCTUARY_MAX_PHOTOS_PER_STORY = 1
    content = image_bytes("JPEG")
    assert refusal(upload("big.jpg", content + b"\0" * (1024 * 1024))) == ["“big.jpg” is larger than 1 MB."]
    assert validate_photo(upload("small.jpg", content)) == "JPEG"
    assert refusal(upload("wide.png", image_bytes("PNG", size=(2001, 1000)))) == [
        "“wide.png” is too large: at most 2 megapixels."
    ]
    with pytest.raises(ValidationError) as caught:
        MultiplePhotoField().clean([jpeg("a.jpg"), jpeg("b.jpg")])
    assert caught.value.messages == ["You can attach up to 1 photo."]


@pytest.mark.parametrize(
    ("fmt", "name", "content_type"),
    [
        ("JPEG", "holiday.jpg", "image/jpeg"),
        ("PNG", "drawing.png", "image/png"),
        ("WEBP", "garden.webp", "image/webp"),
        # The name and the browser's content type are irrelevant: only the content counts.
        ("PNG", "misnamed.jpg", "application/octet-stream"),
    ],
)
def test_real_photos_pass_and_their_format_is_returned(fmt, name, content_type):
    photo = upload(name, image_bytes(fmt, noise=True), content_type)
    photo.read(10)  # validation must not depend on the current position
    assert validate_photo(photo) == fmt
    assert photo.tell() == 0
    assert photo.read() == photo.file.getvalue()  # still readable in full by the caller


PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect/></svg>'
HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("photo.jpg", PDF, "image/jpeg"),
        ("photo.png", SVG, "image/png"),
        ("drawing.svg", SVG, "image/svg+xml"),
        ("photo.jpg", HTML, "image/jpeg"),
        ("photo.gif", image_bytes("GIF"), "image/gif"),
        ("photo.jpg", image_bytes("GIF"), "image/jpeg"),
        ("photo.jpg", image_bytes("BMP"), "image/jpeg"),
        ("photo.jpg", b"\xff\xd8\xff" + b"\0" * 100, "image/jpeg"),  # JPEG magic, no JPEG behind it
        ("photo.webp", b"RIFF\0\0\0\0WEBPVP8 garbage", "image/webp"),
    ],
)
def test_files_that_are_not_photos_are_refused(name, content, content_type):
    assert refusal(upload(name, content, content_type)) == [f"“{name}” is not a JPEG, PNG or WebP photo."]


def test_an_empty_file_is_refused():
    assert refusal(upload("photo.jpg", b"")) == ["“photo.jpg” is empty."]


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_a_truncated_photo_is_refused(fmt):
    whole = image_bytes(fmt, size=(400, 300), noise=True)
    assert validate_photo(upload("whole", whole)) == fmt
    assert not ImageFile.LOAD_TRUNCATED_IMAGES
    half = upload("half.jpg", whole[: len(whole) // 2])
    assert refusal(half) == ["“half.jpg” is not a JPEG, PNG or WebP photo."]


def test_the_size_limit_is_checked_first():
    zeros = upload("huge.jpg", b"\0" * (11 * 1024 * 1024))
    assert refusal(zeros) == ["“huge.jpg” is larger than 10 MB."]
    padded = upload("padded.jpg", image_bytes("JPEG") + b"\0" * (MAX_PHOTO_BYTES + 1))
    assert refusal(padded) == ["“padded.jpg” is larger than 10 MB."]


def test_the_size_limit_does_not_trust_the_reported_size():
    lying = upload("lying.jpg", b"\xff\xd8\xff" + b"\0" * MAX_PHOTO_BYTES)
    lying.size = 100
    assert refusal(lying) == ["“lying.jpg” is larger than 10 MB."]


def test_exactly_10_mb_is_not_too_big():
    content = image_bytes("JPEG")
    padded = upload("padded.jpg", content + b"\0" * (MAX_PHOTO_BYTES - len(content)))
    assert validate_photo(padded) == "JPEG"


def test_an_image_over_40_megapixels_is_refused():
    content = image_bytes("PNG", size=(8000, 5001), mode="1")
    assert len(content) < MAX_PHOTO_BYTES
    assert refusal(upload("wide.png", content)) == ["“wide.png” is too large: at most 40 megapixels."]


def test_an_image_of_exactly_40_megapixels_passes():
    assert validate_photo(upload("big.png", crafted_png(8000, 5000))) == "PNG"


@pytest.fixture
def no_decoding(monkeypatch):
    """Make any attempt to verify or decode pixels fail the test."""

    def forbidden(self, *args, **kwargs):
        pytest.fail("pixels were decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", forbidden)
    monkeypatch.setattr(Image.Image, "load", forbidden)
    monkeypatch.setattr(Image.Image, "verify", forbidden)
    monkeypatch.setattr(Image.core, "new", forbidden)


@pytest.mark.parametrize(
    "size",
    [
        (20000, 20000),  # beyond 2 * Image.MAX_IMAGE_PIXELS: Pillow raises DecompressionBombError on open
        (10000, 10000),  # between Image.MAX_IMAGE_PIXELS and twice it: Pillow only warns
        (6400, 6400),  # below Pillow's threshold: our own limit
    ],
)
def test_a_decompression_bomb_is_refused_without_decoding(size, no_decoding):
    bomb = crafted_png(*size)
    assert len(bomb) < 1024 * 1024
    assert refusal(upload("bomb.png", bomb)) == ["“bomb.png” is too large: at most 40 megapixels."]


def test_the_no_decoding_fixture_catches_decoding(no_decoding):
    with pytest.raises(pytest.fail.Exception, match="pixels were decoded"):
        validate_photo(upload("ok.png", crafted_png(10, 10)))


def test_a_decompression_bomb_warning_is_not_left_behind(recwarn):
    refusal(upload("bomb.png", crafted_png(10000, 10000)))
    assert not [w for w in recwarn if issubclass(w.category, Image.DecompressionBombWarning)]


def test_messages_use_the_file_name_only():
    photo = upload("../../etc/photo.jpg", PDF)
    assert refusal(photo) == ["“photo.jpg” is not a JPEG, PNG or WebP photo."]


class StoryPhotosForm(forms.Form):
    photo = PhotoField(required=False)
    photos = MultiplePhotoField(required=False)


def post(**files):
    data = MultiValueDict()
    for key, value in files.items():
        data.setlist(key, value if isinstance(value, list) else [value])
    return StoryPhotosForm(data={}, files=data)


def jpeg(name="photo.jpg"):
    return upload(name, image_bytes("JPEG"))


def test_photo_field_accepts_a_photo_and_records_its_format():
    form = post(photo=upload("p.png", image_bytes("PNG"), "image/jpeg"))
    assert form.is_valid(), form.errors
    assert form.cleaned_data["photo"].photo_format == "PNG"
    assert form.cleaned_data["photo"].tell() == 0
    assert form.cleaned_data["photos"] == []


def test_photo_field_refuses_a_renamed_pdf():
    form = post(photo=upload("photo.jpg", PDF))
    assert not form.is_valid()
    assert form.errors["photo"] == ["“photo.jpg” is not a JPEG, PNG or WebP photo."]


def test_multiple_photo_field_uses_a_multiple_file_input():
    field = MultiplePhotoField()
    assert isinstance(field.widget, MultipleFileInput)
    assert field.widget.allow_multiple_selected
    html = field.widget.render("photos", None)
    assert "multiple" in html
    assert 'accept="image/jpeg,image/png,image/webp"' in html


def test_multiple_photo_field_accepts_up_to_three_photos():
    photos = [jpeg("a.jpg"), upload("b.png", image_bytes("PNG")), upload("c.webp", image_bytes("WEBP"))]
    form = post(photos=photos)
    assert form.is_valid(), form.errors
    assert [f.photo_format for f in form.cleaned_data["photos"]] == ["JPEG", "PNG", "WEBP"]


def test_multiple_photo_field_refuses_four_photos():
    form = post(photos=[jpeg(f"{n}.jpg") for n in range(4)])
    assert not form.is_valid()
    assert form.errors["photos"] == ["You can attach up to 3 photos."]


def test_multiple_photo_field_reports_every_bad_photo():
    form = post(photos=[upload("a.jpg", PDF), jpeg("b.jpg"), upload("c.png", SVG)])
    assert not form.is_valid()
    assert form.errors["photos"] == [
        "“a.jpg” is not a JPEG, PNG or WebP photo.",
        "“c.png” is not a JPEG, PNG or WebP photo.",
    ]


def test_multiple_photo_field_required():
    field = MultiplePhotoField()
    with pytest.raises(ValidationError) as caught:
        field.clean([])
    assert caught.value.code == "required"
    assert MultiplePhotoField(required=False).clean([]) == []

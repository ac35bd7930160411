"""Refugees' safety: no stored image may keep EXIF/GPS, XMP, IPTC, comments or text chunks; pixels stay upright."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, PngImagePlugin
from wagtail.models import Collection

from home.image_metadata import UnsupportedImageError, strip_metadata
from home.models.images import SanctuaryImage

# Distinctive strings planted in the metadata: none may appear anywhere in a stored file.
SECRETS = (b"SecretCam", b"ModelX-99", b"2024:05:01 10:11:12", b"Calais", b"ns.adobe.com/xap", b"Photoshop 3.0")
GPS_IFD, MAKE, MODEL, ORIENTATION, EXIF_IFD, DATETIME_ORIGINAL = 0x8825, 0x010F, 0x0110, 0x0112, 0x8769, 0x9003
XMP = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:Description City="Calais"/></x:xmpmeta>'


def camera_exif(orientation=None):
    exif = Image.Exif()
    exif[MAKE] = "SecretCam"
    exif[MODEL] = "ModelX-99"
    if orientation:
        exif[ORIENTATION] = orientation
    exif.get_ifd(EXIF_IFD)[DATETIME_ORIGINAL] = "2024:05:01 10:11:12"
    gps = exif.get_ifd(GPS_IFD)
    gps[1], gps[2] = "N", (50.0, 57.0, 30.0)  # GPSLatitudeRef, GPSLatitude
    gps[3], gps[4] = "E", (1.0, 51.0, 15.0)  # GPSLongitudeRef, GPSLongitude
    return exif


def two_tone(size=(40, 20)):
    """Left half red, right half blue, so a rotation shows in the pixels."""
    picture = Image.new("RGB", size, (220, 20, 20))
    picture.paste((20, 20, 220), (size[0] // 2, 0, size[0], size[1]))
    return picture


def with_iptc(jpeg: bytes) -> bytes:
    """``jpeg`` with a Photoshop APP13 segment carrying an IPTC City (2:90) record inserted after SOI."""
    iptc = b"\x1c\x02\x5a" + len(b"Calais").to_bytes(2, "big") + b"Calais"
    resource = b"8BIM\x04\x04\x00\x00" + len(iptc).to_bytes(4, "big") + iptc
    payload = b"Photoshop 3.0\x00" + resource
    return jpeg[:2] + b"\xff\xed" + (len(payload) + 2).to_bytes(2, "big") + payload + jpeg[2:]


def gps_jpeg(orientation=None, size=(40, 20)):
    buffer = io.BytesIO()
    two_tone(size).save(buffer, "JPEG", exif=camera_exif(orientation), xmp=XMP, comment=b"Calais", quality=95)
    return with_iptc(buffer.getvalue())


def stored(image):
    """The bytes of ``image``'s original file as read back from storage."""
    with image.file.storage.open(image.file.name, "rb") as handle:
        return handle.read()


def assert_clean(data: bytes):
    for secret in SECRETS:
        assert secret not in data, secret
    with Image.open(io.BytesIO(data)) as picture:
        exif = picture.getexif()
        assert not exif, dict(exif)
        assert not exif.get_ifd(GPS_IFD)
        assert MAKE not in exif and MODEL not in exif
        assert "exif" not in picture.info and "xmp" not in picture.info and "comment" not in picture.info
        assert not getattr(picture, "text", {})


def assert_red_on_top(picture, width=20, height=40):
    """An orientation-6 two-tone turned upright: red (was left) on top, blue at the bottom."""
    assert picture.size == (width, height)
    rgb = picture.convert("RGB")
    red, _, blue = rgb.getpixel((width // 2, 2))
    assert red > 150 and blue < 100
    red, _, blue = rgb.getpixel((width // 2, height - 3))
    assert blue > 150 and red < 100


@pytest.fixture
def root_collection(db):
    return Collection.get_first_root_node()


def test_created_in_code_is_stored_without_metadata(root_collection):
    image = SanctuaryImage.objects.create(title="Harbour", file=ImageFile(io.BytesIO(gps_jpeg()), name="harbour.jpg"))

    data = stored(image)
    assert_clean(data)
    with Image.open(io.BytesIO(data)) as picture:
        assert picture.format == "JPEG" and picture.size == (40, 20)
    assert image.file.name.endswith("harbour.jpg")
    assert (image.width, image.height) == (40, 20)
    assert image.file_size == len(data)
    image.refresh_from_db()
    assert image.file_size == len(data) and image.file_hash


def test_admin_upload_is_stored_without_metadata(admin_client, root_collection):
    upload = SimpleUploadedFile("camp.jpg", gps_jpeg(orientation=6), content_type="image/jpeg")
    response = admin_client.post(
        "/admin/images/add/", {"title": "Camp", "file": upload, "collection": root_collection.pk, "credit": "Amal"}
    )

    assert response.status_code == 302, getattr(response, "context", None) and response.context["form"].errors
    image = SanctuaryImage.objects.get(title="Camp")
    data = stored(image)
    assert_clean(data)
    with Image.open(io.BytesIO(data)) as picture:
        assert_red_on_top(picture)
    assert (image.width, image.height) == (20, 40)
    assert image.file_size == len(data)


def test_orientation_is_applied_so_photos_stay_upright(root_collection):
    image = SanctuaryImage.objects.create(title="Turned", file=ImageFile(io.BytesIO(gps_jpeg(6)), name="turned.jpg"))

    with Image.open(io.BytesIO(stored(image))) as picture:
        assert_red_on_top(picture)
    assert (image.width, image.height) == (20, 40)
    image.refresh_from_db()
    assert (image.width, image.height) == (20, 40)


def test_png_text_chunks_and_exif_are_stripped(root_collection):
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "Taken in Calais")
    info.add_itxt("XML:com.adobe.xmp", XMP.decode())
    buffer = io.BytesIO()
    Image.new("RGBA", (30, 10), (10, 200, 10, 128)).save(buffer, "PNG", pnginfo=info, exif=camera_exif())
    assert b"Calais" in buffer.getvalue()

    image = SanctuaryImage.objects.create(title="Map", file=ImageFile(buffer, name="map.png"))

    data = stored(image)
    assert_clean(data)
    with Image.open(io.BytesIO(data)) as picture:
        assert picture.format == "PNG" and picture.size == (30, 10) and picture.mode == "RGBA"
        assert picture.getpixel((5, 5)) == (10, 200, 10, 128)
    assert image.file.name.endswith("map.png")


def test_webp_exif_and_xmp_chunks_are_stripped(root_collection):
    buffer = io.BytesIO()
    two_tone().save(buffer, "WEBP", exif=camera_exif(), xmp=XMP)
    assert b"SecretCam" in buffer.getvalue()

    image = SanctuaryImage.objects.create(title="Road", file=ImageFile(buffer, name="road.webp"))

    data = stored(image)
    assert_clean(data)
    assert b"EXIF" not in data and b"XMP " not in data
    with Image.open(io.BytesIO(data)) as picture:
        assert picture.format == "WEBP" and picture.size == (40, 20)


def test_lossless_webp_stays_lossless():
    buffer = io.BytesIO()
    two_tone().save(buffer, "WEBP", lossless=True, exif=camera_exif())

    cleaned = strip_metadata(ContentFile(buffer.getvalue(), name="flat.webp"))

    assert_clean(cleaned.read())
    with Image.open(cleaned) as picture, Image.open(buffer) as original:
        assert picture.tobytes() == original.convert("RGB").tobytes()


def test_phone_mpo_keeps_only_the_main_picture_as_jpeg():
    buffer = io.BytesIO()
    two_tone().save(buffer, "MPO", save_all=True, append_images=[Image.new("RGB", (8, 8))], exif=camera_exif())

    cleaned = strip_metadata(ContentFile(buffer.getvalue(), name="phone.jpg"))

    data = cleaned.read()
    assert_clean(data)
    assert b"MPF" not in data
    with Image.open(io.BytesIO(data)) as picture:
        assert picture.format == "JPEG" and picture.size == (40, 20)
    assert cleaned.name == "phone.jpg"


def test_animated_gif_keeps_its_frames_but_not_its_comment():
    frames = [Image.new("RGB", (10, 10), colour).convert("P") for colour in ((250, 0, 0), (0, 250, 0), (0, 0, 250))]
    buffer = io.BytesIO()
    frames[0].save(buffer, "GIF", save_all=True, append_images=frames[1:], duration=50, loop=0, comment=b"Calais")

    assert Image.open(buffer).n_frames == 3
    data = strip_metadata(ContentFile(buffer.getvalue(), name="wave.gif")).read()

    assert b"Calais" not in data
    with Image.open(io.BytesIO(data)) as picture:
        assert picture.format == "GIF" and picture.n_frames == 3 and "comment" not in picture.info


def test_unsupported_formats_are_refused_rather_than_stored_with_metadata():
    buffer = io.BytesIO()
    two_tone().save(buffer, "TIFF", exif=camera_exif())

    with pytest.raises(UnsupportedImageError):
        strip_metadata(ContentFile(buffer.getvalue(), name="scan.tiff"))


def test_file_already_written_to_storage_is_cleaned_and_the_original_removed(root_collection):
    """The multiple uploader writes the file to storage before saving the image: that copy must not survive."""
    image = SanctuaryImage(title="Queue", collection=root_collection)
    image.file.save("queue.jpg", ContentFile(gps_jpeg(6)), save=False)
    original_name = image.file.name
    assert b"SecretCam" in stored(image)

    image.save()

    assert_clean(stored(image))
    assert not image.file.storage.exists(original_name) or original_name == image.file.name
    assert (image.width, image.height) == (20, 40)


def test_replacing_the_file_cleans_the_new_one_and_resaving_leaves_it_alone(root_collection):
    image = SanctuaryImage.objects.create(title="Shore", file=ImageFile(io.BytesIO(gps_jpeg()), name="shore.jpg"))
    image = SanctuaryImage.objects.get(pk=image.pk)
    name, file_hash = image.file.name, image.file_hash

    image.title = "Shore at dusk"
    image.save()
    assert (image.file.name, image.file_hash) == (name, file_hash)

    image.file = ImageFile(io.BytesIO(gps_jpeg(6)), name="shore2.jpg")
    image.save()
    assert image.file.name != name
    assert_clean(stored(image))
    assert (image.width, image.height) == (20, 40)


def test_renditions_carry_no_metadata(root_collection):
    image = SanctuaryImage.objects.create(title="Tent", file=ImageFile(io.BytesIO(gps_jpeg(6)), name="tent.jpg"))

    rendition = image.get_rendition("width-10")

    with rendition.file.storage.open(rendition.file.name, "rb") as handle:
        data = handle.read()
    assert_clean(data)
    assert (rendition.width, rendition.height) == (10, 20)


def test_multiple_uploader_stores_without_metadata(admin_client, root_collection):
    upload = SimpleUploadedFile("many.jpg", gps_jpeg(orientation=6), content_type="image/jpeg")
    response = admin_client.post("/admin/images/multiple/add/", {"files[]": upload, "collection": root_collection.pk})

    assert response.status_code == 200 and response.json()["success"], response.content
    image = SanctuaryImage.objects.get(pk=response.json()["image_id"])
    data = stored(image)
    assert_clean(data)
    assert (image.width, image.height) == (20, 40)
    assert image.file_size == len(data)

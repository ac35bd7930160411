"""Demo images, drawn with Pillow when the seed runs (nothing is downloaded) and looked up again by title.

Each picture is a coloured gradient with a few soft shapes and a label, so pages show real images of the right
size without the demo using anyone's photograph.
"""

import io
import random

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw, ImageFont
from wagtail.images import get_image_model

SIZE = (1200, 800)
CREDIT = "Demo image drawn for this site"

# key: (title, description used as alt text, label drawn on the image, gradient start colour, gradient end colour)
IMAGES = {
    "network-map": (
        "Demo: the network in 2009",
        "An abstract picture in blue and green with circles standing for towns and cities.",
        "Fifteen cities, one network",
        "#1d4e89",
        "#2a9d8f",
    ),
    "welcome-sign": (
        "Demo: a welcome sign in a shop window",
        "An abstract picture in warm orange with a rectangle like a sign in a window.",
        "We welcome asylum seekers and refugees",
        "#e76f51",
        "#f4a261",
    ),
    "swansea-hero": (
        "Demo: Building Sanctuary in Swansea",
        "An abstract picture in sea blue and sand yellow, like Swansea Bay at dusk.",
        "Building Sanctuary in Swansea",
        "#264653",
        "#e9c46a",
    ),
    "swansea-hands": (
        "Demo: hands at work",
        "An abstract picture in terracotta and cream with overlapping rounded shapes.",
        "Hands that build",
        "#9c4221",
        "#f6e7cb",
    ),
    "swansea-workshop": (
        "Demo: a workshop bench",
        "An abstract picture in brown and grey with long rectangles like planks on a bench.",
        "The workshop",
        "#5c4033",
        "#a8a29e",
    ),
    "swansea-kitchen": (
        "Demo: a shared kitchen table",
        "An abstract picture in saffron and red with round shapes like plates on a table.",
        "The kitchen table",
        "#d00000",
        "#ffba08",
    ),
    "swansea-letters": (
        "Demo: letters home",
        "An abstract picture in pale blue with rectangles like sheets of paper.",
        "Letters home",
        "#457b9d",
        "#f1faee",
    ),
    "swansea-choir": (
        "Demo: voices together",
        "An abstract picture in purple and pink with rows of small circles like a choir.",
        "Voices together",
        "#5a189a",
        "#ff758f",
    ),
    "swansea-choir-hall": (
        "Demo: the rehearsal hall",
        "An abstract picture in deep purple with a wide arch shape.",
        "The rehearsal hall",
        "#3c096c",
        "#9d4edd",
    ),
    "swansea-bay": (
        "Demo: looking at the bay",
        "An abstract picture in blues with a curved line like a coastline.",
        "Looking at the bay",
        "#023e8a",
        "#90e0ef",
    ),
    "bradford-evening": (
        "Demo: an evening of stories",
        "An abstract picture in dusk purple and gold with a warm circle like a lamp.",
        "Stories of Sanctuary",
        "#3a0ca3",
        "#f9c74f",
    ),
    "story-tea": (
        "Demo: two cups of tea",
        "An abstract picture in green and cream with two round shapes side by side.",
        "A cup of tea",
        "#2d6a4f",
        "#edf6ec",
    ),
    "story-garden": (
        "Demo: a community garden",
        "An abstract picture in greens with small shapes like plants in rows.",
        "The community garden",
        "#1b4332",
        "#95d5b2",
    ),
    "story-school": (
        "Demo: a school gate",
        "An abstract picture in red and yellow with upright bars like a gate.",
        "First day at school",
        "#c1121f",
        "#fdf0d5",
    ),
    "sheffield-together": (
        "Demo: living together",
        "An abstract picture in steel grey and gold with overlapping circles.",
        "We can live together",
        "#495057",
        "#ffd166",
    ),
    "drinks-mat": (
        "Demo: a drinks mat",
        "An abstract picture in teal with a large circle like a drinks mat on a table.",
        "Myth or fact?",
        "#006d77",
        "#83c5be",
    ),
}


def _rgb(hex_colour):
    return tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))


def draw(key, label, start, end):
    """A 1200x800 RGB picture: diagonal gradient from ``start`` to ``end``, soft shapes, and ``label``."""
    width, height = SIZE
    vertical = Image.linear_gradient("L")
    mask = Image.blend(vertical, vertical.rotate(90), 0.5).resize(SIZE)
    picture = Image.composite(Image.new("RGB", SIZE, _rgb(end)), Image.new("RGB", SIZE, _rgb(start)), mask)
    overlay = Image.new("RGBA", SIZE, (0, 0, 0, 0))
    shapes = ImageDraw.Draw(overlay)
    rng = random.Random(key)  # noqa: S311 - the same shapes every time, nothing secret
    for _ in range(7):
        x, y, size = rng.randrange(width), rng.randrange(height), rng.randrange(80, 320)
        box = (x - size // 2, y - size // 2, x + size // 2, y + size // 2)
        fill = (255, 255, 255, rng.randrange(30, 90))
        if rng.random() < 0.6:
            shapes.ellipse(box, fill=fill)
        else:
            shapes.rounded_rectangle(box, radius=size // 8, fill=fill)
    picture = Image.alpha_composite(picture.convert("RGBA"), overlay).convert("RGB")
    text = ImageDraw.Draw(picture)
    text.rectangle((0, height - 150, width, height), fill=tuple(channel // 3 for channel in _rgb(start)))
    text.text((60, height - 75), label, fill=(255, 255, 255), font=ImageFont.load_default(size=56), anchor="lm")
    text.text((width - 40, 40), "Demo image", fill=(255, 255, 255), font=ImageFont.load_default(size=28), anchor="ra")
    return picture


def ensure_image(key):
    """The library image for ``key``, drawn and saved the first time (looked up by title afterwards)."""
    title, description, label, start, end = IMAGES[key]
    model = get_image_model()
    existing = model.objects.filter(title=title).first()
    if existing is not None:
        return existing
    buffer = io.BytesIO()
    draw(key, label, start, end).save(buffer, "JPEG", quality=82)
    image = model(title=title, description=description, credit=CREDIT)
    image.file = ImageFile(buffer, name=f"demo-{key}.jpg")
    image._set_image_file_metadata()
    image.save()
    return image


def ensure_images():
    """Every demo image, keyed as in IMAGES."""
    return {key: ensure_image(key) for key in IMAGES}

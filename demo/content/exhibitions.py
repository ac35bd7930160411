"""Building Sanctuary in Swansea: the exhibition named in the article, with sample exhibits written for the demo."""

import datetime

from demo.content.build import ensure_page, image_value, rich_text
from exhibitions.models import ExhibitionPage, ExhibitPage

DEMO_NOTE = "<p><em>The writing in this exhibit is a demo sample, written for this website.</em></p>"
EXHIBIT_CREDIT_SUFFIX = " (demo sample)"

EXHIBITION = {
    "slug": "building-sanctuary-in-swansea",
    "title": "Building Sanctuary in Swansea",
    "summary": "Writing and images showing how refugees and asylum seekers have contributed to Swansea.",
    "curator_statement": rich_text(
        "<p><i>Building Sanctuary in Swansea</i> brings together writing and images that show how refugees and "
        "asylum seekers have contributed to the city: to its workshops and kitchens, its choirs and classrooms, "
        "and the way it looks at itself.</p>",
        "We asked people who came to Swansea seeking sanctuary, and the neighbours who welcomed them, what they "
        "have built here together. Their answers are in the rooms that follow.",
        "<p><em>The exhibition is named in an article about the City of Sanctuary movement. The exhibits on this "
        "demo site are samples written for the demo: they are not the original exhibits.</em></p>",
    ),
    "venue": "A community gallery, Swansea city centre",
    "opens_on": datetime.date(2009, 6, 15),
    "closes_on": datetime.date(2009, 7, 31),
    "hero_image": "swansea-hero",
    "tags": ["contribution", "swansea", "art"],
}

# (slug, title, caption, credit, [(image key, alt text, caption)], writing paragraphs)
EXHIBITS = [
    (
        "hands-that-build",
        "Hands that build",
        "Portraits of the hands of people who have worked, and volunteered, in Swansea.",
        "A Swansea photography group",
        [
            ("swansea-hands", "Overlapping rounded shapes in terracotta and cream, standing for working hands.", ""),
            ("swansea-workshop", "Long brown shapes like planks on a workshop bench.", "The workshop bench."),
        ],
        [
            "A carpenter's hands, a nurse's, a student's. Some of these hands were not allowed to work when the "
            "pictures were taken, and volunteered instead: mending bicycles, painting a community hall, teaching "
            "a neighbour to sew.",
        ],
    ),
    (
        "the-kitchen-table",
        "The kitchen table",
        "Recipes carried across borders and cooked in Swansea kitchens.",
        "The Thursday cooking club",
        [("swansea-kitchen", "Round shapes in saffron and red, like plates on a table.", "A table laid for guests.")],
        [
            "Every recipe here was written down by someone who learned it from a mother or grandmother in another "
            "country, then changed it a little to suit what the shops in Swansea sell.",
            "At the opening, the dishes were cooked and shared. The recipe cards could be taken home.",
        ],
    ),
    (
        "letters-home",
        "Letters home",
        "What people seeking sanctuary wrote to their families about their first year in the city.",
        "A Swansea creative writing group",
        [("swansea-letters", "Pale blue rectangles like sheets of writing paper.", "")],
        [
            "“Dear mother, the sea here is grey and green, not blue, and the people say sorry when you bump into "
            "them. I have a friend who takes me to the library on Saturdays.”",
            "Each letter is shown with the writer's permission and with the names changed.",
        ],
    ),
    (
        "voices-together",
        "Voices together",
        "A choir of Swansea people and people seeking sanctuary, singing in six languages.",
        "The Swansea welcome choir",
        [
            ("swansea-choir", "Rows of small circles in purple and pink, like singers in a choir.", "In rehearsal."),
            ("swansea-choir-hall", "A wide arch shape in deep purple.", "The rehearsal hall."),
        ],
        [
            "The choir learned a Welsh hymn, a Kurdish wedding song and a lullaby from Eritrea. Nobody in the choir "
            "could sing all three at the start of the year.",
        ],
    ),
    (
        "looking-at-the-bay",
        "Looking at the bay",
        "Paintings of Swansea Bay by artists who have made the city their home.",
        "Artists from a Swansea drop-in art class",
        [("swansea-bay", "Blue shapes with a curved line like a coastline.", "Swansea Bay at dusk.")],
        [
            "Several of the painters had never painted before they joined the drop-in art class. All of them chose "
            "the same view: the long curve of the bay, seen from the hill.",
        ],
    ),
]


def ensure_swansea_exhibition(hub, images):
    """The exhibition under the Swansea hub and its exhibits, in order."""
    fields = {key: value for key, value in EXHIBITION.items() if key not in ("slug", "hero_image", "tags")}
    hero = images[EXHIBITION["hero_image"]]
    exhibition, _ = ensure_page(
        hub,
        ExhibitionPage,
        EXHIBITION["slug"],
        tags=EXHIBITION["tags"],
        hero_image=hero,
        hero_alt_text=hero.description,
        **fields,
    )
    for slug, title, caption, credit, pictures, writing in EXHIBITS:
        blocks = [
            {"type": "image", "value": image_value(images[key], alt, picture_caption, credit + EXHIBIT_CREDIT_SUFFIX)}
            for key, alt, picture_caption in pictures
        ]
        ensure_page(
            exhibition,
            ExhibitPage,
            slug,
            title=title,
            caption=caption,
            credit=credit + EXHIBIT_CREDIT_SUFFIX,
            images=blocks,
            writing=rich_text(*writing, DEMO_NOTE),
        )
    return exhibition

"""Story collections in Bradford and Sheffield. Every story here is a sample written for the demo.

The one real piece of text is the Georgian refugee's words, quoted from the article about the movement.
"""

import datetime

from demo.content.build import ensure_page, paragraph, pull_quote
from demo.content.sections import GEORGIAN_REFUGEE, GEORGIAN_REFUGEE_QUOTE
from editorial.workflows import pass_story_review
from stories.models import ConsentRecord, Naming, RelatedStory, StoryCollectionPage, StoryPage

COLLECTIONS = {
    "bradford": {
        "slug": "stories-of-sanctuary",
        "title": "Stories of Sanctuary",
        "intro": (
            "At Bradford's Stories of Sanctuary evening, refugees and asylum seekers told their experiences to new "
            "audiences. The stories in this collection are samples written for the demo site, not real people's "
            "stories."
        ),
    },
    "sheffield": {
        "slug": "stories-from-sheffield",
        "title": "Stories from Sheffield",
        "intro": (
            "Stories from the city where the movement began. Apart from one real quotation, they are samples written "
            "for the demo site."
        ),
    },
}

# Each story: told at one city's collection; body paragraphs follow the sample note.
STORIES = [
    {
        "city": "bradford",
        "slug": "the-first-cup-of-tea",
        "title": "The first cup of tea",
        "teller_name": "Samira",
        "naming": Naming.PSEUDONYM,
        "told_in": "ar",
        "told_on": datetime.date(2009, 6, 18),
        "summary": "A neighbour knocks on the door with a teapot, and a new street begins to feel like home.",
        "image": "story-tea",
        "tags": ["welcome", "community"],
        "related": ["learning-the-bus-routes", "my-daughters-new-school"],
        "text": [
            "When I was moved to Bradford I knew nobody. The house was cold, the street was quiet, and for the first "
            "week I did not open the door to anyone.",
            "On the eighth day an older woman from two doors down knocked with a teapot and a packet of biscuits. "
            "She did not speak Arabic and my English was small, but we drank tea on my front step and she drew me a "
            "map of the shops on the back of an envelope.",
            "Now I make the tea, and she tells everyone mine is too strong.",
            "<p><em>Told in Arabic and translated into English.</em></p>",
        ],
    },
    {
        "city": "bradford",
        "slug": "learning-the-bus-routes",
        "title": "Learning the bus routes",
        "teller_name": "",
        "naming": Naming.ANONYMOUS,
        "told_in": "fa",
        "told_on": datetime.date(2009, 6, 18),
        "summary": "Lost on the first day with a small son, and a bus driver who made sure it did not happen again.",
        "image": None,
        "tags": ["welcome", "family"],
        "related": ["the-first-cup-of-tea"],
        "text": [
            "In my first week I took the wrong bus three times, with my son asleep on my shoulder. Every street "
            "looked the same to me in the rain.",
            "The third time, the driver stopped the engine at the terminus and asked where we were going. He wrote "
            "the number of the bus and the name of our stop on the back of a ticket, and told me to show it to any "
            "driver. I still keep that ticket in my purse.",
            "<p><em>Told in Persian and translated into English.</em></p>",
        ],
    },
    {
        "city": "bradford",
        "slug": "growing-things",
        "title": "Growing things",
        "teller_name": "Dawit",
        "naming": Naming.REAL_NAME,
        "told_in": "en",
        "told_on": datetime.date(2009, 7, 2),
        "summary": "Not allowed to work while his claim was decided, he gave his days to a community garden.",
        "image": "story-garden",
        "tags": ["work", "community"],
        "related": ["waiting-to-work"],
        "text": [
            "While I waited for a decision on my claim I was not allowed to work. The days were very long.",
            "A volunteer at the drop-in told me about a community garden that needed help. My father grew vegetables, "
            "and so did I, before. The soil here is heavier and the summer is shorter, but beans are beans.",
            "Now the neighbours ask me when to plant, and I ask them what the weather will do. We are both often "
            "wrong.",
        ],
    },
    {
        "city": "bradford",
        "slug": "waiting-to-work",
        "title": "Waiting to work",
        "teller_name": "Karim",
        "naming": Naming.PSEUDONYM,
        "told_in": "ckb",
        "told_on": datetime.date(2009, 8, 20),
        "summary": "A qualified electrician counts the months until he is allowed to use his trade.",
        "image": None,
        "tags": ["work"],
        "related": ["growing-things"],
        "text": [
            "I am an electrician. For eleven years I wired houses and schools. Here, while my claim is decided, I am "
            "not allowed to work, so I wait.",
            "On Tuesdays I help at an English conversation class, and on Thursdays I fix the lamps and kettles people "
            "bring to the community centre. When I can work again I want to train apprentices, because someone once "
            "trained me.",
            "<p><em>Told in Kurdish (Sorani) and translated into English.</em></p>",
        ],
    },
    {
        "city": "bradford",
        "slug": "my-daughters-new-school",
        "title": "My daughter's new school",
        "teller_name": "Mariam",
        "naming": Naming.PSEUDONYM,
        "told_in": "fa",
        "told_on": datetime.date(2009, 9, 30),
        "summary": "A school that took the trouble to learn how to say her daughter's name.",
        "image": "story-school",
        "tags": ["family", "welcome"],
        "related": ["the-first-cup-of-tea", "learning-the-bus-routes"],
        "text": [
            "On the first morning I was more frightened than my daughter. I did not know what the teachers would "
            "think of us.",
            "Her teacher asked me to say her name slowly, twice, and wrote it down the way it sounds. By the end of "
            "the week the whole class could say it. She came home singing a song about the days of the week.",
            "<p><em>Told in Persian and translated into English.</em></p>",
        ],
    },
    {
        "city": "sheffield",
        "slug": "we-can-live-together",
        "title": "We can live together",
        "teller_name": "",
        "naming": Naming.ANONYMOUS,
        "told_in": "en",
        "told_on": datetime.date(2009, 10, 15),
        "summary": "Why bringing together locals and newcomers matters, in the words of a Georgian refugee.",
        "image": "sheffield-together",
        "tags": ["community", "welcome"],
        "related": ["a-drinks-mat-in-the-cafe"],
        "quote": True,
        "text": [
            "At the barn dance in June, nobody knew the steps, so everybody learned them together. By the last dance "
            "people who had never spoken to each other were laughing at the same mistakes.",
        ],
    },
    {
        "city": "sheffield",
        "slug": "a-drinks-mat-in-the-cafe",
        "title": "A drinks mat in the café",
        "teller_name": "Hassan",
        "naming": Naming.PSEUDONYM,
        "told_in": "ar",
        "told_on": datetime.date(2009, 11, 5),
        "summary": "A conversation that started with a question printed on a drinks mat.",
        "image": None,
        "tags": ["community"],
        "related": ["we-can-live-together"],
        "text": [
            "A man at the next table turned over his drinks mat and read the myth on it out loud. Then he read the "
            "fact on the other side, and looked at me, and asked if it was true that I was not allowed to work.",
            "We talked until the café closed. The next week he brought his wife to the music concert.",
            "<p><em>Told in Arabic and translated into English.</em></p>",
        ],
    },
]


SAMPLE_NOTE = "This is a sample written for the demo of this website. It is not a real person's story."
QUOTE_NOTE = (
    "This page is a sample written for the demo of this website, not a real person's story. Only the quotation is "
    "real: a Georgian refugee's words about the movement in Sheffield, quoted in an article published in 2009."
)


def story_body(story):
    """The sample note first, then (for one story) the real quotation, then the sample text."""
    if story.get("quote"):
        return [
            paragraph(f"<p><em>{QUOTE_NOTE}</em></p>"),
            pull_quote(GEORGIAN_REFUGEE_QUOTE, GEORGIAN_REFUGEE),
            paragraph(*story["text"]),
        ]
    return [paragraph(f"<p><em>{SAMPLE_NOTE}</em></p>", *story["text"])]


def create_story(collection, story, images):
    """A new story page, saved as a draft with its consent record; published once its related stories are set."""
    fields = {key: story[key] for key in ("title", "teller_name", "naming", "told_in", "told_on", "summary")}
    page, created = ensure_page(
        collection,
        StoryPage,
        story["slug"],
        publish=False,
        tags=story["tags"],
        image=images[story["image"]] if story["image"] else None,
        body=story_body(story),
        **fields,
    )
    if created:
        ConsentRecord.objects.create(
            story=page, web=True, print=True, translation=True, given_on=story["told_on"], recorded_by=None
        )
    return page, created


def ensure_stories(hubs, images):
    """Both collections and their stories; new stories get their related stories, then are published."""
    collections = {
        city: ensure_page(hubs[city], StoryCollectionPage, spec["slug"], title=spec["title"], intro=spec["intro"])[0]
        for city, spec in COLLECTIONS.items()
    }
    pages, new = {}, []
    for story in STORIES:
        page, created = create_story(collections[story["city"]], story, images)
        pages[story["slug"]] = page
        if created:
            new.append((page, story))
    for page, story in new:
        page.related_stories = [RelatedStory(story=pages[slug]) for slug in story["related"]]
        page.save_revision()
        pass_story_review(page)  # consent is on record: the sample story passes review like any other
    return collections

"""The top of the tree: the home page's body, About, Myths and facts, and the four section indexes."""

from cities.models import CityHubIndexPage, EventIndexPage
from demo.content.build import body_blocks, call_to_action, ensure_page, myth_fact, paragraph, publish_page, pull_quote
from exhibitions.models import ExhibitionIndexPage
from home.models import StandardPage
from stories.models import ShareStoryPage, StoryCollectionPage, StoryIndexPage

GEORGIAN_REFUGEE_QUOTE = (
    "It's brilliant work. It's bringing together locals and foreigners and saying look, we're human beings and we can "
    "live together, we have a lot to share and we can work together to make our city a better place for all of us."
)
GEORGIAN_REFUGEE = "Georgian refugee, Sheffield"

HOME_BODY = [
    "Since 1999, people seeking asylum have been dispersed to towns and cities across the UK. It is often said that "
    "those cities have been indifferent or hostile. Yet every day there are acts of welcome in them, and the City of "
    "Sanctuary movement sets out to highlight and celebrate them.",
    "The movement began in Sheffield in 2005. By November 2009 there were City of Sanctuary groups in fifteen towns "
    "and cities, from Swansea to Hull.",
]

ABOUT = {
    "title": "About City of Sanctuary",
    "intro": (
        "City of Sanctuary is a movement to build a culture of hospitality for people seeking sanctuary in the UK, "
        "in which refugees and asylum seekers are free to make a full contribution to their cities."
    ),
    "search_description": "What the City of Sanctuary movement is, what it does and the challenges it faces.",
}

ABOUT_BODY = [
    ("heading", "How it began"),
    (
        "paragraph",
        "The movement began in Sheffield in 2005, when a group of people organised local community meetings to "
        "gather support for the idea. Local businesses, organisations and community groups were asked to support a "
        "resolution saying that they “welcome asylum seekers and refugees”.",
    ),
    (
        "paragraph",
        "In 2007 Sheffield became the UK's first official City of Sanctuary, when the City Council agreed to support "
        "the movement. Since then the movement has grown into a network of fifteen towns and cities working towards "
        "City of Sanctuary status.",
    ),
    ("image", "welcome-sign"),
    ("heading", "What the movement does"),
    (
        "paragraph",
        "Each local group works in its own way, but three things are shared. The movement celebrates the "
        "contributions refugees and asylum seekers make to British cities, and the part local people can play in "
        "welcoming them.",
        "It creates chances for local people to meet people seeking sanctuary and to hear their experiences: "
        "a Stories of Sanctuary event in Bradford, a blogging workshop and training with local radio stations in "
        "Sheffield, a traditional British dance and a music concert.",
        "And it offers a positive vision of hospitality, to build cities that are proud to be welcoming.",
    ),
    ("heading", "A process, not an end point"),
    (
        "paragraph",
        "A City of Sanctuary is not a place that has arrived. It is the process of promoting hospitality that "
        "matters: the small acts of welcome that, together, can shift the wider conversation about asylum.",
    ),
    ("pull_quote", GEORGIAN_REFUGEE_QUOTE, GEORGIAN_REFUGEE),
]

MYTHS_PAGE = {
    "title": "Myths and facts",
    "intro": (
        "In Sheffield, drinks mats in cafes and pubs asked people to think again about common myths about refugees. "
        "Here are some of those myths, and the facts that answer them."
    ),
    "search_description": "Common myths about refugees and people seeking asylum, and the facts.",
}

MYTHS_PAGE_ENDING = (
    "The drinks mats were one of the creative ways Sheffield's group found to get people thinking again about "
    "asylum. Businesses that support the movement also display signs in their windows to show it."
)

# The page tellers use is translated into every language (demo/content/translations.py): they may read no English.
SHARE_TITLE = "Share your story"
SHARE_INTRO = (
    "If you have sought sanctuary in the UK, you can tell your story here, in your own language and under the name you "
    "choose. Our moderators read every story before it is published, and you can withdraw it at any time with the "
    "private link you will be given."
)

INDEXES = [
    (
        CityHubIndexPage,
        "cities",
        "Cities",
        "As of November 2009 there are City of Sanctuary groups in fifteen towns and cities. Sheffield, where the "
        "movement began, became the first recognised City of Sanctuary in 2007.",
    ),
    (
        StoryIndexPage,
        "stories",
        "Stories",
        "People seeking sanctuary telling their own stories, in the words and the names they chose. The stories on "
        "this demo site are samples written for the demo, not real people's stories.",
    ),
    (
        ExhibitionIndexPage,
        "exhibitions",
        "Exhibitions",
        "Writing and images showing how refugees and asylum seekers contribute to the places they now call home.",
    ),
    (
        EventIndexPage,
        "events",
        "Events",
        "Chances to meet, talk, dance and make music together, across the network.",
    ),
    (ShareStoryPage, "share-your-story", SHARE_TITLE, SHARE_INTRO),
]

SHARED_STORIES = {
    "title": "Shared stories",
    "intro": "Stories sent to us through the website by the people who lived them, not tied to one city.",
}


def ensure_sections(home, images, myths):
    """The pages directly under the home page; returns them by slug.

    Myths and facts (not in the menu) comes first so that About, which links to it, can lead the menu.
    """
    pages = {}
    myth_blocks = [*[myth_fact(snippet) for snippet in myths], paragraph(MYTHS_PAGE_ENDING)]
    pages["myths-and-facts"], _ = ensure_page(home, StandardPage, "myths-and-facts", body=myth_blocks, **MYTHS_PAGE)
    about_body = [
        *body_blocks(ABOUT_BODY, images),
        call_to_action(
            "Think again about asylum: read the myths and the facts.", "Myths and facts", pages["myths-and-facts"]
        ),
    ]
    pages["about"], _ = ensure_page(home, StandardPage, "about", show_in_menus=True, body=about_body, **ABOUT)
    for model, slug, title, intro in INDEXES:
        pages[slug], _ = ensure_page(home, model, slug, title=title, intro=intro, show_in_menus=True)
    # Where stories sent through "Share your story" without a city go.
    pages["shared-stories"], _ = ensure_page(home, StoryCollectionPage, "shared-stories", **SHARED_STORIES)
    return pages


def ensure_home_body(home, cities_index):
    """Give the home page its body once; a home page that already has one is left alone."""
    if home.body:
        return home
    home.body = [
        paragraph(*HOME_BODY),
        pull_quote(GEORGIAN_REFUGEE_QUOTE, GEORGIAN_REFUGEE),
        call_to_action("Find the City of Sanctuary group nearest to you.", "See the cities", cities_index),
    ]
    return publish_page(home)

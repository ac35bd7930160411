"""Myths and facts, as on the drinks mats Sheffield's group put in cafes and pubs to question myths about refugees.

The facts are kept general and true; where they come from the article about the movement, the source says so.
"""

import datetime

from home.models import MythFact

ARTICLE = "Article on the City of Sanctuary movement (November 2009)"

MYTHS = [
    {
        "myth": "People seeking asylum are taking our jobs.",
        "facts": (
            "<p>While their claim was being decided, people seeking asylum were <b>not allowed to work</b> in most "
            "cases.</p>"
            "<p>In Sheffield, the City Council's Sustainable Communities Panel publicly recommended a change in "
            "central government policy on asylum seekers' right to work.</p>"
        ),
        "source_title": ARTICLE,
        "source_url": "",
        "last_reviewed": datetime.date(2009, 10, 5),
    },
    {
        "myth": "Asylum seekers and refugees are illegal immigrants.",
        "facts": (
            "<p>Everyone has the right to seek asylum from persecution in other countries. A person seeking asylum "
            "has asked for protection and is waiting for a decision; a refugee is someone whose claim has been "
            "accepted.</p>"
        ),
        "source_title": "Universal Declaration of Human Rights, Article 14",
        "source_url": "https://www.un.org/en/about-us/universal-declaration-of-human-rights",
        "last_reviewed": datetime.date(2009, 9, 14),
    },
    {
        "myth": "The UK takes in most of the world's refugees.",
        "facts": (
            "<p>Most of the world's refugees live in countries next to the ones they fled, and most of those "
            "countries are in developing regions, not in Europe.</p>"
        ),
        "source_title": "UNHCR Global Trends",
        "source_url": "https://www.unhcr.org/global-trends",
        "last_reviewed": datetime.date(2009, 9, 14),
    },
    {
        "myth": "People seeking asylum choose to come to our city.",
        "facts": (
            "<p>Since 1999, people seeking asylum have been <b>dispersed</b> to towns and cities across the UK: "
            "they do not choose the city where they are housed.</p>"
        ),
        "source_title": ARTICLE,
        "source_url": "",
        "last_reviewed": datetime.date(2009, 10, 5),
    },
    {
        "myth": "Refugees don't contribute anything to our city.",
        "facts": (
            "<p>Refugees and asylum seekers contribute as volunteers, students, artists, neighbours and, once "
            "allowed to work, as workers and employers. The <i>Building Sanctuary in Swansea</i> exhibition showed "
            "writing and images highlighting how they have contributed to the city.</p>"
        ),
        "source_title": ARTICLE,
        "source_url": "",
        "last_reviewed": datetime.date(2009, 11, 2),
    },
]


def ensure_myths(locale):
    """The demo MythFact snippets in ``locale``, looked up by their myth."""
    return [MythFact.objects.get_or_create(myth=fields["myth"], locale=locale, defaults=fields)[0] for fields in MYTHS]

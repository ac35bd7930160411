"""The network in November 2009: fifteen city groups, Sheffield's story, supporting organisations and events."""

import datetime
from decimal import Decimal

from cities.models import CityHubPage, CityStatus, EventPage, OrganisationKind, SupportingOrganisation
from demo.content.build import body_blocks, call_to_action, days_from_today_at, ensure_page, local_datetime, paragraph
from home.models import StandardPage

# From cities-2009.csv: the groups established as of November 2009, with each city's centre.
# (title, slug, latitude, longitude, nation)
CITIES = [
    ("Bradford", "bradford", "53.7960", "-1.7594", "England"),
    ("Bristol", "bristol", "51.4545", "-2.5879", "England"),
    ("Chester", "chester", "53.1934", "-2.8931", "England"),
    ("Coventry", "coventry", "52.4068", "-1.5197", "England"),
    ("Derby", "derby", "52.9225", "-1.4746", "England"),
    ("Huddersfield", "huddersfield", "53.6458", "-1.7850", "England"),
    ("Hull", "hull", "53.7676", "-0.3274", "England"),
    ("Ipswich", "ipswich", "52.0567", "1.1482", "England"),
    ("Leicester", "leicester", "52.6369", "-1.1398", "England"),
    ("London", "london", "51.5074", "-0.1278", "England"),
    ("Nottingham", "nottingham", "52.9548", "-1.1581", "England"),
    ("Oxford", "oxford", "51.7520", "-1.2577", "England"),
    ("Sheffield", "sheffield", "53.3811", "-1.4701", "England"),
    ("Swansea", "swansea", "51.6214", "-3.9436", "Wales"),
    ("Wakefield", "wakefield", "53.6833", "-1.4977", "England"),
]

GROUP_INTRO = (
    "A City of Sanctuary group has been established in {city}, working towards City of Sanctuary status: "
    "building a culture of welcome for people seeking sanctuary in the city."
)
GROUP_BODY = (
    "Like every group in the network, the {city} group is rooted in local concerns and local commitments. It asks "
    "local organisations to support the resolution “we welcome asylum seekers and refugees”, and puts on events "
    "where people who have lived in {city} all their lives can meet people who have come here seeking sanctuary.",
)
CITY_NOTES = {
    "bradford": "The Bradford group held a Stories of Sanctuary event, where refugees and asylum seekers told "
    "their experiences to new audiences.",
    "swansea": "In Wales, the Swansea group's exhibition Building Sanctuary in Swansea showed writing and images "
    "highlighting how refugees and asylum seekers have contributed to the city.",
}

SHEFFIELD = {
    "intro": (
        "Sheffield is where the City of Sanctuary movement began, in 2005. In 2007 it became the UK's first official "
        "City of Sanctuary, when the City Council agreed to support the movement."
    ),
    "contact_details": "The Sheffield group meets monthly. This is a demo site: no real contact details are shown.",
}
SHEFFIELD_BODY = [
    ("heading", "How it began"),
    (
        "paragraph",
        "In 2005 a group of people in Sheffield organised a series of local community meetings to gather support for "
        "the idea of a City of Sanctuary. Local businesses, organisations and community groups were asked to support "
        "a resolution stating that they “welcome asylum seekers and refugees”.",
    ),
    ("heading", "The first City of Sanctuary"),
    (
        "paragraph",
        "In 2007 the City Council agreed to support the movement, and Sheffield became the UK's first official City "
        "of Sanctuary. A manifesto, drawn up after consultation with refugee groups and charities, was adopted by the "
        "Council in February 2009. In November 2009 Sheffield celebrated the signing of its 100th supporting "
        "organisation.",
        "<p><em>The supporting organisations listed on this demo site are invented examples.</em></p>",
    ),
    ("heading", "Thinking again about asylum"),
    (
        "paragraph",
        "Drinks mats in cafes and pubs question myths about refugees, and businesses display signs to show their "
        "support. The City Council's Sustainable Communities Panel has publicly recommended a change in central "
        "government policy over asylum seekers' right to work.",
    ),
    ("image", "drinks-mat"),
]

MANIFESTO = {
    "title": "Manifesto",
    "intro": (
        "Sheffield's City of Sanctuary manifesto sets out the key areas of concern for asylum seekers and refugees in "
        "the city. It was adopted by the City Council in February 2009."
    ),
    "body": [
        paragraph(
            "The manifesto was drawn up after consultation with a variety of refugee groups and charities in "
            "Sheffield, and put to the Council, which adopted it in February 2009.",
            "It is one of the ways the group has turned a culture of hospitality into practical actions: naming "
            "what needs to change in the city so that people seeking sanctuary can make a full contribution to it.",
            "<p><em>This demo page summarises the manifesto; its full text is not reproduced here.</em></p>",
        )
    ],
}

# Ninety-nine invented, generic names: name n joins pattern n % 20 to area n % 25, and no pair repeats below 100.
SHEFFIELD_AREAS = [
    "Abbeydale", "Attercliffe", "Broomhill", "Burngreave", "Crookes", "Darnall", "Ecclesall", "Firth Park",
    "Gleadless", "Heeley", "Hillsborough", "Kelham Island", "Meersbrook", "Nether Edge", "Netherthorpe",
    "Page Hall", "Pitsmoor", "Sharrow", "Stannington", "Tinsley", "Totley", "Walkley", "Woodseats", "Wincobank",
    "Highfield",
]  # fmt: skip
SHEFFIELD_PATTERNS = [
    (OrganisationKind.CHARITY, "{area} Tenants' and Residents' Association"),
    (OrganisationKind.BUSINESS, "{area} Corner Café"),
    (OrganisationKind.FAITH, "{area} Interfaith Forum"),
    (OrganisationKind.SCHOOL, "{area} Community Learning Centre"),
    (OrganisationKind.CHARITY, "{area} Youth Club"),
    (OrganisationKind.BUSINESS, "{area} Bike Workshop"),
    (OrganisationKind.HEALTH, "{area} Health Centre Patient Group"),
    (OrganisationKind.CHARITY, "{area} Women's Group"),
    (OrganisationKind.OTHER, "{area} Walking Group"),
    (OrganisationKind.BUSINESS, "{area} Bakery"),
    (OrganisationKind.FAITH, "{area} Faith Communities Network"),
    (OrganisationKind.COUNCIL, "{area} Library Reading Group"),
    (OrganisationKind.CHARITY, "{area} Allotment Society"),
    (OrganisationKind.SCHOOL, "{area} Adult Education Class"),
    (OrganisationKind.BUSINESS, "{area} Print Shop"),
    (OrganisationKind.OTHER, "{area} Film Club"),
    (OrganisationKind.CHARITY, "{area} Community Football Club"),
    (OrganisationKind.HEALTH, "{area} Community Health Project"),
    (OrganisationKind.BUSINESS, "{area} Bookshop"),
    (OrganisationKind.COUNCIL, "{area} Neighbourhood Housing Team"),
]
FIRST_PLEDGE = datetime.date(2005, 9, 1)
LAST_PLEDGE_BEFORE_100TH = datetime.date(2009, 10, 28)
HUNDREDTH = ("Sheffield Community Choir", OrganisationKind.CHARITY, datetime.date(2009, 11, 12))

OTHER_ORGANISATIONS = {
    "bradford": [
        ("Bradford Refugee Drop-in", OrganisationKind.CHARITY, datetime.date(2008, 3, 4)),
        ("Manningham Corner Café", OrganisationKind.BUSINESS, datetime.date(2008, 9, 22)),
        ("Bradford Interfaith Women's Network", OrganisationKind.FAITH, datetime.date(2009, 6, 18)),
    ],
    "swansea": [
        ("Swansea Bay Community Art Group", OrganisationKind.CHARITY, datetime.date(2008, 11, 10)),
        ("Uplands Corner Café", OrganisationKind.BUSINESS, datetime.date(2009, 3, 2)),
        ("Swansea Adult Learning Network", OrganisationKind.SCHOOL, datetime.date(2009, 6, 15)),
    ],
    "leicester": [
        ("Leicester Welcome Choir", OrganisationKind.CHARITY, datetime.date(2009, 2, 14)),
        ("Highfields Community Kitchen", OrganisationKind.CHARITY, datetime.date(2009, 7, 1)),
    ],
    "nottingham": [
        ("Nottingham Refugee Football Club", OrganisationKind.OTHER, datetime.date(2009, 4, 25)),
        ("Sneinton Neighbourhood Library", OrganisationKind.COUNCIL, datetime.date(2009, 9, 8)),
    ],
}

# Events: (city slug, slug, title, start, end, venue, summary)
PAST_EVENTS = [
    (
        "sheffield",
        "blogging-workshop",
        "Blogging workshop",
        local_datetime(2009, 3, 14, 10),
        local_datetime(2009, 3, 14, 16),
        "A community computer room, Sheffield city centre",
        "A day learning to write a blog, so that people seeking sanctuary can tell their experiences in their own "
        "words to new audiences.",
    ),
    (
        "sheffield",
        "training-with-local-radio",
        "Training with local radio stations",
        local_datetime(2009, 5, 9, 10),
        local_datetime(2009, 5, 9, 15),
        "A community radio studio, Sheffield",
        "Local radio stations show how to plan, record and present a radio piece, and how to be interviewed.",
    ),
    (
        "sheffield",
        "traditional-british-dance",
        "A traditional British dance",
        local_datetime(2009, 6, 20, 19),
        local_datetime(2009, 6, 20, 22, 30),
        "A church hall, Sharrow",
        "A barn dance with a live band and a caller who explains every step: no experience needed, everyone welcome.",
    ),
    (
        "sheffield",
        "music-concert",
        "Music concert",
        local_datetime(2009, 10, 10, 19, 30),
        local_datetime(2009, 10, 10, 22),
        "A concert hall, Sheffield city centre",
        "Musicians from Sheffield and from the countries people have fled play together for one evening.",
    ),
    (
        "bradford",
        "stories-of-sanctuary-evening",
        "Stories of Sanctuary evening",
        local_datetime(2009, 6, 18, 18, 30),
        local_datetime(2009, 6, 18, 21),
        "A community centre, Bradford",
        "Refugees and asylum seekers tell their experiences of seeking sanctuary, and of being welcomed, to an "
        "audience of Bradford people.",
    ),
]
EVENT_BODY = "Everyone is welcome, whether you have lived here all your life or arrived last month. Entry is free."

# Upcoming events, dated from the day the seed runs so that "upcoming" listings have something in them.
# (city slug, slug, title, days from today, hour, hours long, venue, summary)
UPCOMING_EVENTS = [
    (
        "sheffield",
        "anniversary-gathering",
        "City of Sanctuary anniversary gathering",
        30,
        18,
        3,
        "A community hall, Sheffield city centre",
        "Supporters, members and friends mark another year of Sheffield as a City of Sanctuary, with food, music "
        "and stories.",
    ),
    (
        "sheffield",
        "welcome-walk",
        "Welcome walk",
        60,
        11,
        2,
        "Meet at the Peace Gardens, Sheffield",
        "An easy walk through the city centre with local guides, for people who have just arrived and anyone who "
        "would like to meet them.",
    ),
]


def ensure_cities(index, images, myths_page):
    """The fifteen city hub pages under /cities/, returned by slug; Sheffield with its story and manifesto."""
    hubs = {}
    for title, slug, latitude, longitude, _nation in CITIES:
        if slug == "sheffield":
            hubs[slug] = ensure_sheffield(index, title, latitude, longitude, images, myths_page)
            continue
        note = CITY_NOTES.get(slug)
        body = [paragraph(*(text.format(city=title) for text in GROUP_BODY), *([note] if note else []))]
        hubs[slug], _ = ensure_page(
            index,
            CityHubPage,
            slug,
            title=title,
            status=CityStatus.WORKING_TOWARDS,
            latitude=Decimal(latitude),
            longitude=Decimal(longitude),
            intro=GROUP_INTRO.format(city=title),
            body=body,
        )
    return hubs


def ensure_sheffield(index, title, latitude, longitude, images, myths_page):
    body = [
        *body_blocks(SHEFFIELD_BODY, images),
        call_to_action("What did the drinks mats say?", "Myths and facts", myths_page),
    ]
    hub, _ = ensure_page(
        index,
        CityHubPage,
        "sheffield",
        title=title,
        status=CityStatus.RECOGNISED,
        year_recognised=2007,
        latitude=Decimal(latitude),
        longitude=Decimal(longitude),
        body=body,
        **SHEFFIELD,
    )
    ensure_page(hub, StandardPage, "manifesto", **MANIFESTO)
    return hub


def sheffield_organisations():
    """The 100 Sheffield organisations as (name, kind, pledged_on), pledges spread from 2005 to November 2009."""
    count = 99
    span = (LAST_PLEDGE_BEFORE_100TH - FIRST_PLEDGE).days
    organisations = []
    for number in range(count):
        kind, pattern = SHEFFIELD_PATTERNS[number % len(SHEFFIELD_PATTERNS)]
        area = SHEFFIELD_AREAS[number % len(SHEFFIELD_AREAS)]
        # Pledges came slowly at first and faster as the movement grew.
        offset = round(span * (number / (count - 1)) ** 0.7)
        organisations.append((pattern.format(area=area), kind, FIRST_PLEDGE + datetime.timedelta(days=offset)))
    return [*organisations, HUNDREDTH]


def ensure_organisations(hubs, locale):
    """SupportingOrganisation snippets, looked up by name, city and locale."""
    lists = {"sheffield": sheffield_organisations(), **OTHER_ORGANISATIONS}
    for slug, organisations in lists.items():
        hub = hubs[slug]
        existing = set(SupportingOrganisation.objects.filter(city=hub, locale=locale).values_list("name", flat=True))
        for name, kind, pledged_on in organisations:
            if name not in existing:
                SupportingOrganisation.objects.create(
                    name=name, kind=kind, city=hub, pledged_on=pledged_on, locale=locale
                )


def ensure_events(hubs):
    """The 2009 events in Sheffield and Bradford, and two upcoming Sheffield events (created once, by slug)."""
    for city, slug, title, start, end, venue, summary in PAST_EVENTS:
        fields = {"start": start, "end": end, "venue": venue, "summary": summary}
        ensure_page(hubs[city], EventPage, slug, title=title, body=[paragraph(EVENT_BODY)], **fields)
    for city, slug, title, days, hour, hours, venue, summary in UPCOMING_EVENTS:
        start = days_from_today_at(days, hour)
        fields = {"start": start, "end": start + datetime.timedelta(hours=hours), "venue": venue, "summary": summary}
        ensure_page(hubs[city], EventPage, slug, title=title, body=[paragraph(EVENT_BODY)], **fields)


def ensure_network(index, images, locale, myths_page):
    """Cities, their supporting organisations and their events; returns the city hub pages by slug."""
    hubs = ensure_cities(index, images, myths_page)
    ensure_organisations(hubs, locale)
    ensure_events(hubs)
    return hubs

"""The pages' own validation rules (``clean``), in the model and through the admin's edit form.

- CityHubPage: a recognised City of Sanctuary needs the year it was recognised; only a recognised one may have one.
- ExhibitionPage: cannot close before it opens.
- EventPage: cannot end before it starts.
- StoryPage: a teller who chose to be anonymous has no display name (the name typed in is blanked).

Each rule is checked by calling ``full_clean`` and by posting the admin's edit form: the error is shown and nothing is
saved. A valid post through the same form data is saved, so the form data itself is complete.
"""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils.form_data import rich_text, streamfield

from cities.models import CityStatus
from editorial.workflows import pass_story_review
from stories.models import Naming
from tests import builders
from tests.conftest import derived_state

pytestmark = pytest.mark.django_db

RECOGNISED_NEEDS_A_YEAR = "A recognised City of Sanctuary needs the year it was recognised."
ONLY_RECOGNISED_HAS_A_YEAR = "Only a recognised City of Sanctuary has a year recognised."
CLOSES_BEFORE_OPENING = "An exhibition cannot close before it opens."
ENDS_BEFORE_STARTING = "An event cannot end before it starts."


@derived_state("home")
def pages(home):
    cities = builders.city_index(home)
    bradford = builders.city(cities, "Bradford", latitude="53.79600", longitude="-1.75940")
    swansea = builders.city(cities, "Swansea", latitude="51.62140", longitude="-3.94360")
    collection = builders.collection(bradford, "Stories of Sanctuary")
    return {
        "bradford": bradford,
        "exhibition": builders.exhibition(
            swansea,
            "Building Sanctuary in Swansea",
            opens_on=datetime.date(2009, 6, 15),
            closes_on=datetime.date(2009, 7, 31),
        ),
        "event": builders.event(
            bradford,
            "Stories of Sanctuary evening",
            start=timezone.make_aware(datetime.datetime(2009, 6, 18, 18, 30)),
            end=timezone.make_aware(datetime.datetime(2009, 6, 18, 21, 0)),
        ),
        "story": builders.story(collection, "The first cup of tea", teller_name="Samira", naming=Naming.PSEUDONYM),
    }


def messages_of(error):
    return [message for messages in error.message_dict.values() for message in messages]


def fresh(page):
    return Page.objects.get(pk=page.pk).specific


def revisions(page):
    return page.revisions.count()


def hub_form(**overrides):
    return {
        "status": CityStatus.WORKING_TOWARDS,
        "year_recognised": "",
        "latitude": "53.79600",
        "longitude": "-1.75940",
        "intro": "A group in Bradford.",
        "body": streamfield([]),
        "contact_email": "",
        "contact_details": "",
        **overrides,
    }


def exhibition_form(**overrides):
    return {
        "summary": "Writing and images.",
        "curator_statement": rich_text("<p>Writing and images.</p>"),
        "venue": "Swansea Museum",
        "opens_on": "2009-06-15",
        "closes_on": "2009-07-31",
        "hero_image": "",
        "hero_alt_text": "",
        "tags": "",
        **overrides,
    }


def event_form(**overrides):
    return {
        "start": "2009-06-18 18:30",
        "end": "2009-06-18 21:00",
        "venue": "A community centre, Bradford",
        "summary": "Stories told to new audiences.",
        "body": streamfield([]),
        **overrides,
    }


def assert_refused(response, message, page, revisions_before):
    """The edit form came back with ``message`` and neither the page nor its revisions changed."""
    assert response.status_code == 200  # the form again, not a redirect
    assert message in response.content.decode()
    assert "The page could not be saved due to validation errors" in response.content.decode()
    assert revisions(page) == revisions_before


# City hubs


def test_a_recognised_city_needs_its_year(pages):
    hub = pages["bradford"]
    hub.status = CityStatus.RECOGNISED
    hub.year_recognised = None
    with pytest.raises(ValidationError) as refused:
        hub.full_clean()
    assert refused.value.message_dict["year_recognised"] == [RECOGNISED_NEEDS_A_YEAR]
    hub.year_recognised = 2007
    hub.full_clean()  # recognised, with its year: fine


@pytest.mark.parametrize("status", [CityStatus.FORMING, CityStatus.WORKING_TOWARDS])
def test_only_a_recognised_city_has_a_year(pages, status):
    hub = pages["bradford"]
    hub.status, hub.year_recognised = status, 2007
    with pytest.raises(ValidationError) as refused:
        hub.full_clean()
    assert refused.value.message_dict["year_recognised"] == [ONLY_RECOGNISED_HAS_A_YEAR]
    hub.year_recognised = None
    hub.full_clean()


@pytest.mark.parametrize(
    ("status", "year", "message"),
    [
        (CityStatus.RECOGNISED, "", RECOGNISED_NEEDS_A_YEAR),
        (CityStatus.WORKING_TOWARDS, "2007", ONLY_RECOGNISED_HAS_A_YEAR),
        (CityStatus.FORMING, "2007", ONLY_RECOGNISED_HAS_A_YEAR),
    ],
)
def test_the_admin_form_refuses_a_city_status_without_its_year_or_a_year_without_the_status(
    admin_client, pages, status, year, message
):
    hub = pages["bradford"]
    before = revisions(hub)
    response = builders.edit(admin_client, hub, hub_form(status=status, year_recognised=year, intro="Changed intro."))
    assert_refused(response, message, hub, before)
    saved = fresh(hub)
    assert (saved.status, saved.year_recognised, saved.intro) == (CityStatus.WORKING_TOWARDS, None, "")


def test_the_admin_form_saves_a_recognised_city_with_its_year(admin_client, pages):
    hub = pages["bradford"]
    before = revisions(hub)
    response = builders.edit(admin_client, hub, hub_form(status=CityStatus.RECOGNISED, year_recognised="2007"))
    assert response.status_code == 302
    assert revisions(hub) == before + 1
    draft = fresh(hub).get_latest_revision().as_object()
    assert (draft.status, draft.year_recognised) == (CityStatus.RECOGNISED, 2007)


# Exhibitions


def test_an_exhibition_cannot_close_before_it_opens(pages):
    exhibition = pages["exhibition"]
    exhibition.closes_on = exhibition.opens_on - datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as refused:
        exhibition.full_clean()
    assert refused.value.message_dict["closes_on"] == [CLOSES_BEFORE_OPENING]
    exhibition.closes_on = exhibition.opens_on  # a one-day exhibition is fine
    exhibition.full_clean()
    exhibition.closes_on = None  # and so is a permanent one
    exhibition.full_clean()


def test_the_admin_form_refuses_an_exhibition_closing_before_it_opens(admin_client, pages):
    exhibition = pages["exhibition"]
    before = revisions(exhibition)
    response = builders.edit(admin_client, exhibition, exhibition_form(closes_on="2009-06-14", venue="Somewhere else"))
    assert_refused(response, CLOSES_BEFORE_OPENING, exhibition, before)
    saved = fresh(exhibition)
    assert (saved.closes_on, saved.venue) == (datetime.date(2009, 7, 31), "Swansea Museum")


def test_the_admin_form_saves_an_exhibition_with_sensible_dates(admin_client, pages):
    exhibition = pages["exhibition"]
    before = revisions(exhibition)
    response = builders.edit(admin_client, exhibition, exhibition_form(closes_on="2009-08-31"))
    assert response.status_code == 302
    assert revisions(exhibition) == before + 1
    assert fresh(exhibition).get_latest_revision().as_object().closes_on == datetime.date(2009, 8, 31)


# Events


def test_an_event_cannot_end_before_it_starts(pages):
    event = pages["event"]
    event.end = event.start - datetime.timedelta(minutes=1)
    with pytest.raises(ValidationError) as refused:
        event.full_clean()
    assert refused.value.message_dict["end"] == [ENDS_BEFORE_STARTING]
    event.end = None  # no end time: fine
    event.full_clean()


def test_the_admin_form_refuses_an_event_ending_before_it_starts(admin_client, pages):
    event = pages["event"]
    before = revisions(event)
    response = builders.edit(admin_client, event, event_form(end="2009-06-18 17:00", venue="Elsewhere"))
    assert_refused(response, ENDS_BEFORE_STARTING, event, before)
    saved = fresh(event)
    assert (saved.end, saved.venue) == (timezone.make_aware(datetime.datetime(2009, 6, 18, 21, 0)), "Town hall")


def test_the_admin_form_saves_an_event_ending_after_it_starts(admin_client, pages):
    event = pages["event"]
    before = revisions(event)
    response = builders.edit(admin_client, event, event_form(end="2009-06-18 22:00"))
    assert response.status_code == 302
    assert revisions(event) == before + 1
    end = fresh(event).get_latest_revision().as_object().end
    assert end == timezone.make_aware(datetime.datetime(2009, 6, 18, 22, 0))


# Stories


def test_an_anonymous_teller_has_no_name(pages):
    story = pages["story"]
    story.naming, story.teller_name = Naming.ANONYMOUS, "Samira"
    story.full_clean()
    assert story.teller_name == ""
    assert story.teller_display_name == "Anonymous"


@pytest.mark.parametrize("naming", [Naming.PSEUDONYM, Naming.REAL_NAME])
def test_a_named_teller_keeps_their_name(pages, naming):
    story = pages["story"]
    story.naming, story.teller_name = naming, "Samira"
    story.full_clean()
    assert (story.teller_name, story.teller_display_name) == ("Samira", "Samira")


def test_the_admin_form_blanks_the_name_of_an_anonymous_teller(admin_client, pages, client):
    story = pages["story"]
    before = revisions(story)
    response = builders.edit(admin_client, story, builders.story_form(naming=Naming.ANONYMOUS, teller_name="Samira"))
    assert response.status_code == 302
    assert revisions(story) == before + 1
    draft = fresh(story).get_latest_revision().as_object()
    assert (draft.naming, draft.teller_name) == (Naming.ANONYMOUS, "")
    assert draft.teller_display_name == "Anonymous"

    pass_story_review(fresh(story))
    published = fresh(story)
    assert (published.naming, published.teller_name) == (Naming.ANONYMOUS, "")
    assert "Samira" not in client.get(published.url).content.decode()


def test_the_admin_form_keeps_the_name_of_a_pseudonymous_teller(admin_client, pages):
    story = pages["story"]
    response = builders.edit(admin_client, story, builders.story_form(naming=Naming.PSEUDONYM, teller_name="Samira B."))
    assert response.status_code == 302
    assert fresh(story).get_latest_revision().as_object().teller_name == "Samira B."

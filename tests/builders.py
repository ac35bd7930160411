"""Small builders for test content: each makes one published page (or snippet) with sensible defaults."""

import datetime
import io
import itertools

from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cities.models import CityHubIndexPage, CityHubPage, CityStatus, EventIndexPage, EventPage, SupportingOrganisation
from editorial.workflows import pass_story_review
from exhibitions.models import ExhibitionIndexPage, ExhibitionPage, ExhibitPage
from home.models import MythFact, StandardPage
from stories.models import ConsentRecord, Naming, StoryCollectionPage, StoryIndexPage, StoryPage

_counter = itertools.count(1)


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def paragraph(text):
    return [{"type": "paragraph", "value": f"<p>{text}</p>"}]


def standard_page(parent, title="About us", **fields):
    fields.setdefault("body", paragraph(f"{title} text."))
    return publish(parent, StandardPage(title=title, **fields))


def city_index(home):
    return publish(home, CityHubIndexPage(title="Cities", slug="cities", show_in_menus=True))


def city(index, title="Sheffield", **fields):
    defaults = {"latitude": "53.38110", "longitude": "-1.47010", "status": CityStatus.WORKING_TOWARDS}
    return publish(index, CityHubPage(title=title, **{**defaults, **fields}))


def event(hub, title=None, start=None, **fields):
    start = start or timezone.now() + datetime.timedelta(days=next(_counter))
    fields.setdefault("venue", "Town hall")
    return publish(hub, EventPage(title=title or f"Event {next(_counter)}", start=start, **fields))


def event_index(home):
    return publish(home, EventIndexPage(title="Events", slug="events"))


def collection(parent, title="Stories of Sanctuary", **fields):
    return publish(parent, StoryCollectionPage(title=title, **fields))


def draft_story(parent, title=None, told_on=None, tags=(), **fields):
    """A story saved as a draft, with no consent on record: what a new story is before its review."""
    page = StoryPage(
        title=title or f"Story {next(_counter)}",
        teller_name=fields.pop("teller_name", "Amal"),
        told_on=told_on or datetime.date(2009, 11, 1),
        summary=fields.pop("summary", "A story of arriving."),
        body=fields.pop("body", paragraph("A sample story written for the tests.")),
        **fields,
    )
    page.tags.add(*tags)
    parent.add_child(instance=page)
    page.save_revision(user=fields.get("owner"))
    return page


def story(parent, title=None, told_on=None, tags=(), **fields):
    """A published story: its teller's consent on record, and its first version through Story review."""
    page = draft_story(parent, title, told_on, tags, **fields)
    consent(page)
    pass_story_review(page)
    page.refresh_from_db()
    return page


def review_and_publish(story, user=None):
    """Save ``story``'s changes as a new revision and take it through Story review, as an edited story goes live."""
    story.save_revision(user=user)
    pass_story_review(story, user)
    story.refresh_from_db()
    return story


def story_index(home):
    return publish(home, StoryIndexPage(title="Stories", slug="stories"))


def consent(story_page, **scopes):
    defaults = {"web": True, "print": True, "translation": True, "photos": False}
    return ConsentRecord.objects.create(story=story_page, given_on=datetime.date(2009, 11, 1), **{**defaults, **scopes})


def exhibition(parent, title=None, opens_on=None, closes_on=None, tags=(), **fields):
    page = ExhibitionPage(
        title=title or f"Exhibition {next(_counter)}",
        curator_statement="<p>Writing and images.</p>",
        venue="Swansea Museum",
        opens_on=opens_on or timezone.localdate() - datetime.timedelta(days=10),
        closes_on=closes_on,
        **fields,
    )
    page.tags.add(*tags)
    return publish(parent, page)


def exhibit(exhibition_page, title=None, **fields):
    fields.setdefault("writing", "<p>Words.</p>")
    return publish(exhibition_page, ExhibitPage(title=title or f"Exhibit {next(_counter)}", **fields))


def exhibition_index(home):
    return publish(home, ExhibitionIndexPage(title="Exhibitions", slug="exhibitions"))


def organisation(hub, name=None, **fields):
    return SupportingOrganisation.objects.create(
        name=name or f"Organisation {next(_counter)}",
        kind=fields.pop("kind", "charity"),
        city=hub,
        pledged_on=fields.pop("pledged_on", datetime.date(2009, 11, 1)),
        locale=hub.locale,
        **fields,
    )


def myth(**fields):
    return MythFact.objects.create(
        myth=fields.pop("myth", "Asylum seekers come here for benefits."),
        facts=fields.pop("facts", "<p>Most know nothing of the benefits system.</p>"),
        last_reviewed=datetime.date(2009, 11, 1),
        **fields,
    )


def image(title="Photo", size=(64, 48), fmt="JPEG", **fields):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (200, 80, 40)).save(buffer, fmt)
    return get_image_model().objects.create(
        title=title, file=ImageFile(buffer, name=f"{title}.{fmt.lower()}"), description=f"{title} description", **fields
    )


def share_page(home):
    from stories.models.share_page import ShareStoryPage

    return publish(home, ShareStoryPage(title="Share your story", slug="share-your-story"))


def user(username, *group_names, **fields):
    """An active user (not a superuser) in the named groups, which must exist already."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    member = get_user_model().objects.create_user(username, f"{username}@example.org", "a long pass phrase", **fields)
    groups = list(Group.objects.filter(name__in=group_names))
    assert len(groups) == len(set(group_names)), f"missing groups among {group_names}"
    member.groups.add(*groups)
    return member


def version(page, language_code):
    """``page``'s version (translation or alias) in another language's tree, as its specific page type."""
    from wagtail.models import Page

    return Page.objects.get(translation_key=page.translation_key, locale__language_code=language_code).specific


# Admin form data, as the page editor posts it.


def edit(client, page, fields, **headers):
    """Post the admin's edit form for ``page`` ("Save draft") with ``fields`` on top of its title and slug."""
    data = nested_form_data({"title": page.title, "slug": page.slug, "comment_notifications": "", **fields})
    return client.post(f"/admin/pages/{page.pk}/edit/", data, **headers)


def story_form(**overrides):
    return {
        "teller_name": "Samira",
        "naming": Naming.PSEUDONYM,
        "told_in": "ar",
        "told_on": "2009-06-18",
        "summary": "A neighbour knocks on the door with a teapot.",
        "image": "",
        "body": streamfield([("paragraph", rich_text("<p>A sample story.</p>"))]),
        "tags": "",
        "related_stories": inline_formset([]),
        "translated_by": "",
        **overrides,
    }


SHEFFIELD_GPS = {1: "N", 2: (53.0, 22.0, 51.0), 3: "W", 4: (1.0, 28.0, 12.0)}
SWANSEA_GPS = {1: "N", 2: (51.0, 37.0, 17.0), 3: "W", 4: (3.0, 56.0, 37.0)}


def jpeg_with_gps(gps=SHEFFIELD_GPS, size=(320, 240)):
    """A phone photo as phones write them: camera make and model, and where it was taken (EXIF GPSInfo)."""
    image = PILImage.new("RGB", size, (30, 120, 200))
    exif = PILImage.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0110] = "SecretPhone 9"  # Model
    exif[0x8825] = gps
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    data = buffer.getvalue()
    assert PILImage.open(io.BytesIO(data)).getexif().get_ifd(0x8825)  # the test photo really carries GPS
    return data

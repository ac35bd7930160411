"""Community translation (issue 14): a reader translates a page from its public page; a moderator reviews it.

What a community translator sends becomes wagtail-localize translations of the target language, in review; nothing
is public until approved; refused input stores nothing; their contact address is never public.
"""

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache, caches
from django.utils import translation
from django.utils.html import escape
from wagtail.models import Page
from wagtail_localize.models import StringTranslation

from community_translation.models import CommunityTranslation, TranslatorContact
from community_translation.segments import source_segments
from editorial.workflows import pass_story_review
from tests import builders

pytestmark = pytest.mark.django_db

CONTACT = "selam.private@example.org"
TIGRINYA_TITLE = "ምብጻሕ ናብ ሸፊልድ"


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()
    caches["ratelimit"].clear()


@pytest.fixture
def story(editorial):
    return editorial["stories"][0]


def url(page, language="ti"):
    return f"/{language}/translate/{page.pk}/"


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def form_data(page, texts, **overrides):
    """The form as a person fills it: ``texts`` {segment number (0-based): text}."""
    segments = source_segments(page)
    data = {"credit": "chosen_name", "credited_name": "Selam", "consent": "on", "contact": "", "website": ""}
    data.update({segments[number].field_name: text for number, text in texts.items()})
    data["action"] = "send"
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def send(client, page, texts, language="ti", **overrides):
    return client.post(url(page, language), form_data(page, texts, **overrides))


def ti_version(page):
    return Page.objects.get(translation_key=page.translation_key, locale__language_code="ti").specific


def nothing_stored(page):
    assert CommunityTranslation.objects.count() == 0
    assert TranslatorContact.objects.count() == 0
    assert not StringTranslation.objects.filter(locale__language_code="ti").exists()
    assert ti_version(page).alias_of_id == page.pk  # still the untouched alias


def approve(page):
    """Take the target page's review through every step, as moderators do in the admin."""
    page = Page.objects.get(pk=page.pk).specific
    state = page.current_workflow_state
    while state is not None and state.status == state.STATUS_IN_PROGRESS:
        task_state = state.current_task_state
        task = task_state.task.specific
        extra = {"reveals_nothing_dangerous": True} if task.__class__.__name__ == "ConsentCheckTask" else {}
        task.on_action(task_state, None, "approve", **extra)
        state.refresh_from_db()
    return Page.objects.get(pk=page.pk).specific


# The invitation and the form


def test_the_untranslated_notice_invites_readers_to_translate_and_the_original_lists_languages(client, story):
    notice = soup(client.get(ti_version(story).url)).select_one(".notice--untranslated a.invitation")
    assert notice["href"] == url(story)
    invitation = soup(client.get(story.url)).select_one(".translate-invitation")
    links = {link["hreflang"]: link["href"] for link in invitation.find_all("a")}
    assert links["ti"] == url(story) and links["ps"] == url(story, "ps") and "en" not in links


@pytest.mark.parametrize(("language", "direction"), [("ti", "ltr"), ("ps", "rtl"), ("ar", "rtl"), ("ckb", "rtl")])
def test_the_form_shows_each_source_segment_in_its_direction_beside_a_field_in_the_target_direction(
    client, story, language, direction
):
    response = client.get(url(story, language))
    assert response.status_code == 200
    page = soup(response)
    assert page.html["lang"] == language
    segments = source_segments(story)
    sources = page.select(".segment__text")
    assert [source.get_text() for source in sources] == [segment.text for segment in segments]
    assert {(source["lang"], source["dir"]) for source in sources} == {("en", "ltr")}
    fields = page.select("textarea[name^=s_]")
    assert len(fields) == len(segments)
    assert {(field["lang"], field["dir"]) for field in fields} == {(language, direction)}
    assert "noindex" in response["X-Robots-Tag"]


def test_a_story_whose_teller_did_not_agree_to_translation_is_not_offered(client, editorial):
    story = builders.draft_story(editorial["collection"], "Not for translation")
    builders.consent(story, translation=False)
    pass_story_review(story)
    assert client.get(url(story)).status_code == 404
    assert soup(client.get(Page.objects.get(pk=story.pk).url)).select(".translate-invitation") == []


def test_unknown_pages_and_the_page_in_its_own_language_are_not_found(client, story):
    assert client.get("/ti/translate/999999/").status_code == 404
    assert client.get(url(story, "en")).status_code == 404


# Sending, review, publication


def test_a_partial_translation_is_in_review_with_its_credit_and_its_empty_segments_nothing_public(
    client, story, editorial
):
    segments = source_segments(story)
    assert len(segments) >= 3
    response = send(client, story, {0: TIGRINYA_TITLE, 2: "ሓጺር ዛንታ"})
    assert response.status_code == 200
    assert soup(response).select_one("[data-community-sent]") is not None
    record = CommunityTranslation.objects.get()
    assert (record.credit, record.credited_name, record.status) == ("chosen_name", "Selam", "pending")
    assert {segment["outcome"] for segment in record.segments.values()} == {"added"}
    texts = set(StringTranslation.objects.filter(locale__language_code="ti").values_list("data", flat=True))
    assert texts == {TIGRINYA_TITLE, "ሓጺር ዛንታ"}

    tigrinya = ti_version(story)
    assert tigrinya.alias_of_id is None and tigrinya.has_unpublished_changes
    assert tigrinya.current_workflow_state is not None
    assert tigrinya.title == story.title  # readers still read the English text: nothing is public yet
    assert TIGRINYA_TITLE not in client.get(tigrinya.url).content.decode()

    moderator = editorial["users"]["moderator"]
    client.force_login(moderator)
    dashboard = soup(client.get("/admin/")).select_one(".community-translations")
    assert dashboard is not None and "credited as “Selam”" in dashboard.get_text()
    editor = client.get(f"/admin/pages/{tigrinya.pk}/edit/").content.decode()
    assert "credited as “Selam”" in editor
    empty = [segment.text for number, segment in enumerate(segments) if number not in (0, 2)]
    assert f"{len(empty)} segments are still empty" in editor


def test_that_languages_translators_see_it_in_their_queue_and_others_do_not(client, story, editorial):
    send(client, story, {0: TIGRINYA_TITLE})
    from editorial.roles import ensure_translators

    ensure_translators(ti_version(story).locale)
    client.force_login(builders.user("tesfay", "Tigrinya translators"))
    assert "credited as “Selam”" in client.get("/admin/").content.decode()
    client.force_login(editorial["users"]["arabic translator"])
    assert "credited as “Selam”" not in client.get("/admin/").content.decode()


def test_approved_it_is_live_with_its_credit_and_listed_in_hreflang_and_the_sitemap(client, story):
    send(client, story, {0: TIGRINYA_TITLE, 1: "ዛንታ"})
    tigrinya = approve(ti_version(story))
    assert tigrinya.live and tigrinya.title == TIGRINYA_TITLE
    page = soup(client.get(tigrinya.url))
    assert page.h1.get_text() == TIGRINYA_TITLE
    assert "Selam" in page.select_one(".provenance").get_text()
    assert CommunityTranslation.objects.get().status == "published"
    english = soup(client.get(story.url))
    assert english.select_one("link[rel=alternate][hreflang=ti]")["href"].endswith(tigrinya.url)
    assert "/sitemap-ti.xml" in client.get("/sitemap.xml").content.decode()  # the index lists a Tigrinya section
    assert tigrinya.url in client.get("/sitemap-ti.xml").content.decode()


def test_an_exhibition_gets_the_community_credit_line(client, editorial):
    exhibition = editorial["exhibition"]
    send(client, exhibition, {0: "ምህናጽ መዕቆቢ ኣብ ስዋንዚ"}, credit="name", credited_name="Abeba")
    tigrinya = approve(ti_version(exhibition))
    credit = in_tigrinya("Translated by %(names)s (community translation).", names="Abeba")
    assert soup(client.get(tigrinya.url)).select_one(".credit-line").get_text() == credit


def test_an_anonymous_translator_is_credited_by_no_name(client, editorial):
    exhibition = editorial["exhibition"]
    send(client, exhibition, {0: "ምህናጽ መዕቆቢ ኣብ ስዋንዚ"}, credit="anonymous", credited_name="Hidden Name")
    assert CommunityTranslation.objects.get().credited_name == ""
    tigrinya = approve(ti_version(exhibition))
    page = client.get(tigrinya.url).content.decode()
    assert "Hidden Name" not in page
    assert in_tigrinya("Translated by volunteers from our community.") in page


def test_rich_text_keeps_the_sources_own_tags_only(client, editorial):
    exhibit = editorial["exhibits"][0]
    page = Page.objects.get(pk=exhibit.pk).specific
    page.writing = "<p>Words in <b>bold</b> here.</p>"
    page.save_revision().publish()
    segments = source_segments(page)
    bold = next(number for number, segment in enumerate(segments) if "<b>" in segment.data)
    refused = send(client, page, {bold: "ቃላት <i>ብ</i> ኣብዚ"})
    assert refused.status_code == 400
    assert CommunityTranslation.objects.count() == 0
    accepted = send(client, page, {bold: "ቃላት <b>ደማቕ</b> ኣብዚ"})
    assert accepted.status_code == 200
    assert StringTranslation.objects.get(locale__language_code="ti").data == "ቃላት <b>ደማቕ</b> ኣብዚ"


# Two people, one page


def test_a_second_contributor_adds_to_the_first_and_nothing_sent_is_overwritten_or_lost(client, story, editorial):
    send(client, story, {0: TIGRINYA_TITLE})
    notice = soup(client.get(url(story))).get_text()
    assert in_tigrinya(AWAITS_REVIEW) in notice
    send(client, story, {0: "ካልእ ኣርእስቲ", 1: "ዛንታ"}, credited_name="Dawit")
    first, second = CommunityTranslation.objects.order_by("submitted_at")
    title = StringTranslation.objects.get(locale__language_code="ti", data__in=[TIGRINYA_TITLE, "ካልእ ኣርእስቲ"])
    assert title.data == TIGRINYA_TITLE  # the first sender's text stays
    outcomes = {segment["text"]: segment["outcome"] for segment in second.segments.values()}
    assert outcomes == {"ካልእ ኣርእስቲ": "suggested", "ዛንታ": "added"}
    client.force_login(editorial["users"]["moderator"])
    editor = client.get(f"/admin/pages/{ti_version(story).pk}/edit/").content.decode()
    assert "credited as “Selam”" in editor and "credited as “Dawit”" in editor
    assert "ካልእ ኣርእስቲ" in editor  # the second sender's other proposal, shown to the reviewer
    approve(ti_version(story))
    assert set(CommunityTranslation.objects.values_list("status", flat=True)) == {"published"}
    assert "Selam, Dawit" in soup(client.get(ti_version(story).url)).select_one(".provenance").get_text()


# Out of date, and its update


def test_when_the_source_changes_readers_are_invited_to_update_through_the_same_path(client, story):
    send(client, story, {0: TIGRINYA_TITLE})
    approve(ti_version(story))
    english = Page.objects.get(pk=story.pk).specific
    english.title = "Arriving in Sheffield in winter"
    builders.review_and_publish(english)

    notice = soup(client.get(ti_version(story).url)).select_one(".notice--outdated")
    update = notice.select_one("a.invitation")["href"]
    assert update == url(ti_version(story))  # the translation's own form, which translates from its original
    form = soup(client.get(update))
    assert in_tigrinya(OUTDATED) in form.get_text()
    first = form.select(".segment")[0]
    assert first.select_one(".segment__text").get_text() == "Arriving in Sheffield in winter"
    assert in_tigrinya("Not translated yet") in first.get_text()

    assert send(client, english, {0: "ምብጻሕ ናብ ሸፊልድ ብክረምቲ"}).status_code == 200
    tigrinya = approve(ti_version(story))
    assert tigrinya.title == "ምብጻሕ ናብ ሸፊልድ ብክረምቲ"
    assert soup(client.get(tigrinya.url)).select(".notice--outdated") == []


# Drafts


def test_drafts_are_kept_in_the_session_with_and_without_javascript_and_store_nothing(client, story):
    segments = source_segments(story)
    assert client.post(url(story) + "draft/", {segments[0].field_name: "ረቂቕ"}).status_code == 204
    field = soup(client.get(url(story))).select_one(f"textarea[name={segments[0].field_name}]")
    assert field.get_text().strip() == "ረቂቕ"
    saved = client.post(url(story), {segments[1].field_name: "ካልኣይ", "action": "save"})
    assert saved.status_code == 200
    page = soup(client.get(url(story)))
    assert page.select_one(f"textarea[name={segments[1].field_name}]").get_text().strip() == "ካልኣይ"
    nothing_stored(story)
    send(client, story, {0: "ረቂቕ"})
    assert soup(client.get(url(story))).select_one(f"textarea[name={segments[1].field_name}]").get_text().strip() == ""


# Refused input: a clear answer, and nothing stored


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>ሰላም",
        '<img src=x onerror="alert(1)">',
        "<a href='https://spam.example'>ሰላም</a>",
        "<!-- x -->ሰላም",
    ],
)
def test_html_in_a_segment_is_refused_and_nothing_is_stored(client, story, text):
    response = send(client, story, {0: text})
    assert response.status_code == 400
    assert escape(in_tigrinya(NO_HTML)) in response.content.decode()
    nothing_stored(story)


def test_a_segment_far_longer_than_its_source_is_refused_and_nothing_is_stored(client, story):
    response = send(client, story, {0: "ሀ" * 5000})
    assert response.status_code == 400
    limit = source_segments(story)[0].max_length
    assert escape(in_tigrinya(TOO_LONG, limit=limit, count=5000)) in response.content.decode()
    nothing_stored(story)


def test_too_long_a_name_or_contact_is_refused(client, story):
    assert send(client, story, {0: TIGRINYA_TITLE}, credited_name="x" * 101).status_code == 400
    assert send(client, story, {0: TIGRINYA_TITLE}, contact="x" * 201).status_code == 400
    nothing_stored(story)


def test_the_honeypot_refuses_and_stores_nothing(client, story):
    response = send(client, story, {0: TIGRINYA_TITLE}, website="https://spam.example", contact=CONTACT)
    assert response.status_code == 400
    assert TIGRINYA_TITLE not in response.content.decode()
    nothing_stored(story)


def test_without_consent_or_any_text_nothing_is_sent(client, story):
    assert send(client, story, {0: TIGRINYA_TITLE}, consent=None).status_code == 400
    assert send(client, story, {}).status_code == 400
    nothing_stored(story)


def test_over_the_rate_limit_the_translator_keeps_their_text_and_nothing_is_stored(client, story, settings):
    settings.SANCTUARY_TRANSLATION_POSTS_PER_HOUR = 2
    for _ in range(2):
        assert send(client, story, {0: TIGRINYA_TITLE}, consent=None).status_code == 400
    response = send(client, story, {0: TIGRINYA_TITLE})
    assert response.status_code == 429
    assert TIGRINYA_TITLE in response.content.decode()  # still in the form
    nothing_stored(story)
    other = client.post(url(story), form_data(story, {0: TIGRINYA_TITLE}), REMOTE_ADDR="203.0.113.9")
    assert other.status_code == 200  # another address has its own allowance


# The contact address is never public


def test_the_contact_is_kept_apart_and_never_in_any_public_output(client, story, editorial):
    send(client, story, {0: TIGRINYA_TITLE}, contact=CONTACT, credited_name="Selam")
    assert TranslatorContact.objects.get().contact == CONTACT
    tigrinya = approve(ti_version(story))
    addresses = [
        tigrinya.url,
        story.url,
        url(story),
        url(story, "ps"),
        "/ti/",
        "/en/stories/feed/",
        "/ti/stories/feed/",
        "/ti/events/feed/",
        "/sitemap.xml",
        "/sitemap-ti.xml",
        "/sitemap-en.xml",
        "/api/v2/pages/?fields=*&locale=ti",
        f"/api/v2/pages/{tigrinya.pk}/",
    ]
    for address in addresses:
        response = client.get(address)
        assert response.status_code in (200, 404), address
        assert CONTACT not in response.content.decode(), address
        assert "selam.private" not in response.content.decode(), address
    for language in ("ti", "en"):
        found = soup(client.get(f"/{language}/search/?q=selam.private@example.org"))
        assert found.select(".search-result") == []
    contacts = "/admin/snippets/community_translation/translatorcontact/"
    client.force_login(editorial["users"]["arabic translator"])
    assert client.get(contacts).status_code in (302, 403)
    assert CONTACT not in client.get("/admin/").content.decode()
    client.force_login(editorial["users"]["moderator"])
    assert client.get(contacts).status_code == 200


def in_tigrinya(message, **params):
    """``message`` as a Tigrinya reader sees it (the site's catalogue)."""
    with translation.override("ti"):
        return translation.gettext(message) % params if params else translation.gettext(message)


AWAITS_REVIEW = (
    "Someone has already sent a translation of this page, which awaits review. You may add to it: translate the parts "
    "still marked “Not translated yet”. What you write for other parts is kept as a suggestion for the reviewer."
)
OUTDATED = (
    "The original has changed since this page was translated. The parts that are new or changed are marked "
    "“Not translated yet”."
)
NO_HTML = "Remove the HTML code from this text. Only the formatting of the original may be kept."
TOO_LONG = "This is longer than %(limit)s characters (it has %(count)s)."

"""home/localize_review.py: a translator's "Publish" in wagtail-localize's editor goes to review instead.

Works around wagtail-localize #676 and #837 (translations published directly, bypassing workflows).
"""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page
from wagtail_localize.models import StringTranslation

from home.translation import translate
from tests.test_workflow import editorial  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db

ARABIC_TITLE = "الوصول إلى شيفيلد"


@pytest.fixture
def arabic_job(editorial):  # noqa: F811
    """A moderator has started an Arabic translation of the Sheffield story (nothing translated yet)."""
    story = editorial["stories"][0]
    arabic = translate(story, "ar", lambda text: None, user=editorial["users"]["moderator"])
    return {**editorial, "story": story, "arabic": arabic}


def translate_title(job):
    """What the translator does in the editor: translate the title string (saved as they type)."""
    from wagtail_localize.models import StringSegment, TranslationSource

    source = TranslationSource.objects.get_for_instance(job["story"])
    segment = StringSegment.objects.get(source=source, string__data=job["story"].title)
    StringTranslation.objects.update_or_create(
        translation_of=segment.string,
        locale=job["arabic"].locale,
        context=segment.context,
        defaults={"data": ARABIC_TITLE},
    )


def public_title(client, page):
    client.logout()
    return BeautifulSoup(client.get(page.url).content, "html.parser").find("h1").get_text()


def test_translator_sees_the_translation_editor_with_a_publish_button(client, arabic_job):
    client.force_login(arabic_job["users"]["arabic translator"])
    response = client.get(f"/admin/pages/{arabic_job['arabic'].pk}/edit/")
    assert response.status_code == 200
    assert "&quot;canPublish&quot;: true" in response.content.decode()


def test_translators_publish_submits_for_review_and_a_moderator_publishes(client, arabic_job):
    arabic = arabic_job["arabic"]
    translate_title(arabic_job)
    client.force_login(arabic_job["users"]["arabic translator"])
    response = client.post(f"/admin/pages/{arabic.pk}/edit/", {"action": "publish"})
    assert response.status_code == 302
    arabic = Page.objects.get(pk=arabic.pk).specific
    assert arabic.workflow_in_progress
    assert arabic.current_workflow_task.name == "Consent check"
    assert public_title(client, arabic) != ARABIC_TITLE  # not live before review

    moderator = arabic_job["users"]["moderator"]
    task_state = arabic.current_workflow_task_state
    task_state.task.specific.on_action(task_state, moderator, "approve", reveals_nothing_dangerous=True)
    arabic.refresh_from_db()
    task_state = arabic.current_workflow_task_state
    task_state.task.specific.on_action(task_state, moderator, "approve")
    assert public_title(client, Page.objects.get(pk=arabic.pk)) == ARABIC_TITLE


def test_moderators_publish_in_the_editor_is_not_intercepted(client, arabic_job):
    translate_title(arabic_job)
    client.force_login(arabic_job["users"]["moderator"])
    client.post(f"/admin/pages/{arabic_job['arabic'].pk}/edit/", {"action": "publish"})
    arabic = Page.objects.get(pk=arabic_job["arabic"].pk)
    assert not arabic.workflow_in_progress
    assert public_title(client, arabic) == ARABIC_TITLE


def test_switched_off_translators_cannot_publish_at_all(client, arabic_job, settings):
    settings.SANCTUARY_REVIEW_TRANSLATIONS = False
    client.force_login(arabic_job["users"]["arabic translator"])
    response = client.post(f"/admin/pages/{arabic_job['arabic'].pk}/edit/", {"action": "publish"})
    assert response.status_code in (302, 403)  # wagtail-localize's own refusal (permission denied)
    assert not Page.objects.get(pk=arabic_job["arabic"].pk).workflow_in_progress


def test_translator_cannot_submit_a_welsh_translation(client, arabic_job):
    welsh = translate(arabic_job["story"], "cy", lambda text: None, publish=False)
    client.force_login(arabic_job["users"]["arabic translator"])
    response = client.post(f"/admin/pages/{welsh.pk}/edit/", {"action": "publish"})
    assert response.status_code in (302, 403)
    assert not Page.objects.get(pk=welsh.pk).workflow_in_progress

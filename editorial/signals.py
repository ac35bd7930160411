"""New city hubs, collections and languages get their groups, permissions and workflows without manual steps.

Pages created by wagtail-localize in another language's tree (aliases and translations) are saved like any other
page, so the same handlers cover them: a new language's home page gives it its translators and its review workflow.
"""

from django.db.models.signals import post_save

from cities.models import CityHubPage
from editorial.roles import ensure_city_editors, ensure_contributors, ensure_network_groups_exist, ensure_translators
from editorial.workflows import EXHIBITION_REVIEW, STORY_REVIEW, assign, ensure_workflows
from home.models import HomePage
from stories.models import StoryCollectionPage


def on_city_hub_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        ensure_network_groups_exist()
        ensure_city_editors(instance)


def on_collection_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        ensure_network_groups_exist()
        ensure_contributors(instance)
        ensure_workflows()
        assign(STORY_REVIEW, instance)


def on_home_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        ensure_network_groups_exist()
        ensure_translators(instance.locale)
        ensure_workflows()
        assign(EXHIBITION_REVIEW, instance)


def connect():
    post_save.connect(on_city_hub_saved, sender=CityHubPage, dispatch_uid="sanctuary_city_hub_roles")
    post_save.connect(on_collection_saved, sender=StoryCollectionPage, dispatch_uid="sanctuary_collection_roles")
    post_save.connect(on_home_saved, sender=HomePage, dispatch_uid="sanctuary_home_roles")

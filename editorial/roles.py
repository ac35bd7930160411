"""Groups and their page permissions, as ../shared/DESIGN.md sets them out. Idempotent (``manage.py setup_roles``).

- Administrators: every permission, on every tree.
- Moderators: approve in workflows and publish, across the network (the root page covers every language's tree).
- "<City> editors": create and edit pages under their CityHubPage, in every language; submit, never publish.
- Contributors: create draft stories in story collections; never publish.
- "<Language> translators": edit pages in their language's tree only; never publish (moderators approve).

New city hubs, collections and languages get their permissions from the signal handlers in editorial/signals.py.
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.utils.translation import get_language_info
from wagtail.models import GroupPagePermission, Locale, Page

from cities.models import CityHubPage
from stories.models import StoryCollectionPage

ADMINISTRATORS = "Administrators"
MODERATORS = "Moderators"
CONTRIBUTORS = "Contributors"
NETWORK_GROUPS = (ADMINISTRATORS, MODERATORS, CONTRIBUTORS)

ALL_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page", "bulk_delete_page")
MODERATOR_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page")
CONTRIBUTOR_PAGE_PERMISSIONS = ("add_page",)
TRANSLATOR_PAGE_PERMISSIONS = ("add_page", "change_page")

# Model permissions (app_label.codename) on top of admin access, per kind of group.
MODERATOR_PERMISSIONS = (
    "stories.view_consentrecord",
    "stories.add_consentrecord",
    "stories.change_consentrecord",
    "stories.view_telleridentity",
    "community_translation.view_communitytranslation",
    "community_translation.view_translatorcontact",
    "stories.view_withdrawal",
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.choose_document",
    "home.add_mythfact",
    "home.change_mythfact",
    "cities.add_supportingorganisation",
    "cities.change_supportingorganisation",
)
EDITOR_PERMISSIONS = ("wagtailimages.add_image", "wagtailimages.choose_image", "wagtaildocs.choose_document")


def permissions(*labels):
    """Permission objects for "app_label.codename" labels."""
    pairs = [label.split(".") for label in labels]
    found = Permission.objects.filter(
        content_type__app_label__in={app for app, _code in pairs}, codename__in={code for _app, code in pairs}
    ).select_related("content_type")
    return [perm for perm in found if f"{perm.content_type.app_label}.{perm.codename}" in labels]


def group_with(name, *model_permissions):
    group, _created = Group.objects.get_or_create(name=name)
    group.permissions.add(*permissions("wagtailadmin.access_admin", *model_permissions))
    return group


def grant_pages(group, pages, codenames):
    """Give ``group`` each page permission in ``codenames`` on each page, in two queries and one insert (a new city
    hub is mirrored into every language, and each copy is granted again)."""
    page_permissions = list(Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=codenames))
    pages = list(pages)
    granted = set(
        GroupPagePermission.objects.filter(group=group, page__in=pages, permission__in=page_permissions).values_list(
            "page_id", "permission_id"
        )
    )
    GroupPagePermission.objects.bulk_create(
        GroupPagePermission(group=group, page=page, permission=permission)
        for page in pages
        for permission in page_permissions
        if (page.pk, permission.pk) not in granted
    )


def in_every_language(page):
    """The page and its translations and aliases in the other languages' trees."""
    return Page.objects.filter(translation_key=page.translation_key)


def can_see_translation_report(user):
    """The translations report is for the people who plan translation work: Administrators and Moderators."""
    return user.is_active and (user.is_superuser or user.groups.filter(name__in=[ADMINISTRATORS, MODERATORS]).exists())


def translators_group_name(language_code):
    return f"{get_language_info(language_code)['name']} translators"


def city_editors_group_name(hub):
    source = Page.objects.filter(translation_key=hub.translation_key, locale__language_code=settings.LANGUAGE_CODE)
    return f"{(source.first() or hub).title} editors"


def ensure_network_groups():
    root = Page.get_first_root_node()
    administrators = Group.objects.get_or_create(name=ADMINISTRATORS)[0]
    administrators.permissions.set(Permission.objects.all())
    grant_pages(administrators, [root], ALL_PAGE_PERMISSIONS)
    grant_pages(group_with(MODERATORS, *MODERATOR_PERMISSIONS), [root], MODERATOR_PAGE_PERMISSIONS)
    group_with(CONTRIBUTORS, *EDITOR_PERMISSIONS)


def ensure_network_groups_exist():
    """The network-wide groups, made with their permissions the first time a page needs them. Later pages leave them
    as they are (setup_roles brings their permissions up to date after an upgrade)."""
    if Group.objects.filter(name__in=NETWORK_GROUPS).count() < len(NETWORK_GROUPS):
        ensure_network_groups()


def ensure_city_editors(hub):
    group = group_with(city_editors_group_name(hub), *EDITOR_PERMISSIONS)
    grant_pages(group, in_every_language(hub), EDITOR_PAGE_PERMISSIONS)
    return group


def ensure_contributors(collection):
    grant_pages(group_with(CONTRIBUTORS, *EDITOR_PERMISSIONS), [collection], CONTRIBUTOR_PAGE_PERMISSIONS)


def ensure_translators(locale):
    if locale.language_code == settings.LANGUAGE_CODE:
        return None
    group = group_with(translators_group_name(locale.language_code), *EDITOR_PERMISSIONS)
    grant_pages(group, Page.objects.filter(depth=2, locale=locale), TRANSLATOR_PAGE_PERMISSIONS)
    return group


def ensure_translator_groups():
    return [group for locale in Locale.objects.all() if (group := ensure_translators(locale))]


def ensure_all_roles():
    """Every group, with permissions on every hub, collection and language that exists now."""
    ensure_network_groups()
    for hub in CityHubPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE):
        ensure_city_editors(hub)
    for collection in StoryCollectionPage.objects.all():
        ensure_contributors(collection)
    return ensure_translator_groups()

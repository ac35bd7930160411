"""Groups and their page permissions. Idempotent: safe to run on every deploy (``manage.py setup_roles``).

So far: one "<Language> translators" group per locale other than the source, allowed to edit and add pages in
that language's tree only, and never to publish (a moderator publishes their work).
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.utils.translation import get_language_info
from wagtail.models import GroupPagePermission, Locale, Page

TRANSLATOR_PAGE_PERMISSIONS = ("add_page", "change_page")


def translators_group_name(language_code):
    return f"{get_language_info(language_code)['name']} translators"


def ensure_translator_groups():
    """A translators group per non-source locale, with permissions on that locale's home page subtree."""
    admin_access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    page_permissions = Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=TRANSLATOR_PAGE_PERMISSIONS
    )
    groups = []
    for locale in Locale.objects.exclude(language_code=settings.LANGUAGE_CODE):
        group, _created = Group.objects.get_or_create(name=translators_group_name(locale.language_code))
        group.permissions.add(admin_access)
        home = Page.objects.filter(depth=2, locale=locale).first()
        if home is not None:
            for permission in page_permissions:
                GroupPagePermission.objects.get_or_create(group=group, page=home, permission=permission)
        groups.append(group)
    return groups

"""The skeleton every installation needs: one Locale per language, the home page, the Site, synced trees."""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import LocaleSynchronization

from home.models import HomePage

HOME_INTRO = (
    "City of Sanctuary is a movement of towns and cities across the UK that are proud to welcome people "
    "seeking sanctuary, and to celebrate what refugees and asylum seekers bring to the places they now call home."
)


def ensure_locales():
    """A Locale for every language in settings.LANGUAGES; returns the source (first) locale."""
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    return Locale.objects.get(language_code=settings.LANGUAGE_CODE)


def ensure_home(source_locale):
    """The source-language home page, made the default Site's root (replacing Wagtail's placeholder page)."""
    home = HomePage.objects.filter(locale=source_locale).first()
    if home is None:
        root = Page.get_first_root_node()
        home = root.add_child(
            instance=HomePage(
                title="Welcome to the City of Sanctuary network",
                slug="city-of-sanctuary",
                intro=HOME_INTRO,
                locale=source_locale,
            )
        )
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.site_name = site.site_name or settings.WAGTAIL_SITE_NAME  # Wagtail's own has none: "localhost" would show
    placeholder_id = site.root_page_id
    site.root_page = home
    site.hostname, site.port = site_address()
    site.save()
    if placeholder_id != home.id:
        # Wagtail's own welcome page (depth 2, plain Page) has no place in the tree once the home page exists.
        Page.objects.filter(id=placeholder_id, depth=2, content_type__model="page").delete()
    return home


def site_address():
    """The default Site's host and port, from the one configured public address (WAGTAILADMIN_BASE_URL).

    The sitemap, the API's links and the notification e-mails all build their addresses from it.
    """
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    return address.hostname, address.port or (443 if address.scheme == "https" else 80)


def sync_locale_trees(source_locale):
    """Every other locale mirrors the source tree: untranslated pages appear there as aliases."""
    for locale in Locale.objects.exclude(id=source_locale.id):
        sync, created = LocaleSynchronization.objects.get_or_create(
            locale=locale, defaults={"sync_from": source_locale}
        )
        if not created:  # a new synchronisation syncs its tree as it is saved
            sync.sync_trees()

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from home import bootstrap


class Command(BaseCommand):
    help = (
        "Make what every installation needs (idempotent): a Locale for each of SANCTUARY_LANGUAGES, the home page as "
        "the default Site's root, and every other language's tree mirroring the source tree."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        source = bootstrap.ensure_locales()
        home = bootstrap.ensure_home(source)
        bootstrap.sync_locale_trees(source)
        self.stdout.write(f"{home.title}: {len(settings.LANGUAGES)} languages, each with its own tree.")

from django.core.management.base import BaseCommand
from django.db import transaction

from home.demo import tree


class Command(BaseCommand):
    help = "Build the demo City of Sanctuary network (idempotent: running it again creates nothing twice)."

    @transaction.atomic
    def handle(self, *args, **options):
        source_locale = tree.ensure_locales()
        home = tree.ensure_home(source_locale)
        tree.sync_locale_trees(source_locale)
        self.stdout.write(
            self.style.SUCCESS(f"Demo content ready: {home.title} in {len(tree.settings.LANGUAGES)} languages.")
        )

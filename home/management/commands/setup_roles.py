from django.core.management.base import BaseCommand
from django.db import transaction

from home.roles import ensure_translator_groups


class Command(BaseCommand):
    help = "Create the editorial groups and their permissions (idempotent)."

    @transaction.atomic
    def handle(self, *args, **options):
        groups = ensure_translator_groups()
        self.stdout.write(f"Roles ready: {', '.join(group.name for group in groups)}.")

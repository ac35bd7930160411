from django.core.management.base import BaseCommand
from django.db import transaction

from editorial.roles import ensure_all_roles
from editorial.workflows import ensure_workflow_assignments


class Command(BaseCommand):
    help = "Create the editorial groups, their page permissions and the workflows (idempotent)."

    @transaction.atomic
    def handle(self, *args, **options):
        ensure_all_roles()
        ensure_workflow_assignments()
        self.stdout.write("Groups, page permissions and workflows are in place.")

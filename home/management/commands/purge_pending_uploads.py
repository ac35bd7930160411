"""Remove the admin multiple uploader's pending uploads that nobody completed (home.pending_uploads)."""

import datetime

from django.core.management.base import BaseCommand

from home.pending_uploads import DEFAULT_MAX_AGE, purge_pending_uploads


class Command(BaseCommand):
    help = (
        "Delete pending uploads (files the multiple uploader kept until their form was filled in) older than --hours."
    )

    def add_arguments(self, parser):
        parser.add_argument("--hours", type=int, default=int(DEFAULT_MAX_AGE.total_seconds() // 3600))

    def handle(self, *args, hours, **options):
        deleted = purge_pending_uploads(datetime.timedelta(hours=hours))
        self.stdout.write(f"Deleted {deleted} pending upload(s) older than {hours} hours.")

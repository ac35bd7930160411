"""``manage.py build_large_network``: the demo network grown to the size issue 13 plans for (see demo/large_network)."""

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from wagtail.signal_handlers import disable_reference_index_auto_update

from demo.content.images import ensure_images
from demo.large_network.build import AlreadyBuilt, Sizes, build
from demo.large_network.rows import search_index_updates_paused

DEFAULTS = Sizes()


class Command(BaseCommand):
    help = (
        "Build a synthetic large network on top of the demo (runs seed_demo first): 50 cities, 5,000 stories, "
        "200 exhibitions of 10 exhibits, 1,000 events, every language's tree synced, 10%% of the new pages "
        "translated. For measuring; use a database of its own."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1.0, help="multiply every size below (e.g. 0.01)")
        parser.add_argument("--cities", type=int, help=f"city hubs in all, the demo's included ({DEFAULTS.cities})")
        parser.add_argument("--stories", type=int, help=f"stories to add ({DEFAULTS.stories})")
        parser.add_argument("--exhibitions", type=int, help=f"exhibitions to add ({DEFAULTS.exhibitions})")
        parser.add_argument("--exhibits", type=int, help=f"exhibits per exhibition ({DEFAULTS.exhibits})")
        parser.add_argument("--events", type=int, help=f"events to add ({DEFAULTS.events})")
        parser.add_argument(
            "--translated", type=float, help=f"share of the new pages to translate ({DEFAULTS.translated})"
        )

    def handle(self, *args, **options):
        sizes = self.sizes(options)
        started = time.perf_counter()

        def report(message):
            if options["verbosity"]:
                self.stdout.write(f"  {time.perf_counter() - started:6.1f} s  {message}")

        call_command("seed_demo", verbosity=0)
        report("demo network")
        try:
            with transaction.atomic(), disable_reference_index_auto_update(), search_index_updates_paused():
                made = build(sizes, ensure_images(), report)
                call_command("setup_roles", verbosity=0)  # groups and workflows for the aliases written in bulk
                report("roles and workflows")
        except AlreadyBuilt as error:
            raise CommandError(str(error)) from error
        with connection.cursor() as cursor:
            # Fresh planner statistics for the rows just written in bulk: until autovacuum gets to them, PostgreSQL
            # guessed 1 row where there were 1,000 and a story tag listing took 3 s instead of 0.2 s.
            cursor.execute("ANALYZE")
        report("planner statistics (ANALYZE)")
        summary = ", ".join(f"{count} {what}" for what, count in made.items())
        self.stdout.write(
            self.style.SUCCESS(f"Large network built in {time.perf_counter() - started:.0f} s: {summary}.")
        )

    def sizes(self, options):
        if options["scale"] <= 0:
            raise CommandError("--scale must be above 0.")
        sizes = DEFAULTS.scaled(options["scale"]) if options["scale"] != 1 else DEFAULTS
        chosen = {name: options[name] for name in ("cities", "stories", "exhibitions", "exhibits", "events")}
        for name, value in chosen.items():
            if value is not None and value < (1 if name in ("cities", "exhibits") else 0):
                raise CommandError(f"--{name} cannot be {value}.")
        if options["translated"] is not None and not 0 <= options["translated"] <= 1:
            raise CommandError("--translated is a share between 0 and 1.")
        overrides = {name: value for name, value in chosen.items() if value is not None}
        if options["translated"] is not None:
            overrides["translated"] = options["translated"]
        return Sizes(**{**sizes.__dict__, **overrides})

"""Measure what rendering each public page type costs: SQL queries, time and response size.

Run it with ``make bench`` (or ``.venv/bin/python scripts/bench.py``): no arguments, no environment needed.

1. Builds a throw-away SQLite database and media directory in a temporary directory (test settings, with
   DATABASE_URL and MEDIA_ROOT pointing there), then runs ``migrate`` and ``seed_demo``.
2. Counts each measured page's queries on the demo content, then grows the content (EXTRA_STORIES stories in one
   collection, EXTRA_EVENTS events in one city) and counts again: a page's cost must not grow with what it lists.
   The table shows "before→after" when the two counts differ. The new pages are added to the English tree only
   (other languages' alias trees are not re-synced), so the Arabic pages list what the demo gave them.
3. Renders one English page of each public page type, the Arabic home page and the Arabic alias of the English
   story with Django's test client: one warm-up request, one request with its queries captured, then REQUESTS
   timed requests. Reports status, queries, median and p95 milliseconds and response size.

Exits 1 when a page does not answer 200 or needs more than MAX_QUERIES queries, and prints those pages' SQL.
Takes about a minute on two cores, most of it in ``migrate`` and ``seed_demo``.
"""

import datetime
import os
import re
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the project root, for config and the apps

REQUESTS = 30  # timed requests per page, after one warm-up and one counted request
MAX_QUERIES = 15
EXTRA_STORIES = 200
EXTRA_EVENTS = 100
SOURCE_LANGUAGE, OTHER_LANGUAGE = "en", "ar"

# One page of each public page type, by model label, in the order of the table.
PAGE_TYPES = [
    "home.HomePage",
    "home.StandardPage",
    "cities.CityHubIndexPage",
    "cities.CityHubPage",
    "cities.EventIndexPage",
    "cities.EventPage",
    "stories.StoryIndexPage",
    "stories.StoryCollectionPage",
    "stories.StoryPage",
    "exhibitions.ExhibitionIndexPage",
    "exhibitions.ExhibitionPage",
    "exhibitions.ExhibitPage",
]


@dataclass
class Target:
    name: str
    url: str
    seed_queries: int | None = None  # on the demo content, before it was grown


@dataclass
class Result:
    target: Target
    status: int
    kilobytes: float
    queries: list[dict]  # the SQL of one request
    timings: list[float] = field(default_factory=list)  # milliseconds

    @property
    def query_count(self):
        return len(self.queries)

    @property
    def median(self):
        return statistics.median(self.timings)

    @property
    def p95(self):
        return statistics.quantiles(self.timings, n=20, method="inclusive")[-1]

    @property
    def problems(self):
        found = []
        if self.status != 200:
            found.append(f"answered {self.status}")
        if self.query_count > MAX_QUERIES:
            found.append(f"{self.query_count} queries > {MAX_QUERIES}")
        return found


# --- Setting up ------------------------------------------------------------------------------------------------------


def setup_django(tmp):
    """Django with the test settings on a fresh SQLite file and media directory inside ``tmp``."""
    database, media = tmp / "bench.sqlite3", tmp / "media"
    media.mkdir()
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ["MEDIA_ROOT"] = str(media)
    django.setup()

    from django.conf import settings
    from django.test.utils import override_settings

    # The test settings make a media directory of their own, ignoring MEDIA_ROOT: use ours, drop theirs (empty).
    theirs = Path(settings.MEDIA_ROOT)
    if theirs != media:
        override_settings(MEDIA_ROOT=str(media)).enable()
        if theirs.is_dir() and not any(theirs.iterdir()):
            theirs.rmdir()
    if settings.DATABASES["default"]["NAME"] != str(database):
        raise SystemExit(f"DATABASE_URL was not honoured: {settings.DATABASES['default']['NAME']}")


def step(label, action):
    """Run ``action``, print how long it took, and return its result."""
    started = time.perf_counter()
    result = action()
    print(f"  {label:<48} {time.perf_counter() - started:5.1f} s", flush=True)
    return result


def build_database():
    from django.core.management import call_command

    step("migrate", lambda: call_command("migrate", interactive=False, verbosity=0))
    step("seed_demo", lambda: call_command("seed_demo", verbosity=0))


def source_page(model):
    """The first live page of ``model`` in the source language's tree, or None."""
    return model.objects.live().filter(locale__language_code=SOURCE_LANGUAGE).order_by("path").first()


def add_stories(collection, image):
    """Stories newer than the demo's, so they head every story listing, each with a card image like the demo's."""
    from stories.models import StoryPage

    for n in range(EXTRA_STORIES):
        story = StoryPage(
            title=f"Bench story {n}",
            slug=f"bench-story-{n}",
            teller_name="Bench",
            told_on=datetime.date.today() - datetime.timedelta(days=n),
            summary="A story added by the benchmark.",
            image=image,
            body=[{"type": "paragraph", "value": "<p>Added by the benchmark.</p>"}],
        )
        collection.add_child(instance=story)


def add_events(hub):
    """Upcoming events, the soonest from tomorrow, so they head every event listing."""
    from django.utils import timezone

    from cities.models import EventPage

    now = timezone.now()
    for n in range(EXTRA_EVENTS):
        event = EventPage(
            title=f"Bench event {n}",
            slug=f"bench-event-{n}",
            venue="Bench hall",
            start=now + datetime.timedelta(days=n + 1),
        )
        hub.add_child(instance=event)


def grow_content():
    from wagtail.images import get_image_model

    from cities.models import CityHubPage
    from stories.models import StoryCollectionPage

    collection, hub = source_page(StoryCollectionPage), source_page(CityHubPage)
    if collection is not None:
        add_stories(collection, get_image_model().objects.order_by("pk").first())
    if hub is not None:
        add_events(hub)


# --- Choosing the pages ----------------------------------------------------------------------------------------------


def choose_targets():
    """The pages to measure and the labels of those the content lacks."""
    from django.apps import apps

    from home.models import HomePage
    from stories.models import StoryPage

    targets, missing = [], []
    for label in PAGE_TYPES:
        model = apps.get_model(label)
        page = source_page(model)
        if page is None:
            missing.append(label)
        else:
            targets.append(Target(model.__name__, page.url))

    home = HomePage.objects.live().filter(locale__language_code=OTHER_LANGUAGE).first()
    if home is None:
        missing.append(f"HomePage ({OTHER_LANGUAGE})")
    else:
        targets.append(Target(f"HomePage ({OTHER_LANGUAGE})", home.url))

    story = other_language_story(source_page(StoryPage))
    if story is None:
        missing.append(f"StoryPage alias ({OTHER_LANGUAGE})")
    else:
        kind = "alias" if story.alias_of_id else "translation"
        targets.append(Target(f"StoryPage ({OTHER_LANGUAGE} {kind})", story.url))
    return targets, missing


def other_language_story(source_story):
    """The other language's version of ``source_story``, else any story alias in that language."""
    from stories.models import StoryPage

    stories = StoryPage.objects.live().filter(locale__language_code=OTHER_LANGUAGE).order_by("path")
    if source_story is not None:
        version = stories.filter(translation_key=source_story.translation_key).first()
        if version is not None:
            return version
    return stories.exclude(alias_of=None).first()


# --- Measuring -------------------------------------------------------------------------------------------------------


def captured(client, url):
    """One request with its SQL captured: (response, queries)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    return response, context.captured_queries


def count_queries(client, url):
    client.get(url)  # the first view of a page makes its image renditions
    _response, queries = captured(client, url)
    return len(queries)


def measure(client, target):
    client.get(target.url)
    response, queries = captured(client, target.url)
    timings = []
    for _ in range(REQUESTS):
        started = time.perf_counter()
        client.get(target.url)
        timings.append((time.perf_counter() - started) * 1000)
    return Result(target, response.status_code, len(response.content) / 1024, queries, timings)


def measure_all(client, targets):
    return [measure(client, target) for target in targets]


# --- Reporting -------------------------------------------------------------------------------------------------------

ROW = "{:<26} {:<50} {:>6} {:>7} {:>9} {:>8} {:>7}"


def shorten(text, width):
    return text if len(text) <= width else text[: width - 1] + "…"


def queries_cell(result):
    before = result.target.seed_queries
    return str(result.query_count) if before in (None, result.query_count) else f"{before}→{result.query_count}"


def print_table(results):
    header = ROW.format("page", "url", "status", "queries", "median ms", "p95 ms", "size KB")
    rule = "-" * len(header)
    print(header, rule, sep="\n")
    for result in results:
        cells = (result.target.name, shorten(result.target.url, 50), result.status, queries_cell(result))
        print(ROW.format(*cells, f"{result.median:.1f}", f"{result.p95:.1f}", f"{result.kilobytes:.1f}"))
    print(rule)


def print_summary(results, missing):
    most = max(results, key=lambda result: result.query_count)
    slowest = max(results, key=lambda result: result.median)
    print(
        f"{len(results)} pages × {REQUESTS} requests: max {most.query_count} queries ({most.target.name}), "
        f"slowest median {slowest.median:.1f} ms ({slowest.target.name})."
    )
    for result in results:
        before = result.target.seed_queries
        if before not in (None, result.query_count):
            print(f"NOTE: {result.target.name}: {before} queries on the demo content, {result.query_count} once grown.")
    for label in missing:
        print(f"WARNING: the content has no live {label}; not measured.")


def readable(sql):
    """The SQL with its column list elided, so the FROM and WHERE fit on a line."""
    return re.sub(r"^SELECT .*? FROM ", "SELECT … FROM ", sql, count=1)


def print_failures(failing):
    for result in failing:
        print(f"\nFAIL {result.target.name} {result.target.url}: {', '.join(result.problems)}")
        for number, query in enumerate(result.queries, 1):
            print(f"  {number:>3}. {shorten(readable(query['sql']), 300)}")


# --- Main ------------------------------------------------------------------------------------------------------------


def run(tmp):
    """Build, grow and measure; returns the results and the page types the content lacks."""
    setup_django(tmp)
    build_database()

    from django.db import connections
    from django.test import Client

    client = Client()
    targets, missing = choose_targets()
    for target in targets:
        target.seed_queries = count_queries(client, target.url)
    step(f"grow content (+{EXTRA_STORIES} stories, +{EXTRA_EVENTS} events)", grow_content)
    results = step(f"render {len(targets)} pages × {REQUESTS + 2} requests", lambda: measure_all(client, targets))
    connections.close_all()
    return results, missing


def main():
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="sanctuary-bench-") as tmp:
        print(f"Demo database in {tmp}")
        results, missing = run(Path(tmp))
    if not results:
        print("No pages to measure.")
        return 1
    print()
    print_table(results)
    print_summary(results, missing)
    failing = [result for result in results if result.problems]
    print_failures(failing)
    print(f"\n{'FAILED' if failing else 'OK'} in {time.perf_counter() - started:.0f} s.")
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())

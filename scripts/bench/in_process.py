"""SQL queries and render time per page through Django's test client, in this process, with production settings.

1. Counts each page's queries on the content as built, then grows it (EXTRA_STORIES stories in one collection,
   EXTRA_EVENTS events in one city) and counts again: a page's cost must not grow with what it lists. The table shows
   "before→after" when the two differ. The new pages go into the source tree only (other languages' alias trees are
   not re-synced), so the other languages' pages list what they had.
2. Renders each page: one warm-up request, one with its queries captured, then REQUESTS timed ones.

A page that does not answer 200 or needs more than MAX_QUERIES queries is a problem; its SQL is printed.
"""

import datetime
import re
import statistics
import time
from dataclasses import dataclass, field

from django.apps import apps
from django.db import connection, connections
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.images import get_image_model

from .pages import SOURCE_LANGUAGE, Target, first_live
from .report import markdown_table, timed
from .served import HOST, PROXY_HEADERS

REQUESTS = 30  # timed requests per page, after one warm-up and one counted request
MAX_QUERIES = 12  # issue 13's target for every public page
EXTRA_STORIES = 200
EXTRA_EVENTS = 100


@dataclass
class Result:
    target: Target
    status: int
    kilobytes: float
    queries: list[dict]  # the SQL of one request
    timings: list[float] = field(default_factory=list)  # milliseconds
    queries_before: int | None = None  # on the content as built, before it was grown

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


# --- Growing the content ---------------------------------------------------------------------------------------------


def add_stories(collection, image):
    """Stories newer than the demo's, so they head every story listing, each with a card image like the demo's."""
    for n in range(EXTRA_STORIES):
        story = apps.get_model("stories.StoryPage")(
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
    now = timezone.now()
    for n in range(EXTRA_EVENTS):
        event = apps.get_model("cities.EventPage")(
            title=f"Bench event {n}",
            slug=f"bench-event-{n}",
            venue="Bench hall",
            start=now + datetime.timedelta(days=n + 1),
        )
        hub.add_child(instance=event)


def grow_content():
    collection = first_live("stories.StoryCollectionPage", SOURCE_LANGUAGE)
    hub = first_live("cities.CityHubPage", SOURCE_LANGUAGE)
    if collection is not None:
        add_stories(collection, get_image_model().objects.order_by("pk").first())
    if hub is not None:
        add_events(hub)


# --- Measuring -------------------------------------------------------------------------------------------------------


def client():
    """A client asking as the served phase's load generator does: this host, through the TLS-terminating proxy."""
    return Client(headers=PROXY_HEADERS, SERVER_NAME=HOST)


def captured(client, url):
    """One request with its SQL captured: (response, queries)."""
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    return response, context.captured_queries


def count_queries(client, url):
    client.get(url)  # the first view of a page makes its image renditions
    return len(captured(client, url)[1])


def measure(client, target, queries_before):
    client.get(target.url)
    response, queries = captured(client, target.url)
    result = Result(target, response.status_code, len(response.content) / 1024, queries, queries_before=queries_before)
    for _ in range(REQUESTS):
        started = time.perf_counter()
        client.get(target.url)
        result.timings.append((time.perf_counter() - started) * 1000)
    return result


def run(targets):
    """Count, grow and measure; the results in the order of ``targets``."""
    browser = client()
    before = {target: count_queries(browser, target.url) for target in targets}
    timed(f"grow content (+{EXTRA_STORIES} stories, +{EXTRA_EVENTS} events)", grow_content)
    label = f"render {len(targets)} pages × {REQUESTS + 2} requests"
    results = timed(label, lambda: [measure(browser, target, before[target]) for target in targets])
    connections.close_all()
    return results


# --- Reporting -------------------------------------------------------------------------------------------------------


def queries_cell(result):
    before = result.queries_before
    return str(result.query_count) if before in (None, result.query_count) else f"{before}→{result.query_count}"


def table(results):
    headers = ["page", "URL", "status", "queries", "median ms", "p95 ms", "size KB"]
    rows = [
        [
            r.target.name,
            r.target.url,
            r.status,
            queries_cell(r),
            f"{r.median:.1f}",
            f"{r.p95:.1f}",
            f"{r.kilobytes:.1f}",
        ]
        for r in results
    ]
    return markdown_table(headers, rows)


def summary(results):
    most = max(results, key=lambda result: result.query_count)
    slowest = max(results, key=lambda result: result.median)
    lines = [
        f"{len(results)} pages × {REQUESTS} requests: max {most.query_count} queries ({most.target.name}), "
        f"slowest median {slowest.median:.1f} ms ({slowest.target.name})."
    ]
    for result in results:
        if result.queries_before not in (None, result.query_count):
            lines.append(
                f"NOTE: {result.target.name}: {result.queries_before} queries on the content as built, "
                f"{result.query_count} once grown."
            )
    return "\n".join(lines)


def readable(sql):
    """The SQL with its column list elided, so the FROM and WHERE fit on a line."""
    return re.sub(r"^SELECT .*? FROM ", "SELECT … FROM ", sql, count=1)


def failures(results):
    """The failing pages with their SQL, for the console."""
    lines = []
    for result in results:
        if result.problems:
            lines.append(f"\nFAIL {result.target.name} {result.target.url}: {', '.join(result.problems)}")
            lines += [f"  {n:>3}. {readable(query['sql'])[:300]}" for n, query in enumerate(result.queries, 1)]
    return "\n".join(lines)

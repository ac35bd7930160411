"""What each public page type and the busiest admin screens cost at the size the network will grow to.

    .venv/bin/python scripts/measure_size.py                          # builds the large network in a temporary
                                                                      # SQLite database, then measures (~10 min)
    .venv/bin/python scripts/measure_size.py --scale 0.01             # the same, at a hundredth of the size
    .venv/bin/python scripts/measure_size.py --database-url URL       # measures a database build_large_network
                                                                      # already filled (SQLite or PostgreSQL)
    .venv/bin/python scripts/measure_size.py --database-url URL --build   # migrates and builds into URL first

Renders each page in process with Django's test client (as scripts/bench.py does): one warm-up request, one with
its SQL captured, then --requests timed ones; prints status, queries, median and p95 ms and size. Exits 1 when a
public page does not answer 200 or needs more than MAX_QUERIES queries, or an admin screen's median is above
ADMIN_BUDGET_MS. ``measure(client, targets)`` and ``public_targets()`` can be called from another script.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the project root, for config and the apps

MAX_QUERIES = 12
ADMIN_BUDGET_MS = 2000
SOURCE, OTHER = "en", "ar"


@dataclass
class Target:
    name: str
    url: str
    user: object = None  # signed in as; None: an anonymous reader
    post: object = None  # a callable giving (data, headers) for a POST made fresh before each request
    admin: bool = False


@dataclass
class Result:
    target: Target
    status: int
    kilobytes: float
    queries: list
    timings: list = field(default_factory=list)

    @property
    def median(self):
        return statistics.median(self.timings)

    @property
    def p95(self):
        return statistics.quantiles(self.timings, n=20, method="inclusive")[-1] if len(self.timings) > 1 else 0

    @property
    def problems(self):
        found = []
        if self.status not in (200, 302):
            found.append(f"answered {self.status}")
        if not self.target.admin and len(self.queries) > MAX_QUERIES:
            found.append(f"{len(self.queries)} queries > {MAX_QUERIES}")
        if self.target.admin and self.median > ADMIN_BUDGET_MS:
            found.append(f"median {self.median:.0f} ms > {ADMIN_BUDGET_MS} ms")
        return found


def setup_django(database_url, media):
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    os.environ["DATABASE_URL"] = database_url
    django.setup()
    from django.test.utils import override_settings

    override_settings(MEDIA_ROOT=str(media)).enable()
    # Background work (search and reference index updates, renditions) is queued for `manage.py db_worker`, as
    # production does by default, not run inside the request as the test settings do.
    from config.task_queue import task_settings

    override_settings(TASKS=task_settings(os.environ.get("SANCTUARY_TASK_BACKEND", "database"))).enable()


def build(scale):
    from django.core.management import call_command

    started = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    call_command("build_large_network", scale=scale)
    print(f"built in {time.perf_counter() - started:.0f} s", flush=True)


# --- What to measure -------------------------------------------------------------------------------------------------


def live(model, language=SOURCE):
    return model.objects.live().filter(locale__language_code=language, alias_of__isnull=True)


def public_targets():
    """One page of each public page type (the biggest collection, the listings' first and last pages), the other
    language's home page, story alias and translation, and the sitemap index and a section of it."""
    from cities.models import CityHubIndexPage, CityHubPage, EventIndexPage, EventPage
    from exhibitions.models import ExhibitionIndexPage, ExhibitionPage, ExhibitPage
    from home.models import HomePage, StandardPage
    from stories.models import StoryCollectionPage, StoryIndexPage, StoryPage

    collection = live(StoryCollectionPage).order_by("-numchild").first()
    story = StoryPage.objects.live().child_of(collection).order_by("path").first()
    hub = live(CityHubPage).order_by("-numchild").first()
    exhibition = live(ExhibitionPage).order_by("path").first()
    stories, events = live(StoryIndexPage).first(), live(EventIndexPage).first()
    exhibitions = live(ExhibitionIndexPage).first()
    alias = StoryPage.objects.live().filter(locale__language_code=OTHER, translation_key=story.translation_key).first()
    translation = StoryPage.objects.live().filter(alias_of__isnull=True).exclude(locale__language_code=SOURCE).first()
    return [
        Target("HomePage", "/en/"),
        Target("StandardPage", live(StandardPage).order_by("path").first().url),
        Target("CityHubIndexPage", live(CityHubIndexPage).first().url),
        Target("CityHubPage", hub.url),
        Target("EventIndexPage", events.url),
        Target("EventIndexPage past", events.url + "past/"),
        Target("EventPage", live(EventPage).order_by("path").first().url),
        Target("StoryIndexPage", stories.url),
        Target("StoryIndexPage last page", stories.url + "?page=100000"),
        Target("StoryIndexPage tag", stories.url + "tag/welcome/"),
        Target(f"StoryCollectionPage ({collection.numchild})", collection.url),
        Target("StoryCollectionPage last page", collection.url + "?page=100000"),
        Target("StoryPage", story.url),
        Target("ExhibitionIndexPage", exhibitions.url),
        Target("ExhibitionIndexPage past", exhibitions.url + "past/"),
        Target("ExhibitionPage", exhibition.url),
        Target("ExhibitPage", live(ExhibitPage).child_of(exhibition).order_by("path").first().url),
        Target(f"HomePage ({OTHER})", live(HomePage, OTHER).first().url),
        Target(f"StoryPage ({OTHER} alias)", alias.url),
        Target(f"StoryPage ({translation.locale.language_code} translation)", translation.url),
        Target("sitemap.xml (index)", "/sitemap.xml"),
        Target("sitemap section (en, page 1)", "/sitemap-en.xml"),
    ]


def admin_targets():
    """The story collection's explorer, publishing a story through review, the translations report, and the
    dashboards of a moderator and an administrator."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from editorial.roles import MODERATORS
    from stories.models import StoryCollectionPage, StoryPage

    users = get_user_model().objects
    admin = users.filter(username="measure-admin").first() or users.create_superuser("measure-admin", "a@x.org", "x")
    moderator = users.filter(username="measure-moderator").first()
    if moderator is None:
        moderator = users.create_user("measure-moderator", "m@x.org", "x")
        moderator.groups.add(Group.objects.get(name=MODERATORS))
    collection = live(StoryCollectionPage).order_by("-numchild").first()
    story = StoryPage.objects.live().child_of(collection).order_by("-path").first()
    return [
        Target(f"explorer: collection of {collection.numchild}", f"/admin/pages/{collection.pk}/", admin, admin=True),
        Target("explorer, as a moderator", f"/admin/pages/{collection.pk}/", moderator, admin=True),
        Target("edit a story (form)", f"/admin/pages/{story.pk}/edit/", moderator, admin=True),
        Target("publish a story (last approval)", "publish", moderator, post=publishing(story, moderator), admin=True),
        Target("translations report", "/admin/reports/translations/", admin, admin=True),
        Target("dashboard, moderator", "/admin/", moderator, admin=True),
        Target("dashboard, administrator", "/admin/", admin, admin=True),
    ]


def publishing(story, moderator):
    """Before each request: a new revision of ``story`` through the consent check; the request is the moderator's
    final approval, which publishes it."""

    def prepare():
        from editorial.workflows import STORY_REVIEW, ensure_workflows
        from stories.models import ConsentCheckTask

        page = story.specific_class.objects.get(pk=story.pk)
        page.summary = f"{page.summary.split(' (revised')[0]} (revised {time.time():.0f})"
        page.save_revision(user=moderator)
        state = ensure_workflows()[STORY_REVIEW].start(page, moderator)
        task_state = state.current_task_state
        if not isinstance(task_state.task.specific, ConsentCheckTask):
            raise SystemExit("Story review does not start with the consent check.")
        task_state.task.specific.on_action(task_state, moderator, "approve", reveals_nothing_dangerous=True)
        state.refresh_from_db()
        url = f"/admin/pages/workflow/action/{page.pk}/approve/{state.current_task_state_id}/"
        return url, {"comment": ""}, {"x-requested-with": "XMLHttpRequest"}

    return prepare


def listing_queries():
    """The listings' real queries at size, by name: for EXPLAIN."""
    from wagtail.models import Locale

    from cities.models import CityHubPage, EventPage
    from exhibitions.models import ExhibitionPage
    from home.sitemap import SECTION_SIZE, real_pages
    from stories.models import StoryCollectionPage, StoryPage

    locale = Locale.objects.get(language_code=SOURCE)
    collection = live(StoryCollectionPage).order_by("-numchild").first()
    hub = live(CityHubPage).order_by("-numchild").first()
    stories = StoryPage.objects.for_listing(locale.pk)
    events = EventPage.objects.for_listing(locale.pk)
    return {
        "stories, network index (page 1)": stories[:12],
        "stories, network index (count)": stories.order_by().values("pk"),
        "stories, by tag": stories.filter(tags__slug="welcome")[:12],
        "stories, one collection": StoryPage.objects.child_of(collection).for_listing(locale.pk)[:12],
        "events, upcoming": events.upcoming()[:12],
        "events, past": events.past().order_by("-start")[:12],
        "events, a city hub's upcoming": EventPage.objects.child_of(hub).live().upcoming().order_by("start")[:6],
        "exhibitions, now and upcoming": ExhibitionPage.objects.for_listing(locale.pk).not_closed()[:12],
        "sitemap section, page 2": real_pages().filter(locale=locale).order_by("path")[SECTION_SIZE : 2 * SECTION_SIZE],
    }


def explain():
    from django.db import connection

    options = {"analyze": True} if connection.vendor == "postgresql" else {}
    for name, queryset in listing_queries().items():
        print(f"\n-- {name}\n{queryset.explain(**options)}")


# --- Measuring -------------------------------------------------------------------------------------------------------


def request(client, target):
    if target.post is None:
        return client.get(target.url)
    url, data, headers = target.post()
    return client.post(url, data, headers=headers)


def measure_one(client, target, requests):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.logout()
    if target.user is not None:
        client.force_login(target.user)
    request(client, target)  # warm-up: renditions, caches
    if target.post is not None:
        url, data, headers = target.post()
        with CaptureQueriesContext(connection) as captured:
            response = client.post(url, data, headers=headers)
    else:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(target.url)
    queries = list(captured.captured_queries)  # now: the next request's start empties the log it reads
    timings = []
    for _ in range(requests):
        if target.post is not None:
            url, data, headers = target.post()
            started = time.perf_counter()
            client.post(url, data, headers=headers)
        else:
            started = time.perf_counter()
            client.get(target.url)
        timings.append((time.perf_counter() - started) * 1000)
    return Result(target, response.status_code, len(response.content) / 1024, queries, timings)


def measure(client, targets, requests):
    return [measure_one(client, target, requests) for target in targets]


ROW = "{:<36} {:>6} {:>7} {:>9} {:>8} {:>8}"


def print_table(title, results):
    print(f"\n{title}")
    header = ROW.format("page", "status", "queries", "median ms", "p95 ms", "size KB")
    print(header, "-" * len(header), sep="\n")
    for result in results:
        print(
            ROW.format(
                result.target.name[:36],
                result.status,
                len(result.queries),
                f"{result.median:.1f}",
                f"{result.p95:.1f}",
                f"{result.kilobytes:.1f}",
            )
        )


def network_size():
    from wagtail.models import Page

    from cities.models import CityHubPage, EventPage
    from exhibitions.models import ExhibitionPage
    from stories.models import StoryPage

    source = {"locale__language_code": SOURCE}
    return (
        f"{CityHubPage.objects.filter(**source).count()} cities, {StoryPage.objects.filter(**source).count()} "
        f"stories, {ExhibitionPage.objects.filter(**source).count()} exhibitions, "
        f"{EventPage.objects.filter(**source).count()} events; {Page.objects.count()} pages in all, "
        f"{Page.objects.filter(alias_of__isnull=False).count()} aliases"
    )


def run(args, media):
    from django.db import connection
    from django.test import Client

    if args.build:
        build(args.scale)
    print(f"{connection.vendor}: {network_size()}", flush=True)
    if args.explain:
        explain()
        return 0
    client = Client()
    public = measure(client, public_targets(), args.requests)
    print_table("Public pages (anonymous, no page cache)", public)
    admin = measure(client, admin_targets(), max(3, args.requests // 5)) if not args.public_only else []
    if admin:
        print_table("Admin screens", admin)
    failing = [result for result in public + admin if result.problems]
    for result in failing:
        print(f"FAIL {result.target.name}: {', '.join(result.problems)}")
        if args.verbose:
            for number, query in enumerate(result.queries, 1):
                print(f"  {number:>3}. {query['sql'][:240]}")
    return 1 if failing else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", help="a database to measure (default: a new temporary SQLite one)")
    parser.add_argument("--build", action="store_true", help="migrate and build_large_network into it first")
    parser.add_argument("--scale", type=float, default=1.0, help="build_large_network's --scale")
    parser.add_argument("--requests", type=int, default=20, help="timed requests per public page")
    parser.add_argument("--public-only", action="store_true")
    parser.add_argument("--explain", action="store_true", help="only EXPLAIN (ANALYZE on PostgreSQL) the listings")
    parser.add_argument("--verbose", action="store_true", help="print the SQL of failing pages")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sanctuary-size-") as tmp:
        if args.database_url is None:
            args.database_url, args.build = f"sqlite:///{tmp}/size.sqlite3", True
        media = Path(os.environ.get("MEDIA_ROOT") or Path(tmp) / "media")  # an existing database's images are there
        media.mkdir(exist_ok=True)
        setup_django(args.database_url, media)
        return run(args, media)


if __name__ == "__main__":
    sys.exit(main())

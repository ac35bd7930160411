"""``make bench`` / ``python -m scripts.bench``: the options, and a run from the empty database to the tables."""

import argparse
import datetime
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from django.conf import settings

from . import in_process, pages, report, sandbox, served

DESCRIPTION = """\
Measure what each public page type costs, the way production serves it.

1. Builds a throw-away site in a temporary directory with production settings (config.settings.production):
   SQLite database, media and collected static files there; migrate, createcachetable, the content (seed_demo, or
   BENCH_CONTENT), collectstatic.
2. In-process: each page's SQL queries and render time through Django's test client (page cache off), before and
   after adding 200 stories and 100 events.
3. Served: gunicorn (--workers 2 on 127.0.0.1, a free port) twice, with SANCTUARY_PAGE_CACHE_SECONDS=0 (uncached)
   and =300 (cached). Each time wrk measures the site's stylesheet through WhiteNoise, then each page (req/s, p50,
   p99), then a burst of 50 connections rotating over every page. Every page figure is also given as a percentage
   of the stylesheet's req/s in the same run.

Prints Markdown tables; exits 1 when a page does not answer 200, needs more than 14 queries, or wrk sees an answer
that is not 2xx/3xx or a socket error; 2 when wrk is missing. About 5 minutes on 2 cores with the defaults."""

EPILOG = """\
Every option can also be set by the environment variable in brackets, e.g. `make bench BENCH_SECONDS=10`.

BENCH_CONTENT: "demo" (seed_demo, the default), "large" (build_large_network: the synthetic network of 50 cities
and 5,000 stories; it runs seed_demo itself and takes many minutes), or any management command with its arguments,
e.g. BENCH_CONTENT="build_large_network --scale 0.1". A command this checkout lacks stops the run before anything
is built.

REDIS_URL, when set, is passed to the site (in-process and both servers): Redis is then the cache, e.g.
REDIS_URL=redis://127.0.0.1:6379/7 make bench. Use a database number of your own: the bench never flushes it, and a
second run's cached pages may be found there from the first.

wrk (the load generator) is a Debian package: apt-get install -y wrk. The bench is not part of `make test` or CI.
"""

WRK_MISSING = (
    "wrk is not installed. Install it with: apt-get install -y wrk   (Debian/Ubuntu; brew install wrk on macOS)"
)


def count(text):
    """A whole number of at least 1, or argparse's clear error."""
    try:
        value = int(text)
    except (TypeError, ValueError):
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is less than 1")
    return value


def parse(argv=None):
    env = os.environ.get
    parser = argparse.ArgumentParser(
        prog="python -m scripts.bench",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add = parser.add_argument
    add("--seconds", type=count, default=env("BENCH_SECONDS", "3"), help="wrk's run per page (BENCH_SECONDS; 3)")
    add("--connections", type=count, default=env("BENCH_CONNECTIONS", "10"), help="per page (BENCH_CONNECTIONS; 10)")
    add("--burst-seconds", type=count, default=env("BENCH_BURST_SECONDS", "10"), help="(BENCH_BURST_SECONDS; 10)")
    add(
        "--burst-connections",
        type=count,
        default=env("BENCH_BURST_CONNECTIONS", "50"),
        help="(BENCH_BURST_CONNECTIONS; 50)",
    )
    add("--workers", type=count, default=env("BENCH_WORKERS", "2"), help="gunicorn workers (BENCH_WORKERS; 2)")
    add(
        "--threads",
        type=count,
        default=env("BENCH_THREADS", "1"),
        help="threads per worker; above 1 the gthread worker, else sync (BENCH_THREADS; 1)",
    )
    add(
        "--cache-seconds",
        type=count,
        default=env("BENCH_CACHE_SECONDS", "300"),
        help="SANCTUARY_PAGE_CACHE_SECONDS of the cached run (BENCH_CACHE_SECONDS; 300)",
    )
    add(
        "--timeout",
        type=count,
        default=env("BENCH_TIMEOUT", "10"),
        help="wrk's per-request timeout (BENCH_TIMEOUT; 10)",
    )
    add("--content", default=env("BENCH_CONTENT", "demo"), help="see below (BENCH_CONTENT; demo)")
    add("--out", default=env("BENCH_OUT") or None, help="also write the results between markers in this Markdown file")
    add(
        "--served-only",
        action="store_true",
        default=bool(env("BENCH_SERVED_ONLY")),
        help="skip the in-process table (BENCH_SERVED_ONLY=1)",
    )
    return parser.parse_args(argv)


def server_environment(database_url, cache_seconds):
    return {**os.environ, "DATABASE_URL": database_url, "SANCTUARY_PAGE_CACHE_SECONDS": str(cache_seconds)}


def run_description(options):
    worker_class = "gthread" if options.threads > 1 else "sync"
    cache = "Redis (REDIS_URL)" if os.environ.get("REDIS_URL") else "local memory (no REDIS_URL)"
    lines = [
        f"- Machine: {report.machine()}.",
        f"- Content: `{options.content}`. Served by gunicorn, {options.workers} workers ({worker_class}, "
        f"{options.threads} thread{'s' if options.threads > 1 else ''} each); cache: {cache}.",
        f"- wrk: 1 thread, {options.connections} connections, {options.seconds} s per page and run; burst "
        f"{options.burst_connections} connections for {options.burst_seconds} s. Cached run: "
        f"SANCTUARY_PAGE_CACHE_SECONDS={options.cache_seconds}.",
    ]
    if not hasattr(settings, "SANCTUARY_PAGE_CACHE_SECONDS"):
        lines.append("- This checkout has no page cache (no SANCTUARY_PAGE_CACHE_SECONDS): both runs are uncached.")
    return "\n".join(lines)


def measure(tmp, options):
    """Build the site in ``tmp`` and measure it: (Markdown text, problems)."""
    print(f"Throw-away site in {tmp}", flush=True)
    sandbox.set_up(tmp)
    description = run_description(options)  # the load average before the bench adds its own
    sandbox.build(options.content)
    targets, missing = pages.discover()
    static = pages.static_file()
    served_database = sandbox.snapshot(tmp, "served.sqlite3")  # before the in-process phase grows the content
    parts, problems = [description], []
    for name in missing:
        print(f"WARNING: the content has no {name}; not measured.")

    if not options.served_only:
        results = in_process.run(targets)
        parts += ["In-process (Django's test client, production settings, page cache off):", in_process.table(results)]
        parts.append(in_process.summary(results))
        print(in_process.failures(results))
        problems += [f"in-process: {r.target.name}: {', '.join(r.problems)}" for r in results if r.problems]

    runs = []
    for label, cache_seconds in (("uncached", 0), ("cached", options.cache_seconds)):
        log = tmp / f"gunicorn-{label}.log"
        run = served.measure_server(
            label, server_environment(served_database, cache_seconds), options, targets, static, log
        )
        if run.problems:
            print(f"gunicorn's log ({label}):\n{served.tail(log)}")
        runs.append(run)
        problems += run.problems
    parts[1:1] = [
        "Served (gunicorn + wrk):",
        report.served_table(runs, targets, static),
        report.burst_table(runs, options.burst_connections, options.burst_seconds),
    ]
    return "\n\n".join(parts), problems


def main(argv=None):
    options = parse(argv)
    if shutil.which("wrk") is None:
        print(WRK_MISSING, file=sys.stderr)
        return 2
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="sanctuary-bench-") as tmp:
        try:
            body, problems = measure(Path(tmp), options)
        except served.BenchError as error:
            print(f"\nFAILED: {error}", file=sys.stderr)
            return 1
    date = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    text = f"### `make bench`, {date}\n\n{body}\n"
    print(f"\n{text}")
    if options.out:
        report.write_section(options.out, text)
        print(f"Written to {options.out}.")
    for problem in problems:
        print(f"PROBLEM: {problem}")
    print(f"\n{'FAILED' if problems else 'OK'} in {time.perf_counter() - started:.0f} s.")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

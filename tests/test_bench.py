"""``make bench``'s own logic: the pages it measures, how it reads wrk and what it reports. No load, no timing."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.bench import pages, report
from scripts.bench.pages import Target
from scripts.bench.served import BenchError, Measurement, ServerRun
from stories.models import StoryPage

PROJECT_DIR = Path(__file__).resolve().parent.parent

EXPECTED_PAGES = [
    "home",
    "standard page",
    "cities index",
    "city hub",
    "exhibition",
    "exhibit",
    "collection",
    "story",
    "events index",
    "event",
    "story index",
    "exhibition index",
    "search",
    "home (ar)",
    "story (ar alias)",
    "home (ti)",
]


@pytest.mark.django_db
def test_the_bench_finds_a_live_page_of_every_public_type_and_each_answers(synced_network, client):
    targets, missing = pages.discover()

    assert [target.name for target in targets] == EXPECTED_PAGES
    assert missing == []
    by_name = {target.name: target for target in targets}
    assert by_name["story"].url == synced_network["stories"][0].url  # the first in tree order, found not hard-coded
    assert by_name["event"].url.startswith(synced_network["sheffield"].url)
    assert by_name["search"].url == "/en/search/?q=sanctuary"
    assert by_name["story (ar alias)"].url.startswith("/ar/")
    assert by_name["home (ti)"].url == "/ti/"
    for target in targets:
        assert client.get(target.url).status_code == 200, target


@pytest.mark.django_db
def test_a_page_type_the_content_lacks_is_named_not_measured(synced_network):
    StoryPage.objects.filter(locale__language_code="ar").delete()

    targets, missing = pages.discover()

    assert missing == ["story (ar alias)"]
    assert "story (ar alias)" not in [target.name for target in targets]


def test_the_static_file_is_the_sites_stylesheet():
    assert pages.static_file().url == "/static/css/site.css"  # hashed by the manifest storage in production


WRK_OUTPUT = """\
Running 3s test @ http://127.0.0.1:8931/en/
  1 threads and 10 connections
  43 requests in 3.10s, 341.52KB read
Requests/sec:     13.86
BENCH_RESULT {"requests": 43, "duration_us": 3100000, "p50_us": 524575, "p99_us": 1527068, \
"connect": 0, "read": 2, "write": 0, "timeout": 1, "status": 4}
"""


def test_wrk_results_are_read_from_the_line_its_script_prints():
    measurement = Measurement.from_wrk(WRK_OUTPUT)

    assert round(measurement.per_second, 2) == 13.87
    assert (measurement.p50_ms, measurement.p99_ms) == (524.575, 1527.068)
    assert (measurement.status_errors, measurement.socket_errors) == (4, 3)
    with pytest.raises(BenchError, match="no BENCH_RESULT"):
        Measurement.from_wrk("wrk: unknown option")


def measured(per_second, p50=10.0, p99=20.0, **errors):
    counts = {"connect": 0, "read": 0, "write": 0, "timeout": 0, "status": 0, **errors}
    return Measurement(int(per_second * 10), 10.0, p50, p99, counts)


def cells(line):
    return [cell.strip() for cell in line.strip("|").split("|")]


STATIC = Target("static file (CSS)", "/static/css/site.1a2b.css")
STORY = Target("story", "/en/story/")
EVENT = Target("event", "/en/event/")


def test_the_served_table_gives_each_figure_also_as_a_share_of_the_static_files_requests():
    uncached = ServerRun("uncached", measured(1000), pages={STORY: measured(40, 50, 120)})
    cached = ServerRun("cached", measured(800), pages={STORY: measured(400, 5, 12), EVENT: None})

    lines = report.served_table([uncached, cached], [STORY, EVENT], STATIC).splitlines()

    assert cells(lines[0]) == ["page", "URL"] + ["uncached req/s", "% of static", "p50 ms", "p99 ms"] + [
        "cached req/s",
        "% of static",
        "p50 ms",
        "p99 ms",
    ]
    assert lines[1].endswith("-: |")  # the figures are right-aligned
    assert cells(lines[2]) == [STATIC.name, STATIC.url, "1000.0", "100.0%", "10.0", "20.0", "800.0", "100.0%"] + [
        "10.0",
        "20.0",
    ]
    assert cells(lines[3]) == ["story", "/en/story/", "40.0", "4.0%", "50.0", "120.0", "400.0", "50.0%", "5.0", "12.0"]
    assert cells(lines[4]) == ["event", "/en/event/"] + ["–"] * 8  # did not answer 200: not measured
    assert len({len(line) for line in lines}) == 1  # aligned columns


def test_a_page_that_does_not_answer_200_and_any_error_are_problems():
    clean = ServerRun("cached", measured(1000), {STATIC: 200, STORY: 200}, {STORY: measured(50)})
    clean.burst = measured(60)
    assert clean.problems == []

    broken = ServerRun("uncached", measured(1000), {STATIC: 200, STORY: 200, EVENT: 404})
    broken.pages = {STORY: measured(50, status=0, read=1), EVENT: None}
    broken.burst = measured(60, status=7)
    assert broken.problems == [
        "uncached: event /en/event/ answered 404",
        "uncached: story: 0 non-2xx/3xx answers, 1 socket errors",
        "uncached: burst: 7 non-2xx/3xx answers, 0 socket errors",
    ]
    lines = report.burst_table([clean, broken], 50, 10).splitlines()
    assert cells(lines[3]) == ["uncached", "50", "10", "60.0", "6.0%", "10.0", "20.0", "7", "0"]


def test_results_replace_their_own_section_and_keep_the_rest_of_the_file(tmp_path):
    document = tmp_path / "performance.md"
    document.write_text("# Performance\n\nHow to read it.\n")

    report.write_section(document, "first run")
    report.write_section(document, "second run")

    text = document.read_text()
    assert text.startswith("# Performance\n\nHow to read it.\n\n")
    assert "second run" in text and "first run" not in text
    document.write_text(text + "\n## Afterwards\n")
    report.write_section(document, "third run")
    assert document.read_text().count(report.SECTION_BEGIN) == 1
    assert document.read_text().endswith("third run\n<!-- bench:end -->\n\n## Afterwards\n")


def bench(*arguments, **environment):
    """``python -m scripts.bench`` in a fresh interpreter, without Django settings in its environment."""
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    return subprocess.run(
        [sys.executable, "-m", "scripts.bench", *arguments],
        cwd=PROJECT_DIR,
        env={**env, **environment},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_the_bench_explains_itself():
    finished = bench("--help")

    assert finished.returncode == 0, finished.stderr
    for words in ("BENCH_CONTENT", "build_large_network", "REDIS_URL", "apt-get install -y wrk", "--connections"):
        assert words in finished.stdout


def test_without_wrk_the_bench_says_how_to_install_it_before_building_anything(tmp_path):
    finished = bench(PATH=str(tmp_path))  # a PATH with no wrk on it

    assert finished.returncode == 2
    assert "apt-get install -y wrk" in finished.stderr
    assert "migrate" not in finished.stdout


def test_a_bad_option_is_refused_clearly():
    finished = bench(BENCH_CONNECTIONS="ten")

    assert finished.returncode == 2
    assert "argument --connections: 'ten' is not a whole number" in finished.stderr

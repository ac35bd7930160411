"""Progress lines, the Markdown tables, the machine's description, and the section written to ``--out``.

Pure formatting: nothing here needs Django or a server, so the tests can check it directly.
"""

import os
import platform
import time
from pathlib import Path

SECTION_BEGIN = "<!-- bench:begin (written by make bench; everything up to bench:end is replaced) -->"
SECTION_END = "<!-- bench:end -->"
NOT_MEASURED = "–"


def timed(label, action):
    """Run ``action``, print how long it took, and return its result."""
    started = time.perf_counter()
    result = action()
    print(f"  {label:<48} {time.perf_counter() - started:5.1f} s", flush=True)
    return result


def markdown_table(headers, rows, right_from=2):
    """A Markdown table; the columns from ``right_from`` on (the figures) are right-aligned."""
    cells = [[str(cell) for cell in row] for row in rows]
    widths = [max(len(str(header)), *(len(row[n]) for row in cells)) for n, header in enumerate(headers)]

    def line(values):
        padded = (
            value.rjust(w) if n >= right_from else value.ljust(w)
            for n, (value, w) in enumerate(zip(values, widths, strict=True))
        )
        return "| " + " | ".join(padded) + " |"

    rule = ["-" * (w - 1) + ":" if n >= right_from else "-" * w for n, w in enumerate(widths)]
    return "\n".join([line(headers), line(rule), *(line(row) for row in cells)])


def percent(part, whole):
    return f"{100 * part / whole:.1f}%" if whole else NOT_MEASURED


def figures(measurement, static):
    """req/s, % of the static file's req/s, p50 and p99 of one page in one server run."""
    if measurement is None:
        return [NOT_MEASURED] * 4
    return [
        f"{measurement.per_second:.1f}",
        percent(measurement.per_second, static.per_second),
        f"{measurement.p50_ms:.1f}",
        f"{measurement.p99_ms:.1f}",
    ]


def served_table(runs, targets, static):
    """Each page's figures in each server run (uncached, cached), the static file first: its ratios are 100%."""
    headers = ["page", "URL"]
    for run in runs:
        headers += [f"{run.label} req/s", "% of static", "p50 ms", "p99 ms"]
    rows = [[static.name, static.url, *(cell for run in runs for cell in figures(run.static, run.static))]]
    for target in targets:
        rows.append(
            [target.name, target.url, *(cell for run in runs for cell in figures(run.pages.get(target), run.static))]
        )
    return markdown_table(headers, rows)


def burst_table(runs, connections, seconds):
    headers = ["burst over every page", "connections", "seconds", "req/s", "% of static", "p50 ms", "p99 ms"]
    headers += ["non-2xx/3xx", "socket errors"]
    rows = []
    for run in runs:
        if run.burst is not None:
            errors = [run.burst.status_errors, run.burst.socket_errors]
            rows.append([run.label, connections, seconds, *figures(run.burst, run.static), *errors])
    return markdown_table(headers, rows, right_from=1)


def machine():
    """One line about the machine: cores, processor, memory, load."""
    model = field_of("/proc/cpuinfo", "model name") or platform.processor() or "unknown processor"
    kilobytes = field_of("/proc/meminfo", "MemTotal")
    memory = f"{int(kilobytes.split()[0]) / 1024**2:.0f} GB RAM" if kilobytes else "RAM unknown"
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    return f"{os.cpu_count()} cores, {model}, {memory}; load average {load} (1, 5, 15 min) at the start"


def field_of(path, name):
    """The value of the first ``name: value`` line of ``path``, or None."""
    try:
        for line in Path(path).read_text().splitlines():
            key, _, value = line.partition(":")
            if key.strip() == name:
                return value.strip()
    except OSError:
        return None
    return None


def write_section(path, text):
    """Put ``text`` between the bench markers of the file at ``path``: replaced if there, appended if not."""
    path = Path(path)
    section = f"{SECTION_BEGIN}\n{text.strip()}\n{SECTION_END}\n"
    existing = path.read_text() if path.exists() else ""
    before, begin, rest = existing.partition(SECTION_BEGIN)
    if begin and SECTION_END in rest:
        after = rest.partition(SECTION_END)[2].removeprefix("\n")
        path.write_text(before + section + after)
    else:
        path.write_text(f"{existing.rstrip()}\n\n{section}" if existing.strip() else section)

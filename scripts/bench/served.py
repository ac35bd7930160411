"""The site served as production serves it (gunicorn, WhiteNoise) and measured with wrk.

Each server run starts gunicorn on a free port, asks every page once to check it answers 200 (and warm the workers),
then runs wrk against the static file, each page in turn, and a burst rotating over all the pages.
"""

import http.client
import json
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field

from .pages import Target
from .sandbox import ROOT

WRK_SCRIPT = ROOT / "scripts" / "bench" / "wrk_report.lua"
# As the reverse proxy that terminates TLS sets it: without it SECURE_SSL_REDIRECT answers every request with a 301.
PROXY_HEADERS = {"X-Forwarded-Proto": "https"}
HOST = "127.0.0.1"
WARM_UP_REQUESTS = 3  # per page and server: each worker loads its templates and the first view makes the renditions
START_TIMEOUT = 60  # seconds for gunicorn to answer /healthz
SOCKET_ERRORS = ("connect", "read", "write", "timeout")


class BenchError(Exception):
    """Something that stops the run: a server that does not start, wrk's output that cannot be read."""


@dataclass
class Measurement:
    """One wrk run."""

    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    errors: dict[str, int]  # the socket errors by kind, and "status": answers that were not 2xx or 3xx

    @classmethod
    def from_wrk(cls, output):
        for line in output.splitlines():
            if line.startswith("BENCH_RESULT "):
                data = json.loads(line.removeprefix("BENCH_RESULT "))
                errors = {kind: data[kind] for kind in (*SOCKET_ERRORS, "status")}
                return cls(
                    data["requests"], data["duration_us"] / 1e6, data["p50_us"] / 1e3, data["p99_us"] / 1e3, errors
                )
        raise BenchError(f"wrk printed no BENCH_RESULT line:\n{output}")

    @property
    def per_second(self):
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def status_errors(self):
        return self.errors["status"]

    @property
    def socket_errors(self):
        return sum(self.errors[kind] for kind in SOCKET_ERRORS)


@dataclass
class ServerRun:
    """What one gunicorn configuration gave: the static file, each page (None: not 200) and the burst."""

    label: str
    static: Measurement
    statuses: dict[Target, int] = field(default_factory=dict)
    pages: dict[Target, Measurement | None] = field(default_factory=dict)
    burst: Measurement | None = None

    @property
    def problems(self):
        found = [
            f"{target.name} {target.url} answered {status}" for target, status in self.statuses.items() if status != 200
        ]
        measured = [
            ("static file", self.static),
            *((t.name, m) for t, m in self.pages.items() if m),
            ("burst", self.burst),
        ]
        for name, measurement in measured:
            if measurement and (measurement.status_errors or measurement.socket_errors):
                errors = f"{measurement.status_errors} non-2xx/3xx answers, {measurement.socket_errors} socket errors"
                found.append(f"{name}: {errors}")
        return [f"{self.label}: {problem}" for problem in found]


def free_port():
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def status_of(port, path):
    """The status of one GET of ``path``, redirects not followed."""
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        connection.request("GET", path, headers=PROXY_HEADERS)
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def wait_until_ready(process, port, log_path):
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise BenchError(f"gunicorn stopped (exit {process.returncode}):\n{tail(log_path)}")
        try:
            if status_of(port, "/healthz") == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise BenchError(f"gunicorn did not answer /healthz within {START_TIMEOUT} s:\n{tail(log_path)}")


def tail(path, lines=30):
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:]) if path.exists() else ""


def gunicorn_command(port, workers, threads):
    worker_class = "gthread" if threads > 1 else "sync"
    return [
        *(sys.executable, "-m", "gunicorn", "config.wsgi", "--bind", f"{HOST}:{port}"),
        *("--workers", str(workers), "--worker-class", worker_class, "--threads", str(threads)),
        *("--log-level", "warning"),
    ]


@contextmanager
def gunicorn(environment, workers, threads, log_path):
    """A gunicorn serving the site with ``environment``; yields its port."""
    port = free_port()
    with log_path.open("ab") as log:
        process = subprocess.Popen(  # noqa: S603 (our own interpreter, fixed arguments)
            gunicorn_command(port, workers, threads), cwd=ROOT, env=environment, stdout=log, stderr=subprocess.STDOUT
        )
    try:
        wait_until_ready(process, port, log_path)
        yield port
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wrk(port, paths, connections, seconds, timeout):
    """One wrk run over ``paths`` (rotating when there are several)."""
    headers = [argument for name, value in PROXY_HEADERS.items() for argument in ("--header", f"{name}: {value}")]
    command = [
        *("wrk", "--threads", "1", "--connections", str(connections), "--duration", f"{seconds}s"),
        *("--timeout", f"{timeout}s", "--latency", "--script", str(WRK_SCRIPT), *headers),
        f"http://{HOST}:{port}{paths[0]}",
        *(("--", *paths) if len(paths) > 1 else ()),
    ]
    finished = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603 S607
    if finished.returncode:
        raise BenchError(f"wrk failed ({finished.returncode}): {finished.stderr or finished.stdout}")
    return Measurement.from_wrk(finished.stdout)


def settle(port, options):
    """Wait until the server has finished the requests wrk left behind.

    wrk stops with a request open on each connection; gunicorn still renders them, and they would delay the next run.
    The listen queue is served in order, so sequential requests return only once those ahead of them are done.
    """
    for _ in range(options.workers * options.threads + 1):
        status_of(port, "/healthz")


def progress(name, measurement):
    print(
        f"    {name:<24} {measurement.per_second:8.1f} req/s  p50 {measurement.p50_ms:7.1f} ms  "
        f"p99 {measurement.p99_ms:7.1f} ms",
        flush=True,
    )


def measure_server(label, environment, options, targets, static, log_path):
    """Serve with ``environment`` and measure the static file, each page and a burst over all of them."""
    print(f"  {label}: gunicorn --workers {options.workers} --threads {options.threads}", flush=True)
    with gunicorn(environment, options.workers, options.threads, log_path) as port:
        statuses = {target: status_of(port, target.url) for target in (static, *targets)}
        answering = [target for target in targets if statuses[target] == 200]
        for _ in range(WARM_UP_REQUESTS - 1):
            for target in answering:
                status_of(port, target.url)
        run = ServerRun(label, measure(port, static, options), statuses)
        run.pages = {target: measure(port, target, options) if target in answering else None for target in targets}
        if answering:
            paths = [target.url for target in answering]
            run.burst = wrk(port, paths, options.burst_connections, options.burst_seconds, options.timeout)
            settle(port, options)
            progress(f"burst ({options.burst_connections} connections)", run.burst)
    return run


def measure(port, target, options):
    measurement = wrk(port, [target.url], options.connections, options.seconds, options.timeout)
    settle(port, options)
    progress(target.name, measurement)
    return measurement

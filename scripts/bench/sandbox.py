"""The throw-away site a bench run measures: production settings on SQLite, everything in a temporary directory.

The database, media, private media and collected static files live in that directory; nothing else is written.
"""

import os
import secrets
import shlex
import shutil
from pathlib import Path

import django
from django.core.management import call_command, get_commands
from django.db import connections

from .report import timed

ROOT = Path(__file__).resolve().parents[2]  # the project, for config and the apps
# BENCH_CONTENT's short names; anything else is a management command and its arguments.
CONTENT_COMMANDS = {"demo": "seed_demo", "large": "build_large_network"}


def database_url(tmp, name):
    return f"sqlite:///{tmp / name}"


def production_environment(tmp):
    """What config.settings.production reads, for a site living in ``tmp``."""
    return {
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": database_url(tmp, "site.sqlite3"),
        "MEDIA_ROOT": str(tmp / "media"),
        "PRIVATE_MEDIA_ROOT": str(tmp / "private_media"),
        "STATIC_ROOT": str(tmp / "static"),
        "SANCTUARY_DEMO": "true",  # keeps the demo app and its commands
        "SANCTUARY_PAGE_CACHE_SECONDS": "0",  # the in-process phase counts every query
    }


def content_command(spec):
    """``BENCH_CONTENT`` as (command, arguments): "demo", "large", or a command with its arguments."""
    words = shlex.split(spec) or ["demo"]
    return CONTENT_COMMANDS.get(words[0], words[0]), words[1:]


def set_up(tmp):
    """Set this process's environment for the site in ``tmp`` and set Django up with production settings."""
    os.environ.update(production_environment(tmp))
    django.setup()


def check_command(command):
    if command not in get_commands():
        raise SystemExit(
            f"There is no management command {command!r} in this checkout (BENCH_CONTENT). "
            "BENCH_CONTENT=large needs build_large_network (issue 13's synthetic network)."
        )


def build(content):
    """Migrate, make the rate limits' table, add the content and collect the static files, as a deployment does."""
    command, arguments = content_command(content)
    check_command(command)
    timed("migrate", lambda: call_command("migrate", interactive=False, verbosity=0))
    timed("createcachetable", lambda: call_command("createcachetable", verbosity=0))
    timed(" ".join([command, *arguments]), lambda: call_command(command, *arguments, verbosity=0))
    timed("collectstatic", lambda: call_command("collectstatic", interactive=False, verbosity=0))


def snapshot(tmp, name):
    """A copy of the database as it is now, for the servers; returns its DATABASE_URL."""
    connections.close_all()
    shutil.copyfile(tmp / "site.sqlite3", tmp / name)
    return database_url(tmp, name)

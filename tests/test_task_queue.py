"""Wagtail's background work on a real queue: the database backend, run by `manage.py db_worker`. Issue 13.

The worker is the real management command, run in this process for one batch (``--batch``: every task due, then
exit), so it reads the queue through the test's own database connection: the same on SQLite's in-memory test database
and on PostgreSQL. Its tasks are committed rows, as between an application server and a worker.
"""

import signal

import pytest
from django.core.management import call_command
from django.test import override_settings
from django_tasks_db.models import DBTaskResult
from wagtail.models import Page

from config.task_queue import task_settings
from tests import builders
from tests.test_search import result_links, search

# Committed rows, as the worker sees them; the pages Wagtail's migrations make are put back after each test.
committed = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WORD = "Quasarlighthouse"  # made up: found only on the page this test makes


@pytest.fixture
def database_queue():
    with override_settings(TASKS=task_settings("database")):
        yield


def run_worker():
    """`manage.py db_worker --batch`: every task due, then exit; the worker's signal handlers are undone after."""
    handlers = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    try:
        call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)
    finally:
        for number, handler in handlers.items():
            signal.signal(number, handler)


@committed
def test_a_published_page_is_found_by_search_once_the_worker_has_run(client, home, database_queue):
    page = builders.standard_page(home, title=f"The {WORD}", body=builders.paragraph(f"Keepers of the {WORD}."))
    # Wagtail's follow-up work waits in the queue: the search index and the reference index are not updated yet.
    queued = set(DBTaskResult.objects.values_list("task_path", flat=True))
    assert {"modelsearch.tasks.insert_or_update_object_task", "wagtail.tasks.update_reference_index_task"} <= queued
    assert page.url not in result_links(search(client, "en", q=WORD))

    run_worker()

    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}
    assert page.url in result_links(search(client, "en", q=WORD))
    assert page.url in result_links(search(client, "en", q="keepers"))  # the body too, not only the title


def tasks_about(page):
    return [task for task in DBTaskResult.objects.all() if str(page.pk) in task.args_kwargs["args"]]


@committed
def test_a_task_whose_page_is_gone_fails_alone_and_the_worker_goes_on(client, home, database_queue):
    gone = builders.standard_page(home, title=f"The {WORD}")
    kept = builders.standard_page(home, title=f"Beyond the {WORD}", slug="beyond")
    Page.objects.get(pk=gone.pk).delete()  # deleted before the worker reaches its tasks

    run_worker()

    assert {task.status for task in tasks_about(gone)} == {"FAILED"}
    assert {task.status for task in tasks_about(kept)} == {"SUCCESSFUL"}
    assert not DBTaskResult.objects.filter(status="READY").exists()
    assert result_links(search(client, "en", q=WORD)) == [kept.url]  # the deleted page is not indexed again


def test_an_unknown_task_backend_is_refused_with_one_line():
    with pytest.raises(SystemExit, match="SANCTUARY_TASK_BACKEND='celery' is not one of: immediate, database"):
        task_settings("celery")

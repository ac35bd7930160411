"""Where background tasks run: in the request (``immediate``) or on a queue in the database (``database``).

Wagtail 8 hands its follow-up work to django-tasks: updating the search index and the reference index after a save,
deleting an image's or a rendition's file after a delete. With ``immediate`` that work is done inside the request
that caused it, as in development and tests. With ``database`` (django-tasks-db) each task is a row written in the
same transaction as the change that caused it, and ``manage.py db_worker`` runs the queue (docs/deployment.md).
"""

TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}


def task_settings(name):
    """The TASKS setting for the backend called ``name``; a one-line SystemExit for a name it does not know."""
    if name not in TASK_BACKENDS:
        known = ", ".join(TASK_BACKENDS)
        raise SystemExit(f"Sanctuary refuses to start: SANCTUARY_TASK_BACKEND={name!r} is not one of: {known}.")
    return {"default": {"BACKEND": TASK_BACKENDS[name]}}

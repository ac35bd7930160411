"""The search backend: Wagtail's database backend, or Elasticsearch/OpenSearch for larger sites.

Wagtail's database backend picks its implementation by the database: PostgreSQL's full-text search (tsvector,
stemming by ``SEARCH_CONFIG``, a PostgreSQL text search configuration), SQLite's FTS5 in development. One index holds
every language, so one configuration serves them all: "english", the source language's, stems English words ("dancing"
finds "dance") and leaves words in other scripts whole. With ``SANCTUARY_SEARCH_URL`` set (production only) the index
lives in Elasticsearch or OpenSearch instead; its client is not installed by default (docs/deployment.md).
"""

from importlib.util import find_spec

EXTERNAL_SEARCH_BACKENDS = {
    "elasticsearch8": "wagtail.search.backends.elasticsearch8",
    "elasticsearch9": "wagtail.search.backends.elasticsearch9",
    "opensearch2": "wagtail.search.backends.opensearch2",
    "opensearch3": "wagtail.search.backends.opensearch3",
}
# The client each needs, as pip installs it (not in requirements.txt: only larger sites use one).
SEARCH_CLIENTS = {
    "elasticsearch8": ("elasticsearch", "elasticsearch>=8,<9"),
    "elasticsearch9": ("elasticsearch", "elasticsearch>=9,<10"),
    "opensearch2": ("opensearchpy", "opensearch-py>=2,<3"),
    "opensearch3": ("opensearchpy", "opensearch-py>=3,<4"),
}


def database_search(text_search_config):
    return {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": text_search_config}


def external_search(url, backend):
    """The backend ``backend`` (a key of EXTERNAL_SEARCH_BACKENDS) at ``url``; a one-line SystemExit otherwise."""
    if backend not in EXTERNAL_SEARCH_BACKENDS:
        known = ", ".join(EXTERNAL_SEARCH_BACKENDS)
        raise SystemExit(f"Sanctuary refuses to start: SANCTUARY_SEARCH_BACKEND={backend!r} is not one of: {known}.")
    module, requirement = SEARCH_CLIENTS[backend]
    if find_spec(module) is None:
        raise SystemExit(
            f"Sanctuary refuses to start: SANCTUARY_SEARCH_URL needs its client: pip install '{requirement}'."
        )
    return {"BACKEND": EXTERNAL_SEARCH_BACKENDS[backend], "URLS": [url], "INDEX_PREFIX": "sanctuary_", "TIMEOUT": 5}

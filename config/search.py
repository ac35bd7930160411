"""The search backend: Wagtail's database backend, or Elasticsearch/OpenSearch for larger sites.

Wagtail's database backend picks its implementation by the database: PostgreSQL's full-text search (tsvector,
stemming by ``SEARCH_CONFIG``, a PostgreSQL text search configuration), SQLite's FTS5 in development. One index holds
every language, so one configuration serves them all: "english", the source language's, stems English words ("dancing"
finds "dance") and leaves words in other scripts whole. With ``SANCTUARY_SEARCH_URL`` set (production only) the index
lives in Elasticsearch or OpenSearch instead; its client is not installed by default (docs/deployment.md).
"""

EXTERNAL_SEARCH_BACKENDS = {
    "elasticsearch8": "wagtail.search.backends.elasticsearch8",
    "elasticsearch9": "wagtail.search.backends.elasticsearch9",
    "opensearch2": "wagtail.search.backends.opensearch2",
    "opensearch3": "wagtail.search.backends.opensearch3",
}


def database_search(text_search_config):
    return {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": text_search_config}


def external_search(url, backend):
    """The backend ``backend`` (a key of EXTERNAL_SEARCH_BACKENDS) at ``url``; a one-line SystemExit otherwise."""
    if backend not in EXTERNAL_SEARCH_BACKENDS:
        known = ", ".join(EXTERNAL_SEARCH_BACKENDS)
        raise SystemExit(f"Sanctuary refuses to start: SANCTUARY_SEARCH_BACKEND={backend!r} is not one of: {known}.")
    return {"BACKEND": EXTERNAL_SEARCH_BACKENDS[backend], "URLS": [url], "INDEX_PREFIX": "sanctuary_", "TIMEOUT": 5}

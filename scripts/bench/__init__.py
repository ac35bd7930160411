"""``make bench``: what each public page type costs, rendered in-process and served the way production serves it.

``python -m scripts.bench --help`` lists the options. The modules, in the order a run uses them:

- ``site``: the throw-away site (production settings, SQLite, media and static files in a temporary directory).
- ``pages``: the pages to measure, found in the content rather than by id.
- ``in_process``: SQL queries and render time per page through Django's test client.
- ``served``: gunicorn and wrk: requests per second and latency, uncached and cached, and a burst.
- ``report``: the Markdown tables and the section written to ``--out``.
"""

"""Run by tests/test_faults.py in a fresh interpreter: the site while PostgreSQL refuses connections, then again
once it answers on the same address, in the same process (no restart).

    python -m tests.database_outage_probe <port> [<host:port of a real PostgreSQL>]

``DATABASE_URL`` points at 127.0.0.1:<port>, where nothing listens: every connection is refused. After the first
requests, a relay to the real PostgreSQL starts listening on that port (the database "comes back"), and /healthz is
asked again. Prints one JSON object with what each request answered.
"""

import json
import os
import socket
import sys
import threading


def pipe(source, target):
    try:
        while data := source.recv(65536):
            target.sendall(data)
    except OSError:
        pass
    finally:
        for end in (source, target):
            end.close()


def relay(listener, host, port):
    """Forward every connection made to ``listener`` to ``host:port``, both ways."""
    while True:
        client, _address = listener.accept()
        server = socket.create_connection((host, port))
        for source, target in ((client, server), (server, client)):
            threading.Thread(target=pipe, args=(source, target), daemon=True).start()


def answer(response):
    return {
        "status": response.status_code,
        "retry_after": response.get("Retry-After"),
        "content_type": response.get("Content-Type"),
        "body": response.content.decode(),
    }


def main(port, real_postgres=""):
    os.environ["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:{port}/postgres"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()
    from django.test import Client

    client = Client()
    story = {"title": "رحلتي", "story": "وصلت في الشتاء.", "naming": "anonymous", "consent_web": "on"}
    results = {
        "down": {
            "page": answer(client.get("/ar/")),
            "submission": answer(client.post("/ar/share-your-story/", story)),
            "healthz": answer(client.get("/healthz")),
            "api": answer(client.get("/api/v2/pages/")),
        }
    }
    if real_postgres:
        host, real_port = real_postgres.rsplit(":", 1)
        listener = socket.create_server(("127.0.0.1", port))
        threading.Thread(target=relay, args=(listener, host, int(real_port)), daemon=True).start()
        results["up"] = {"healthz": answer(client.get("/healthz"))}
    print(json.dumps(results))


if __name__ == "__main__":
    main(int(sys.argv[1]), *sys.argv[2:])

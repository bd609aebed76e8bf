"""Start the test helpdesk: migrate its SQLite file, add a public queue and custom fields, serve 127.0.0.1.

    HELPCENTER_HELPDESK_DB=/tmp/x/desk.sqlite3 python -m tests.tickets.helpdesk_site.serve '{"network": "Network"}'

The argument maps custom field names to labels (single-line text fields, as the README asks site
owners to create them). Django's own threaded development server listens on a free port; its first
line on stdout is JSON, {"url": "http://127.0.0.1:<port>/", "queue": <queue id>}; requests are logged
on stderr. Runs until killed.
"""

from __future__ import annotations

import json
import os
import sys


def main(fields: dict[str, str]) -> None:
    """Prepare the database, then serve django-helpdesk until the process is stopped."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.tickets.helpdesk_site.settings")
    import django

    django.setup()
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.core.management import call_command
    from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
    from django.core.wsgi import get_wsgi_application
    from helpdesk.models import CustomField, Queue

    call_command("migrate", verbosity=0, interactive=False)
    queue = Queue.objects.create(title="Wallet support", slug="wallet", allow_public_submission=True)
    for order, (name, label) in enumerate(fields.items()):
        CustomField.objects.create(name=name, label=label[:30], data_type="varchar", max_length=200,
                                   ordering=order, required=False, staff_only=False)
    server = ThreadedWSGIServer(("127.0.0.1", 0), WSGIRequestHandler)  # logs each request to stderr
    server.set_app(StaticFilesHandler(get_wsgi_application()))
    sys.stdout.write(json.dumps({"url": f"http://127.0.0.1:{server.server_address[1]}/", "queue": queue.id}) + "\n")
    sys.stdout.flush()
    server.serve_forever()


if __name__ == "__main__":
    main(json.loads(sys.argv[1]))

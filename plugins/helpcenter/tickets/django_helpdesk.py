"""django-helpdesk's public ticket form: `queue`, `title`, `body`, `custom_<name>`, locked or hidden fields.

Read in django-helpdesk 2.6 (helpdesk/views/abstract_views.py, views/public.py, forms.py): the public
form at `<helpdesk>/tickets/submit/` takes its initial values from the query string: `queue` (the
numeric queue id: the form's queue menu is (id, title) of the queues that allow public submission),
`title`, `body`, `submitter_email`, `kbitem` and `custom_<name>` for each custom field that is not
staff-only. `_readonly_fields_=a,b` disables those form fields (Django then keeps the prefilled value
and ignores what is posted; the form posts back to the same URL, query string included) and
`_hide_fields_=a,b` makes them hidden inputs. The description is stored as plain text.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from helpcenter.diagnostics import Diagnostic, did_you_mean
from helpcenter.tickets.options import Options
from helpcenter.tickets.recipe import Recipe, literal

EXAMPLE = "https://help.example.com/helpdesk"
FORM_PATH = "tickets/submit/"
# The public form's own fields a site may lock or hide (besides the custom fields it prefills).
OWN_FIELDS = {"queue": "queue", "title": "title", "body": "body", "priority": "priority", "due_date": "due_date"}
LOCKS = (("django_helpdesk_readonly", "_readonly_fields_"), ("django_helpdesk_hidden", "_hide_fields_"))


def recipe(options: Options) -> tuple[Recipe | None, list[Diagnostic]]:
    """The recipe for `helpdesk: django-helpdesk`, or None with the reasons."""
    problems = options.require("django_helpdesk_url", "django-helpdesk", EXAMPLE)
    problems += options.require("django_helpdesk_queue", "django-helpdesk", "3")
    if problems:
        return None, problems
    problems = options.https("django_helpdesk_url", EXAMPLE) + options.field_names("django_helpdesk_fields")
    url = str(options.get("django_helpdesk_url"))
    parts = urlsplit(url)
    path = parts.path.rstrip("/") + "/"
    if parts.query or parts.fragment or path.endswith(("/tickets/", "/submit_iframe/", "/view/")):
        problems.append(options.error("django_helpdesk_url", "ticket-bad-url",
                                      f"'django_helpdesk_url' must be the helpdesk or its public form but is '{url}'",
                                      f"write the address django-helpdesk is served at, e.g. {EXAMPLE}, "
                                      f"or its form, {EXAMPLE}/{FORM_PATH}"))
    fields = {str(k): str(v) for k, v in options.get("django_helpdesk_fields", {}).items()}
    names = {**OWN_FIELDS, **{key: f"custom_{custom}" for key, custom in fields.items()}}
    locks = []
    for key, parameter in LOCKS:
        wanted = [str(item) for item in options.get(key, [])]
        problems += [_not_prefilled(options, key, item, names) for item in wanted if item not in names]
        if wanted:
            locks.append((parameter, literal(",".join(dict.fromkeys(names.get(w, w) for w in wanted)))))
    if problems:
        return None, problems
    if not path.endswith("/" + FORM_PATH):
        path += FORM_PATH
    base = f"{parts.scheme}://{parts.netloc}{path}"
    pairs = [("queue", str(options.get("django_helpdesk_queue"))), ("title", "{subject}"), ("body", "{description}")]
    pairs += [(f"custom_{custom}", "{" + key + "}") for key, custom in fields.items()]
    return Recipe("django-helpdesk", literal(base), tuple(pairs + locks),
                  max_length=options.get("url_max_length", 2000)), []


def _not_prefilled(options: Options, key: str, item: str, names: dict[str, str]) -> Diagnostic:
    return options.error(f"{key}.{item}", "ticket-django-helpdesk-lock",
                         f"'{key}' names '{item}', which the link does not fill",
                         f"{did_you_mean(item, names)}lock or hide only the form's {', '.join(OWN_FIELDS)} or a "
                         "field of django_helpdesk_fields: " + (", ".join(k for k in names if k not in OWN_FIELDS)
                                                                 or "none"))

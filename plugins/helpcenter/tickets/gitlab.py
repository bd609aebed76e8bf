"""GitLab new-issue page: `issue[title]`, `issue[description]`, `issuable_template`, `issue[confidential]`.

Since GitLab 14.8 the description is appended to the chosen description template. Wallet tickets
carry addresses and amounts, so issues are confidential unless the site says otherwise.
"""

from __future__ import annotations

from helpcenter.diagnostics import Diagnostic
from helpcenter.tickets.options import Options
from helpcenter.tickets.recipe import Recipe, encode_name, literal

EXAMPLE = "https://gitlab.com/example-wallet/support"


def recipe(options: Options) -> tuple[Recipe | None, list[Diagnostic]]:
    """The recipe for `helpdesk: gitlab`, or None with the reasons."""
    problems = options.require("gitlab_project", "gitlab", EXAMPLE)
    if problems:
        return None, problems
    problems = options.https("gitlab_project", EXAMPLE)
    if problems:
        return None, problems
    base = str(options.get("gitlab_project")).rstrip("/").removesuffix("/-/issues/new") + "/-/issues/new"
    pairs = [(encode_name("issue[title]"), "{subject}"), (encode_name("issue[description]"), "{description}")]
    if options.get("gitlab_template"):
        pairs.append(("issuable_template", literal(str(options.get("gitlab_template")))))
    if options.get("gitlab_confidential", True):
        pairs.append((encode_name("issue[confidential]"), "true"))
    return Recipe("gitlab", literal(base), tuple(pairs), max_length=options.get("url_max_length", 2000)), []

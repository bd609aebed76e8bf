"""Host names as a reader sees and a browser resolves them: IDNA both ways, registrable part, look-alike reasons.

IDNA follows the browser (UTS #46, non-transitional) through the `idna` package; decoding is plain
Punycode per label, as the browser's checker does it, so both show the same decoded name.
"""

from __future__ import annotations

from dataclasses import dataclass

import idna

from helpcenter.verify import skeleton

# Second-level labels under a two-letter country code that are registries, not names (example.co.uk).
REGISTRY_LABELS = frozenset({"co", "com", "net", "org", "gov", "edu", "ac"})


@dataclass(frozen=True)
class Host:
    """One host: its ASCII (xn--) form, its decoded form, and what it reads as."""

    ascii: str
    unicode: str

    @property
    def punycode(self) -> bool:
        """Whether any label is Punycode (the decoded name is what the reader would see)."""
        return any(label.startswith("xn--") for label in self.ascii.split("."))


def parse(name: str) -> Host | None:
    """The host of a typed name (Unicode or xn--), or None when no browser would resolve it."""
    name = name.strip().rstrip(".")
    if not name or any(c in name for c in " /\\@"):
        return None
    ascii_name: str | None
    try:
        ascii_name = idna.encode(name, uts46=True, transitional=False).decode("ascii")
    except idna.IDNAError:
        ascii_name = _encode_loosely(name)
    if ascii_name is None:
        return None
    return Host(ascii_name.lower(), ".".join(_decode(label) for label in ascii_name.lower().split(".")))


def _encode_loosely(name: str) -> str | None:
    # IDNA 2008 refuses names that browsers still open (symbols, a leading digit before Arabic …).
    labels = []
    for label in name.lower().split("."):
        if not label:
            return None
        labels.append(label if label.isascii() else "xn--" + label.encode("punycode").decode("ascii"))
    return ".".join(labels)


def _decode(label: str) -> str:
    if not label.startswith("xn--"):
        return label
    try:
        return label[4:].encode("ascii").decode("punycode")
    except UnicodeError:
        return label


def split(host: str) -> tuple[list[str], str, str]:
    """(subdomain labels, name, public suffix): ["login"], "example-wallet", "com" for login.example-wallet.com."""
    labels = host.split(".")
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in REGISTRY_LABELS:
        return labels[:-3], labels[-3], ".".join(labels[-2:])
    if len(labels) >= 2:
        return labels[:-2], labels[-2], labels[-1]
    return [], host, ""


def squash(text: str) -> str:
    """A name without the separators look-alikes add or drop (example-wallet → examplewallet)."""
    return text.replace("-", "").replace("_", "").replace(".", "")


def reasons(host: Host, official: str, rest: str = "") -> list[str]:
    """Why `host` (plus the path/query text `rest`) imitates the official domain, or [] when it does not.

    The name is compared as it reads: confusables folded, digits read as letters.
    """
    folded = skeleton.fold(host.unicode)
    read = skeleton.fold_digits(folded)
    subs, name, suffix = split(read)
    _, brand, _ = split(skeleton.fold_digits(official))
    gap = skeleton.distance(name, brand)
    found = []
    if read == official or read.endswith("." + official):
        found.append("same-reading")
    elif gap == 0:
        found.append("other-tld")
    if 0 < gap <= skeleton.allowed_distance(len(brand)):
        found.append("edit-distance")
    if gap and squash(brand) in squash(name) and squash(brand) != squash(name):
        found.append("brand-in-domain")
    if any(squash(brand) in squash(label) for label in subs):
        found.append("brand-in-subdomain")
    if rest and squash(brand) in squash(skeleton.fold_digits(skeleton.fold(rest))):
        found.append("brand-in-path")
    if not found:
        return []
    if found == ["brand-in-path"]:  # the name itself imitates nothing: its characters say nothing
        return found
    if folded != host.unicode.lower():
        found.append("confusable")
    if read != folded:
        found.append("digit-for-letter")
    if any(skeleton.is_mixed_script(label) for label in host.unicode.split(".")):
        found.append("mixed-script")
    return [r for r in found if r != "same-reading"] or ["confusable"]

"""A document's URL, from a manifest or a page's metadata: untrusted text made a valid URL.

Reads: the URL as written (a manifest's ``url``, a JSON line's, an HTML page's ``og:url``
or canonical link). Adds: an absolute http(s) URL that every RDF tool accepts as an IRI, or
nothing, and a note saying what was repaired or why the URL was dropped.

Repairs are the ones a browser makes: a space or another character that a URL cannot hold
is percent-encoded as UTF-8 (``/x y`` -> ``/x%20y``), a lone ``%`` becomes ``%25``. A URL
that is not absolute http(s), or whose host or port is not one, is dropped.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from urllib.parse import SplitResult, urlsplit

# RFC 3987 ucschar: the non-ASCII characters an IRI may hold as they are; others (private
# use, non-characters, surrogates) are percent-encoded.
_UCSCHAR = (
    (0xA0, 0xD7FF),
    (0xF900, 0xFDCF),
    (0xFDF0, 0xFFEF),
    *((plane + 0x0000, plane + 0xFFFD) for plane in range(0x10000, 0xE0000, 0x10000)),
    (0xE1000, 0xEFFFD),
)
_UNRESERVED = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
_SUB_DELIMS = set("!$&'()*+,;=")
_PCHAR = _UNRESERVED | _SUB_DELIMS | {":", "@"}
_ALLOWED = {
    "userinfo": _UNRESERVED | _SUB_DELIMS | {":"},
    "host": _UNRESERVED | _SUB_DELIMS,
    "path": _PCHAR | {"/"},
    "query": _PCHAR | {"/", "?"},
    "fragment": _PCHAR | {"/", "?"},
}
_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


@dataclass(frozen=True)
class CleanUrl:
    """The URL to keep (None: dropped) and, when it differs from the input, why."""

    url: str | None
    note: str | None = None


def clean_url(value: str) -> CleanUrl:
    """``value`` as an absolute http(s) URL that is also a valid IRI, repaired or dropped."""
    text = value.strip()
    if not text:
        return CleanUrl(None)
    shown = text if len(text) <= 80 else text[:77] + "..."
    try:
        parts = urlsplit(text)
        port = parts.port  # raises ValueError for a port that is not a number in range
    except ValueError as exc:
        return CleanUrl(None, f"url {shown!r} dropped: not a URL ({exc})")
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return CleanUrl(None, f"url {shown!r} dropped: not an absolute http(s) URL")
    host = _host(parts)
    if host is None:
        return CleanUrl(None, f"url {shown!r} dropped: {parts.hostname!r} is not a host name")
    netloc = host if port is None else f"{host}:{port}"
    if parts.username is not None or parts.password is not None:
        userinfo = parts.netloc.rpartition("@")[0]
        netloc = f"{_encode(userinfo, 'userinfo')}@{netloc}"
    url = f"{parts.scheme.lower()}://{netloc}{_encode(parts.path, 'path')}"
    if parts.query or text.split("#", 1)[0].endswith("?"):
        url += "?" + _encode(parts.query, "query")
    if parts.fragment or "#" in text:
        url += "#" + _encode(parts.fragment, "fragment")
    if url == text:
        return CleanUrl(url)
    return CleanUrl(url, f"url {shown!r} repaired: characters a URL cannot hold percent-encoded")


def _host(parts: SplitResult) -> str | None:
    """The host as it may stand in an IRI: a name, an IPv4 or a bracketed IPv6 address."""
    netloc_host = parts.netloc.rpartition("@")[2]
    if netloc_host.startswith("["):
        literal = netloc_host[1:].partition("]")[0]
        try:
            return f"[{ipaddress.IPv6Address(literal).compressed}]"
        except ValueError:
            return None
    name = parts.hostname or ""
    if any(not _allowed(char, "host") for char in name):
        return None
    return name


def _encode(text: str, part: str) -> str:
    """Percent-encode what ``part`` of an IRI cannot hold; keep what it can."""
    text = _PERCENT.sub("%25", text)
    out: list[str] = []
    for char in text:
        if char == "%" or _allowed(char, part):
            out.append(char)
        else:
            data = char.encode("utf-8", errors="surrogatepass")
            out.append("".join(f"%{byte:02X}" for byte in data))
    return "".join(out)


def _allowed(char: str, part: str) -> bool:
    code = ord(char)
    if code < 0x80:
        return char in _ALLOWED[part]
    if part == "query" and (0xE000 <= code <= 0xF8FF or 0xF0000 <= code <= 0x10FFFD):
        return code & 0xFFFF not in (0xFFFE, 0xFFFF)  # iprivate
    return any(lo <= code <= hi for lo, hi in _UCSCHAR)

"""The URL fetcher of the business case renderer: deny by default.

The report's HTML carries user text. It is escaped, but the renderer is still the one
place where a URL turns into a file read, so it serves only two kinds of address under
the report's own base URL: the app's static files and the council's uploaded logo.
Everything else (local files, any other host, data: URLs, other schemes) is refused,
and nothing is ever fetched over the network, so there is no redirect to follow.
"""

import logging
import mimetypes
from pathlib import Path
from urllib import request
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from weasyprint.urls import URLFetcher, URLFetcherResponse

logger = logging.getLogger(__name__)

# The .invalid top-level domain never resolves (RFC 2606): should a URL under it ever
# leave this module, it cannot reach anything.
REPORT_BASE_URL = "https://report.invalid/"
STATIC_PREFIX = "/static/"
LOGO_PREFIX = "/media/logos/"
LOGO_TYPES = frozenset({"image/png", "image/jpeg", "image/gif", "image/webp"})

_BASE = urlsplit(REPORT_BASE_URL)


class FetchRefused(ValueError):
    """A URL the report may not load. WeasyPrint logs it and leaves the resource out."""


def _safe_parts(relative: str) -> list[str]:
    """The path's segments, or a refusal if any could climb out of its folder."""
    parts = relative.split("/")
    for part in parts:
        if part in ("", ".", "..") or "\\" in part or "\x00" in part or ":" in part:
            raise FetchRefused(f"unsafe path segment in {relative!r}")
    return parts


def _static_file(relative: str) -> Path:
    parts = _safe_parts(relative)
    found = finders.find("/".join(parts))
    if not isinstance(found, str) or not Path(found).is_file():
        raise FetchRefused(f"no static file {relative!r}")
    return Path(found)


def _logo_file(name: str, allowed: str | None) -> Path:
    parts = _safe_parts(name)
    if len(parts) != 1 or allowed is None or f"logos/{name}" != allowed:
        raise FetchRefused(f"not the council's logo: {name!r}")
    filename = parts[0]
    folder = (Path(settings.MEDIA_ROOT) / "logos").resolve()
    path = (folder / filename).resolve()
    if path.parent != folder or not path.is_file():  # a symlink out of the folder, or gone
        raise FetchRefused(f"no logo file {name!r}")
    if mimetypes.guess_type(path.name)[0] not in LOGO_TYPES:
        raise FetchRefused(f"logo is not a bitmap image: {name!r}")
    return path


def resolve(url: str, *, logo: str | None = None) -> Path:
    """The local file a report URL stands for, or FetchRefused.

    `logo` is the council logo's storage name (`logos/<file>`): the only media file
    the report may show.
    """
    parts = urlsplit(url)
    if (parts.scheme.lower(), parts.netloc.lower()) != (_BASE.scheme, _BASE.netloc):
        raise FetchRefused("not the report's own address")
    if parts.query:
        raise FetchRefused("query strings are not served")
    path = unquote(parts.path)  # so that %2e%2e is judged as the ".." it stands for
    if path.startswith(STATIC_PREFIX):
        return _static_file(path.removeprefix(STATIC_PREFIX))
    if path.startswith(LOGO_PREFIX):
        return _logo_file(path.removeprefix(LOGO_PREFIX), logo)
    raise FetchRefused("only /static/ and the council logo are served")


class ReportFetcher(URLFetcher):
    """Serve the report's own files from disk; refuse every other URL."""

    def __init__(self, *, logo: str | None = None) -> None:
        # An opener with no handlers: even an unexpected call to the urllib machinery
        # has no way to open a file or a socket.
        request.OpenerDirector.__init__(self)
        self._fail_on_errors = False  # a refused URL is left out, the report still renders
        self._request = None
        self.logo = logo or None

    def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
        try:
            path = resolve(url, logo=self.logo)
        except FetchRefused as refusal:
            # User text may be behind the URL: log it shortened and quoted.
            logger.warning("Report fetch refused: %.200r (%s)", url, refusal)
            raise
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": content_type})


__all__ = ["REPORT_BASE_URL", "FetchRefused", "ReportFetcher", "resolve"]

"""A small HTTP client on http.client: one connection per thread, reopened when closed.

gunicorn's sync workers close the connection after each response, so most
requests reconnect; on localhost that costs well under a millisecond.
"""

import http.client
import json
import re
import threading
import urllib.parse
from dataclasses import dataclass
from http.cookies import SimpleCookie

from .middleware import QUERY_COUNT_HEADER

TIMEOUT_S = 10.0


@dataclass(frozen=True)
class Response:
    status: int
    headers: dict[str, str]  # lower-case names; repeated headers keep the last value
    cookies: dict[str, str]
    body: bytes

    @property
    def query_count(self) -> int | None:
        value = self.headers.get(QUERY_COUNT_HEADER.lower())
        return int(value) if value is not None else None

    def json(self) -> object:
        return json.loads(self.body)


class Client:
    """Sends requests to one server with fixed headers (a session cookie or a token)."""

    def __init__(self, base_url: str, headers: dict[str, str] | None = None) -> None:
        parsed = urllib.parse.urlsplit(base_url)
        self.host = parsed.hostname or "127.0.0.1"
        self.port = parsed.port or 80
        self.headers = dict(headers or {})
        self._local = threading.local()

    def _connection(self) -> http.client.HTTPConnection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = http.client.HTTPConnection(self.host, self.port, timeout=TIMEOUT_S)
            self._local.conn = conn
        return conn

    def request(
        self,
        method: str,
        path: str,
        *,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> Response:
        conn = self._connection()
        try:
            conn.request(method, path, body=body, headers={**self.headers, **(headers or {})})
            raw = conn.getresponse()
            data = raw.read()
        except Exception:
            conn.close()  # a half-used connection must not serve the next request
            raise
        if raw.will_close:
            conn.close()  # http.client reopens it on the next request
        cookies = SimpleCookie()
        for value in raw.headers.get_all("Set-Cookie") or []:
            cookies.load(value)
        return Response(
            status=raw.status,
            headers={name.lower(): value for name, value in raw.getheaders()},
            cookies={name: morsel.value for name, morsel in cookies.items()},
            body=data,
        )

    def get(self, path: str) -> Response:
        return self.request("GET", path)

    def send_json(self, method: str, path: str, payload: object) -> Response:
        body = json.dumps(payload).encode()
        return self.request(method, path, body=body, headers={"Content-Type": "application/json"})


def session_cookie(base_url: str, username: str, password: str) -> str:
    """Log in through the HTML login form; returns a Cookie header value for later requests."""
    client = Client(base_url)
    page = client.get("/accounts/login/")
    csrf_cookie = page.cookies.get("csrftoken")
    match = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page.body)
    if page.status != 200 or csrf_cookie is None or match is None:
        raise RuntimeError(f"login page: HTTP {page.status}, no CSRF token")
    form = urllib.parse.urlencode(
        {"username": username, "password": password, "csrfmiddlewaretoken": match[1].decode()}
    ).encode()
    answer = client.request(
        "POST",
        "/accounts/login/",
        body=form,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={csrf_cookie}",
        },
    )
    session = answer.cookies.get("sessionid")
    if answer.status != 302 or session is None:
        raise RuntimeError(f"login failed: HTTP {answer.status}")
    return f"sessionid={session}; csrftoken={answer.cookies.get('csrftoken', csrf_cookie)}"


def api_token(base_url: str, username: str, password: str) -> str:
    """An API token from the token endpoint; returns an Authorization header value."""
    answer = Client(base_url).send_json(
        "POST", "/api/v1/auth/token/", {"username": username, "password": password}
    )
    if answer.status != 200:
        raise RuntimeError(f"token endpoint: HTTP {answer.status} {answer.body[:200]!r}")
    payload = answer.json()
    assert isinstance(payload, dict)
    return f"Token {payload['token']}"

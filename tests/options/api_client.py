"""An API client whose requests run what they queue after commit, as a worker would:
the assessment a change asks for is computed before the next request."""

from rest_framework.test import APIClient


class CommittingClient:
    def __init__(self, client: APIClient, capture_on_commit) -> None:
        self.client = client
        self.capture_on_commit = capture_on_commit

    def _send(self, method: str, path: str, data=None):
        with self.capture_on_commit(execute=True):
            return getattr(self.client, method)(path, data, format="json")

    def get(self, path: str, params: dict | None = None):
        return self.client.get(path, params)

    def post(self, path: str, data=None):
        return self._send("post", path, data)

    def put(self, path: str, data=None):
        return self._send("put", path, data)

    def patch(self, path: str, data=None):
        return self._send("patch", path, data)

    def delete(self, path: str):
        return self._send("delete", path)


def canvas_url(canvas, *parts) -> str:
    return "/".join([f"/api/v1/canvases/{canvas.pk}", *(str(part) for part in parts)]) + "/"

"""Counts the SQL queries each request runs and reports them in a response header."""

from collections.abc import Callable

from django.db import connection
from django.http import HttpRequest, HttpResponse

QUERY_COUNT_HEADER = "X-Query-Count"


class _QueryCounter:
    """An execute wrapper (see Django's "Database instrumentation") that only counts."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


class QueryCountMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        counter = _QueryCounter()
        with connection.execute_wrapper(counter):
            response = self.get_response(request)
        response[QUERY_COUNT_HEADER] = str(counter.count)
        return response

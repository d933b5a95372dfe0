"""Production settings plus what the benchmark needs to observe the app.

Adds a per-request SQL query counter (the `X-Query-Count` response header) and
a URLconf with a database-free view that serves as the throughput baseline.
"""

from smartcity.settings import *  # noqa: F403
from smartcity.settings import MIDDLEWARE

# Outermost, so the session, auth and message middleware queries are counted too.
MIDDLEWARE = ["bench.middleware.QueryCountMiddleware", *MIDDLEWARE]

ROOT_URLCONF = "bench.urls"

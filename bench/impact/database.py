"""The bench database's life: recreate, migrate, analyse, drop."""

import psycopg
from psycopg import sql

from .config import DATABASE_NAME, PG_SERVER_URL


def _server(statement: sql.Composable) -> None:
    # CREATE/DROP DATABASE cannot run inside a transaction, hence autocommit.
    with psycopg.connect(f"{PG_SERVER_URL}/postgres", autocommit=True) as conn:
        conn.execute(statement)


def recreate() -> None:
    name = sql.Identifier(DATABASE_NAME)
    _server(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
    _server(sql.SQL("CREATE DATABASE {}").format(name))


def drop() -> None:
    from django.db import connections

    connections.close_all()  # this process's own connection would block the drop
    _server(
        sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(DATABASE_NAME))
    )


def migrate() -> None:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def analyze() -> None:
    """Bulk-loaded tables have no planner statistics until autovacuum gets to them."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")

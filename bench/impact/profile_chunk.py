"""Where one re-score chunk's time goes: engine, risk analysis, serialising, SQL, the rest.

Runs `assessments_refresh` (what each `assess_chunk` task runs) in this process on chunks
of the re-score council's canvases. Before each chunk the council's parameters are changed
directly in the database, enqueuing nothing, so every canvas in the chunk is computed
afresh, as after a real parameter change.

Usage: .venv/bin/python -m bench.impact.profile_chunk [--chunk 100] [--repeat 3] [--cprofile]
       [--refresh module:function]  (profile another implementation with the same signature)

Needs the database that the re-score phase of bench/run_impact.py leaves behind.
"""

import argparse
import cProfile
import functools
import importlib
import importlib.util
import pstats
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .config import RESCORE_COUNCIL, setup_django

Refresh = Callable[..., int]


class Sections:
    """Wall time and calls per named section of one run."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.calls: dict[str, int] = defaultdict(int)

    def timed(self, name: str, function: Callable) -> Callable:
        def wrapper(*args, **kwargs):
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.seconds[name] += time.perf_counter() - started
                self.calls[name] += 1

        return wrapper

    def sql(self, execute, sql, params, many, context):
        # Django's execute_wrapper hook: the round trip, psycopg's adaptation included.
        kind = sql.lstrip().split(None, 1)[0].upper()
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            elapsed = time.perf_counter() - started
            self.seconds["sql"] += elapsed
            self.seconds[f"sql {kind}"] += elapsed
            self.calls["sql"] += 1
            self.calls[f"sql {kind}"] += 1


@contextmanager
def instrumented(sections: Sections) -> Iterator[None]:
    """Wrap the engine, its risk analysis, serialising and fingerprints; time every query
    and every commit (a COMMIT waits for the WAL to reach the disk)."""
    from django.db import connection, connections

    from canvas_app.impact import engine
    from canvas_app.impact.result import AssessmentResult
    from canvas_app.services import assessments

    patches = [
        (assessments, "evaluate", sections.timed("engine", assessments.evaluate)),
        (engine, "simulate", sections.timed("risk", engine.simulate)),
        (AssessmentResult, "as_dict", sections.timed("as_dict", AssessmentResult.as_dict)),
        (assessments.Snapshot, "fingerprint", _timed_property(sections, assessments.Snapshot)),
    ]
    originals = [(owner, name, owner.__dict__[name]) for owner, name, _ in patches]
    for owner, name, replacement in patches:
        setattr(owner, name, replacement)
    database = connections["default"]
    # On the instance: transaction.atomic calls the wrapper's commit() on exit.
    database.commit = sections.timed("commit", database.commit)
    try:
        with connection.execute_wrapper(sections.sql):
            yield
    finally:
        del database.commit
        for owner, name, original in originals:
            setattr(owner, name, original)


def _timed_property(sections: Sections, cls: type) -> property | functools.cached_property:
    """Snapshot.fingerprint timed, whether it is a property or a cached_property."""
    attribute = cls.__dict__["fingerprint"]
    if isinstance(attribute, functools.cached_property):
        replacement = functools.cached_property(sections.timed("fingerprint", attribute.func))
        replacement.__set_name__(cls, "fingerprint")
        return replacement
    return property(sections.timed("fingerprint", attribute.fget))


def change_parameters(council) -> None:
    """A new parameter version, as the service would save, without queuing the re-score."""
    from django.db.models import F

    from canvas_app import impact
    from canvas_app.models import MethodParameters

    stored = MethodParameters.objects.filter(council=council).first()
    values = stored.values if stored else impact.MethodParameters().as_dict()
    values = {**values, "carbon_price": float(values["carbon_price"]) + 1}
    if stored is None:
        MethodParameters.objects.create(council=council, values=values)
    else:
        MethodParameters.objects.filter(pk=stored.pk).update(
            values=values, version=F("version") + 1
        )


def chunks(size: int, count: int) -> tuple[object, list[list[int]]]:
    from canvas_app.models import Canvas, Council

    council = Council.objects.filter(slug=RESCORE_COUNCIL).first()
    if council is None:
        raise SystemExit(f"No council {RESCORE_COUNCIL!r}: run bench/run_impact.py first.")
    ids = list(
        Canvas.objects.filter(council=council, impact_inputs__isnull=False)
        .order_by("pk")
        .values_list("pk", flat=True)[: size * count]
    )
    if len(ids) < size:
        raise SystemExit(f"The council has {len(ids)} scored canvases, fewer than --chunk.")
    return council, [ids[i : i + size] for i in range(0, len(ids) - size + 1, size)]


def profile_chunk(refresh: Refresh, council, canvas_ids: list[int]) -> dict[str, float]:
    change_parameters(council)
    sections = Sections()
    with instrumented(sections):
        started, cpu_started = time.perf_counter(), time.process_time()
        computed = refresh(canvas_ids=canvas_ids)
        total = time.perf_counter() - started
        cpu = time.process_time() - cpu_started
    sections.seconds["cpu"] = cpu
    accounted = sum(
        sections.seconds[k] for k in ("engine", "as_dict", "fingerprint", "sql", "commit")
    )
    row = {
        f"{name.replace(' ', '_').lower()}_ms": seconds * 1000
        for name, seconds in sections.seconds.items()
    }
    row |= {
        "total_ms": total * 1000,
        "other_ms": (total - accounted) * 1000,
        "computed": computed,
        "queries": sections.calls["sql"],
        "commits": sections.calls["commit"],
    }
    row |= {f"queries_{k[4:].lower()}": v for k, v in sections.calls.items() if k[:4] == "sql "}
    return row


def load_refresh(spec: str | None) -> Refresh:
    """The app's assessments_refresh, or `path/to/file.py:function` / `module:function`."""
    if spec is None:
        from canvas_app.services.rescoring import assessments_refresh

        return assessments_refresh
    target, function = spec.rsplit(":", 1)
    if target.endswith(".py"):
        loader_spec = importlib.util.spec_from_file_location(Path(target).stem, target)
        module = importlib.util.module_from_spec(loader_spec)
        loader_spec.loader.exec_module(module)
    else:
        module = importlib.import_module(target)
    return getattr(module, function)


ROWS = (
    ("total_ms", "total"),
    ("engine_ms", "engine: validate + assess"),
    ("risk_ms", "  of which risk analysis (simulate)"),
    ("as_dict_ms", "result.as_dict()"),
    ("fingerprint_ms", "Snapshot.fingerprint"),
    ("sql_ms", "SQL round trips (incl. JSON adaptation)"),
    ("commit_ms", "COMMITs (WAL flush to disk)"),
    ("other_ms", "other Python (ORM, snapshots, loop)"),
    ("cpu_ms", "this process's CPU time (all of the above)"),
)


def print_table(rows: list[dict[str, float]], canvases: int) -> None:
    mean = {key: statistics.mean(row.get(key, 0.0) for row in rows) for key in rows[0]}
    total = mean["total_ms"]
    print(f"\n{'':<42} {'ms/chunk':>9} {'ms/canvas':>10} {'share':>7}")
    for key, label in ROWS:
        value = mean.get(key, 0.0)
        print(f"{label:<42} {value:>9.1f} {value / canvases:>10.2f} {value / total:>7.1%}")
    kinds = ", ".join(
        f"{k[8:]} {v:.0f} in {mean.get(f'sql_{k[8:]}_ms', 0.0):.0f} ms"
        for k, v in mean.items()
        if k.startswith("queries_")
    )
    print(
        f"per chunk: {mean['queries']:.0f} queries ({kinds}), {mean['commits']:.0f} commits; "
        f"computed {mean['computed']:.0f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chunk", type=int, default=100, help="canvases per chunk")
    parser.add_argument("--repeat", type=int, default=3, help="chunks to time")
    parser.add_argument("--cprofile", action="store_true", help="then profile one more chunk")
    parser.add_argument("--top", type=int, default=25, help="cProfile: functions to list")
    parser.add_argument("--refresh", help="module:function or file.py:function to profile")
    args = parser.parse_args()
    setup_django()
    refresh = load_refresh(args.refresh)
    council, canvas_chunks = chunks(args.chunk, args.repeat + 1)
    profile_chunk(refresh, council, canvas_chunks[0])  # warm-up: connection, imports, caches
    rows = [profile_chunk(refresh, council, ids) for ids in canvas_chunks[1 : args.repeat + 1]]
    print(
        f"{getattr(refresh, '__module__', '')}.{getattr(refresh, '__name__', refresh)}: "
        f"{len(rows)} chunks of {args.chunk} canvases, in-process, one core"
    )
    print_table(rows, args.chunk)
    if args.cprofile:
        change_parameters(council)
        profiler = cProfile.Profile()
        profiler.runcall(refresh, canvas_ids=canvas_chunks[-1])
        pstats.Stats(profiler, stream=sys.stdout).sort_stats("tottime").print_stats(args.top)


if __name__ == "__main__":
    main()

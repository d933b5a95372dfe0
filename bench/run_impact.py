"""Benchmark the impact scoring: engine throughput, save-to-done latency, council re-score.

Usage: .venv/bin/python bench/run_impact.py [--skip-engine] [--skip-latency]
       [--skip-rescore] [--canvases 10000] [--saves 50] [--drop-database]

Needs PostgreSQL on 127.0.0.1:5432 (database smartcity_bench_impact, recreated) and Redis
on 127.0.0.1:6379 (database 14, flushed). Results: bench/results/impact.json.
"""

import sys
from pathlib import Path

# Run as a script, Python puts bench/ first on the path; the package needs the repo root.
sys.path[0] = str(Path(__file__).resolve().parent.parent)

from bench.impact.main import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())

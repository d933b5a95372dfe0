"""Benchmark the daily e-mail digest (`digest_send`); see bench/README.md.

Usage: .venv/bin/python bench/run_digest.py [--users 1000] [--comments 10000] [--skip-seed]
"""

import sys
from pathlib import Path

# Run as a script, Python puts bench/ first on the path; the package needs the repo root.
sys.path[0] = str(Path(__file__).resolve().parent.parent)

from bench.digest import run  # noqa: E402

if __name__ == "__main__":
    run()

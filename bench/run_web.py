"""Benchmark the web app under gunicorn; see bench/README.md.

Usage: .venv/bin/python bench/run_web.py [--duration 60] [--rate 50] [--skip-seed]
"""

import sys
from pathlib import Path

# Run as a script, Python puts bench/ first on the path; the package needs the repo root.
sys.path[0] = str(Path(__file__).resolve().parent.parent)

from bench.web import run  # noqa: E402

if __name__ == "__main__":
    run()

"""Benchmark the options appraisal job and the portfolio's delivery view; see bench/README.md.

Usage: .venv/bin/python bench/run_delivery.py [--jobs 20] [--canvases 1000] [--requests 50]
"""

import sys
from pathlib import Path

# Run as a script, Python puts bench/ first on the path; the package needs the repo root.
sys.path[0] = str(Path(__file__).resolve().parent.parent)

from bench.delivery import run  # noqa: E402

if __name__ == "__main__":
    run()

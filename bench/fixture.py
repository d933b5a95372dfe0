"""What the bench database holds and how to reach it; shared by the seeder and the runner."""

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = REPO_ROOT / ".venv" / "bin"
RESULTS_DIR = REPO_ROOT / "bench" / "results"
STATIC_ROOT = RESULTS_DIR / "staticfiles"

PG_SERVER_URL = "postgres://postgres@127.0.0.1:5432"
DATABASE_NAME = "smartcity_bench"
DATABASE_URL = f"{PG_SERVER_URL}/{DATABASE_NAME}"

COUNCIL_SLUG = "bench"
USERNAME = "bench"
PASSWORD = "bench-password-2718"  # a throwaway account in a throwaway database
CANVAS_COUNT = 1000
CARDS_PER_CANVAS = 40

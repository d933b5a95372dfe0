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
# --comments: how many of the canvases (the first by id) get comments, and by how many
# council members besides the bench user.
COMMENT_CANVASES = 100
COMMENTER_COUNT = 20

# bench/run_digest.py: its own database, recreated on each run unless --skip-seed.
DIGEST_DATABASE_NAME = "smartcity_bench_digest"
DIGEST_DATABASE_URL = f"{PG_SERVER_URL}/{DIGEST_DATABASE_NAME}"
DIGEST_COUNCIL_SLUG = "digest"

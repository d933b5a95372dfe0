import pytest

from canvas_app.examples import EXAMPLES

LED = EXAMPLES["led-street-lighting"]
BIKE = EXAMPLES["bike-sharing"]


@pytest.fixture
def led_inputs() -> dict:
    return dict(LED.impact_inputs)


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    """Run what the services queue after commit (tasks run in-process in tests)."""

    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return run

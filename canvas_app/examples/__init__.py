"""Example canvases: the demo data and the starting points offered when a canvas
is created. Each example is plain data (see `Example`)."""

from .bike_sharing import BIKE_SHARING
from .led_lighting import LED_LIGHTING
from .model import Example, ExampleCard
from .waste_sensors import WASTE_SENSORS

EXAMPLES: dict[str, Example] = {
    example.key: example for example in (LED_LIGHTING, BIKE_SHARING, WASTE_SENSORS)
}
EXAMPLE_CHOICES = [(example.key, example.title) for example in EXAMPLES.values()]

__all__ = ["EXAMPLES", "EXAMPLE_CHOICES", "Example", "ExampleCard"]

from .canvases import (
    CanvasCreateForm,
    CanvasForm,
    CardDeleteForm,
    CardEditForm,
    CardForm,
    CardMoveForm,
)
from .impact import (
    FundingFormSet,
    ImpactInputsForm,
    MethodParametersForm,
    ScheduleTable,
)

__all__ = [
    "FundingFormSet",
    "ImpactInputsForm",
    "MethodParametersForm",
    "ScheduleTable",
    "CanvasCreateForm",
    "CanvasForm",
    "CardDeleteForm",
    "CardEditForm",
    "CardForm",
    "CardMoveForm",
]

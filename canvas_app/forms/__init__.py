from .canvases import (
    CanvasCreateForm,
    CanvasEditForm,
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
from .network import ImportForm, MilestoneForm, PartnerForm, ShareLinkForm

__all__ = [
    "ImportForm",
    "MilestoneForm",
    "PartnerForm",
    "ShareLinkForm",
    "FundingFormSet",
    "ImpactInputsForm",
    "MethodParametersForm",
    "ScheduleTable",
    "CanvasCreateForm",
    "CanvasEditForm",
    "CanvasForm",
    "CardDeleteForm",
    "CardEditForm",
    "CardForm",
    "CardMoveForm",
]

"""The impact engine: a canvas's inputs in, cost-benefit figures and 0-100 scores out.

Pure Python and numpy, no Django: everything the engine needs is passed in, so the same
inputs, parameters and seed always give the same result. The method is documented in
IMPACT_METHOD.md (version 2).
"""

from .docs import INPUT_DOCS, PARAMETER_DOCS, RATING_ANCHORS, SUBSCORE_DOCS, FieldDoc, ParameterDoc
from .engine import assess
from .flags import FLAG_MESSAGES, flag_message
from .inputs import (
    CARBON_PRICE_MODES,
    DEFAULT_WEIGHTS,
    INPUT_FIELDS,
    PARAMETER_FIELDS,
    FundingSource,
    ImpactInputs,
    InputError,
    MethodParameters,
)
from .options import Appraisal, Option, Uplifts, appraise
from .outturn import (
    ACTUAL_FIELDS,
    Benefit,
    BenefitStatus,
    Measurement,
    Outturn,
    benefit_status,
    check_benefit,
    outturn,
)
from .result import METHOD_VERSION, AssessmentResult, translated_record
from .risk import seed_for
from .validation import validate_funding, validate_inputs, validate_parameters

__all__ = [
    "ACTUAL_FIELDS",
    "Appraisal",
    "Benefit",
    "BenefitStatus",
    "Measurement",
    "Option",
    "Outturn",
    "appraise",
    "benefit_status",
    "Uplifts",
    "check_benefit",
    "outturn",
    "CARBON_PRICE_MODES",
    "DEFAULT_WEIGHTS",
    "FLAG_MESSAGES",
    "INPUT_DOCS",
    "INPUT_FIELDS",
    "METHOD_VERSION",
    "PARAMETER_DOCS",
    "PARAMETER_FIELDS",
    "RATING_ANCHORS",
    "SUBSCORE_DOCS",
    "AssessmentResult",
    "FieldDoc",
    "FundingSource",
    "ImpactInputs",
    "InputError",
    "MethodParameters",
    "ParameterDoc",
    "assess",
    "flag_message",
    "seed_for",
    "translated_record",
    "validate_funding",
    "validate_inputs",
    "validate_parameters",
]

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ExampleCard:
    text: str
    evidence: str = "assumption"
    colour: str = "yellow"
    tag: str = ""


@dataclass(frozen=True)
class Example:
    key: str
    title: str
    sector: str
    summary: str
    cards: dict[str, tuple[ExampleCard, ...]]
    # Impact inputs and funding sources, by the impact engine's field names.
    impact_inputs: dict[str, object] = field(default_factory=dict)
    funding: tuple[dict[str, object], ...] = ()

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ExampleCard:
    text: str
    evidence: str = "assumption"
    colour: str = "yellow"
    tag: str = ""


@dataclass(frozen=True)
class ExamplePartner:
    organisation: str
    kind: str
    contributions: tuple[str, ...] = ()
    brings: str = ""
    gains: str = ""
    # Role (R, A, C, I) in key activities, by the activity card's index in its block.
    roles: dict[int, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ExampleMilestone:
    name: str
    due_date: str  # ISO date
    owner: int | None = None  # index into the partners, the council being 0
    status: str = "planned"


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
    # The first partner is the council itself.
    partners: tuple[ExamplePartner, ...] = ()
    milestones: tuple[ExampleMilestone, ...] = ()

    def as_export(self) -> dict:
        """The example in the export format, so it is created like any imported canvas."""
        cards, refs = [], {}
        for block, block_cards in self.cards.items():
            for index, card in enumerate(block_cards):
                ref = f"{block}-{index}"
                refs[(block, index)] = ref
                cards.append(
                    {
                        "ref": ref,
                        "block": block,
                        "text": card.text,
                        "tag": card.tag,
                        "colour": card.colour,
                        "evidence": card.evidence,
                    }
                )
        partners = [
            {
                "ref": f"partner-{i}",
                "organisation": p.organisation,
                "kind": p.kind,
                "contributions": list(p.contributions),
                "brings": p.brings,
                "gains": p.gains,
            }
            for i, p in enumerate(self.partners)
        ]
        responsibilities = [
            {
                "partner": f"partner-{i}",
                "activity": refs[("key_activities", activity)],
                "role": role,
            }
            for i, p in enumerate(self.partners)
            for activity, role in sorted(p.roles.items())
        ]
        milestones = [
            {
                "name": m.name,
                "due_date": m.due_date,
                "status": m.status,
                "owner": None if m.owner is None else f"partner-{m.owner}",
            }
            for m in self.milestones
        ]
        return {
            "format": "city-model-canvas",
            "format_version": 1,
            "source": {"example": self.key},
            # The examples are written in English.
            "canvas": {
                "title": self.title,
                "summary": self.summary,
                "sector": self.sector,
                "language": "en",
            },
            "cards": cards,
            "impact_inputs": dict(self.impact_inputs) or None,
            "funding_sources": [dict(f) for f in self.funding],
            "partners": partners,
            "responsibilities": responsibilities,
            "milestones": milestones,
        }

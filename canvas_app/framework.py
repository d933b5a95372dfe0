"""The City Model Canvas framework: its groups and blocks, as data.

Wording can be corrected here without a migration: cards store only the block
key. Bump FRAMEWORK_VERSION when a key is added or removed.

Titles and questions are lazy translations: they take the language of whoever reads
them. Where a plain str is needed (an f-string, a JSON dump), call str() on them at
that moment, in the reader's language.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

FRAMEWORK_VERSION = 1


@dataclass(frozen=True)
class Group:
    key: str
    title: str | Promise


@dataclass(frozen=True)
class Block:
    key: str
    group: str
    title: str | Promise
    questions: tuple[str | Promise, ...]
    area: str  # the CSS grid area that places the block on the canvas layout
    is_impact: bool = False


GROUPS: tuple[Group, ...] = (
    Group("value_proposition", gettext_lazy("Value proposition")),
    Group("value_creation", gettext_lazy("Value creation")),
    Group("value_delivery", gettext_lazy("Value delivery")),
    Group("value_capture", gettext_lazy("Value capture")),
    Group("impact", gettext_lazy("Impact")),
)

# Reading order: the order blocks stack in on narrow screens and in reports.
BLOCKS: tuple[Block, ...] = (
    Block(
        "public_value",
        "value_proposition",
        gettext_lazy("Public value proposition"),
        (
            gettext_lazy("Which urban problem does the service solve, for whom?"),
            gettext_lazy("What public value does it create compared with today's service?"),
        ),
        "value",
    ),
    Block(
        "key_partners",
        "value_creation",
        gettext_lazy("Key partners"),
        (
            gettext_lazy(
                "Which companies, utilities, universities, other administrations or "
                "civil-society groups give access to resources the council lacks?"
            ),
            gettext_lazy("What does each bring and gain?"),
        ),
        "partners",
    ),
    Block(
        "key_activities",
        "value_creation",
        gettext_lazy("Key activities"),
        (
            gettext_lazy(
                "What must be done to build, operate and maintain the service, "
                "data management included?"
            ),
        ),
        "activities",
    ),
    Block(
        "key_resources",
        "value_creation",
        gettext_lazy("Key resources"),
        (
            gettext_lazy(
                "Which assets, data, platforms, skills and finance does the service depend on?"
            ),
            gettext_lazy("Which are reused or shared?"),
        ),
        "resources",
    ),
    Block(
        "governance",
        "value_creation",
        gettext_lazy("Governance and responsibilities"),
        (
            gettext_lazy("Who decides, owns, operates and is accountable?"),
            gettext_lazy("Which contract or procurement model?"),
            gettext_lazy("How are data and privacy governed?"),
            gettext_lazy("Where does the council sit in the value creation network?"),
        ),
        "governance",
    ),
    Block(
        "beneficiaries",
        "value_delivery",
        gettext_lazy("Users and beneficiaries"),
        (
            gettext_lazy("Who uses and benefits from the service?"),
            gettext_lazy("Who could be disadvantaged (digital divide, displacement, privacy)?"),
        ),
        "beneficiaries",
    ),
    Block(
        "engagement",
        "value_delivery",
        gettext_lazy("Stakeholder relationships and co-production"),
        (
            gettext_lazy(
                "How do users, civil society and community groups co-design, co-produce "
                "and give feedback?"
            ),
            gettext_lazy("How is support won and kept?"),
        ),
        "engagement",
    ),
    Block(
        "deployment",
        "value_delivery",
        gettext_lazy("Deployment and channels"),
        (
            gettext_lazy(
                "Through which physical and digital channels, in which phases and at what "
                "scale is it rolled out?"
            ),
            gettext_lazy("How could another district or city replicate it?"),
        ),
        "deployment",
    ),
    Block(
        "costs",
        "value_capture",
        gettext_lazy("Cost structure"),
        (
            gettext_lazy(
                "What are the investment and operating costs over the service's lifetime?"
            ),
            gettext_lazy("What are the main cost risks?"),
        ),
        "costs",
    ),
    Block(
        "funding",
        "value_capture",
        gettext_lazy("Funding and revenue sources"),
        (
            gettext_lazy(
                "How is it paid for: own budget, EU funds, loans, public-private partnership, "
                "user fees, savings?"
            ),
            gettext_lazy("How is long-term viability secured?"),
        ),
        "funding",
    ),
    Block(
        "economic_impact",
        "impact",
        gettext_lazy("Economic impact"),
        (
            gettext_lazy(
                "Net monetary benefits and costs to the city and society; jobs; local business."
            ),
        ),
        "economic",
        is_impact=True,
    ),
    Block(
        "environmental_impact",
        "impact",
        gettext_lazy("Environmental impact"),
        (gettext_lazy("Energy and greenhouse-gas savings; air, noise and resource effects."),),
        "environmental",
        is_impact=True,
    ),
    Block(
        "social_impact",
        "impact",
        gettext_lazy("Social impact"),
        (gettext_lazy("Reach, accessibility, inclusion, participation, health and safety."),),
        "social",
        is_impact=True,
    ),
)

BLOCKS_BY_KEY: dict[str, Block] = {block.key: block for block in BLOCKS}
GROUPS_BY_KEY: dict[str, Group] = {group.key: group for group in GROUPS}
BLOCK_CHOICES: list[tuple[str, str | Promise]] = [(block.key, block.title) for block in BLOCKS]
BLOCK_COUNT = len(BLOCKS)


def block_position(key: str) -> int:
    """The block's place in reading order (1-based), for sorting."""
    return [block.key for block in BLOCKS].index(key) + 1

"""The City Model Canvas framework: its groups and blocks, as data.

Wording can be corrected here without a migration: cards store only the block
key. Bump FRAMEWORK_VERSION when a key is added or removed.
"""

from dataclasses import dataclass

FRAMEWORK_VERSION = 1


@dataclass(frozen=True)
class Group:
    key: str
    title: str


@dataclass(frozen=True)
class Block:
    key: str
    group: str
    title: str
    questions: tuple[str, ...]
    area: str  # the CSS grid area that places the block on the canvas layout
    is_impact: bool = False


GROUPS: tuple[Group, ...] = (
    Group("value_proposition", "Value proposition"),
    Group("value_creation", "Value creation"),
    Group("value_delivery", "Value delivery"),
    Group("value_capture", "Value capture"),
    Group("impact", "Impact"),
)

# Reading order: the order blocks stack in on narrow screens and in reports.
BLOCKS: tuple[Block, ...] = (
    Block(
        "public_value",
        "value_proposition",
        "Public value proposition",
        (
            "Which urban problem does the service solve, for whom?",
            "What public value does it create compared with today's service?",
        ),
        "value",
    ),
    Block(
        "key_partners",
        "value_creation",
        "Key partners",
        (
            "Which companies, utilities, universities, other administrations or civil-society "
            "groups give access to resources the council lacks?",
            "What does each bring and gain?",
        ),
        "partners",
    ),
    Block(
        "key_activities",
        "value_creation",
        "Key activities",
        (
            "What must be done to build, operate and maintain the service, "
            "data management included?",
        ),
        "activities",
    ),
    Block(
        "key_resources",
        "value_creation",
        "Key resources",
        (
            "Which assets, data, platforms, skills and finance does the service depend on?",
            "Which are reused or shared?",
        ),
        "resources",
    ),
    Block(
        "governance",
        "value_creation",
        "Governance and responsibilities",
        (
            "Who decides, owns, operates and is accountable?",
            "Which contract or procurement model?",
            "How are data and privacy governed?",
            "Where does the council sit in the value creation network?",
        ),
        "governance",
    ),
    Block(
        "beneficiaries",
        "value_delivery",
        "Users and beneficiaries",
        (
            "Who uses and benefits from the service?",
            "Who could be disadvantaged (digital divide, displacement, privacy)?",
        ),
        "beneficiaries",
    ),
    Block(
        "engagement",
        "value_delivery",
        "Stakeholder relationships and co-production",
        (
            "How do users, civil society and community groups co-design, co-produce "
            "and give feedback?",
            "How is support won and kept?",
        ),
        "engagement",
    ),
    Block(
        "deployment",
        "value_delivery",
        "Deployment and channels",
        (
            "Through which physical and digital channels, in which phases and at what scale "
            "is it rolled out?",
            "How could another district or city replicate it?",
        ),
        "deployment",
    ),
    Block(
        "costs",
        "value_capture",
        "Cost structure",
        (
            "What are the investment and operating costs over the service's lifetime?",
            "What are the main cost risks?",
        ),
        "costs",
    ),
    Block(
        "funding",
        "value_capture",
        "Funding and revenue sources",
        (
            "How is it paid for: own budget, EU funds, loans, public-private partnership, "
            "user fees, savings?",
            "How is long-term viability secured?",
        ),
        "funding",
    ),
    Block(
        "economic_impact",
        "impact",
        "Economic impact",
        ("Net monetary benefits and costs to the city and society; jobs; local business.",),
        "economic",
        is_impact=True,
    ),
    Block(
        "environmental_impact",
        "impact",
        "Environmental impact",
        ("Energy and greenhouse-gas savings; air, noise and resource effects.",),
        "environmental",
        is_impact=True,
    ),
    Block(
        "social_impact",
        "impact",
        "Social impact",
        ("Reach, accessibility, inclusion, participation, health and safety.",),
        "social",
        is_impact=True,
    ),
)

BLOCKS_BY_KEY: dict[str, Block] = {block.key: block for block in BLOCKS}
GROUPS_BY_KEY: dict[str, Group] = {group.key: group for group in GROUPS}
BLOCK_CHOICES: list[tuple[str, str]] = [(block.key, block.title) for block in BLOCKS]
BLOCK_COUNT = len(BLOCKS)


def block_position(key: str) -> int:
    """The block's place in reading order (1-based), for sorting."""
    return [block.key for block in BLOCKS].index(key) + 1

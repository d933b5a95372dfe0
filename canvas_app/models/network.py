"""The value creation network of a canvas: its partners, what each answers for
in the key activities, and the milestones of the roll-out."""

from django.db import models

from .canvases import Canvas, Card


class PartnerKind(models.TextChoices):
    COUNCIL = "council", "The council"
    COMPANY = "company", "Company"
    UTILITY = "utility", "Utility"
    UNIVERSITY = "university", "University or research centre"
    PUBLIC_BODY = "public_body", "Other public body"
    CIVIL_SOCIETY = "civil_society", "Civil-society organisation"
    COMMUNITY_GROUP = "community_group", "Community group"
    CITIZENS = "citizens", "Citizens"


class Contribution(models.TextChoices):
    RESOURCES = "resources", "Resources"
    FINANCE = "finance", "Finance"
    SKILLS = "skills", "Skills"
    DATA = "data", "Data"


class Partner(models.Model):
    canvas = models.ForeignKey(Canvas, on_delete=models.CASCADE, related_name="partners")
    organisation = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=PartnerKind.choices)
    contributions = models.JSONField(
        default=list, blank=True, help_text="Any of resources, finance, skills, data."
    )
    brings = models.TextField("what it brings", blank=True, max_length=1000)
    gains = models.TextField("what it gains", blank=True, max_length=1000)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["canvas"],
                condition=models.Q(kind="council"),
                name="one_council_partner_per_canvas",
            )
        ]

    def __str__(self) -> str:
        return self.organisation

    @property
    def is_council(self) -> bool:
        return self.kind == PartnerKind.COUNCIL


class Raci(models.TextChoices):
    RESPONSIBLE = "R", "Responsible"
    ACCOUNTABLE = "A", "Accountable"
    CONSULTED = "C", "Consulted"
    INFORMED = "I", "Informed"


class Responsibility(models.Model):
    """What one partner answers for in one key activity (a card of that block)."""

    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="responsibilities")
    activity = models.ForeignKey(Card, on_delete=models.CASCADE, related_name="responsibilities")
    role = models.CharField(max_length=1, choices=Raci.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["partner", "activity"], name="one_role_per_activity")
        ]

    def __str__(self) -> str:
        return f"{self.partner}: {self.role} for {self.activity}"


class MilestoneStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    IN_PROGRESS = "in_progress", "In progress"
    DONE = "done", "Done"
    DELAYED = "delayed", "Delayed"


class Milestone(models.Model):
    canvas = models.ForeignKey(Canvas, on_delete=models.CASCADE, related_name="milestones")
    name = models.CharField(max_length=200)
    due_date = models.DateField()
    owner = models.ForeignKey(
        Partner, on_delete=models.SET_NULL, null=True, blank=True, related_name="milestones"
    )
    status = models.CharField(
        max_length=12, choices=MilestoneStatus.choices, default=MilestoneStatus.PLANNED
    )

    class Meta:
        ordering = ["due_date", "id"]

    def __str__(self) -> str:
        return self.name

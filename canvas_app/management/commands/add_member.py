from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from canvas_app.models import Council, Role
from canvas_app.services.councils import member_add

from ._errors import as_command_error


class Command(BaseCommand):
    help = "Give a user a role in a council, creating the user if needed."

    def add_arguments(self, parser) -> None:
        parser.add_argument("council", help="the council's slug")
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=Role.values)
        parser.add_argument("--email", default="")
        parser.add_argument("--password", help="set this password (else unchanged / unusable)")

    def handle(self, *args, council: str, username: str, role: str, **options) -> None:
        found = Council.objects.filter(slug=council).first()
        if found is None:
            raise CommandError(f"No council with slug “{council}”.")
        try:
            membership = member_add(
                council=found,
                username=username,
                role=role,
                email=options["email"],
                password=options["password"],
            )
        except ValidationError as error:
            raise as_command_error(error) from error
        self.stdout.write(
            self.style.SUCCESS(f"{membership.user.username} is {role} in {found.slug}")
        )

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand

from canvas_app.services.councils import council_create

from ._errors import as_command_error


class Command(BaseCommand):
    help = "Create a council."

    def add_arguments(self, parser) -> None:
        parser.add_argument("slug", help="short name used in addresses, e.g. ghent")
        parser.add_argument("--name", required=True, help='full name, e.g. "City of Ghent"')
        parser.add_argument("--colour", help="the council's colour as #RRGGBB")

    def handle(self, *args, slug: str, name: str, colour: str | None, **options) -> None:
        try:
            council = council_create(slug=slug, name=name, colour=colour)
        except ValidationError as error:
            raise as_command_error(error) from error
        self.stdout.write(self.style.SUCCESS(f"Created council {council.slug}: {council.name}"))

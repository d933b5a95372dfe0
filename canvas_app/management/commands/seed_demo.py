from django.core.management.base import BaseCommand

from canvas_app.services.demo import DEMO_PASSWORD, demo_seed


class Command(BaseCommand):
    help = "Create (or complete) the demo council, one user per role and the example canvases."

    def handle(self, *args, **options) -> None:
        summary = demo_seed()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo council “{summary.council.name}”: "
                f"{summary.canvases_created} example canvas(es) created."
            )
        )
        for role, username in summary.usernames.items():
            self.stdout.write(f"  {role:9} {username} / {DEMO_PASSWORD}")

import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

USERNAME = "admin"


class Command(BaseCommand):
    help = "Make sure the demo administrator exists. A new one gets a random password, printed once."

    def handle(self, *args, **options):
        User = get_user_model()
        if User.objects.filter(username=USERNAME).exists():
            self.stdout.write(
                f"Log in at http://127.0.0.1:8000/admin/ as '{USERNAME}' with the password printed when the account "
                f"was created (forgotten? run: .venv/bin/python manage.py changepassword {USERNAME})."
            )
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(USERNAME, "admin@example.org", password)
        self.stdout.write(self.style.SUCCESS("Created the demo administrator. This password is shown only once:"))
        self.stdout.write(
            f"  admin URL: http://127.0.0.1:8000/admin/\n  username:  {USERNAME}\n  password:  {password}"
        )

from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo network of November 2009 (``manage.py seed_demo``). Production may leave it out."""

    name = "demo"
    verbose_name = "Demo content"

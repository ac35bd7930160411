from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo network of November 2009 (``manage.py seed_demo``). Production may leave it out."""

    name = "demo"
    verbose_name = _("Demo content")

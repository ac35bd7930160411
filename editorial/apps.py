from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users import apps as users_apps


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("Editorial roles and workflows")

    def ready(self):
        from editorial import notifications, signals

        signals.connect()
        notifications.connect()


class SanctuaryUsersConfig(users_apps.WagtailUsersAppConfig):
    """``wagtail.users`` with user forms that accept a single name (editorial/single_name.py)."""

    default = False  # not the editorial app's own config
    user_viewset = "editorial.single_name.SingleNameUserViewSet"

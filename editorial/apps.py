from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = "Editorial roles and workflows"

    def ready(self):
        from editorial import notifications, signals

        signals.connect()
        notifications.connect()

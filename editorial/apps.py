from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = "Editorial roles and workflows"

    def ready(self):
        from editorial import signals

        signals.connect()

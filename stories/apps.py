from django.apps import AppConfig


class StoriesConfig(AppConfig):
    name = "stories"
    verbose_name = "Stories of Sanctuary"

    def ready(self):
        from stories import signals

        signals.connect()

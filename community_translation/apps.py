from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityTranslationConfig(AppConfig):
    name = "community_translation"
    verbose_name = _("Community translation")

    def ready(self):
        from community_translation import signals

        signals.connect()

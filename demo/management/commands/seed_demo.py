from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from demo.content import exhibitions, images, myths, network, sections, stories, translations
from home import bootstrap


class Command(BaseCommand):
    help = "Build the demo City of Sanctuary network (idempotent: running it again creates nothing twice)."

    @transaction.atomic
    def handle(self, *args, **options):
        source_locale = bootstrap.ensure_locales()
        home = bootstrap.ensure_home(source_locale)
        pictures = images.ensure_images()
        myth_facts = myths.ensure_myths(source_locale)
        pages = sections.ensure_sections(home, pictures, myth_facts)
        hubs = network.ensure_network(pages["cities"], pictures, source_locale, pages["myths-and-facts"])
        stories.ensure_stories(hubs, pictures)
        exhibitions.ensure_swansea_exhibition(hubs["swansea"], pictures)
        sections.ensure_home_body(home, pages["cities"])
        # Last but one: every other language's tree gets an alias of each page created above.
        bootstrap.sync_locale_trees(source_locale)
        # After the sync: a few pages get real Welsh and Arabic translations in place of their aliases.
        translated = translations.ensure_translations(home, hubs)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready: {home.title} in {len(settings.LANGUAGES)} languages, {len(hubs)} cities, "
                f"{translated} new translations."
            )
        )

"""Two indexes on Wagtail's page table for the queries every public page makes (home/models/pages.py, navigation):

* ``(depth, path)``: a page's children are the pages one level deeper in the range of paths after its own; with the
  depth first, the range holds only them, not every page below (8,000 in a language tree at 5,000 stories).
* ``url_path``: the route finds the pages on the way to a URL by their url_paths.

Wagtail's own migrations make neither; they are plain SQL here because the table is Wagtail's model, not this app's.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_translatable_labels"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX sanctuary_page_depth_path ON wagtailcore_page (depth, path)",
            "DROP INDEX sanctuary_page_depth_path",
        ),
        migrations.RunSQL(
            "CREATE INDEX sanctuary_page_url_path ON wagtailcore_page (url_path)",
            "DROP INDEX sanctuary_page_url_path",
        ),
    ]

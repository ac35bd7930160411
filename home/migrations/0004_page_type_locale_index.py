"""An index on Wagtail's page table for the network listings: the live pages of one type in one language.

A listing of stories, exhibitions or events joins the type's table to the page table and filters the language there;
without an index that holds both, PostgreSQL read every page of the language (8,000 at 5,000 stories) to find the 200
exhibitions of the exhibition index's count. The listings say the type on the page table too (``exact_type``).
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("home", "0003_page_tree_indexes")]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX sanctuary_page_type_locale ON wagtailcore_page (content_type_id, locale_id)",
            "DROP INDEX sanctuary_page_type_locale",
        ),
    ]

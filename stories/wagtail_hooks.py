from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from stories.models import ConsentRecord


class ConsentRecordViewSet(SnippetViewSet):
    """Consent records: visible only to users given the stories.*_consentrecord permissions."""

    model = ConsentRecord
    icon = "lock"
    menu_label = "Consent records"
    list_display = ["story", "given_on", "withdrawn_on", "recorded_by"]
    list_filter = ["withdrawn_on"]


register_snippet(ConsentRecordViewSet)

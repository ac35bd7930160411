from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from stories.models import ConsentRecord, TellerIdentity, Withdrawal


class ConsentRecordViewSet(SnippetViewSet):
    """Consent records: visible only to users given the stories.*_consentrecord permissions."""

    model = ConsentRecord
    icon = "lock"
    menu_label = "Consent records"
    list_display = ["story", "given_on", "withdrawn_on", "recorded_by"]
    list_filter = ["withdrawn_on"]


register_snippet(ConsentRecordViewSet)


class TellerIdentityViewSet(SnippetViewSet):
    """Real names and contact details: only groups given stories.view_telleridentity (Moderators) see them."""

    model = TellerIdentity
    icon = "user"
    menu_label = "Tellers' identities"
    list_display = ["story", "created_at"]
    inspect_view_enabled = True


class WithdrawalViewSet(SnippetViewSet):
    model = Withdrawal
    icon = "history"
    menu_label = "Withdrawals"
    list_display = ["__str__"]


register_snippet(TellerIdentityViewSet)
register_snippet(WithdrawalViewSet)

"""A single name is enough: people with one name can save their account settings, and be given an account.

Wagtail's account settings form ("Name and Email"), and its user creation and edit forms, declare the last name
required, although Django's user model does not (``last_name`` is ``blank=True``): a person with one name cannot save
anything on their account page, not even their admin language. Upstream: wagtail/wagtail#7410 (the forms should
follow the user model). These subclasses make the last name optional; ``upstream_requires_last_name()`` switches the
account view override off once Wagtail's own form stops requiring it.

The account view is routed in config/urls.py; the user forms come from the users viewset named by
``editorial.apps.SanctuaryUsersConfig`` (which replaces ``wagtail.users`` in INSTALLED_APPS).
"""

from wagtail.admin.forms.account import NameEmailForm
from wagtail.admin.views.account import AccountView, NameEmailSettingsPanel
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet


def upstream_requires_last_name():
    return NameEmailForm.base_fields["last_name"].required


class OptionalLastNameMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["last_name"].required = False


class SingleNameEmailForm(OptionalLastNameMixin, NameEmailForm):
    pass


class SingleNameUserCreationForm(OptionalLastNameMixin, UserCreationForm):
    pass


class SingleNameUserEditForm(OptionalLastNameMixin, UserEditForm):
    pass


class SingleNameSettingsPanel(NameEmailSettingsPanel):
    form_class = SingleNameEmailForm


class SingleNameAccountView(AccountView):
    """Wagtail's account settings, with the name panel's last name optional."""

    def get_panels(self):
        return [
            SingleNameSettingsPanel(panel.request, panel.user, panel.profile)
            if type(panel) is NameEmailSettingsPanel
            else panel
            for panel in super().get_panels()
        ]


class SingleNameUserViewSet(UserViewSet):
    def get_form_class(self, for_update=False):
        return SingleNameUserEditForm if for_update else SingleNameUserCreationForm

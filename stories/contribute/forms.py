"""The public "Share your story" form. Everything a teller types is kept as plain text."""

from django import forms
from django.conf import settings
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from cities.models import CityHubPage
from stories.contribute.uploads import MultiplePhotoField
from stories.models.pages import Naming


def city_choices(locale):
    """("" = the network's own collection) plus every live city hub of ``locale``'s tree, by name.

    Every city is offered, whether or not it has a story collection yet: a story for a city without one is filed in
    a draft collection made for it (stories.contribute.submission.collection_for).
    """
    hubs = CityHubPage.objects.live().filter(locale=locale).order_by("title").values_list("pk", "title")
    return [("", _("No particular city"))] + [(str(pk), title) for pk, title in hubs]


# The form's own error messages, in the project's catalogues: Django's are missing in languages it has no catalogue
# for (Pashto, Tigrinya), and these say what to do.
ERRORS = {
    "title": {"required": _("Give your story a title.")},
    "story": {
        "required": _("Write your story."),
        "max_length": _("Your story is longer than %(limit_value)s characters (it has %(show_value)s)."),
    },
    "city": {"invalid_choice": _("Choose a city group from the list.")},
    "naming": {"required": _("Choose how we should name you."), "invalid_choice": _("Choose how we should name you.")},
    "consent_web": {"required": _("To send your story, agree to its publication on this website.")},
    "photos": {
        "empty": _("One of the photos is empty."),
        "invalid": _("The photos did not arrive. Please attach them again."),
        "missing": _("The photos did not arrive. Please attach them again."),
    },
}
LENGTH_ERRORS = {"max_length": _("At most %(limit_value)s characters (this has %(show_value)s).")}


class ShareStoryForm(forms.Form):
    title = forms.CharField(label=_("A title for your story"), max_length=200)
    story = forms.CharField(
        label=_("Your story"),
        widget=forms.Textarea(attrs={"rows": 14}),
        max_length=settings.SANCTUARY_MAX_STORY_CHARACTERS,
    )
    city = forms.ChoiceField(label=_("Which city group is your story about?"), required=False)
    naming = forms.ChoiceField(label=_("How should we name you?"), choices=Naming.choices, widget=forms.RadioSelect)
    display_name = forms.CharField(
        label=_("The name to show"),
        max_length=100,
        required=False,
        help_text=_("Your real name or a name you choose. Leave empty to be anonymous."),
    )
    real_name = forms.CharField(
        label=_("Your real name (never published)"),
        max_length=200,
        required=False,
        help_text=_("Only our moderators can see it. You may leave it empty."),
    )
    contact = forms.CharField(
        label=_("E-mail or phone (never published)"),
        max_length=200,
        required=False,
        help_text=_("Only our moderators can see it, to ask you about your story."),
    )
    consent_web = forms.BooleanField(label=_("You may publish my story on this website."), required=True)
    consent_print = forms.BooleanField(label=_("You may use my story in print and in exhibitions."), required=False)
    consent_translation = forms.BooleanField(
        label=_("You may translate my story into other languages."), required=False
    )
    consent_photos = forms.BooleanField(label=_("You may publish the photos I attach."), required=False)
    website = forms.CharField(required=False, label=_("Leave this empty"))  # honeypot: people never see it

    def __init__(self, *args, locale, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["city"].choices = city_choices(locale)
        # Formatted per request: the number is written the way the reader's language writes it.
        self.fields["story"].help_text = _("Write in your own language. At most %(count)s characters.") % {
            "count": number_format(self.fields["story"].max_length, force_grouping=True)
        }
        photos = MultiplePhotoField(required=False)
        photos.label = _("Photos (up to %(count)s, JPEG, PNG or WebP)") % {"count": photos.max_files}
        self.fields["photos"] = photos
        for name, field in self.fields.items():
            field.error_messages.update(LENGTH_ERRORS if getattr(field, "max_length", None) else {})
            field.error_messages.update(ERRORS.get(name, {}))

    def clean(self):
        data = super().clean()
        naming = data.get("naming")
        if naming in (Naming.REAL_NAME, Naming.PSEUDONYM) and not data.get("display_name"):
            self.add_error("display_name", _("Write the name to show, or choose to be anonymous."))
        if data.get("photos") and not data.get("consent_photos"):
            self.add_error("consent_photos", _("To share photos, agree to their publication, or remove them."))
        return data

    @property
    def is_spam(self):
        return bool(self.data.get("website"))

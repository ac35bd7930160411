"""The public translation form: one field per source segment, the credit, consent, an optional contact."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from community_translation.models import Credit
from community_translation.segments import clean_translation

HONEYPOT = "website"
ERRORS = {
    "credit": {
        "required": _("Choose how we should credit you."),
        "invalid_choice": _("Choose how we should credit you."),
    },
    "consent": {"required": _("To send your translation, agree to its publication and editing.")},
}
LENGTH_ERRORS = {"max_length": _("At most %(limit_value)s characters (this has %(show_value)s).")}


class SegmentField(forms.CharField):
    """A translation of one segment, cleaned against its source (community_translation.segments)."""

    def __init__(self, segment, **kwargs):
        self.segment = segment
        super().__init__(required=False, strip=False, **kwargs)

    def clean(self, value):
        return clean_translation(self.segment, super().clean(value) or "")


class CommunityTranslationForm(forms.Form):
    credit = forms.ChoiceField(label=_("How should we credit you?"), choices=Credit.choices, widget=forms.RadioSelect)
    credited_name = forms.CharField(
        label=_("The name to show"),
        max_length=100,
        required=False,
        help_text=_("Your name or a name you choose. Leave empty to be anonymous."),
    )
    consent = forms.BooleanField(
        label=_("I agree that this translation may be published on this website and edited by its moderators."),
        required=True,
    )
    contact = forms.CharField(
        label=_("E-mail or phone (never published)"),
        max_length=200,
        required=False,
        help_text=_("Only our moderators can see it, to ask you about your translation. You may leave it empty."),
    )
    website = forms.CharField(required=False, label=_("Leave this empty"))  # honeypot: people never see it

    def __init__(self, *args, segments, language_code, bidi, **kwargs):
        super().__init__(*args, **kwargs)
        self.segments = segments
        direction = "rtl" if bidi else "ltr"
        segment_fields = {}
        for number, segment in enumerate(segments, start=1):
            rows = 6 if segment.is_long else 2
            widget = forms.Textarea(attrs={"rows": rows, "lang": language_code, "dir": direction})
            field = SegmentField(segment, widget=widget, label=_("Translation of part %(number)s") % {"number": number})
            field.error_messages.update(LENGTH_ERRORS)
            segment_fields[segment.field_name] = field
        # The segments first, as people read the page; then who they are.
        self.fields = {**segment_fields, **self.fields}
        for name, messages in ERRORS.items():
            self.fields[name].error_messages.update(messages)
        for name in ("credited_name", "contact"):
            self.fields[name].error_messages.update(LENGTH_ERRORS)

    def segment_fields(self):
        return [(segment, self[segment.field_name]) for segment in self.segments]

    def other_fields(self):
        return [self[name] for name in ("credit", "credited_name", "consent", "contact")]

    @property
    def is_spam(self):
        return bool(self.data.get(HONEYPOT))

    def clean(self):
        data = super().clean()
        if data.get("credit") in (Credit.NAME, Credit.CHOSEN_NAME) and not data.get("credited_name"):
            self.add_error("credited_name", _("Write the name to show, or choose to be anonymous."))
        if not self.errors and not self.translations():
            raise ValidationError(_("Translate at least one part before sending."))
        return data

    def translations(self):
        """{segment key: cleaned text} for every segment the translator filled."""
        return {
            segment.key: self.cleaned_data[segment.field_name]
            for segment in self.segments
            if self.cleaned_data.get(segment.field_name)
        }

"""The shared StreamField vocabulary: every page body on the site is written with these blocks."""

from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock


def with_language_prefix(url, language_code):
    """``url`` ("/en/cities/") with its language prefix replaced by ``language_code`` ("/ar/cities/")."""
    _empty, prefix, rest = url.split("/", 2) if url.count("/") >= 2 else ("", "", "")
    if prefix not in dict(settings.LANGUAGES):
        return url
    return f"/{language_code}/{rest}"


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=200, label=_("Text"))
    level = blocks.ChoiceBlock(choices=[("h2", _("Heading 2")), ("h3", _("Heading 3"))], default="h2", label=_("Level"))

    class Meta:
        label = _("Heading")
        icon = "title"
        template = "blocks/heading.html"


class PullQuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(
        required=False,
        max_length=200,
        label=_("Attribution"),
        help_text=_("Who said it, as they wish to be named."),
    )

    class Meta:
        label = _("Pull quote")
        icon = "openquote"
        template = "blocks/pull_quote.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        required=False,
        max_length=255,
        label=_("Alternative text"),
        help_text=_("What the image shows, for people who cannot see it. Leave empty to use the image's description."),
    )
    decorative = blocks.BooleanBlock(
        required=False, label=_("Decorative"), help_text=_("Purely decorative: screen readers skip it.")
    )
    caption = blocks.CharBlock(required=False, max_length=500, label=_("Caption"))
    credit = blocks.CharBlock(
        required=False, max_length=255, label=_("Credit"), help_text=_("Leave empty to use the image's credit.")
    )

    class Meta:
        label = _("Image")
        icon = "image"
        template = "blocks/image.html"


class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False, max_length=200, label=_("Title"))
    images = blocks.ListBlock(ImageBlock(), min_num=1, label=_("Images"))

    class Meta:
        label = _("Gallery")
        icon = "image"
        template = "blocks/gallery.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        # An image deleted from the library leaves an empty item (its value is None): it is skipped, and a gallery
        # with none left is not shown at all.
        context["shown"] = [item for item in value["images"] if item["image"] is not None]
        return context


class AudioBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=200, label=_("Title"))
    audio = DocumentChooserBlock(label=_("Audio"), help_text=_("An MP3, OGG or M4A file from the documents library."))
    transcript = blocks.RichTextBlock(
        features=["bold", "italic", "link"], label=_("Transcript"), help_text=_("Needed for deaf readers.")
    )

    class Meta:
        label = _("Audio")
        icon = "media"
        template = "blocks/audio.html"


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("Video"), help_text=_("A link to a video on YouTube, Vimeo or another oEmbed provider."))
    title = blocks.CharBlock(max_length=200, label=_("Title"), help_text=_("Names the video for screen readers."))
    transcript = blocks.RichTextBlock(required=False, features=["bold", "italic", "link"], label=_("Transcript"))

    class Meta:
        label = _("Video")
        icon = "media"
        template = "blocks/video.html"


class MythFactBlock(blocks.StructBlock):
    myth_fact = SnippetChooserBlock("home.MythFact", label=_("Myth and fact"))

    class Meta:
        label = _("Myth and fact")
        icon = "help"
        template = "blocks/myth_fact.html"


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=300, label=_("Text"))
    button_label = blocks.CharBlock(max_length=60, label=_("Button label"))
    page = blocks.PageChooserBlock(required=False, label=_("Page"))
    url = blocks.URLBlock(required=False, label=_("Link"), help_text=_("Used when no page is chosen."))

    class Meta:
        label = _("Call to action")
        icon = "link"
        template = "blocks/call_to_action.html"

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"page": blocks.BlockValidationError(_("Choose a page or give a link."))}
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        page = value.get("page")
        # Readers stay in their language. Every language's tree mirrors the source tree with the same slugs,
        # so the page's URL in the reader's language is its URL with the language prefix swapped: no query.
        context["href"] = with_language_prefix(page.url, get_language()) if page else value.get("url")
        return context


RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3"]


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES, icon="pilcrow", template="blocks/paragraph.html", label=_("Paragraph")
    )
    pull_quote = PullQuoteBlock()
    image = ImageBlock()
    gallery = GalleryBlock()
    audio = AudioBlock()
    video = VideoBlock()
    myth_fact = MythFactBlock()
    call_to_action = CallToActionBlock()

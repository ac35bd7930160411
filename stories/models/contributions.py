"""What a teller gives the site that the public must never see, and the record of withdrawn stories.

``TellerIdentity`` holds the real name behind a pseudonym and the teller's contact details. No public view, API,
search index, sitemap, feed or template reads it: it is not a page field, not indexed, not in any API, and only
moderators can open it in the admin. The teller's private link is kept as a SHA-256 digest, never in clear.
"""

import datetime
import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

PRIVATE_LINK_LIFETIME = datetime.timedelta(days=365)


def digest(token):
    return hashlib.sha256(token.encode()).hexdigest()


class TellerIdentityQuerySet(models.QuerySet):
    def for_token(self, token):
        """The identity whose private link is ``token`` and has not expired, or None."""
        if not token or len(token) > 100:
            return None
        return self.filter(token_digest=digest(token), token_expires_at__gt=timezone.now()).first()


class TellerIdentity(models.Model):
    story = models.OneToOneField(
        "stories.StoryPage", on_delete=models.CASCADE, related_name="teller_identity", verbose_name=_("story")
    )
    real_name = models.CharField(_("real name"), max_length=200, blank=True)
    contact = models.CharField(_("e-mail or phone"), max_length=200, blank=True)
    token_digest = models.CharField(max_length=64, unique=True, editable=False)
    token_expires_at = models.DateTimeField(editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    # The photos this teller sent with the story: withdrawal deletes exactly these (stories.withdrawal).
    photos = models.ManyToManyField(
        settings.WAGTAILIMAGES_IMAGE_MODEL, blank=True, editable=False, related_name="+", verbose_name=_("photos sent")
    )

    objects = TellerIdentityQuerySet.as_manager()

    class Meta:
        verbose_name = _("teller's identity")
        verbose_name_plural = _("tellers' identities")

    def __str__(self):
        return _("Teller of story #%(id)s") % {"id": self.story_id}

    def issue_private_link_token(self):
        """A new unguessable token for the teller's private link; only its digest is stored."""
        token = secrets.token_urlsafe(32)
        self.token_digest = digest(token)
        self.token_expires_at = timezone.now() + PRIVATE_LINK_LIFETIME
        return token


class WithdrawnUrl(models.Model):
    """A public URL of a withdrawn story, kept as a digest so that it answers 410 Gone without naming the story.

    ``by_teller`` lets the notice say truthfully who took the story down: its teller, or the site's moderators.
    """

    path_digest = models.CharField(max_length=64, unique=True)
    withdrawn_at = models.DateTimeField(auto_now_add=True)
    by_teller = models.BooleanField(default=True)

    def __str__(self):
        return f"Withdrawn URL (since {self.withdrawn_at:%Y-%m-%d})"


class WithdrawalQuerySet(models.QuerySet):
    def for_token(self, token):
        """The withdrawal of the story whose teller's private link is ``token``, or None."""
        if not token or len(token) > 100:
            return None
        return self.filter(token_digest=digest(token)).first()


class Withdrawal(models.Model):
    """The audit record of a withdrawal: who withdrew which story id, and when. Nothing of the story's content.

    ``token_digest`` is the digest of the teller's private link (when the story had one), so that the link still
    says the truth once the story and the teller's identity are erased: "Your story has been withdrawn".
    """

    story_id_withdrawn = models.PositiveBigIntegerField(_("story id"))
    withdrawn_at = models.DateTimeField(_("withdrawn at"), auto_now_add=True)
    by_teller = models.BooleanField(_("by the teller"), default=False)
    by_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("by user")
    )
    token_digest = models.CharField(max_length=64, blank=True, default="", editable=False, db_index=True)

    objects = WithdrawalQuerySet.as_manager()

    class Meta:
        ordering = ["-withdrawn_at"]
        verbose_name = _("withdrawal")
        verbose_name_plural = _("withdrawals")

    def __str__(self):
        values = {
            "id": self.story_id_withdrawn,
            "date": date_format(timezone.localtime(self.withdrawn_at), "SHORT_DATETIME_FORMAT"),
        }
        if self.by_teller:
            return _("Story #%(id)s withdrawn by its teller on %(date)s") % values
        if self.by_user is None:
            return _("Story #%(id)s withdrawn by a deleted user on %(date)s") % values
        return _("Story #%(id)s withdrawn by %(user)s on %(date)s") % {**values, "user": self.by_user}

"""Content-Security-Policy (django-csp) and Permissions-Policy on every response.

Two policies. The public site needs no inline script or style and no other site's script, so its policy allows only
this site's own files (and the video players its video blocks embed): an injected ``<script>`` or ``style=`` does
nothing. The Wagtail admin (and wagtail-localize's editor) writes inline scripts and style attributes, so under
/admin/ scripts and styles may also be inline; everything else stays as strict (no other site's scripts, no plugins,
no framing by other sites, forms sent only here).

``CONTENT_SECURITY_POLICY`` in the settings holds the public policy (django-csp's format); the admin's is built from
it here. Check either in a browser's console: a violation is reported there.
"""

from urllib.parse import urlsplit

from csp.constants import NONE, SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings

ADMIN_PREFIX = "/admin/"

# The video players a VideoBlock (wagtail.embeds, oEmbed) shows in an iframe.
VIDEO_PLAYERS = ["https://www.youtube.com", "https://www.youtube-nocookie.com", "https://player.vimeo.com"]

# Powerful browser features the site never uses, switched off for it and for every frame it embeds.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "serial",
        "usb",
    )
)


def origin(url):
    """``https://cdn.example.org`` for an absolute URL, None for a path on this site (``/media/``)."""
    parts = urlsplit(url or "")
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


def own_origins(*urls):
    """'self' and the origins of those of ``urls`` served from elsewhere (a CDN)."""
    return [SELF, *dict.fromkeys(found for found in map(origin, urls) if found)]


def public_directives(static_url, media_url):
    """The public site's policy (``CONTENT_SECURITY_POLICY["DIRECTIVES"]``): this site's files, wherever served from.

    Wagtail's userbar, shown to logged-in editors on public pages, loads its files from WAGTAILADMIN_BASE_URL, which is
    this site's own address.
    """
    files = own_origins(static_url, media_url)
    code = own_origins(static_url)
    return {
        "default-src": [SELF],
        "script-src": code,
        "style-src": code,
        "img-src": [*files, "data:"],
        "media-src": files,
        "font-src": files,
        "frame-src": [SELF, *VIDEO_PLAYERS],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }


def admin_directives(public):
    """The admin's policy: the public one, plus inline scripts and styles, and images from blob: (upload previews)."""
    return {
        **public,
        "script-src": [*public["script-src"], UNSAFE_INLINE],
        "style-src": [*public["style-src"], UNSAFE_INLINE],
        "img-src": [*public["img-src"], "blob:"],
    }


class SecurityHeadersMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's policy under /admin/, and a Permissions-Policy header."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and request.path_info.startswith(ADMIN_PREFIX):
            public = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
            parts = PolicyParts(default_config(admin_directives(public)), parts.update, parts.replace, parts.nonce)
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response

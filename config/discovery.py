"""What crawlers and browsers ask for at the site's root: /robots.txt and the icons (/favicon.ico and friends).

The sitemap itself is home/sitemap.py; robots.txt points at it on the configured public address.
"""

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.models import Page

from stories.models.share_page import ShareStoryPage


def private_paths(request):
    """Every language's address of the tellers' private pages (their story's status and withdrawal)."""
    paths = set()
    for page in Page.objects.type(ShareStoryPage).live().only("id", "url_path", "path", "depth", "locale_id"):
        parts = page.get_url_parts(request)
        if parts:
            paths.add(f"{parts[2]}status/")
    return sorted(paths)


@require_GET
@cache_control(max_age=3600, public=True)
def robots_txt(request):
    lines = ["User-agent: *", "Allow: /", "Disallow: /admin/", "Disallow: /private-media/"]
    lines += [f"Disallow: {path}" for path in private_paths(request)]
    lines += ["", f"Sitemap: {settings.WAGTAILADMIN_BASE_URL}/sitemap.xml", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def icon(name):
    """A view that sends browsers asking at the site's root (as they do without asking the page) to the static file."""

    @require_GET
    def view(request):
        return redirect(static(name))

    return view

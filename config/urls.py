from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.documents import urls as wagtaildocs_urls

from community_translation import views as community_translation
from config import discovery
from config.api import api_not_found, api_router
from config.views import healthz, not_found
from editorial.single_name import SingleNameAccountView, upstream_requires_last_name
from editorial.workflow_actions import ConfirmedWorkflowActionView
from home import private_media
from home.search import search
from home.sitemap import sitemap_index, sitemap_section

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    # Ahead of Wagtail's own: the same workflow action, which then confirms what it did (editorial/workflow_actions.py).
    path(
        "admin/pages/workflow/action/<int:page_id>/<slug:action_name>/<int:task_state_id>/",
        require_admin_access(ConfirmedWorkflowActionView.as_view()),
    ),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's document addresses take any run of digits as an id: one longer than a database integer would be a 500.
    re_path(r"^documents/\d{19,}/", not_found),
    path("documents/", include(wagtaildocs_urls)),
    path("private-media/<path:path>", private_media.serve, name="private_media"),
    path("sitemap.xml", sitemap_index, name="sitemap"),
    path("sitemap-<str:section>.xml", sitemap_section, name="sitemap_section"),
    path("robots.txt", discovery.robots_txt, name="robots_txt"),
    path("favicon.ico", discovery.icon("favicon.ico")),
    path("apple-touch-icon.png", discovery.icon("apple-touch-icon.png")),
    path("apple-touch-icon-precomposed.png", discovery.icon("apple-touch-icon.png")),
    path("api/v2/", api_router.urls),
    re_path(r"^api/", api_not_found),  # a JSON 404 for any other API address
]
if upstream_requires_last_name():
    # Ahead of Wagtail's own account view: the same page, where a single name is enough (editorial/single_name.py).
    urlpatterns.insert(
        1, path("admin/account/", require_admin_access(SingleNameAccountView.as_view()), name="wagtailadmin_account")
    )

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# The page tree, one per language: /en/…, /cy/…, /ar/…; "/" redirects by Accept-Language.
urlpatterns += i18n_patterns(
    path("search/", search, name="search"),  # ahead of the page tree: a view, not a page type (home/search.py)
    # Readers translating a page into the language of the address (community_translation/views.py).
    path("translate/<int:page_id>/", community_translation.translate, name="community_translate"),
    path("translate/<int:page_id>/draft/", community_translation.draft, name="community_translation_draft"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

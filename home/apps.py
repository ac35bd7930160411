from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save, pre_save
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and shared pages")

    def ready(self):
        from wagtail.models import Locale, Site, UploadedFile
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from home import page_cache
        from home.child_relations import remember_child_relations
        from home.pending_uploads import strip_pending_upload
        from home.private_media import index_references_on_publish
        from home.routing import forget_homes, forget_homes_for_top_pages
        from home.site_lookup import forget_sites

        remember_child_relations()
        page_cache.connect()
        post_save.connect(forget_sites, sender=Site, dispatch_uid="sanctuary_forget_sites_on_save")
        post_delete.connect(forget_sites, sender=Site, dispatch_uid="sanctuary_forget_sites_on_delete")
        # The home pages Wagtail routes from (home/routing.py): any page model can be a site's root.
        for signal in (post_save, post_delete, page_published, page_unpublished, post_page_move):
            signal.connect(forget_homes_for_top_pages, dispatch_uid=f"sanctuary_forget_homes_{id(signal)}")
        for signal in (post_save, post_delete):
            signal.connect(forget_homes, sender=Locale, dispatch_uid=f"sanctuary_forget_homes_locale_{id(signal)}")

        pre_save.connect(strip_pending_upload, sender=UploadedFile, dispatch_uid="sanctuary_strip_pending_upload")
        page_published.connect(index_references_on_publish, dispatch_uid="sanctuary_index_references_on_publish")

"""The read-only headless API (/api/v2/): pages (filterable with ?locale=), images and documents."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from stories.contribute.submission import PHOTO_COLLECTION


class PublicImagesAPIViewSet(ImagesAPIViewSet):
    """Images, except photos sent with "Share your story": those are shown only inside the stories they belong to."""

    def get_queryset(self):
        return super().get_queryset().exclude(collection__name=PHOTO_COLLECTION)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)

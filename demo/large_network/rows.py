"""Writing thousands of pages at once, as the rows ``add_child``, ``save_revision().publish()`` and ``create_alias``
would leave them, without their per-page work (signals, full_clean, one INSERT per row and table).

Used only by ``build_large_network``: a page an editor makes goes through Wagtail as usual. What is skipped here is
done afterwards in bulk (search index) or does not concern the public site (log entries, the reference index).
"""

import contextlib
import copy

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models.base import ModelState
from django.db.models.signals import post_save
from modelcluster.models import get_all_child_m2m_relations, get_all_child_relations, get_serializable_data_for_fields
from modelsearch.index import get_indexed_models
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import Page, Revision
from wagtail.search.backends import get_search_backend

# Page fields an alias does not share with its original (wagtail.actions.create_alias and Page.copy exclude them).
NOT_COPIED_TO_ALIAS = {"id", "path", "depth", "numchild", "url_path", "latest_revision_id", "locale_id", "alias_of_id"}


def insert_rows(model, objs, fields):
    """INSERT ``objs`` into ``model``'s own table only, in batches the database accepts."""
    if not objs:
        return
    batch = max(connection.ops.bulk_batch_size(fields, objs), 1)
    for start in range(0, len(objs), batch):
        model._base_manager._insert(objs[start : start + batch], fields=fields, using=connection.alias)


def insert_pages(pages):
    """Insert specific pages whose tree fields are set: the ``wagtailcore_page`` rows, then each model's own rows."""
    base_fields = [field for field in Page._meta.concrete_fields if not field.primary_key]
    bases = [Page(**{field.attname: getattr(page, field.attname) for field in base_fields}) for page in pages]
    Page.objects.bulk_create(bases, batch_size=500)
    for page, base in zip(pages, bases, strict=True):
        page.pk = page.id = base.id
        page._state = ModelState()
        page._state.adding, page._state.db = False, connection.alias
    by_model = {}
    for page in pages:
        by_model.setdefault(type(page), []).append(page)
    for model, same in by_model.items():
        for parent in reversed(model._meta.get_parent_list()):
            if parent is not Page and not parent._meta.abstract:
                raise ValueError(f"{model.__name__}: only page models directly on Page are supported")
        for page in same:
            page.page_ptr_id = page.id
        insert_rows(model, same, model._meta.local_concrete_fields)
    return pages


class ChildPositions:
    """Tree positions (treebeard's materialised paths) for new children of each parent, after its existing ones."""

    def __init__(self):
        self._next = {}

    def place(self, parent, page):
        if parent.pk not in self._next:
            last = parent.get_children().order_by("-path").values_list("path", flat=True).first()
            self._next[parent.pk] = Page._str2int(last[-Page.steplen :]) + 1 if last else 1
        step = self._next[parent.pk]
        self._next[parent.pk] = step + 1
        page.depth = parent.depth + 1
        page.path = Page._get_path(parent.path, page.depth, step)
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.locale_id = parent.locale_id
        parent.numchild += 1

    def save_counts(self, parents):
        """Store each parent's ``numchild`` (as treebeard's add_child does, once per parent)."""
        for parent in parents:
            Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild)


def prepare_live(page, published_at):
    """The fields of a page published once, as ``publish()`` leaves them."""
    page.live, page.has_unpublished_changes = True, False
    page.draft_title = page.title
    page.first_published_at = page.last_published_at = page.latest_revision_created_at = published_at


def revision_content(page, children):
    """What ``page.serializable_data()`` gives, without a query per child relation: ``children`` holds the child
    objects written for it, by relation name (a relation not named has none)."""
    content = get_serializable_data_for_fields(page)
    for relation in get_all_child_relations(page):
        name = relation.get_accessor_name()
        content[name] = [get_serializable_data_for_fields(child) for child in children.get(name, [])]
    for field in get_all_child_m2m_relations(page):
        if field.serialize:
            content[field.name] = []
    return content


def add_revisions(pages, children, user=None):
    """One revision per page, its latest and live one, as ``save_revision().publish()`` leaves them.

    ``children``: {page id: {relation name: [child objects]}} for the pages that have child objects.
    """
    base_type = ContentType.objects.get_for_model(Page)
    revisions = [
        Revision(
            content_type_id=page.content_type_id,
            base_content_type=base_type,
            object_id=str(page.pk),
            created_at=page.last_published_at,
            user=user,
            object_str=page.title,
            content=revision_content(page, children.get(page.pk, {})),
        )
        for page in pages
    ]
    Revision.objects.bulk_create(revisions, batch_size=500)
    for page, revision in zip(pages, revisions, strict=True):
        page.latest_revision_id = page.live_revision_id = revision.pk
    Page.objects.bulk_update(pages, ["latest_revision_id", "live_revision_id"], batch_size=500)
    return revisions


def alias_of(page, parent):
    """An unsaved alias of ``page`` (saved, specific) under ``parent`` (in another locale), as create_alias makes it."""
    alias = copy.copy(page)
    alias.__dict__ = {key: value for key, value in page.__dict__.items() if not key.startswith("_")}
    alias._state = ModelState()
    for name in NOT_COPIED_TO_ALIAS:
        setattr(alias, name, None)
    alias.page_ptr_id = None
    alias.alias_of_id = page.pk
    alias.draft_title = page.title
    alias.has_unpublished_changes = not page.live
    return alias


def index_for_search(pages):
    """Add ``pages`` to the search index, one bulk write per page type (what each save's signal would do one by one)."""
    backend = get_search_backend()
    by_model = {}
    for page in pages:
        by_model.setdefault(type(page), []).append(page)
    for model, same in by_model.items():
        backend.add_bulk(model, same)


@contextlib.contextmanager
def search_index_updates_paused():
    """No search-index write on each save (the signal modelsearch connects): pages are indexed in bulk afterwards."""
    models = [model for model in get_indexed_models() if getattr(model, "search_auto_update", True)]
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        yield
    finally:
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)

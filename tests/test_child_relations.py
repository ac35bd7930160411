"""modelcluster's child relations, remembered per model class (home/child_relations.py)."""

import pytest
from django.apps import apps
from modelcluster import models as modelcluster_models
from modelcluster.models import ClusterableModel

from exhibitions.models import ExhibitionPage
from stories.models import StoryPage

pytestmark = pytest.mark.django_db


def test_every_clusterable_models_child_relations_are_what_modelcluster_finds():
    clusterable = [model for model in apps.get_models() if issubclass(model, ClusterableModel)]
    assert StoryPage in clusterable and ExhibitionPage in clusterable
    for name in ("get_all_child_relations", "get_all_child_m2m_relations"):
        remembered = getattr(modelcluster_models, name)
        assert hasattr(remembered, "for_class"), f"{name} is not remembered"
        for model in clusterable:
            assert remembered(model) == remembered.__wrapped__(model), (name, model)
            assert remembered(model()) == remembered.__wrapped__(model), (name, model)  # an instance as its class


def test_a_story_keeps_its_related_stories_and_tags_as_children():
    """What the remembered relations serve: a page made with its children in the constructor keeps them."""
    from stories.models import RelatedStory, StoryTag

    story = StoryPage(title="Told", related_stories=[RelatedStory(story_id=1)], tagged_items=[StoryTag(tag_id=2)])
    assert [related.story_id for related in story.related_stories.all()] == [1]
    assert [tagged.tag_id for tagged in story.tagged_items.all()] == [2]
    accessors = {relation.get_accessor_name() for relation in modelcluster_models.get_all_child_relations(StoryPage)}
    assert {"related_stories", "tagged_items"} <= accessors

"""modelcluster's child relations of a model, found once per model instead of once per instance made.

``ClusterableModel.__init__`` (every Wagtail page is one) lists the model's child relations on every instance it makes,
each time going through every field and reverse relation of the model (about a hundred on a page) twice: 30 to 50
microseconds a page, so 2 ms for the fifty cities of /cities/ and half a millisecond for a listing's twelve cards.
The relations of a model do not change once the models are ready, so ``remember_child_relations`` (called from
``HomeConfig.ready``) makes modelcluster's two functions remember them for each model class.
"""

import functools

from modelcluster import models as modelcluster_models


def remember_child_relations():
    for name in ("get_all_child_relations", "get_all_child_m2m_relations"):
        original = getattr(modelcluster_models, name)
        if not hasattr(original, "for_class"):
            setattr(modelcluster_models, name, remembered(original))


def remembered(find):
    """``find(model)`` for a model class or instance, found once per class; a new list each call, as ``find`` gives."""
    for_class = functools.cache(lambda model_class: tuple(find(model_class)))

    @functools.wraps(find)
    def find_for(model):
        return list(for_class(model if isinstance(model, type) else type(model)))

    find_for.for_class = for_class
    return find_for

import pytest

from home.demo import tree


@pytest.fixture
def locales(db):
    """A Locale for every configured language; returns the source (English) locale."""
    return tree.ensure_locales()


@pytest.fixture
def home(locales):
    """The English home page as the default Site's root, with alias trees in every other locale."""
    home = tree.ensure_home(locales)
    tree.sync_locale_trees(locales)
    return home

"""Where each page type lives in the test network (tests/conftest.py): a path, or a function of the network."""

PAGES = {
    "home": "/en/",
    "standard page": "/en/about/",
    "city index": "/en/cities/",
    "city hub": lambda network: network["sheffield"].url,
    "event": lambda network: network["upcoming_event"].url,
    "past event": lambda network: network["past_event"].url,
    "event index": "/en/events/",
    "past events": "/en/events/past/",
    "story collection": lambda network: network["collection"].url,
    "story": lambda network: network["stories"][0].url,
    "story index": "/en/stories/",
    "story tag listing": "/en/stories/tag/welcome/",
    "exhibition index": "/en/exhibitions/",
    "exhibition": lambda network: network["exhibition"].url,
    "exhibit": lambda network: network["exhibits"][1].url,
    "exhibition panels": lambda network: f"{network['exhibition'].url}panels/",
    "share your story": "/en/share-your-story/",
    "404": "/en/no-such-page/",
    "arabic home": "/ar/",
}

# Pages in another language's tree. The network is built after the locale trees were first synchronised, so until
# they are synchronised again the other trees hold only the home page (no menu, no stories, no events).
OTHER_LANGUAGES = {"arabic home": "ar"}


# The page types that exist in every language: each language's tree mirrors the English one with the same slugs.
IN_EVERY_LANGUAGE = [name for name in PAGES if name not in OTHER_LANGUAGES]


def path_for(name, network, language="en"):
    """The path of page type ``name``; with ``language``, of its version in that language's tree (same slugs)."""
    path = PAGES[name]
    path = path(network) if callable(path) else path
    return path if language == "en" else f"/{language}/" + path.removeprefix("/en/")

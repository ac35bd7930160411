"""A synthetic large network on top of the demo: the sizes issue 13 plans for (50 cities, 5,000 stories, 200
exhibitions of 10 exhibits, 1,000 events), every language's tree synced and a share of pages really translated.

City hubs and their collections are made as an editor makes them (add_child, publish, the signals that give them
their groups and workflows, aliases by wagtail-localize's sync). The thousands of stories, events, exhibitions and
exhibits are written in bulk (demo/large_network/rows.py), stories with their consent and Story review recorded on
their live revision (review.py). The translations go through wagtail-localize and each page's own publish, so
translated stories pass the consent rule like any other.
"""

import datetime
import itertools
from dataclasses import dataclass, fields, replace
from decimal import Decimal

from django.db.models import Count
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Locale, Page

from cities.models import CityHubIndexPage, CityHubPage, CityStatus, EventIndexPage, EventPage
from demo.content.build import ensure_page, rich_text
from demo.large_network import rows
from demo.large_network.review import record_passed_review
from exhibitions.models import ExhibitionIndexPage, ExhibitionPage, ExhibitionTag, ExhibitPage
from home import bootstrap
from home.translation import translate
from stories.models import Naming, RelatedStory, StoryCollectionPage, StoryIndexPage, StoryPage, StoryTag

TOWN_SLUG = "town-{:03d}"
COLLECTION_SLUG = "stories-of-sanctuary"
STORY_SLUG = "story-{:05d}"
FIRST_STORY_SLUG = STORY_SLUG.format(1)
STORY_TAGS = ["welcome", "work", "school", "community", "music"]
EXHIBITION_TAGS = ["contribution", "art", "history"]
BIGGEST_COLLECTION_SHARE = 0.1  # one collection holds a tenth of the stories: the admin explorer's worst case


@dataclass(frozen=True)
class Sizes:
    cities: int = 50  # city hubs in all, the demo's included
    stories: int = 5000
    exhibitions: int = 200
    exhibits: int = 10  # per exhibition
    events: int = 1000
    translated: float = 0.1  # share of the new pages given a real translation (in one other language each)

    def scaled(self, factor):
        counts = {f.name: max(1, round(getattr(self, f.name) * factor)) for f in fields(self) if f.type is int}
        counts.pop("exhibits")
        counts["cities"] = max(2, counts["cities"])
        return replace(self, **counts)


class AlreadyBuilt(Exception):
    pass


def build(sizes, images, report=print):
    """Add the large network to the demo; returns counts of what was made. ``images``: the demo's, by key."""
    source = Locale.objects.get(language_code=bootstrap.ensure_locales().language_code)
    home = bootstrap.ensure_home(source)
    if StoryPage.objects.filter(slug=FIRST_STORY_SLUG, locale=source).exists():
        raise AlreadyBuilt("This database already holds the large network: build it in a fresh database.")
    indexes = {model: home.get_children().type(model).first() for model in INDEX_MODELS}
    missing = [model.__name__ for model, page in indexes.items() if page is None]
    if missing:
        raise ValueError(f"Run seed_demo first: the home page has no {', '.join(missing)}.")

    hubs, collections, made_by_hand = ensure_towns(indexes[CityHubIndexPage].specific, sizes.cities)
    report(f"{len(hubs)} city hubs, {len(collections)} collections ({len(made_by_hand)} new, made one by one)")

    pictures = list(images.values())
    published_at = timezone.now()
    stories = story_pages(collections, sizes.stories, pictures)
    events = event_pages(hubs, sizes.events)
    exhibitions = exhibition_pages(hubs, sizes.exhibitions, pictures)
    first_wave = write(stories + events + exhibitions, published_at)
    exhibits = write(exhibit_pages(exhibitions, sizes.exhibits), published_at)
    new_pages = first_wave + exhibits
    story_list = [page for _parent, page in stories]
    children = add_tags_and_related(story_list, [page for _parent, page in exhibitions])
    revisions = dict(zip(new_pages, rows.add_revisions(new_pages, children), strict=True))
    record_passed_review(story_list, [revisions[page] for page in story_list])
    report(f"{len(new_pages)} pages in the source tree, with revisions and Story review")

    aliases = write_aliases(made_by_hand + new_pages, Locale.objects.exclude(pk=source.pk))
    report(f"{len(aliases)} aliases in the other languages' trees")
    rows.index_for_search(new_pages + aliases)
    report("search index")
    check_trees_mirror_each_other()

    translated = translate_share(new_pages, sizes.translated, Locale.objects.exclude(pk=source.pk))
    rows.index_for_search(translated)
    report(f"{len(translated)} pages translated (wagtail-localize), and indexed")
    return {
        "cities": len(hubs),
        "stories": len(stories),
        "events": len(events),
        "exhibitions": len(exhibitions),
        "exhibits": len(exhibits),
        "aliases": len(aliases),
        "translations": len(translated),
    }


INDEX_MODELS = (CityHubIndexPage, StoryIndexPage, EventIndexPage, ExhibitionIndexPage)


def ensure_towns(city_index, count):
    """City hubs up to ``count`` (synthetic towns after the demo's), each with a Stories of Sanctuary collection.

    Made as an editor makes them, so their groups and workflows come from the usual signals; returns the hubs,
    the collections (the one to hold the most stories first) and the pages made, parents first.
    """
    hubs = list(CityHubPage.objects.child_of(city_index).order_by("path"))
    made = []
    for number in range(1, count - len(hubs) + 1):
        hub, _created = ensure_page(
            city_index,
            CityHubPage,
            TOWN_SLUG.format(number),
            title=f"Sanctuary Town {number}",
            status=CityStatus.WORKING_TOWARDS,
            latitude=Decimal("50.5") + Decimal(number % 40) / 10,
            longitude=Decimal("-4.5") + Decimal(number % 50) / 10,
            intro=f"A synthetic city group, number {number}, made to measure the site at the size it will grow to.",
        )
        hubs.append(hub)
        made.append(hub)
    collections = []
    for hub in hubs:
        collection = StoryCollectionPage.objects.child_of(hub).first()
        if collection is None:
            collection, _created = ensure_page(
                hub, StoryCollectionPage, COLLECTION_SLUG, title="Stories of Sanctuary", intro="Stories told here."
            )
            made.append(collection)
        collections.append(collection)
    # Biggest first: the first town's collection gets the largest share of the stories.
    own = [c for c in collections if c.slug == COLLECTION_SLUG and c.get_parent().slug.startswith("town-")]
    return hubs, own + [c for c in collections if c not in own], made


def story_pages(collections, count, pictures):
    """(collection, story) pairs: a tenth of them in the first collection, the rest spread over all of them."""
    biggest = int(count * BIGGEST_COLLECTION_SHARE)
    places = [collections[0]] * biggest + list(itertools.islice(itertools.cycle(collections), count - biggest))
    namings = itertools.cycle([Naming.PSEUDONYM, Naming.REAL_NAME, Naming.ANONYMOUS])
    pairs = []
    for number, collection in enumerate(places, 1):
        naming = next(namings)
        pairs.append(
            (
                collection,
                StoryPage(
                    title=f"A story of sanctuary, number {number}",
                    slug=STORY_SLUG.format(number),
                    teller_name="" if naming == Naming.ANONYMOUS else f"Teller {number}",
                    naming=naming,
                    told_in="en",
                    told_on=datetime.date(2009, 11, 1) - datetime.timedelta(days=number % 3000),
                    summary=f"A synthetic story ({number}), written to measure the site at scale.",
                    image=pictures[number % len(pictures)],
                    body=[{"type": "paragraph", "value": rich_text(f"Story number {number}, a sample text.")}],
                ),
            )
        )
    return pairs


def event_pages(hubs, count):
    """Events spread over the hubs, from a year ago to two years ahead (about a third in the past)."""
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    span = 1095  # days
    return [
        (
            hubs[number % len(hubs)],
            EventPage(
                title=f"Community event {number}",
                slug=f"event-{number:04d}",
                start=now + datetime.timedelta(days=number * span // count - 365, hours=number % 8),
                venue="Community hall",
                summary=f"A synthetic event ({number}).",
            ),
        )
        for number in range(1, count + 1)
    ]


def exhibition_pages(hubs, count, pictures):
    """Exhibitions spread over the hubs: past ones, current ones and upcoming ones."""
    today = timezone.localdate()
    pairs = []
    for number in range(1, count + 1):
        opens = today + datetime.timedelta(days=(number * 7) % 900 - 700)
        closes = opens + datetime.timedelta(days=90) if number % 3 else None
        pairs.append(
            (
                hubs[number % len(hubs)],
                ExhibitionPage(
                    title=f"Exhibition {number}",
                    slug=f"exhibition-{number:03d}",
                    summary=f"A synthetic exhibition ({number}).",
                    curator_statement="<p>Writing and images.</p>",
                    venue="Town museum",
                    opens_on=opens,
                    closes_on=closes,
                    hero_image=pictures[number % len(pictures)],
                ),
            )
        )
    return pairs


def exhibit_pages(exhibitions, per_exhibition):
    return [
        (exhibition, ExhibitPage(title=f"Exhibit {n}", slug=f"exhibit-{n:02d}", writing=f"<p>Exhibit {n}.</p>"))
        for _parent, exhibition in exhibitions
        for n in range(1, per_exhibition + 1)
    ]


def write(pairs, published_at):
    """Place each (parent, page) after the parent's children, published, and insert them all; returns the pages."""
    positions = rows.ChildPositions()
    parents = {}
    for parent, page in pairs:
        parent = parents.setdefault(parent.pk, parent)
        positions.place(parent, page)
        rows.prepare_live(page, published_at)
    rows.insert_pages([page for _parent, page in pairs])
    positions.save_counts(parents.values())
    return [page for _parent, page in pairs]


def check_trees_mirror_each_other():
    """Every language's tree has one version (alias or translation) of each page: what sync_locale_trees ensures.

    (Running the sync itself to check would cost a query per page and language: wagtail-localize looks up the
    source of every page that has an alias.)
    """
    per_language = Page.objects.filter(depth__gt=1).order_by().values("locale").annotate(n=Count("id"))
    counts = {row["n"] for row in per_language}
    if len(counts) != 1:
        raise RuntimeError(f"The language trees do not mirror each other: {sorted(counts)} pages per language.")


def add_tags_and_related(stories, exhibitions):
    """Tags on stories and exhibitions, and a related story on each story; returns them by page and relation."""
    story_tags = [Tag.objects.get_or_create(name=name, defaults={"slug": name})[0] for name in STORY_TAGS]
    exhibition_tags = [Tag.objects.get_or_create(name=name, defaults={"slug": name})[0] for name in EXHIBITION_TAGS]
    tagged = StoryTag.objects.bulk_create(
        [StoryTag(content_object=story, tag=story_tags[n % len(story_tags)]) for n, story in enumerate(stories)],
        batch_size=500,
    )
    tagged += ExhibitionTag.objects.bulk_create(
        [ExhibitionTag(content_object=e, tag=exhibition_tags[n % 3]) for n, e in enumerate(exhibitions)],
        batch_size=500,
    )
    related = RelatedStory.objects.bulk_create(
        [RelatedStory(page=story, story=stories[n - 1], sort_order=0) for n, story in enumerate(stories) if n],
        batch_size=500,
    )
    children = {}
    for tag in tagged:
        children.setdefault(tag.content_object_id, {})["tagged_items"] = [tag]
    for relation in related:
        children.setdefault(relation.page_id, {})["related_stories"] = [relation]
    return children


def write_aliases(pages, locales):
    """An alias of each page (parents before children) in every other locale, under its parent's alias there."""
    aliases = []
    by_key = {}
    parent_paths = {page.path[: -Page.steplen] for page in pages}
    for parent in Page.objects.filter(path__in=parent_paths):
        by_key[parent.path] = parent
    for locale in locales:
        versions = {
            page.translation_key: page
            for page in Page.objects.filter(
                locale=locale, translation_key__in=[p.translation_key for p in by_key.values()]
            )
        }
        alias_parents = {
            path: versions[parent.translation_key]
            for path, parent in by_key.items()
            if parent.translation_key in versions
        }
        made = {}  # source path -> alias, for children of pages made in this run
        for depth in sorted({page.depth for page in pages}):
            pairs = []
            for page in (p for p in pages if p.depth == depth):
                parent_path = page.path[: -Page.steplen]
                parent = made.get(parent_path) or alias_parents[parent_path]
                alias = rows.alias_of(page, parent)
                pairs.append((parent, alias))
                made[page.path] = alias
            positions = rows.ChildPositions()
            seen = {}
            for parent, alias in pairs:
                parent = seen.setdefault(parent.pk, parent)
                positions.place(parent, alias)
            rows.insert_pages([alias for _parent, alias in pairs])
            positions.save_counts(seen.values())
            aliases += [alias for _parent, alias in pairs]
    copy_alias_relations(aliases)
    return aliases


def copy_alias_relations(aliases):
    """Tags and related stories of each original, on its aliases (create_alias copies child relations)."""
    originals = [alias.alias_of_id for alias in aliases]
    story_tags = {tag.content_object_id: tag.tag_id for tag in StoryTag.objects.filter(content_object_id__in=originals)}
    exhibition_tags = {
        tag.content_object_id: tag.tag_id for tag in ExhibitionTag.objects.filter(content_object_id__in=originals)
    }
    related = {r.page_id: r.story_id for r in RelatedStory.objects.filter(page_id__in=originals)}
    StoryTag.objects.bulk_create(
        [
            StoryTag(content_object_id=a.pk, tag_id=story_tags[a.alias_of_id])
            for a in aliases
            if a.alias_of_id in story_tags
        ],
        batch_size=500,
    )
    ExhibitionTag.objects.bulk_create(
        [
            ExhibitionTag(content_object_id=a.pk, tag_id=exhibition_tags[a.alias_of_id])
            for a in aliases
            if a.alias_of_id in exhibition_tags
        ],
        batch_size=500,
    )
    RelatedStory.objects.bulk_create(
        [
            RelatedStory(page_id=a.pk, story_id=related[a.alias_of_id], sort_order=0)
            for a in aliases
            if a.alias_of_id in related
        ],
        batch_size=500,
    )


def translate_share(pages, share, locales):
    """Give every n-th page (a ``share`` of them) a real translation, each into the next language in turn."""
    if share <= 0:
        return []
    step = max(1, round(1 / share))
    languages = itertools.cycle([locale.language_code for locale in locales])
    translations = []
    for page in pages[::step]:
        language = next(languages)
        page = Page.objects.get(pk=page.pk).specific  # fresh: translate() reads its live revision and relations
        translations.append(translate(page, language, lambda text, code=language: f"[{code}] {text}"))
    return translations

"""Parent/child rules make a wrong tree impossible to build in the admin."""

from django.utils.html import strip_tags
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cities.models import CityHubIndexPage, CityHubPage, EventIndexPage, EventPage
from exhibitions.models import ExhibitionIndexPage, ExhibitionPage, ExhibitPage
from home import bootstrap
from home.models import HomePage, StandardPage
from stories.models import StoryCollectionPage, StoryIndexPage, StoryPage
from stories.models.share_page import ShareStoryPage
from tests import builders


class PageTreeRulesTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        locale = bootstrap.ensure_locales()
        cls.home = bootstrap.ensure_home(locale)

    def test_only_one_home_page_can_be_made_by_hand(self):
        # Other languages' home pages are translations of this one, not new pages.
        self.assertCanCreateAt(Page, HomePage)
        self.assertFalse(HomePage.can_create_at(Page.get_first_root_node()))

    def assertCreatableSubpageTypes(self, parent_model, child_models):
        """The page types an editor is offered under ``parent_model``.

        The home page and city hubs leave their children to declare where they may live (``parent_page_types``),
        so that home and cities name no page type of the apps above them; Wagtail's plain ``Page`` is then
        "allowed" too, but it is never creatable, so nobody can add one.
        """
        self.assertFalse(Page.is_creatable)
        self.assertEqual(set(parent_model.creatable_subpage_models()), child_models)

    def test_home_page_children(self):
        self.assertCreatableSubpageTypes(
            HomePage,
            {
                StandardPage,
                CityHubIndexPage,
                EventIndexPage,
                StoryIndexPage,
                StoryCollectionPage,
                ExhibitionIndexPage,
                ShareStoryPage,
            },
        )

    def test_city_hubs_live_only_in_the_city_index(self):
        self.assertAllowedParentPageTypes(CityHubPage, {CityHubIndexPage})
        self.assertCreatableSubpageTypes(CityHubPage, {StoryCollectionPage, ExhibitionPage, EventPage, StandardPage})

    def test_stories_live_only_in_collections(self):
        self.assertAllowedParentPageTypes(StoryPage, {StoryCollectionPage})
        self.assertAllowedSubpageTypes(StoryPage, set())
        self.assertAllowedParentPageTypes(StoryCollectionPage, {HomePage, CityHubPage})

    def test_exhibits_live_only_in_exhibitions(self):
        self.assertAllowedParentPageTypes(ExhibitPage, {ExhibitionPage})
        self.assertAllowedParentPageTypes(ExhibitionPage, {CityHubPage, ExhibitionIndexPage})
        self.assertAllowedSubpageTypes(ExhibitionPage, {ExhibitPage})

    def test_events_live_only_in_city_hubs(self):
        self.assertAllowedParentPageTypes(EventPage, {CityHubPage})
        self.assertAllowedSubpageTypes(EventPage, set())

    def test_network_listings_exist_once_per_home_page(self):
        for index_model in (CityHubIndexPage, StoryIndexPage, ExhibitionIndexPage, EventIndexPage):
            with self.subTest(index_model.__name__):
                self.assertCanCreateAt(HomePage, index_model)
                self.assertTrue(index_model.can_create_at(self.home))
        builders.city_index(self.home)
        builders.story_index(self.home)
        self.assertFalse(CityHubIndexPage.can_create_at(self.home))
        self.assertFalse(StoryIndexPage.can_create_at(self.home))

    def test_a_story_cannot_be_created_outside_a_collection(self):
        self.assertCanNotCreateAt(HomePage, StoryPage)
        self.assertCanNotCreateAt(CityHubPage, StoryPage)
        self.assertCanCreateAt(StoryCollectionPage, StoryPage)

    def test_a_story_can_be_created_through_the_admin_form(self):
        # Not self.login(): the test client's login() authenticates without a request, which django-axes refuses.
        self.client.force_login(self.create_test_user())
        index = builders.city_index(self.home)
        hub = builders.city(index, "Bradford")
        stories = builders.collection(hub)
        self.assertCanCreate(
            stories,
            StoryPage,
            nested_form_data(
                {
                    "title": "Finding work",
                    "slug": "finding-work",
                    "teller_name": "Samir",
                    "naming": "pseudonym",
                    "told_in": "ar",
                    "told_on": "2009-11-01",
                    "summary": "How Samir found work.",
                    "body": streamfield([("paragraph", rich_text("<p>Sample.</p>"))]),
                    "tags": "work",
                    "related_stories": inline_formset([]),
                    "comment_notifications": "",
                }
            ),
            publish=False,  # a new story is submitted for review, never published from the form
        )
        created = StoryPage.objects.get(slug="finding-work")
        self.assertFalse(created.live)
        self.assertEqual((created.teller_name, created.get_parent().id), ("Samir", stories.id))
        self.assertEqual(
            [(block.block_type, strip_tags(block.value.source)) for block in created.body], [("paragraph", "Sample.")]
        )

import pytest

from config.machine_translation import machine_translator_from_env


def test_no_machine_translation_unless_asked():
    assert machine_translator_from_env({}) is None


@pytest.mark.parametrize(
    ("env", "translator_class"),
    [
        ({"MACHINE_TRANSLATOR": "deepl", "DEEPL_API_KEY": "k"}, "deepl.DeepLTranslator"),
        (
            {"MACHINE_TRANSLATOR": "google", "GOOGLE_TRANSLATE_PROJECT_ID": "p", "GOOGLE_APPLICATION_CREDENTIALS": "f"},
            "google.GoogleCloudTranslator",
        ),
        ({"MACHINE_TRANSLATOR": "LibreTranslate", "LIBRETRANSLATE_URL": "http://lt"}, "libretranslate.LibreTranslator"),
    ],
)
def test_each_supported_service_is_configured_from_the_environment(env, translator_class):
    assert machine_translator_from_env(env)["CLASS"].endswith(translator_class)


def test_an_unknown_service_is_refused_with_a_clear_message():
    with pytest.raises(SystemExit, match="not one of deepl, google, libretranslate"):
        machine_translator_from_env({"MACHINE_TRANSLATOR": "babelfish"})


def test_tests_use_the_dummy_translator(settings):
    assert settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR["CLASS"].endswith("DummyTranslator")

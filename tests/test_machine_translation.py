"""config/machine_translation.py: the translation editor's machine translator, chosen from environment variables."""

import pytest
from django.utils.module_loading import import_string

from config.machine_translation import machine_translator_from_env


def test_no_machine_translation_unless_asked():
    assert machine_translator_from_env({}) is None
    assert machine_translator_from_env({"MACHINE_TRANSLATOR": "  ", "DEEPL_API_KEY": "k"}) is None


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        (
            {"MACHINE_TRANSLATOR": "deepl", "DEEPL_API_KEY": "secret-deepl-key"},
            {
                "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
                "OPTIONS": {"AUTH_KEY": "secret-deepl-key"},
            },
        ),
        (
            {
                "MACHINE_TRANSLATOR": "google",
                "GOOGLE_TRANSLATE_PROJECT_ID": "sanctuary-project",
                "GOOGLE_APPLICATION_CREDENTIALS": "/etc/sanctuary/google.json",
            },
            {
                "CLASS": "wagtail_localize.machine_translators.google.GoogleCloudTranslator",
                "OPTIONS": {"PROJECT_ID": "sanctuary-project", "CREDENTIALS_PATH": "/etc/sanctuary/google.json"},
            },
        ),
        (
            {"MACHINE_TRANSLATOR": " LibreTranslate ", "LIBRETRANSLATE_URL": "http://lt.example:5000"},
            {
                "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
                "OPTIONS": {"LIBRETRANSLATE_URL": "http://lt.example:5000", "API_KEY": ""},
            },
        ),
        (
            {
                "MACHINE_TRANSLATOR": "libretranslate",
                "LIBRETRANSLATE_URL": "https://libretranslate.com",
                "LIBRETRANSLATE_API_KEY": "lt-key",
            },
            {
                "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
                "OPTIONS": {"LIBRETRANSLATE_URL": "https://libretranslate.com", "API_KEY": "lt-key"},
            },
        ),
    ],
    ids=["deepl", "google", "libretranslate", "libretranslate-with-key"],
)
def test_each_supported_service_is_configured_from_the_environment(env, expected):
    configured = machine_translator_from_env(env)
    assert configured == expected  # the class by its full dotted path, and exactly these options


@pytest.mark.parametrize("kind", ["deepl", "libretranslate"])
def test_the_configured_class_is_a_real_wagtail_localize_translator(kind):
    from wagtail_localize.machine_translators.base import BaseMachineTranslator

    env = {"MACHINE_TRANSLATOR": kind, "DEEPL_API_KEY": "k", "LIBRETRANSLATE_URL": "http://lt"}
    assert issubclass(import_string(machine_translator_from_env(env)["CLASS"]), BaseMachineTranslator)


def test_an_unknown_service_is_refused_with_a_clear_message():
    with pytest.raises(SystemExit, match="not one of deepl, google, libretranslate"):
        machine_translator_from_env({"MACHINE_TRANSLATOR": "babelfish"})
    with pytest.raises(SystemExit, match="MACHINE_TRANSLATOR=babelfish"):
        machine_translator_from_env({"MACHINE_TRANSLATOR": "babelfish"})


@pytest.mark.parametrize(
    ("env", "missing"),
    [
        ({"MACHINE_TRANSLATOR": "deepl"}, "DEEPL_API_KEY"),
        ({"MACHINE_TRANSLATOR": "deepl", "DEEPL_API_KEY": ""}, "DEEPL_API_KEY"),
        ({"MACHINE_TRANSLATOR": "google", "GOOGLE_APPLICATION_CREDENTIALS": "/f.json"}, "GOOGLE_TRANSLATE_PROJECT_ID"),
        ({"MACHINE_TRANSLATOR": "google", "GOOGLE_TRANSLATE_PROJECT_ID": "p"}, "GOOGLE_APPLICATION_CREDENTIALS"),
        ({"MACHINE_TRANSLATOR": "libretranslate", "LIBRETRANSLATE_API_KEY": "k"}, "LIBRETRANSLATE_URL"),
    ],
)
def test_a_missing_variable_is_named_in_a_clear_message_not_a_key_error(env, missing):
    with pytest.raises(SystemExit) as refused:
        machine_translator_from_env(env)
    message = str(refused.value)
    assert f"{missing} is not set" in message
    assert f"MACHINE_TRANSLATOR={env['MACHINE_TRANSLATOR']}" in message


def test_tests_use_the_dummy_translator(settings):
    assert settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR["CLASS"].endswith("DummyTranslator")

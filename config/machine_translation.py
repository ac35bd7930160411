"""Machine translation for the translation editor, chosen by environment variables (off when none is set).

MACHINE_TRANSLATOR=deepl          with DEEPL_API_KEY
MACHINE_TRANSLATOR=google         with GOOGLE_TRANSLATE_PROJECT_ID and GOOGLE_APPLICATION_CREDENTIALS (a file path)
MACHINE_TRANSLATOR=libretranslate with LIBRETRANSLATE_URL and optionally LIBRETRANSLATE_API_KEY
"""

import os

TRANSLATORS = "wagtail_localize.machine_translators"


def required(env, kind, name):
    """The value of a variable the chosen service needs; a clear message (not a KeyError) when it is missing."""
    value = env.get(name, "").strip()
    if not value:
        raise SystemExit(f"MACHINE_TRANSLATOR={kind} needs {name}, but {name} is not set.")
    return value


def machine_translator_from_env(env=os.environ):
    kind = env.get("MACHINE_TRANSLATOR", "").strip().lower()
    if kind == "deepl":
        return {
            "CLASS": f"{TRANSLATORS}.deepl.DeepLTranslator",
            "OPTIONS": {"AUTH_KEY": required(env, kind, "DEEPL_API_KEY")},
        }
    if kind == "google":
        options = {
            "PROJECT_ID": required(env, kind, "GOOGLE_TRANSLATE_PROJECT_ID"),
            "CREDENTIALS_PATH": required(env, kind, "GOOGLE_APPLICATION_CREDENTIALS"),
        }
        return {"CLASS": f"{TRANSLATORS}.google.GoogleCloudTranslator", "OPTIONS": options}
    if kind == "libretranslate":
        options = {
            "LIBRETRANSLATE_URL": required(env, kind, "LIBRETRANSLATE_URL"),
            "API_KEY": env.get("LIBRETRANSLATE_API_KEY", ""),
        }
        return {"CLASS": f"{TRANSLATORS}.libretranslate.LibreTranslator", "OPTIONS": options}
    if kind:
        raise SystemExit(f"MACHINE_TRANSLATOR={kind} is not one of deepl, google, libretranslate.")
    return None

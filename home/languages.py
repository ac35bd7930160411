"""The site's languages, in one place.

Django's ``LANG_INFO`` does not know every language people seeking sanctuary read (Tigrinya and Pashto are
missing), and ``{% get_language_info %}`` raises ``KeyError`` for such a code. Every language the site offers is
described here, and the ones Django lacks are added to ``LANG_INFO`` when the settings load.
"""

import os

from django.conf.locale import LANG_INFO
from django.utils.translation import gettext_lazy

# code: (English name, native name, right-to-left?)
KNOWN_LANGUAGES = {
    "en": ("English", "English", False),
    "cy": ("Welsh", "Cymraeg", False),
    "ar": ("Arabic", "العربية", True),
    "fa": ("Persian", "فارسی", True),
    "ckb": ("Central Kurdish", "کوردی", True),
    "ps": ("Pashto", "پښتو", True),
    "ti": ("Tigrinya", "ትግርኛ", False),
    "uk": ("Ukrainian", "Українська", False),
}

DEFAULT_LANGUAGE_CODES = "en,cy,ar,fa,ckb,ps,ti,uk"


def language_codes():
    """Codes from ``SANCTUARY_LANGUAGES`` (comma-separated, source language first), else the default set."""
    raw = os.environ.get("SANCTUARY_LANGUAGES", DEFAULT_LANGUAGE_CODES)
    codes = [code.strip() for code in raw.split(",") if code.strip()]
    unknown = [code for code in codes if code not in KNOWN_LANGUAGES]
    if unknown:
        raise SystemExit(f"SANCTUARY_LANGUAGES names {', '.join(unknown)}, which home/languages.py does not describe.")
    return codes


def register_language_info(codes):
    """Describe every site language in Django's LANG_INFO (adding those it lacks); return ``LANGUAGES``."""
    for code in codes:
        name, native, bidi = KNOWN_LANGUAGES[code]
        LANG_INFO[code] = {**LANG_INFO.get(code, {}), "bidi": bidi, "code": code, "name": name, "name_local": native}
    # Lazy names, so the admin's language columns and choices read in the user's language (site/locale has them).
    return [(code, gettext_lazy(KNOWN_LANGUAGES[code][0])) for code in codes]


def rtl_codes(codes):
    return [code for code in codes if KNOWN_LANGUAGES[code][2]]

"""Django's own messages that this site's catalogues (site/locale) translate too.

Django ships no translations for some of the site's languages (Pashto, Tigrinya): without these, dates there show
English month and day names ("12 November 2009"), and the language names read in English in the admin. Django looks
the same msgids up in every catalogue, and LOCALE_PATHS comes first, so listing them here is enough for
``makemessages`` to keep them in site/locale, where they are translated for every language of the site. Nothing
imports this module; the wording and contexts must stay exactly Django's (django/utils/dates.py, dateformat.py).
"""

from django.utils.translation import gettext_noop, pgettext_lazy

MONTHS = (
    gettext_noop("January"),
    gettext_noop("February"),
    gettext_noop("March"),
    gettext_noop("April"),
    gettext_noop("May"),
    gettext_noop("June"),
    gettext_noop("July"),
    gettext_noop("August"),
    gettext_noop("September"),
    gettext_noop("October"),
    gettext_noop("November"),
    gettext_noop("December"),
)
MONTHS_ALT = (  # the "E" date format: the month name as some languages write it in a full date
    pgettext_lazy("alt. month", "January"),
    pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"),
    pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"),
    pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"),
    pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"),
    pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"),
    pgettext_lazy("alt. month", "December"),
)
MONTHS_AP = (  # the "N" date format, used by Django's default DATE_FORMAT
    pgettext_lazy("abbrev. month", "Jan."),
    pgettext_lazy("abbrev. month", "Feb."),
    pgettext_lazy("abbrev. month", "March"),
    pgettext_lazy("abbrev. month", "April"),
    pgettext_lazy("abbrev. month", "May"),
    pgettext_lazy("abbrev. month", "June"),
    pgettext_lazy("abbrev. month", "July"),
    pgettext_lazy("abbrev. month", "Aug."),
    pgettext_lazy("abbrev. month", "Sept."),
    pgettext_lazy("abbrev. month", "Oct."),
    pgettext_lazy("abbrev. month", "Nov."),
    pgettext_lazy("abbrev. month", "Dec."),
)
WEEKDAYS = (
    gettext_noop("Monday"),
    gettext_noop("Tuesday"),
    gettext_noop("Wednesday"),
    gettext_noop("Thursday"),
    gettext_noop("Friday"),
    gettext_noop("Saturday"),
    gettext_noop("Sunday"),
)
WEEKDAYS_ABBR = (
    gettext_noop("Mon"),
    gettext_noop("Tue"),
    gettext_noop("Wed"),
    gettext_noop("Thu"),
    gettext_noop("Fri"),
    gettext_noop("Sat"),
    gettext_noop("Sun"),
)
TIME_OF_DAY = (gettext_noop("a.m."), gettext_noop("p.m."), gettext_noop("AM"), gettext_noop("PM"))

# The site's languages (home/languages.py), as the admin and the language notices name them.
LANGUAGE_NAMES = (
    gettext_noop("English"),
    gettext_noop("Welsh"),
    gettext_noop("Arabic"),
    gettext_noop("Persian"),
    gettext_noop("Central Kurdish"),
    gettext_noop("Pashto"),
    gettext_noop("Tigrinya"),
    gettext_noop("Ukrainian"),
)

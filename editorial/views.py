"""The translations report (Reports → Translations)."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from editorial.roles import can_see_translation_report
from editorial.translation_status import coverage, out_of_date_translations


def translation_report(request):
    """Out-of-date translations and translation coverage, per language (the admin requires a login first)."""
    if not can_see_translation_report(request.user):
        raise PermissionDenied
    rows = []
    for code, model_counts in coverage().items():
        translated = sum(done for done, _total in model_counts.values())
        total = sum(total for _done, total in model_counts.values())
        rows.append(
            {
                "code": code,
                "name": get_language_info(code)["name_translated"],
                "translated": translated,
                "total": total,
                "by_type": model_counts,
            }
        )
    context = {
        "page_title": _("Translations"),
        "header_icon": "globe",
        "coverage": rows,
        "out_of_date": out_of_date_translations().select_related("target_locale"),
        "source_language": settings.LANGUAGE_CODE,
    }
    return render(request, "editorial/translation_report.html", context)

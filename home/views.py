"""Admin views of the home app."""

from django.conf import settings
from django.contrib.auth.decorators import permission_required
from django.shortcuts import render
from django.utils.translation import get_language_info

from home.translation_status import coverage, out_of_date_translations


@permission_required("wagtailadmin.access_admin")
def translation_report(request):
    """Out-of-date translations and translation coverage, per language."""
    rows = []
    for code, model_counts in coverage().items():
        translated = sum(done for done, _total in model_counts.values())
        total = sum(total for _done, total in model_counts.values())
        rows.append(
            {
                "code": code,
                "name": get_language_info(code)["name"],
                "translated": translated,
                "total": total,
                "by_type": model_counts,
            }
        )
    context = {
        "page_title": "Translations",
        "header_icon": "globe",
        "coverage": rows,
        "out_of_date": out_of_date_translations().select_related("target_locale"),
        "source_language": settings.LANGUAGE_CODE,
    }
    return render(request, "home/admin/translation_report.html", context)

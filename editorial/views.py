"""The translations report (Reports → Translations)."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.text import capfirst
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from wagtail.models import get_page_models

from editorial.roles import can_see_translation_report
from editorial.translation_status import coverage, out_of_date_translations


def translation_report(request):
    """Out-of-date translations and translation coverage, per language (the admin requires a login first)."""
    if not can_see_translation_report(request.user):
        raise PermissionDenied
    type_names = {model._meta.model_name: capfirst(model._meta.verbose_name) for model in get_page_models()}
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
                "by_type": [(type_names.get(model, model), counts) for model, counts in model_counts.items()],
            }
        )
    context = {
        "page_title": _("Translations"),
        "header_icon": "globe",
        "coverage": rows,
        "out_of_date": out_of_date_translations().select_related("target_locale"),
        "source_language": get_language_info(settings.LANGUAGE_CODE)["name_translated"],
    }
    return render(request, "editorial/translation_report.html", context)

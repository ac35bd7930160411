"""The public page where a reader translates a page into their language: /<lang>/translate/<page id>/.

The language of the address is the language translated into. The form works without JavaScript ("Save my draft"
keeps what was typed in the visitor's session); with it, each field is saved as it is typed, to the session and to
the browser's own storage, so a dropped connection on a phone loses nothing. Sending stores the translation and puts
it in review (community_translation.submission); nothing is public until a moderator approves it.
"""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language, get_language_info
from django.views.decorators.http import require_POST

from community_translation.forms import CommunityTranslationForm
from community_translation.models import CommunityTranslation
from community_translation.pages import translation_job
from community_translation.ratelimit import allow_draft, allow_sending
from community_translation.segments import source_segments, translated_keys
from community_translation.submission import send
from home.translation import out_of_date_translations

SESSION_KEY = "community_translation_drafts"


def job_for(request, page_id):
    original, locale, target = translation_job(page_id, get_language())
    segments = source_segments(original)
    if not segments:
        raise Http404
    return original, locale, target, segments


def draft_name(original, locale):
    return f"{original.pk}:{locale.language_code}"


def save_draft(request, original, locale, segments, data):
    """Keep the texts typed for known segments in the session (each cut to its segment's limit)."""
    drafts = request.session.get(SESSION_KEY, {})
    draft = drafts.get(draft_name(original, locale), {})
    for segment in segments:
        if segment.field_name in data:
            text = str(data[segment.field_name])[: segment.max_length]
            if text.strip():
                draft[segment.key] = text
            else:
                draft.pop(segment.key, None)
    drafts[draft_name(original, locale)] = draft
    request.session[SESSION_KEY] = drafts


def draft_initial(request, original, locale, segments):
    draft = request.session.get(SESSION_KEY, {}).get(draft_name(original, locale), {})
    return {segment.field_name: draft[segment.key] for segment in segments if segment.key in draft}


def forget_draft(request, original, locale):
    drafts = request.session.get(SESSION_KEY, {})
    if drafts.pop(draft_name(original, locale), None) is not None:
        request.session[SESSION_KEY] = drafts


def page_for(request, original, locale, target, segments, form, status=200, **context):
    language = get_language_info(locale.language_code)
    source_language = get_language_info(original.locale.language_code)
    translated = translated_keys(original, locale, segments)
    pending = list(
        CommunityTranslation.objects.filter(source__object_id=original.translation_key, target_locale=locale).pending()
    )
    awaiting = {key for record in pending for key in record.segments}
    rows = [
        {
            "segment": segment,
            "field": field,
            "number": number,
            "state": "awaiting" if segment.key in awaiting else "translated" if segment.key in translated else "empty",
        }
        for number, (segment, field) in enumerate(form.segment_fields(), start=1)
    ]
    outdated = (
        target is not None
        and target.alias_of_id is None
        and target.live
        and (
            out_of_date_translations().filter(source__object_id=original.translation_key, target_locale=locale).exists()
        )
    )
    response = render(
        request,
        "community_translation/translate.html",
        {
            "original": original,
            "target": target,
            "language": language,
            "source_code": original.locale.language_code,
            "source_language": source_language,
            "form": form,
            "rows": rows,
            "awaiting_review": bool(pending),
            "outdated": outdated,
            "empty_count": sum(1 for row in rows if row["state"] == "empty"),
            "draft_url": f"{request.path}draft/",
            "draft_name": draft_name(original, locale),
            "noindex": True,
            "canonical_path": request.path,
            **context,
        },
        status=status,
    )
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def new_form(original, locale, segments, data=None, initial=None):
    bidi = get_language_info(locale.language_code)["bidi"]
    return CommunityTranslationForm(
        data, initial=initial, segments=segments, language_code=locale.language_code, bidi=bidi
    )


def translate(request, page_id):
    original, locale, target, segments = job_for(request, page_id)
    if request.method != "POST":
        initial = draft_initial(request, original, locale, segments)
        return page_for(
            request, original, locale, target, segments, new_form(original, locale, segments, initial=initial)
        )
    if request.POST.get("action") == "save":
        if not allow_draft(request):
            form = new_form(original, locale, segments, initial=request.POST.dict())
            return page_for(request, original, locale, target, segments, form, status=429, refused="rate")
        save_draft(request, original, locale, segments, request.POST)
        form = new_form(original, locale, segments, initial=draft_initial(request, original, locale, segments))
        return page_for(request, original, locale, target, segments, form, draft_saved=True)
    form = new_form(original, locale, segments, data=request.POST)
    if not allow_sending(request):
        return page_for(request, original, locale, target, segments, form, status=429, refused="rate")
    if form.is_spam:
        return page_for(
            request,
            original,
            locale,
            target,
            segments,
            new_form(original, locale, segments),
            status=400,
            refused="spam",
        )
    if not form.is_valid():
        return page_for(request, original, locale, target, segments, form, status=400)
    data = form.cleaned_data
    record = send(
        original,
        locale,
        segments,
        form.translations(),
        credit=data["credit"],
        credited_name=data["credited_name"] if data["credit"] != "anonymous" else "",
        consent=data["consent"],
        contact=data["contact"],
    )
    forget_draft(request, original, locale)
    return page_for(request, original, locale, target, segments, form, sent=record)


@require_POST
def draft(request, page_id):
    """Save some of the form's fields in the session (the form's script calls it as the translator types)."""
    original, locale, _target, segments = job_for(request, page_id)
    if not allow_draft(request):
        return HttpResponse(status=429)
    save_draft(request, original, locale, segments, request.POST)
    response = HttpResponse(status=204)
    add_never_cache_headers(response)
    return response

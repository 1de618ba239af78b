"""The CSV import's page (`/personal/importera/`): the upload, the template to fill in, the
rows that may be a mistake and the answer to them. What a file holds and how it is saved is
`activities.csv_import`."""

import base64
import csv
import datetime
import uuid
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from access import policy
from access.staff import staff_required
from activities.csv_import import (
    COLUMNS,
    MAX_BYTES,
    ImportResult,
    import_logs,
    loggable_activities,
    promise_of,
    template_date,
)
from activities.models import Activity
from activities.spreadsheet import safe_cell
from municipalities.roles import Act
from promises.fields import idempotency_field

PAYLOAD_SALT = "activities.csv_import"
# How long the answer to an upload's doubts may wait; after it, the file is uploaded again.
PAYLOAD_MAX_AGE = datetime.timedelta(hours=2)


def dump_upload(data: bytes, key: uuid.UUID, user_id: int) -> str:
    """The file and its key, signed for its uploader's answer to its doubts."""
    value = {"file": base64.b64encode(data).decode("ascii"), "key": str(key), "user": user_id}
    return signing.dumps(value, salt=PAYLOAD_SALT, compress=True)


def load_upload(payload: str, user_id: int) -> tuple[bytes, uuid.UUID] | None:
    """The file and key of `dump_upload`, or None if the payload was not signed here for this
    user within `PAYLOAD_MAX_AGE`."""
    try:
        value = signing.loads(payload, salt=PAYLOAD_SALT, max_age=PAYLOAD_MAX_AGE)
        if value["user"] != user_id:
            return None
        return base64.b64decode(value["file"], validate=True), uuid.UUID(value["key"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


class AnswerForm(forms.Form):
    """The answer to an upload's doubts: the signed file, and which rows to save."""

    upload = forms.CharField(widget=forms.HiddenInput)
    answer = forms.ChoiceField(choices=(("all", "all"), ("new", "new")))


class ImportForm(forms.Form):
    """The file to import and the key that makes a repeated upload save once."""

    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("At most 1 MB and 1000 rows, separated by semicolons or commas."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )
    idempotency_key = idempotency_field()


def _template_csv(activities: list[Activity], today: datetime.date) -> HttpResponse:
    """A file to fill in: the header and a row per activity the user may log a day of now."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="loggar-mall.csv"'
    response.write("\ufeff")  # Excel reads UTF-8 only with a byte order mark.
    writer = csv.writer(response, delimiter=";", lineterminator="\r\n")
    writer.writerow([column.name for column in COLUMNS])
    for activity in activities:
        day = template_date(activity, today)
        if day is None:  # The period has not started: no day of it can be logged yet.
            continue
        values = {
            "aktivitet_id": activity.pk,
            "datum": day.isoformat(),
            "antal": 1,
            "aktivitet_namn": activity.title,
            "medborgarlofte": promise_of(activity),
        }
        writer.writerow([safe_cell(values.get(column.name, "")) for column in COLUMNS])
    return response


def _error_entries(form: ImportForm, result: ImportResult | None) -> list[tuple[str, str]]:
    """The error summary's lines (anchor, text): the file's errors, then a link to the rows'."""
    if result is None:
        return []
    entries = [(form["file"].id_for_label, message) for message in result.file_errors]
    if result.row_errors:
        entries.append(("row-errors-heading", gettext("See the errors per row below.")))
    return entries


@staff_required
@require_http_methods(["GET", "POST"])
def log_import(request: HttpRequest) -> HttpResponse:
    """Import logs from a CSV file: all rows, or none with an error report per row."""
    policy.require(request.user, Act.IMPORT_LOGS)
    today = timezone.localdate()
    if request.method == "GET" and request.GET.get("mall"):
        return _template_csv(loggable_activities(request.user), today)
    initial = {"idempotency_key": uuid.uuid4()}
    if request.method == "POST" and "upload" in request.POST:
        return _answer(request, today, ImportForm(initial=initial))
    form = ImportForm(request.POST or None, request.FILES or None, initial=initial)
    result = None
    if getattr(request, "upload_too_large", False):
        # config.uploads stopped reading the upload past the largest file allowed (this one's).
        form = ImportForm(initial=initial)
        result = ImportResult(file_errors=[gettext("The file is larger than 1 MB. Split it up.")])
    elif form.is_valid():
        # Read one byte past the limit, so a larger file is refused without reading it all.
        data = form.cleaned_data["file"].read(MAX_BYTES + 1)
        key = form.cleaned_data["idempotency_key"]
        result = import_logs(data, user=request.user, today=today, import_key=key)
        if result.doubts:
            return _ask(request, result, dump_upload(data, key, request.user.pk))
        if saved := _saved(request, result):
            return saved
    return _page(request, form, result)


def _page(request: HttpRequest, form: ImportForm, result: ImportResult | None) -> HttpResponse:
    """The import page: the form, what went wrong with the last file, the documentation."""
    context = {
        "form": form,
        "result": result,
        "error_entries": _error_entries(form, result),
        "columns": COLUMNS,
        "activities": loggable_activities(request.user),
    }
    return render(request, "activities/log_import.html", context)


def _saved(request: HttpRequest, result: ImportResult) -> HttpResponse | None:
    """To the list of the logs just saved (their days, logged by the user), or to the start
    page when nothing was saved; None when the result has errors to show. The start page lists
    only the latest ten logs and the list by default the last seven days: an officer importing
    last month's logs saw none of them and could not check what the file had saved."""
    if result.already_imported:
        messages.info(request, _("This upload was already imported; nothing more was saved."))
        return redirect("activities:staff_home")
    if result.error_count:
        return None
    count = len(result.saved)
    if count == 0:  # every row was left out as saved before
        messages.info(request, _("Nothing was saved: every row was already saved."))
    else:
        messages.success(
            request, ngettext("Imported %(n)s log.", "Imported %(n)s logs.", count) % {"n": count}
        )
        days = [log.date for log in result.saved]
        query = urlencode({"fran": min(days), "till": max(days), "av": request.user.pk})
        return redirect(f"{reverse('activities:log_list')}?{query}")
    return redirect("activities:staff_home")


def _ask(request: HttpRequest, result: ImportResult, upload: str) -> HttpResponse:
    """The rows that may be a mistake, and the question what to save."""
    repeated = sum(doubt.repeated for doubt in result.doubts)
    context = {
        "result": result,
        "upload": upload,
        "repeated": repeated,
        "new_count": result.row_count - repeated,
    }
    return render(request, "activities/log_import_ask.html", context)


def _answer(request: HttpRequest, today: datetime.date, form: ImportForm) -> HttpResponse:
    """Save the file whose doubts were answered: every row, or the rows not saved before."""
    answer = AnswerForm(request.POST)
    upload = None
    if answer.is_valid():
        upload = load_upload(answer.cleaned_data["upload"], request.user.pk)
    if upload is None:
        messages.error(
            request,
            _("The upload could not be read or waited more than two hours. Upload the file again."),
        )
        return redirect("activities:log_import")
    data, key = upload
    skip = answer.cleaned_data["answer"] == "new"
    result = import_logs(
        data, user=request.user, today=today, import_key=key, ask=False, skip_repeated=skip
    )
    if saved := _saved(request, result):
        return saved
    # The rows turned invalid meanwhile (a day passed, the period ended): the errors, to correct.
    return _page(request, form, result)

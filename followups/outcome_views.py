"""Staff pages of the outcome indicators: a period's indicators and measurements; define and
change an indicator; enter, import and withdraw measurements.

Everyone with a role in the municipality reads them (`view_staff`); its coordinators (and
administrators) define indicators from the draft on (`manage_indicators`,
`lifecycle.indicators_editable`) and enter measurements once the period is signed
(`record_measurements`, `lifecycle.outcomes_measured`). Each view: scope and fetch (404 outside),
ask the policy (403), validate, act, message, redirect.
"""

import uuid

from django.contrib import messages
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_safe

from access import policy
from access.staff import staff_required
from activities.csv_import import MAX_BYTES
from activities.csv_import_views import ImportForm
from followups.outcome_forms import IndicatorForm, MeasurementForm, WithdrawMeasurementForm
from followups.outcome_import import COLUMNS, MAX_ROWS, ImportResult, import_measurements
from municipalities.roles import Act
from promises import outcomes
from promises.models import OutcomeIndicator, OutcomeMeasurement, PromisePeriod


def _period(request: HttpRequest, pk: int, act: str) -> PromisePeriod:
    """A period the user sees (404 otherwise) on which they may `act` (403)."""
    policy.require(request.user, act)
    periods = PromisePeriod.objects.visible_to(request.user).with_place()
    period = get_object_or_404(periods, pk=pk)
    policy.require(request.user, act, period)
    return period


def _indicator(request: HttpRequest, pk: int, act: str) -> OutcomeIndicator:
    """An indicator of a period the user sees (404 otherwise) on which they may `act` (403)."""
    policy.require(request.user, act)
    indicators = OutcomeIndicator.objects.filter(
        promise__period__in=PromisePeriod.objects.visible_to(request.user)
    ).select_related("promise__period__municipality", "promise__period__local_police_area")
    indicator = get_object_or_404(indicators, pk=pk)
    policy.require(request.user, act, indicator)
    return indicator


@staff_required
@require_safe
def indicator_list(request: HttpRequest, pk: int) -> HttpResponse:
    """A period's outcome indicators by promise, with every measurement (withdrawn ones marked)."""
    period = _period(request, pk, Act.VIEW_STAFF)
    measurements = OutcomeMeasurement.objects.select_related("created_by", "withdrawn_by")
    indicators = OutcomeIndicator.objects.filter(promise__period=period).prefetch_related(
        Prefetch("measurements", queryset=measurements.order_by("date", "pk"))
    )
    by_promise = {}
    for indicator in indicators.order_by("pk"):
        rows = list(indicator.measurements.all())
        counted = [m for m in rows if m.withdrawn_at is None]
        unit = indicator.unit
        baseline = indicator.baseline_value
        by_promise.setdefault(indicator.promise_id, []).append(
            (
                indicator,
                "" if baseline is None else outcomes.format_value(baseline, unit),
                [(m, outcomes.format_value(m.value, unit)) for m in rows],
                outcomes.trend_words(indicator, counted),
            )
        )
    promises = [(p, by_promise.get(p.pk, [])) for p in period.promises.order_by("position", "pk")]
    context = {"period": period, "promises": promises}
    return render(request, "followups/indicator_list.html", context)


def _indicator_fields(form: IndicatorForm) -> dict:
    return {name: form.cleaned_data[name] for name in outcomes.INDICATOR_FIELDS}


@staff_required
@require_http_methods(["GET", "POST"])
def indicator_create(request: HttpRequest, pk: int) -> HttpResponse:
    """Define an outcome indicator of one of the period's promises."""
    period = _period(request, pk, Act.MANAGE_INDICATORS)
    form = IndicatorForm(request.POST or None, period=period)
    if request.method == "POST" and form.is_valid():
        indicator = outcomes.define_indicator(request.user, **_indicator_fields(form))
        messages.success(request, _("Added the indicator %(name)s.") % {"name": indicator.name})
        return redirect("followups:indicator_list", pk=period.pk)
    context = {"period": period, "form": form}
    return render(request, "followups/indicator_create.html", context)


@staff_required
@require_http_methods(["GET", "POST"])
def indicator_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Change an indicator's definition (the history keeps every version)."""
    indicator = _indicator(request, pk, Act.MANAGE_INDICATORS)
    period = indicator.promise.period
    form = IndicatorForm(request.POST or None, period=period, indicator=indicator)
    if request.method == "POST" and form.is_valid():
        outcomes.update_indicator(indicator, request.user, **_indicator_fields(form))
        messages.success(request, _("Saved the indicator %(name)s.") % {"name": indicator.name})
        return redirect("followups:indicator_list", pk=period.pk)
    context = {"period": period, "indicator": indicator, "form": form}
    return render(request, "followups/indicator_edit.html", context)


def _already_saved(indicator: OutcomeIndicator, key) -> bool:
    try:
        key = uuid.UUID(str(key))
    except ValueError:
        return False
    return OutcomeMeasurement.objects.filter(indicator=indicator, idempotency_key=key).exists()


@staff_required
@require_http_methods(["GET", "POST"])
def measurement_create(request: HttpRequest, pk: int) -> HttpResponse:
    """Enter one measurement of an indicator."""
    indicator = _indicator(request, pk, Act.RECORD_MEASUREMENTS)
    period = indicator.promise.period
    form = MeasurementForm(
        request.POST or None, indicator=indicator, initial={"idempotency_key": uuid.uuid4()}
    )
    if request.method == "POST" and _already_saved(indicator, request.POST.get("idempotency_key")):
        # A double submit: the first one saved it (and now holds its date).
        messages.info(request, _("The measurement was already saved."))
        return redirect("followups:indicator_list", pk=period.pk)
    if request.method == "POST" and form.is_valid():
        try:
            _measurement, created = outcomes.record_measurement(
                indicator, request.user, **form.cleaned_data
            )
        except outcomes.MeasurementDateTaken:
            form.add_error("date", _("Someone entered a measurement of this date meanwhile."))
        else:
            if created:
                messages.success(request, _("The measurement was saved."))
            else:
                messages.info(request, _("The measurement was already saved."))
            return redirect("followups:indicator_list", pk=period.pk)
    context = {"period": period, "indicator": indicator, "form": form}
    return render(request, "followups/measurement_create.html", context)


@staff_required
@require_http_methods(["GET", "POST"])
def measurement_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    """Withdraw a measurement entered by mistake, with a reason; nothing is deleted."""
    policy.require(request.user, Act.RECORD_MEASUREMENTS)
    measurements = OutcomeMeasurement.objects.filter(
        indicator__promise__period__in=PromisePeriod.objects.visible_to(request.user)
    ).select_related("indicator__promise__period__municipality")
    measurement = get_object_or_404(measurements, pk=pk)
    policy.require(request.user, Act.RECORD_MEASUREMENTS, measurement)
    period = measurement.indicator.promise.period
    if measurement.withdrawn_at is not None:
        messages.info(request, _("The measurement was already withdrawn."))
        return redirect("followups:indicator_list", pk=period.pk)
    form = WithdrawMeasurementForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            outcomes.withdraw_measurement(measurement, request.user, form.cleaned_data["reason"])
        except outcomes.MeasurementWithdrawn:
            messages.info(request, _("The measurement was already withdrawn."))
        else:
            messages.success(request, _("The measurement was withdrawn."))
        return redirect("followups:indicator_list", pk=period.pk)
    context = {
        "period": period,
        "measurement": measurement,
        "indicator": measurement.indicator,
        "value": outcomes.format_value(measurement.value, measurement.indicator.unit),
        "form": form,
    }
    return render(request, "followups/measurement_withdraw.html", context)


def _error_entries(form: ImportForm, result: ImportResult | None) -> list[tuple[str, str]]:
    if result is None:
        return []
    entries = [(form["file"].id_for_label, message) for message in result.file_errors]
    if result.row_errors:
        entries.append(("row-errors-heading", _("See the errors per row below.")))
    return entries


@staff_required
@require_http_methods(["GET", "POST"])
def measurement_import(request: HttpRequest, pk: int) -> HttpResponse:
    """Import an indicator's measurements from a CSV file: all rows, or none with the errors."""
    indicator = _indicator(request, pk, Act.RECORD_MEASUREMENTS)
    period = indicator.promise.period
    initial = {"idempotency_key": uuid.uuid4()}
    form = ImportForm(request.POST or None, request.FILES or None, initial=initial)
    result = None
    if getattr(request, "upload_too_large", False):
        # config.uploads stopped reading the upload past the largest file allowed.
        form = ImportForm(initial=initial)
        result = ImportResult(file_errors=[_("The file is larger than 1 MB. Split it up.")])
    elif form.is_valid():
        data = form.cleaned_data["file"].read(MAX_BYTES + 1)
        result = import_measurements(
            data,
            indicator=indicator,
            user=request.user,
            today=timezone.localdate(),
            import_key=form.cleaned_data["idempotency_key"],
        )
        if result.already_imported:
            messages.info(request, _("This upload was already imported; nothing more was saved."))
            return redirect("followups:indicator_list", pk=period.pk)
        if not result.error_count:
            count = len(result.saved)
            messages.success(
                request,
                ngettext("Imported %(n)s measurement.", "Imported %(n)s measurements.", count)
                % {"n": count},
            )
            return redirect("followups:indicator_list", pk=period.pk)
    context = {
        "period": period,
        "indicator": indicator,
        "form": form,
        "result": result,
        "error_entries": _error_entries(form, result),
        "columns": COLUMNS,
        "max_rows": MAX_ROWS,
    }
    return render(request, "followups/measurement_import.html", context)

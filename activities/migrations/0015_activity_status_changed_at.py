"""When an activity's status last changed, for the public change log of cancellations; filled
for activities cancelled already from their history, where it shows the change."""

from django.db import migrations, models


def date_known_cancellations(apps, schema_editor):
    """Each cancelled activity's moment of cancellation, where its history shows the change to
    cancelled (one created cancelled, by an import or a registration, gets none: no guess)."""
    Activity = apps.get_model("activities", "Activity")
    History = apps.get_model("activities", "HistoricalActivity")
    for activity in Activity.objects.filter(status="cancelled").only("pk"):
        versions = History.objects.filter(id=activity.pk).order_by("-history_date", "-history_id")
        changed_at = None
        for version in versions.values("status", "history_date").iterator():
            if version["status"] != "cancelled":
                break
            changed_at = version["history_date"]
        else:
            changed_at = None  # cancelled in every version: from its start
        if changed_at is not None:
            Activity.objects.filter(pk=activity.pk).update(status_changed_at=changed_at)


class Migration(migrations.Migration):
    dependencies = [
        ("activities", "0014_log_by_day_idx"),
    ]

    operations = [
        migrations.AddField(
            model_name="activity",
            name="status_changed_at",
            field=models.DateTimeField(
                blank=True, editable=False, null=True, verbose_name="status changed at"
            ),
        ),
        migrations.AddField(
            model_name="historicalactivity",
            name="status_changed_at",
            field=models.DateTimeField(
                blank=True, editable=False, null=True, verbose_name="status changed at"
            ),
        ),
        migrations.RunPython(date_known_cancellations, migrations.RunPython.noop),
    ]

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def fill_periods(apps, schema_editor):
    """Each total names the period its activity belongs to."""
    Activity = apps.get_model("activities", "Activity")
    ActivityTotal = apps.get_model("activities", "ActivityTotal")
    ActivityTotal.objects.update(
        period_id=Subquery(Activity.objects.filter(pk=OuterRef("activity_id")).values("period_id"))
    )


class Migration(migrations.Migration):
    dependencies = [
        ("activities", "0008_activity_totals"),
        ("promises", "0007_validity_and_copy_review"),
    ]

    operations = [
        migrations.AddField(
            model_name="activitytotal",
            name="period",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="activity_totals",
                to="promises.promiseperiod",
                verbose_name="promise period",
            ),
        ),
        migrations.RunPython(fill_periods, migrations.RunPython.noop),
    ]

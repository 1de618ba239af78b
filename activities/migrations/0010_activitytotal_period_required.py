import django.db.models.deletion
from django.db import migrations, models


# Apart from 0009: on PostgreSQL a table whose foreign keys were just written cannot be altered
# in the same transaction ("pending trigger events").
class Migration(migrations.Migration):
    dependencies = [
        ("activities", "0009_activitytotal_period"),
    ]

    operations = [
        migrations.AlterField(
            model_name="activitytotal",
            name="period",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="activity_totals",
                to="promises.promiseperiod",
                verbose_name="promise period",
            ),
        ),
    ]

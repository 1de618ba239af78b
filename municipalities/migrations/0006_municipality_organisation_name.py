from django.db import migrations, models

from municipalities.refdata import load_reference_data


def load(apps, schema_editor):
    load_reference_data(
        apps.get_model("municipalities", "PoliceRegion"),
        apps.get_model("municipalities", "County"),
        apps.get_model("municipalities", "Municipality"),
    )


class Migration(migrations.Migration):
    dependencies = [("municipalities", "0005_reminder_digest")]

    operations = [
        migrations.AddField(
            model_name="municipality",
            name="organisation_name",
            field=models.CharField(
                default="",
                help_text=(
                    "What the municipality calls its organisation: Kungälvs kommun, Malmö stad, "
                    "Region Gotland."
                ),
                max_length=80,
                verbose_name="organisation name",
            ),
            preserve_default=False,
        ),
        # Every municipality's organisation name from the reference data; reversing keeps them.
        migrations.RunPython(load, migrations.RunPython.noop),
    ]

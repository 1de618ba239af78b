from django.db import migrations

from municipalities.refdata import load_reference_data


def load(apps, schema_editor):
    load_reference_data(
        apps.get_model("municipalities", "PoliceRegion"),
        apps.get_model("municipalities", "County"),
        apps.get_model("municipalities", "Municipality"),
    )


class Migration(migrations.Migration):
    dependencies = [("municipalities", "0001_initial")]

    # Reversing keeps the rows: reference data is not ours to delete.
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]

"""The staff flag only on administrators: one left on a kommunpolis by the admin's former
"personalstatus" box let them into the admin, which reads every municipality's records."""

from django.db import migrations


def administrators_only(apps, schema_editor):
    user = apps.get_model("auth", "User")
    user.objects.filter(is_staff=True, is_superuser=False).update(is_staff=False)


class Migration(migrations.Migration):
    dependencies = [
        ("municipalities", "0006_municipality_organisation_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(administrators_only, migrations.RunPython.noop)]

"""The managed base list of themes, created or updated by slug so that it can run again."""

from django.db import migrations

THEMES = [
    ("narkotika", "Narkotika", "Innehav, bruk och försäljning av narkotika."),
    ("trafik", "Trafik", "Trafiksäkerhet och trafikbeteenden: hastighet, rattfylleri, fordon."),
    (
        "trygghet-i-offentlig-miljo",
        "Trygghet i offentlig miljö",
        "Upplevd trygghet på gator och torg, i parker och kring kollektivtrafiken.",
    ),
    ("unga", "Unga", "Brottsförebyggande arbete bland barn och unga."),
    ("vald", "Våld", "Våldsbrott i offentlig miljö, till exempel misshandel och rån."),
    (
        "brott-i-nara-relationer",
        "Brott i nära relationer",
        "Våld och andra brott mellan närstående.",
    ),
    ("skadegorelse", "Skadegörelse", "Klotter, skadegörelse och anlagda bränder."),
    (
        "ordningsstorningar",
        "Ordningsstörningar",
        "Stök, bråk och andra störningar av den allmänna ordningen.",
    ),
]


def create_themes(apps, schema_editor):
    Theme = apps.get_model("promises", "Theme")
    for slug, name, description in THEMES:
        Theme.objects.update_or_create(
            slug=slug, defaults={"name": name, "description": description}
        )


class Migration(migrations.Migration):
    dependencies = [("promises", "0001_initial")]

    # Reversing keeps the themes: promises may refer to them.
    operations = [migrations.RunPython(create_themes, migrations.RunPython.noop)]

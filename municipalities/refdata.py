"""Reference data: police regions, counties and municipalities from the CSV files in data/.

municipalities.csv holds each municipality's code, name, county and organisation name (what it
calls itself as an organisation: "Kungälvs kommun", "Malmö stad", "Region Gotland").

The loader takes the model classes as arguments so that the data migration can pass its
historical models; it updates rows in place, so running it again creates nothing.
"""

import csv
import unicodedata
from collections import defaultdict
from pathlib import Path

from django.utils.text import slugify

DATA_DIR = Path(__file__).resolve().parent / "data"

# The municipalities Swedish places *on*, not *in*: islands ("på Gotland", "på Tjörn", "på
# Lidingö"; "i Tranås"). By code, as the reference data is keyed.
ON_ISLAND_CODES = frozenset(
    {
        "0120",  # Värmdö
        "0125",  # Ekerö
        "0186",  # Lidingö
        "0980",  # Gotland
        "1407",  # Öckerö
        "1419",  # Tjörn
        "1421",  # Orust
        "1761",  # Hammarö
    }
)


def ascii_slug(name: str) -> str:
    """Fold a name to a lowercase ASCII slug: "Upplands Väsby" → "upplands-vasby"."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return slugify(folded)


def county_short_name(county_name: str) -> str:
    """ "Uppsala län" → "Uppsala"; "Västra Götalands län" → "Västra Götalands"."""
    return county_name.removesuffix(" län")


def municipality_slugs(rows: list[dict[str, str]]) -> dict[str, str]:
    """Give each municipality code a unique, stable slug.

    Rule: the folded name. When names fold to the same slug (Håbo and Habo → "habo"), the
    name that needed no folding keeps the plain slug and the others get their county
    appended ("habo-uppsala"); the code is appended only if that still collides.
    """
    by_slug: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        by_slug[ascii_slug(row["municipality_name"])].append(row)

    slugs: dict[str, str] = {}
    for slug, group in by_slug.items():
        if len(group) == 1:
            slugs[group[0]["municipality_code"]] = slug
            continue
        for row in group:
            name = row["municipality_name"]
            if name.isascii() and slugify(name) == slug:
                slugs[row["municipality_code"]] = slug
            else:
                suffix = ascii_slug(county_short_name(row["county_name"]))
                slugs[row["municipality_code"]] = f"{slug}-{suffix}"
    taken: set[str] = set()
    for code in sorted(slugs):
        if slugs[code] in taken:
            slugs[code] = f"{slugs[code]}-{code}"
        taken.add(slugs[code])
    return slugs


def read_csv(name: str) -> list[dict[str, str]]:
    """Rows of one of the reference CSV files."""
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def load_reference_data(PoliceRegion, County, Municipality) -> None:  # noqa: N803
    """Create or update all police regions, counties and municipalities."""
    region_rows = read_csv("police_regions.csv")
    municipality_rows = read_csv("municipalities.csv")

    regions = {}
    for region_name in sorted({row["police_region"] for row in region_rows}):
        regions[region_name], _ = PoliceRegion.objects.update_or_create(
            slug=ascii_slug(region_name), defaults={"name": region_name}
        )

    counties = {}
    for row in region_rows:
        counties[row["county_code"]], _ = County.objects.update_or_create(
            code=row["county_code"],
            defaults={"name": row["county_name"], "police_region": regions[row["police_region"]]},
        )

    slugs = municipality_slugs(municipality_rows)
    # An earlier migration's historical model has no organisation name yet.
    fields = {field.name for field in Municipality._meta.get_fields()}
    for row in municipality_rows:
        code = row["municipality_code"]
        values = {"name": row["municipality_name"], "county": counties[row["county_code"]]}
        if "organisation_name" in fields:
            values["organisation_name"] = row["organisation_name"]
        existing = Municipality.objects.filter(code=code).first()
        if existing is None:
            Municipality.objects.create(code=code, slug=slugs[code], **values)
        else:
            # The slug is kept as it is: a published URL never changes.
            for name, value in values.items():
                setattr(existing, name, value)
            existing.save(update_fields=list(values))

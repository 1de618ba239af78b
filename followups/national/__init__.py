"""A deterministic, national-scale dataset for load tests and benchmarks, written in bulk.

Every covered municipality gets one to three published promise periods over 2016–2027, some also
a period in the making (draft, in consultation or decided); Malmö also two district periods. Each
period has promises, activities, logs, follow-up meetings with assessments (a period in force
also meetings planned ahead), reports, outcome indicators with yearly measurements, signatories
and its lifecycle record. People's names are invented, and obviously so. The whole plan is drawn
in plain Python from `random.Random(seed)`, then written with `bulk_create` (the logs through
COPY on PostgreSQL): `save()` is bypassed, so no django-simple-history rows are written, and
`after_bulk_load()` rebuilds what derives from the logs. The same seed, options and `today` give
the same data, automatic timestamps aside.
"""

from followups.national.build import NonEmptyDatabase, build_national
from followups.national.texts import swedish_date, swedish_number

__all__ = ["NonEmptyDatabase", "build_national", "swedish_date", "swedish_number"]

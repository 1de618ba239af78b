"""Demo data for local use: demo users, two local police areas and five promise periods.

The periods follow the seed documents (Vetlanda 2020–2021, Tranås 2023–2024, Tranemo 2025) with
invented but plausible follow-up data, and a lifecycle record to match their history: reviews of
each consultation round, decision proposals, an extension and a revision after signing.
Everything is built through the portal's own code: a period is created as a draft by
`promises.services.create_period`, its promises and activities by the editor's services, and it
moves through its lifecycle by `promises.lifecycle.perform` with each step's moment passed in
(`at`); a target is revised through the activity editor's service. Users and memberships are
created with get_or_create by natural keys, and a period that already exists is left untouched
with all its children, so building twice creates nothing the second time.
Randomness comes from generators seeded per period, so the data are the same for the same
`today`, and nothing is dated after `today`.
"""

from followups.demo.build import EARLIEST_TODAY, PERIOD_BUILDERS, DemoResult, build_demo
from followups.demo.people import DEMO_USERS, DemoUser, UserRow, demo_password

__all__ = [
    "DEMO_USERS",
    "EARLIEST_TODAY",
    "PERIOD_BUILDERS",
    "DemoResult",
    "DemoUser",
    "UserRow",
    "build_demo",
    "demo_password",
]

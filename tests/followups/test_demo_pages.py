"""The demo's public pages stay the same: rendered now and compared with pages kept in demo_pages/.

The demo is built at a fixed today with the clock stopped at that day's noon, so every date the
pages compute is fixed. Whitespace, CSP nonces and CSRF tokens are ignored. To record the pages
again (after a change meant to alter them), run with DEMO_PAGES_WRITE=1 and review the diff.
"""

import datetime
import os
import re
from pathlib import Path

import pytest
from django.utils import timezone

from followups.demo import build_demo

TODAY = datetime.date(2026, 11, 21)
PAGES_DIR = Path(__file__).parent / "demo_pages"
PAGES = {
    "municipality-vetlanda": "/kommuner/vetlanda/",
    "municipality-tranas": "/kommuner/tranas/",
    "municipality-tranemo": "/kommuner/tranemo/",
    "period-vetlanda-2020-2021": "/kommuner/vetlanda/2020-2021/",
    "period-tranas-2023-2024": "/kommuner/tranas/2023-2024/",
    "period-tranas-2025-2026": "/kommuner/tranas/2025-2026/",
    "period-tranemo-2025": "/kommuner/tranemo/2025/",
    "document-tranas-2023-2024-medborgarloftet": "/kommuner/tranas/2023-2024/medborgarloftet/",
    "document-tranas-2023-2024-tjansteutlatande": "/kommuner/tranas/2023-2024/tjansteutlatande/",
    "document-tranas-2025-2026-tjansteutlatande": "/kommuner/tranas/2025-2026/tjansteutlatande/",
    "document-tranemo-2025-medborgarloftet": "/kommuner/tranemo/2025/medborgarloftet/",
}
VARYING = [
    (re.compile(r'nonce="[^"]*"'), 'nonce=""'),
    (re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"'), 'name="csrfmiddlewaretoken"'),
    # Anchors carry database ids, which depend on what earlier tests inserted.
    (re.compile(r'((?:id="|href="[^"#]*#)[a-z-]+-)\d+"'), r'\1N"'),
    # So do the addresses of activities' pages and of reports.
    (re.compile(r'(href="[^"]*/aktiviteter/)\d+/'), r"\1N/"),
    (re.compile(r'(href="[^"]*/redovisningar/)\d+(/|\.pdf)'), r"\1N\2"),
    # A stored PDF's checksum depends on the PDF renderer's version.
    (re.compile(r'(<code class="checksum">)[0-9a-f]{64}'), r"\1N"),
]


def normalised(html: str) -> str:
    for pattern, replacement in VARYING:
        html = pattern.sub(replacement, html)
    return re.sub(r"\s+", "", html)


@pytest.fixture
def demo_pages(db, client, monkeypatch) -> dict[str, str]:
    noon = timezone.make_aware(datetime.datetime.combine(TODAY, datetime.time(12)))
    monkeypatch.setattr(timezone, "now", lambda: noon)
    build_demo(TODAY)
    pages = {}
    for name, url in PAGES.items():
        response = client.get(url)
        assert response.status_code == 200, (name, response.status_code)
        pages[name] = response.content.decode()
    return pages


def test_the_demos_public_pages_render_as_recorded(demo_pages):
    if os.environ.get("DEMO_PAGES_WRITE"):
        PAGES_DIR.mkdir(exist_ok=True)
        for name, html in demo_pages.items():
            (PAGES_DIR / f"{name}.html").write_text(html, encoding="utf-8")
    for name, html in demo_pages.items():
        recorded = (PAGES_DIR / f"{name}.html").read_text(encoding="utf-8")
        assert normalised(html) == normalised(recorded), name

"""Every public page type is valid HTML according to the Nu Html Checker (vnu.jar)."""

from pathlib import Path

import pytest
from django.test import Client

from tests.e2e import vnu
from tests.e2e.pages import DOCUMENT_TYPES, PAGE_TYPES, expected_status

CHECKED = {**PAGE_TYPES, **DOCUMENT_TYPES}

BROKEN_HTML = "<!DOCTYPE html><html lang=sv><title>x</title><p><div></span>"


@pytest.fixture(scope="module")
def checked_pages(public_site, django_db_blocker, tmp_path_factory):
    """Each page type's status, HTML file and checker messages; all checked in one JVM run."""
    folder = tmp_path_factory.mktemp("html")
    client = Client(raise_request_exception=False)
    pages: dict[str, tuple[int, Path]] = {}
    with django_db_blocker.unblock():
        for page_type, path in CHECKED.items():
            response = client.get(path)
            file = folder / f"{page_type}.html"
            file.write_bytes(response.content)
            pages[page_type] = (response.status_code, file)
    # A broken document in the same run shows the checker really reports errors.
    broken = folder / "broken.html"
    broken.write_text(BROKEN_HTML, "utf-8")
    pages["_broken"] = (200, broken)
    try:
        messages = vnu.check([file for _, file in pages.values()])
    except vnu.CheckerMissing as missing:
        pytest.fail(str(missing))
    stray = messages.pop(None, [])
    assert not vnu.failures(stray), "checker failed:\n" + vnu.describe(stray)
    return {name: (status, file, messages[file]) for name, (status, file) in pages.items()}


@pytest.mark.parametrize("page_type", CHECKED)
def test_page_is_valid_html(checked_pages, page_type):
    status, file, messages = checked_pages[page_type]
    assert status == expected_status(page_type), f"{CHECKED[page_type]} answered {status}"
    assert file.stat().st_size > 0
    errors = vnu.failures(messages)
    assert not errors, f"{CHECKED[page_type]} ({file}):\n" + vnu.describe(errors)


def test_checker_reports_invalid_markup(checked_pages):
    """The checker really runs: a broken page gives errors (so 0 errors above means something)."""
    _, _, messages = checked_pages["_broken"]
    assert {m["message"] for m in vnu.failures(messages)} >= {"Stray end tag “span”."}

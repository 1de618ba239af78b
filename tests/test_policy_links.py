"""No staff page offers what the access policy refuses: every link and button is allowed.

Each persona opens every staff page it may open (the permission matrix's pages, and the draft's
pages), and follows every staff link and presses every staff button on them (each press undone).
None may answer 403 (refused) or 404 (out of the user's scope).
"""

import copy
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.db import transaction
from django.urls import reverse

from tests.staff import sign_in
from tests.test_permission_matrix import MATRIX, OK, World, _request, build_world

PERSONAS = ("police", "colleague", "coordinator", "approver", "admin", "other", "other_coordinator")
# Leaving is always allowed, and the sign-out button would end the walk.
SKIPPED = {reverse("accounts:logout")}


class _Controls(HTMLParser):
    """The page's staff links (GET) and the hidden fields of its POST forms."""

    def __init__(self) -> None:
        super().__init__()
        self.links: set[str] = set()
        self.forms: list[tuple[str, dict]] = []
        self._form: tuple[str, dict] | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href", "").startswith("/personal/"):
            self.links.add(attrs["href"].split("#")[0])
        elif tag == "form" and (attrs.get("method") or "").lower() == "post":
            self._form = (attrs.get("action") or "", {})
        elif (
            self._form is not None
            and attrs.get("name")
            and (tag == "button" or (tag == "input" and attrs.get("type") == "hidden"))
        ):
            self._form[1][attrs["name"]] = attrs.get("value") or ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "form" and self._form is not None:
            self.forms.append(self._form)
            self._form = None


@pytest.fixture(scope="module")
def links_world(module_data) -> World:
    with module_data():
        return build_world()


def _pages(world: World, actor: str) -> list[str]:
    """The staff pages the actor may open: the matrix's, and the draft's own pages."""
    pages = [
        _request(name, world, actor)[0]
        for name, outcomes in MATRIX.items()
        if outcomes[actor][0] == OK and name != "accounts:password_change_done"
    ]
    pages += [
        reverse("promises:staff_period", args=[world.draft.pk]),
        reverse("activities:staff_activity", args=[world.municipal_activity.pk]),
    ]
    return pages


@pytest.mark.parametrize("actor", PERSONAS)
def test_every_link_and_button_on_a_staff_page_is_allowed(client, db, links_world, actor):
    world = copy.deepcopy(links_world)
    sign_in(client, world.users[actor])
    links: dict[str, str] = {}
    buttons: dict[tuple[str, tuple], str] = {}
    for page in _pages(world, actor):
        response = client.get(page)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue  # refused pages are the matrix's business; PDFs have no links
        controls = _Controls()
        controls.feed(response.content.decode())
        for link in controls.links:
            links.setdefault(link, page)
        for action, fields in controls.forms:
            target = action or urlsplit(page).path
            if target.startswith("/personal/") and target not in SKIPPED:
                fields.pop("csrfmiddlewaretoken", None)
                buttons.setdefault((target, tuple(sorted(fields.items()))), page)
    assert links, "the walk found no staff links"

    refused = []
    for link, page in sorted(links.items()):
        if urlsplit(link).path in SKIPPED:
            continue
        status = client.get(link).status_code
        if status in (403, 404):
            refused.append(f"{status} GET {link} (linked from {page})")
    for (target, fields), page in sorted(buttons.items()):
        with transaction.atomic():
            status = client.post(target, dict(fields)).status_code
            transaction.set_rollback(True)
        if status in (403, 404):
            refused.append(f"{status} POST {target} {dict(fields)} (button on {page})")
    assert not refused, "\n".join(refused)

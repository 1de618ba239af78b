"""A downloaded file says which day its figures are from: in its name and its Last-Modified."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.utils.http import http_date

from followups.opendata import dated
from tests import factories
from tests.followups.test_opendata import download

STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")
MORNING = datetime.datetime(2026, 12, 6, 10, 0, tzinfo=STOCKHOLM)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def published():
    period = factories.period(
        "vetlanda", start=datetime.date(2026, 1, 1), end=datetime.date(2027, 12, 31)
    )
    activity = factories.activity(period, "Trafikkontroller")
    factories.log(activity, datetime.date(2026, 3, 1), quantity=3)
    return period


def _name(response) -> str:
    return response["Content-Disposition"].split('filename="', 1)[1].rstrip('"')


def test_dated_puts_the_day_before_the_extension():
    day = datetime.date(2026, 12, 6)
    assert dated("medborgarloften-aktiviteter.csv", day) == (
        "medborgarloften-aktiviteter-2026-12-06.csv"
    )
    assert dated("medborgarloften-aktiviteter-excel.csv", day) == (
        "medborgarloften-aktiviteter-excel-2026-12-06.csv"
    )


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("/oppna-data/aktiviteter.csv", "medborgarloften-aktiviteter-2026-12-06.csv"),
        ("/oppna-data/aktiviteter-excel.csv", "medborgarloften-aktiviteter-excel-2026-12-06.csv"),
        ("/oppna-data/loften.json", "medborgarloften-loften-2026-12-06.json"),
        (
            "/kommuner/vetlanda/oppna-data/genomforda-aktiviteter.csv",
            "medborgarloften-vetlanda-genomforda-aktiviteter-2026-12-06.csv",
        ),
    ],
)
def test_every_download_is_named_with_its_day_and_says_when_it_was_computed(
    client, published, path, name
):
    with time_machine.travel(MORNING, tick=False):
        response, _body = download(client, path)

    assert _name(response) == name
    assert response["Last-Modified"] == http_date(MORNING.timestamp())


def test_a_kept_file_says_when_its_figures_were_computed_not_when_it_was_asked_for(
    client, published
):
    with time_machine.travel(MORNING, tick=False):
        first, body = download(client, "/oppna-data/aktiviteter.csv")
    with time_machine.travel(MORNING + datetime.timedelta(hours=5), tick=False):
        kept, kept_body = download(client, "/oppna-data/aktiviteter.csv")

    assert kept_body == body and kept["ETag"] == first["ETag"]
    assert kept["Last-Modified"] == http_date(MORNING.timestamp())
    assert _name(kept) == "medborgarloften-aktiviteter-2026-12-06.csv"


def test_after_midnight_the_file_is_counted_anew_and_named_with_the_new_day(client, published):
    late = datetime.datetime(2026, 12, 6, 23, 59, tzinfo=STOCKHOLM)
    with time_machine.travel(late, tick=False):
        download(client, "/oppna-data/aktiviteter.csv")
    after = late + datetime.timedelta(minutes=2)
    with time_machine.travel(after, tick=False):
        response, _body = download(client, "/oppna-data/aktiviteter.csv")

    assert _name(response) == "medborgarloften-aktiviteter-2026-12-07.csv"
    assert response["Last-Modified"] == http_date(after.timestamp())


def test_a_selection_is_named_with_its_day_and_says_when_it_was_computed(client, published):
    with time_machine.travel(MORNING, tick=False):
        response = client.get("/aktiviteter/urval.csv", {"kommun": "vetlanda"})
    with time_machine.travel(MORNING + datetime.timedelta(hours=1), tick=False):
        kept = client.get("/aktiviteter/urval.csv", {"kommun": "vetlanda"})

    assert response.status_code == 200
    name = "medborgarloften-aktiviteter-urval-kommun-vetlanda-2026-12-06.csv"
    assert _name(response) == name == _name(kept)
    assert response["Last-Modified"] == http_date(MORNING.timestamp())
    # A copy kept in the page cache (for the day) says when its figures were computed; one
    # built anew, its own time.
    again = MORNING + datetime.timedelta(hours=1)
    expected = (
        response
        if kept.get("X-Cache") == "hit"
        else {"Last-Modified": http_date(again.timestamp())}
    )
    assert kept["Last-Modified"] == expected["Last-Modified"]


def test_the_open_data_page_says_which_day_the_figures_are_from_and_how_to_tell(client, published):
    with time_machine.travel(MORNING, tick=False):
        page = client.get("/oppna-data/").content.decode()

    assert "räknade per 6 december 2026" in page
    assert "<code>medborgarloften-aktiviteter-2026-12-06.csv</code>" in page
    assert "Last-Modified" in page


@pytest.mark.parametrize("path", ["/oppna-data/aktiviteter.csv", "/aktiviteter/urval.csv"])
def test_a_file_the_same_as_yesterdays_is_not_revalidated_under_yesterdays_name(
    client, published, path
):
    """The security probe: the ETag was of the content alone, so after midnight a browser or a
    proxy revalidating yesterday's copy got 304 and kept it under yesterday's name."""
    query = {"kommun": "vetlanda"} if "urval" in path else {}
    late = datetime.datetime(2026, 12, 6, 23, 59, tzinfo=STOCKHOLM)
    with time_machine.travel(late, tick=False):
        yesterday = client.get(path, query)
        same = client.get(path, query, HTTP_IF_NONE_MATCH=yesterday["ETag"])
    with time_machine.travel(late + datetime.timedelta(minutes=2), tick=False):
        today = client.get(path, query, HTTP_IF_NONE_MATCH=yesterday["ETag"])

    assert same.status_code == 304
    assert today.status_code == 200 and today["ETag"] != yesterday["ETag"]
    assert _name(today).endswith("-2026-12-07.csv")
    assert b"".join(today) == b"".join(yesterday)  # the same figures, only the name is new


def test_a_client_sending_only_the_date_of_its_copy_gets_304_for_todays_kept_file(
    client, published
):
    """`curl -z` and `wget -N` send If-Modified-Since alone: today's kept file, built before
    that date, is not sent again."""
    url = "/oppna-data/aktiviteter.csv"
    with time_machine.travel(MORNING, tick=False):
        first, _body = download(client, url)
    with time_machine.travel(MORNING + datetime.timedelta(hours=2), tick=False):
        unchanged = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
        earlier = http_date((MORNING - datetime.timedelta(seconds=1)).timestamp())
        older_copy, _ = download(client, url, HTTP_IF_MODIFIED_SINCE=earlier)
        unreadable, _ = download(client, url, HTTP_IF_MODIFIED_SINCE="i går")

    assert unchanged.status_code == 304
    assert unchanged.content == b""
    assert unchanged["Last-Modified"] == first["Last-Modified"]
    assert unchanged["ETag"] == first["ETag"]
    assert older_copy["Last-Modified"] == first["Last-Modified"]
    assert unreadable["ETag"] == first["ETag"]


def test_if_none_match_decides_before_the_date(client, published):
    """RFC 9110: with If-None-Match the date is not asked; another file's ETag gets the file."""
    url = "/oppna-data/aktiviteter.csv"
    with time_machine.travel(MORNING, tick=False):
        first, body = download(client, url)
        again, again_body = download(
            client,
            url,
            HTTP_IF_NONE_MATCH='"another-file"',
            HTTP_IF_MODIFIED_SINCE=first["Last-Modified"],
        )

    assert again_body == body


def test_yesterdays_copy_is_sent_todays_file_named_with_the_new_day(client, published):
    """The file is kept per day: a copy dated yesterday is not today's, whatever its date
    says against yesterday's build."""
    late = datetime.datetime(2026, 12, 6, 23, 59, tzinfo=STOCKHOLM)
    url = "/oppna-data/aktiviteter.csv"
    with time_machine.travel(late, tick=False):
        yesterday, _body = download(client, url)
    with time_machine.travel(late + datetime.timedelta(minutes=2), tick=False):
        download(client, url)  # today's file built and kept
    with time_machine.travel(late + datetime.timedelta(minutes=3), tick=False):
        response, _body = download(client, url, HTTP_IF_MODIFIED_SINCE=yesterday["Last-Modified"])

    assert _name(response) == "medborgarloften-aktiviteter-2026-12-07.csv"

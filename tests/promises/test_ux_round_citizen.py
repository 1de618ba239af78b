"""Found in a round of people trying the portal: a citizen of 70, with enlarged text and a
screen reader, who heard on the radio of more traffic checks, found the activity and wanted to
follow it."""

import datetime

import pytest
from django.urls import reverse

from tests import factories

D = datetime.date


@pytest.mark.django_db
def test_the_activity_page_offers_the_feed_and_calendar_to_follow_it(client):
    period = factories.period(start=D(2026, 1, 1), end=D(2026, 12, 31))
    activity = factories.activity(period)
    url = reverse("activities:activity_detail", args=["vetlanda", period.slug, activity.pk])

    html = client.get(url).content.decode()

    # The feed and the calendar were only on the municipality's and the period's pages: from
    # the activity (where a search or a shared link lands) there was no way to follow it.
    assert 'id="follow-heading"' in html
    assert reverse("followups:municipality_feed", args=["vetlanda"]) in html
    assert reverse("followups:municipality_meetings_ics", args=["vetlanda"]) in html
    assert "Ett nyhetsflöde läses i en flödesläsare" in html


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["activity", "about"])
def test_the_bar_and_its_line_are_explained_with_the_status_words(client, page):
    period = factories.period(start=D(2026, 1, 1), end=D(2026, 12, 31))
    activity = factories.activity(period)
    if page == "activity":
        url = reverse("activities:activity_detail", args=["vetlanda", period.slug, activity.pk])
    else:
        url = "/om/"

    html = client.get(url).content.decode()

    # "Vad betyder strecket i stapeln?": the counting rule spoke of a percentage and the status
    # words of "i fas", but nothing said what the bar or the upright line on it were.
    assert "Stapeln visar procenttalet: hur stor del av målet som har gjorts." in html
    assert "Det smala lodräta strecket i stapeln visar hur mycket som väntades vara gjort" in html

"""Progress in words (activities.wording) and the template filters that wrap it."""

from datetime import date

import pytest
from django.template import Context, Template
from django.utils.translation import override

from activities import wording
from activities.progress import LogEntry, PaceStatus, Target, compute_progress

START, END = date(2025, 1, 1), date(2026, 12, 31)


def progress(target, entries=(), today=date(2025, 6, 10)):
    return compute_progress(target, START, END, [LogEntry(d, q) for d, q in entries], today)


def test_no_target_has_no_words():
    empty = progress(None)
    assert wording.progress_words(empty) == wording.target_words(empty) == ""
    assert wording.headline_span(empty) is None


def test_a_period_target_counts_the_whole_period():
    done = progress(Target("at_least", 15, "trafikkontroller", "period"), [(date(2025, 2, 1), 12)])
    with override("sv"):
        assert wording.progress_words(done) == "12 av minst 15 trafikkontroller"
        assert wording.target_words(done) == "minst 15 trafikkontroller under hela perioden"
    assert wording.headline_span(done) is done.spans[0]


def test_a_running_span_is_named_with_its_dates():
    yearly = progress(Target("at_least", 12, "insatser", "year"), [(date(2025, 3, 1), 4)])
    with override("sv"):
        assert wording.progress_words(yearly) == "i år (1 jan–31 dec 2025): 4 av minst 12 insatser"
    assert wording.headline_span(yearly) is yearly.current


def test_a_finished_period_of_spans_has_no_headline_span_but_counts_everything():
    yearly = progress(
        Target("at_least", 12, "insatser", "year"), [(date(2025, 3, 1), 4)], date(2027, 1, 1)
    )
    with override("en"):
        assert wording.progress_words(yearly) == "4 of at least 24 insatser"
    assert wording.headline_span(yearly) is None


def test_an_average_is_worded_as_an_average():
    weekly = progress(
        Target("at_least", 1, "fotpatruller", "average_week"),
        [(date(2025, 1, 2), 3)],
        date(2025, 1, 14),
    )
    with override("sv"):
        assert wording.progress_words(weekly) == "i snitt 1,5 per vecka (mål: minst 1)"


@pytest.mark.parametrize(("status", "word"), [(PaceStatus.BEHIND, "efter plan"), (None, "")])
def test_pace_label(status, word):
    with override("sv"):
        assert wording.pace_label(status) == word


def test_the_template_filters_give_the_same_words():
    yearly = progress(Target("at_least", 12, "insatser", "year"), [(date(2025, 3, 1), 4)])
    template = Template(
        "{% load progress_tags %}{{ p|progress_words }}|{{ p|target_words }}|"
        "{{ p.status|pace_label }}"
    )
    with override("sv"):
        rendered = template.render(Context({"p": yearly}))
        assert rendered == (
            f"{wording.progress_words(yearly)}|{wording.target_words(yearly)}|"
            f"{wording.pace_label(yearly.status)}"
        )

"""Progress in words (activities.wording) and the template filters that wrap it."""

from datetime import date

import pytest
from django.template import Context, Template
from django.template.loader import render_to_string
from django.utils.html import strip_tags
from django.utils.text import capfirst
from django.utils.translation import override

from activities import wording
from activities.progress import (
    LogCounts,
    LogEntry,
    PaceStatus,
    Target,
    compute_progress,
    progress_from_counts,
)

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
        assert wording.progress_words(yearly) == (
            "löftesår 1 (1 jan\u00a0– 31 dec 2025): 4 av minst 12 insatser"
        )
    assert wording.headline_span(yearly) is yearly.current


def test_a_finished_period_of_spans_has_no_headline_span_but_counts_everything():
    yearly = progress(
        Target("at_least", 12, "insatser", "year"), [(date(2025, 3, 1), 4)], date(2027, 1, 1)
    )
    with override("en"):
        # Over: in how many spans the target was met, and everything counted.
        assert (
            wording.progress_words(yearly)
            == "target met in 0 of 2 promise years; 4 insatser in all"
        )
    assert wording.headline_span(yearly) is None


def test_an_average_is_worded_as_an_average():
    weekly = progress(
        Target("at_least", 1, "fotpatruller", "average_week"),
        [(date(2025, 1, 2), 3)],
        date(2025, 1, 14),
    )
    with override("sv"):
        assert wording.progress_words(weekly) == "i snitt 1,5 fotpatruller per vecka (mål: minst 1)"


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


@pytest.mark.parametrize(
    ("start", "end", "words"),
    [
        (date(2026, 12, 3), date(2026, 12, 3), "3 dec 2026"),
        (date(2026, 11, 1), date(2026, 11, 30), "1–30 nov 2026"),
        (date(2026, 9, 1), date(2026, 12, 31), "1 sep\u00a0– 31 dec 2026"),
        (date(2026, 3, 20), date(2027, 3, 19), "20 mar 2026\u00a0– 19 mar 2027"),
        (date(2026, 12, 28), date(2027, 1, 3), "28 dec 2026\u00a0– 3 jan 2027"),
        (date(2026, 5, 1), date(2026, 5, 31), "1–31 maj 2026"),
    ],
)
def test_date_ranges_use_lower_case_swedish_months_and_give_each_differing_year(start, end, words):
    with override("sv"):
        assert wording.date_range(start, end) == words


def test_a_year_span_is_a_promise_year_counted_from_the_start_never_this_year():
    target = Target("at_least", 10, "narkotikainsatser", "year", "narkotikainsats")
    running = compute_progress(target, date(2026, 3, 20), date(2027, 12, 31), [], date(2027, 6, 1))
    with override("sv"):
        words = wording.progress_words(running)
        listed = [(line.label, line.words) for line in wording.listed_spans(running)]

    # The short last year's "minst 8" says where it comes from (read alone, it contradicts
    # the promise's "minst 10 per år"); a whole year states the promise's figure.
    pro_rata = " (minst 10 narkotikainsatser per år, omräknat för den kortare tiden)"
    assert words == (
        f"löftesår 2 (20 mar\u00a0– 31 dec 2027): 0 av minst 8 narkotikainsatser{pro_rata}"
        " · hittills under perioden: målet nåddes 0 av 1 avslutat löftesår"
    )
    assert "i år" not in words
    assert listed == [
        ("löftesår 1 (20 mar 2026\u00a0– 19 mar 2027)", "0 av minst 10 narkotikainsatser"),
        ("löftesår 2 (20 mar\u00a0– 31 dec 2027)", f"0 av minst 8 narkotikainsatser{pro_rata}"),
    ]


def test_a_short_span_of_an_exact_target_says_where_its_figure_comes_from_in_one_bracket():
    """ "0 vandringar (mål: exakt 1) (exakt 3 vandringar per tertial, omräknat …)": two
    brackets in a row read as a typing error."""
    target = Target("exactly", 3, "vandringar", "tertial", "vandring")
    running = compute_progress(target, date(2026, 1, 1), date(2026, 5, 31), [], date(2026, 5, 10))
    with override("sv"):
        listed = [line.words for line in wording.listed_spans(running)]

    assert listed[-1] == (
        "0 vandringar (mål: exakt 1; exakt 3 vandringar per tertial, omräknat för den kortare "
        "tiden)"
    )
    assert ") (" not in " ".join(listed)


def test_a_monthly_headline_also_gives_the_running_total_of_the_period():
    monthly = compute_progress(
        Target("at_least", 2, "trafikkontroller", "month", "trafikkontroll"),
        date(2025, 1, 1),
        date(2026, 12, 31),
        [LogEntry(date(2025, 3, 1), 37), LogEntry(date(2026, 11, 30), 1)],
        date(2026, 12, 2),
    )
    with override("sv"):
        assert wording.progress_words(monthly) == (
            "denna månad (1–31 dec 2026): 0 av minst 2 trafikkontroller"
            " · hittills under perioden: 38 trafikkontroller;"
            " målet nåddes 1 av 23 avslutade månader"
        )
        assert wording.headline_words(monthly) == (
            "denna månad (1–31 dec 2026): 0 av minst 2 trafikkontroller"
        )


def test_how_the_ended_spans_went_is_said_without_a_running_total_and_never_for_an_unrecorded_one():
    """A councillor counted 22 rows of spans to find the two months that fell short."""
    monthly = compute_progress(
        Target("at_least", 2, "trafikkontroller", "month", "trafikkontroll"),
        date(2025, 1, 1),
        date(2026, 12, 31),
        [LogEntry(date(2025, 1, 3), 2), LogEntry(date(2025, 3, 4), 1)],
        date(2025, 3, 10),
    )
    with override("sv"):
        assert wording.running_total_words(monthly) == (
            "hittills under perioden: 3 trafikkontroller; målet nåddes 1 av 2 avslutade månader"
        )
    # Registered in April 2025: January to March were not followed up in the portal.
    registered = progress_from_counts(
        Target("at_least", 2, "trafikkontroller", "month", "trafikkontroll"),
        date(2025, 1, 1),
        date(2026, 12, 31),
        LogCounts([LogEntry(date(2025, 5, 3), 2)]),
        date(2025, 6, 10),
        date(2025, 4, 1),
    )
    with override("sv"):
        assert wording.running_total_words(registered) == (
            "hittills under perioden: 2 trafikkontroller; målet nåddes 1 av 2 avslutade månader"
        )


def test_the_running_total_is_left_out_when_it_is_the_running_spans_count():
    monthly = compute_progress(
        Target("at_least", 2, "trafikkontroller", "month", "trafikkontroll"),
        date(2025, 1, 1),
        date(2026, 12, 31),
        [LogEntry(date(2025, 1, 3), 1)],
        date(2025, 1, 10),
    )
    with override("sv"):
        assert wording.running_total_words(monthly) == ""
        assert wording.progress_words(monthly) == (
            "denna månad (1–31 jan 2025): 1 av minst 2 trafikkontroller"
        )


def test_a_per_day_target_lists_its_latest_days_and_on_how_many_it_was_met():
    daily = compute_progress(
        Target("at_least", 2, "kontroller", "day", "kontroll"),
        date(2026, 1, 1),
        date(2026, 12, 31),
        [LogEntry(date(2026, 1, day), 2) for day in range(1, 11)]
        + [LogEntry(date(2026, 1, 20), 1)],
        date(2026, 1, 21),
    )
    with override("sv"):
        listed = wording.listed_spans(daily)
        assert wording.progress_words(daily) == (
            "i dag (21 jan 2026): 0 av minst 2 kontroller · hittills under perioden: 21 kontroller"
        )
        assert wording.days_met_words(daily) == "målet nåddes 10 av 20 dagar hittills"
    assert len(listed) == wording.LISTED_DAYS
    assert listed[-1].label == "21 jan 2026"
    assert listed[-2].label == "20 jan 2026" and listed[-2].status == "not_achieved"


def weekly(today):
    """Two trafikkontroller a week over 2025–2026 (105 weeks), one logged in each week so far."""
    entries = [LogEntry(date.fromordinal(day), 1) for day in range(START.toordinal(), 740000, 7)]
    target = Target("at_least", 2, "trafikkontroller", "week", "trafikkontroll")
    return compute_progress(target, START, END, [e for e in entries if e.date <= today], today)


def test_a_list_cut_to_the_latest_spans_ends_with_the_running_one_and_says_what_it_left_out():
    running = weekly(date(2026, 6, 10))
    latest = wording.listed_spans(running, 14)
    with override("sv"):
        left_out = wording.unlisted_spans_words(running, 14)
    assert len(running.spans) == 105 and len(wording.listed_spans(running)) == 105
    assert len(latest) == 14
    assert latest[-1].label == wording.date_range(
        running.current.span.start, running.current.span.end
    )
    current = running.spans.index(running.current)
    assert [line.label for line in latest] == [
        line.label for line in wording.listed_spans(running)[current - 13 : current + 1]
    ]
    assert left_out == "här visas de senaste 14 av periodens 105 veckor"


def test_a_list_not_cut_or_of_a_period_yet_to_begin_says_nothing_is_left_out_or_lists_its_first():
    ahead = weekly(date(2024, 12, 1))
    assert [line.label for line in wording.listed_spans(ahead, 14)] == [
        line.label for line in wording.listed_spans(ahead)[:14]
    ]
    monthly = progress(Target("at_least", 2, "kontroller", "month", "kontroll"))
    assert len(wording.listed_spans(monthly, 24)) == 24
    assert wording.unlisted_spans_words(monthly, 24) == ""
    assert wording.unlisted_spans_words(monthly, None) == ""
    with override("sv"):
        left_out = wording.unlisted_spans_words(monthly, 12)
    assert left_out == "här visas de senaste 6 av periodens 24 månader"


def test_an_ended_per_day_target_says_on_how_many_of_its_days_without_so_far():
    def ten_days(today):
        """Two kontroller a day over 1–10 jan 2026, met on the first three days."""
        entries = [LogEntry(date(2026, 1, day), 2) for day in range(1, 4)]
        target = Target("at_least", 2, "kontroller", "day", "kontroll")
        return compute_progress(target, date(2026, 1, 1), date(2026, 1, 10), entries, today)

    with override("sv"):
        assert wording.days_met_words(ten_days(date(2026, 2, 1))) == "målet nåddes 3 av 10 dagar"
        assert wording.days_met_words(ten_days(date(2026, 1, 10))) == (
            "målet nåddes 3 av 9 dagar hittills"
        )


@pytest.mark.parametrize(
    ("scope", "limit", "words"),
    [
        ("year", 1, "här visas de senaste 1 av periodens 2 löftesår"),
        ("tertial", 4, "här visas de senaste 4 av periodens 6 tertial"),
        ("month", 20, "här visas de senaste 20 av periodens 24 månader"),
        ("week", 100, "här visas de senaste 100 av periodens 105 veckor"),
        ("period", 1, ""),
    ],
)
def test_a_cut_list_names_its_spans_by_their_unit(scope, limit, words):
    cut = progress(Target("at_least", 2, "kontroller", scope, "kontroll"), today=date(2026, 12, 1))
    with override("sv"):
        assert wording.unlisted_spans_words(cut, limit) == words


def test_the_days_of_a_per_day_target_are_never_said_to_be_left_for_the_activitys_page():
    daily = progress(Target("at_least", 2, "kontroller", "day", "kontroll"))
    assert len(wording.listed_spans(daily, 14)) == len(wording.listed_spans(daily)) == 14
    assert wording.unlisted_spans_words(daily, 14) == ""
    with override("sv"):
        assert wording.listed_spans_heading(daily, None) == "De senaste delperioderna"


def test_the_list_is_headed_every_span_only_when_it_lists_every_span():
    running = weekly(date(2026, 6, 10))
    with override("sv"):
        assert wording.listed_spans_heading(running, None) == "Alla delperioder"
        assert wording.listed_spans_heading(running, 105) == "Alla delperioder"
        assert wording.listed_spans_heading(running, 14) == "De senaste delperioderna"


@pytest.mark.parametrize(
    ("count", "words"),
    [
        (0, "Inga loggade tillfällen"),
        (1, "1 gång"),
        (3, "3 gånger"),
    ],
)
def test_logs_of_an_activity_without_a_target_are_registered_occurrences(count, words):
    with override("sv"):
        assert capfirst(wording.occurrences_words(count)) == words


@pytest.mark.parametrize(
    ("status", "done", "shown"),
    [
        ("planned", 0, "planerad"),
        ("planned", 2, "pågår"),  # logged: it has begun
        ("ongoing", 0, "pågår"),
        ("done", 0, "genomförd"),
        ("done", 3, "genomförd"),
        ("cancelled", 1, "inställd"),
    ],
)
def test_the_status_shown_never_contradicts_the_count(status, done, shown):
    untargeted = progress(None, [(date(2025, 2, 1), done)] if done else [])
    with override("sv"):
        assert wording.status_words(status, untargeted) == shown


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("Polisen ska genomföra minst två trafikkontroller per månad.", [2]),
        ("Polisen ska genomföra minst 3 trafikkontroller per månad.", [3]),
        ("Vi ska genomföra femton trafikkontroller under året.", [15]),
        ("Polisen ska i snitt tre gånger per vecka kontrollera trafiken.", [3]),
        ("Polisen ska genomföra en trafikkontroll i veckan.", [1]),
        ("Polisen ska genomföra tjugofem riktade trafikkontroller.", [25]),
        ("Under 2025–2026 ska polisen genomföra trafikkontroller i en trygg miljö.", []),
        ("Personer i åldern 21 år och yngre ska kontrolleras minst etthundra gånger.", [100]),
    ],
)
def test_the_numbers_a_text_states_as_its_target(text, numbers):
    target = Target("at_least", 3, "trafikkontroller", "month", "trafikkontroll")

    assert wording.stated_numbers(text, target) == numbers


def test_a_text_agreeing_with_its_target_has_no_mismatch():
    target = Target("at_least", 2, "trafikkontroller", "month", "trafikkontroll")

    assert wording.text_target_mismatch("Minst två trafikkontroller per månad.", target) == []
    assert wording.text_target_mismatch("Minst tre trafikkontroller per månad.", target) == [3]
    assert wording.text_target_mismatch("Minst tre trafikkontroller per månad.", None) == []


def test_the_progress_include_renders_the_headline_status_and_running_total():
    monthly = compute_progress(
        Target("at_least", 2, "trafikkontroller", "month", "trafikkontroll"),
        date(2025, 1, 1),
        date(2026, 12, 31),
        [LogEntry(date(2025, 3, 1), 38)],
        date(2026, 12, 2),
    )
    with override("sv"):
        html = render_to_string("includes/progress.html", {"progress": monthly, "spans": "all"})
    text = " ".join(strip_tags(html).split())

    assert text.startswith(
        "Denna månad (1–31 dec 2026): 0 av minst 2 trafikkontroller Ej påbörjad"
        " · hittills under perioden: 38 trafikkontroller"
    )
    assert "1–31 mar 2025: 38 av minst 2 trafikkontroller uppnådd" in text


def test_a_ceiling_has_no_bar_that_fills_towards_it():
    def rendered(comparator):
        target = Target(comparator, 4, "klagomål", "period")
        done = progress(target, [(date(2025, 2, 1), 2)])
        with override("sv"):
            return render_to_string("includes/progress.html", {"progress": done, "spans": "all"})

    assert '<svg class="bar"' in rendered("at_least")
    ceiling = rendered("at_most")
    assert '<svg class="bar"' not in ceiling
    assert "2 av högst 4 klagomål" in " ".join(strip_tags(ceiling).split())


def test_counts_of_statuses_agree_with_their_numbers():
    with override("sv"):
        counted = {"not_started": 2, "done": 3, "on_track": 1}
        assert wording.status_counts(counted) == "3 klara, 1 i fas, 2 ej påbörjade"
        assert wording.status_counts({"done": 1, "achieved": 1}) == "1 klar, 1 uppnådd"
        assert wording.status_counts({"not_achieved": 2, "behind": 0}) == "2 ej uppnådda"


def test_a_logs_quantity_is_said_in_its_activitys_unit():
    target = Target("at_least", 15, "trafikkontroller", "period", unit_singular="trafikkontroll")
    with override("sv"):
        assert wording.quantity_words(target, 1) == "1 trafikkontroll"
        assert wording.quantity_words(target, 1200) == "1\u00a0200 trafikkontroller"
        assert wording.quantity_words(None, 1) == "1 gång"
        assert wording.quantity_words(None, 3) == "3 gånger"


def test_a_span_not_begun_says_so_without_figures_or_a_status():
    target = Target("at_most", 3, "anmälda skadegörelser", "year", "anmäld skadegörelse")
    progress = compute_progress(target, date(2025, 3, 20), date(2027, 6, 30), [], date(2026, 12, 5))
    with override("sv"):
        listed = [(line.label, line.words, line.status) for line in wording.listed_spans(progress)]
    assert listed[-1] == ("löftesår 3 (20 mar\u00a0– 30 jun 2027)", "har inte börjat än", "")
    assert listed[1][2] == PaceStatus.ON_TRACK  # the current year: under its most so far


def test_a_recurring_target_of_a_period_not_begun_is_worded_as_promised():
    target = Target("at_least", 2, "fotpatruller", "week", "fotpatrull")
    progress = compute_progress(target, date(2027, 1, 1), date(2027, 12, 31), [], date(2026, 12, 5))
    with override("sv"):
        assert (
            wording.headline_words(progress) == "börjar 1 jan 2027: minst 2 fotpatruller per vecka"
        )


def test_a_report_of_the_running_span_says_its_figures_once_without_the_spans_name():
    """A tertial's report of a per-tertial target read "Genomfört 1 januari – 30 april 2026: 4
    trygghetsvandringar · tertialet (1 jan – 30 apr 2026): 4 av minst 4 …": its span and count
    twice. When the running span is the report's, its figures stand alone after the report's
    line; another span keeps its name and dates."""
    tertial = compute_progress(
        Target("at_least", 4, "trygghetsvandringar", "tertial", "trygghetsvandring"),
        date(2026, 1, 1),
        date(2027, 12, 31),
        [LogEntry(date(2025, 12, 31), 9), LogEntry(date(2026, 2, 1), 4)],
        date(2026, 4, 30),
    )
    with override("sv"):
        words, said_once = wording.report_progress_words(
            tertial, date(2026, 1, 1), date(2026, 4, 30)
        )
        other, other_said_once = wording.report_progress_words(
            tertial, date(2026, 1, 1), date(2026, 4, 15)
        )
    assert said_once is True
    assert words == "4 av minst 4 trygghetsvandringar"
    assert wording.with_status(words, "klar") == "4 av minst 4 trygghetsvandringar (klar)"
    assert other_said_once is False
    assert other.startswith("tertialet (1 jan\u00a0– 30 apr 2026): 4 av minst 4")

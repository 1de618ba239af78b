"""scripts/crawl_national.py: which links it follows, and that a failing page is a problem."""

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "crawl_national.py"
spec = importlib.util.spec_from_file_location("crawl_national", SCRIPT)
crawl_national = importlib.util.module_from_spec(spec)
spec.loader.exec_module(crawl_national)


def test_a_page_follows_only_its_own_pages_links():
    html = """
      <a href="/kommuner/ale/2025/aktiviteter/7/#framsteg">activity</a>
      <a href="/kommuner/ale/2025/medborgarloftet.pdf">pdf</a>
      <a href="/kommuner/ale/2025/oppna-data/aktiviteter.csv">file</a>
      <a href="/kommuner/ale/2025/?sida=2">query</a>
      <a href="/kommuner/ale/2025/">itself</a>
      <a href="/kommuner/ale/">its municipality</a>
      <a href="/kommuner/ale/2025/redovisningar/3/?a=1&amp;b=2">escaped query</a>
    """
    page = "/kommuner/ale/2025/"
    links = crawl_national.own_links(html, page, pdf=False)
    assert links == {"/kommuner/ale/2025/aktiviteter/7/"}
    assert crawl_national.own_links(html, page, pdf=True) == {
        "/kommuner/ale/2025/aktiviteter/7/",
        "/kommuner/ale/2025/medborgarloftet.pdf",
    }


@pytest.mark.django_db
def test_a_page_that_does_not_answer_200_is_a_problem_named_with_its_link(capsys):
    crawl = crawl_national.Crawl(slow_ms=10_000)
    assert "<html" in crawl.get("/om/")
    assert crawl.report() is True
    crawl.get("/kommuner/finns-inte/", "/om/")
    crawl.get("/om/")  # visited once
    assert crawl.report() is False
    out = capsys.readouterr().out
    assert "2 pages: 1 × 200, 1 × 404" in out
    assert "PROBLEM: /kommuner/finns-inte/ answered 404" in out
    assert "(linked from /om/)" in out


@pytest.mark.django_db
def test_a_page_slower_than_the_limit_is_a_problem(capsys):
    crawl = crawl_national.Crawl(slow_ms=0)
    crawl.get("/om/")
    assert crawl.report() is False
    assert "PROBLEM: /om/ answered 200" in capsys.readouterr().out

"""Free-text search folds case and Swedish diacritics alike in Python, SQLite and PostgreSQL;
the municipality search resolves a typed name to its page, or shows the matches."""

import html

import pytest
from django.db.models import Value

from municipalities.models import County, Municipality
from municipalities.search import FOLDS, MAX_SEARCH, best_match, equals_q, fold, folded, search_q


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Tranås", "tranas"),
        ("MALMÖ", "malmo"),
        ("Skåne län", "skane lan"),
        ("ÅRE", "are"),
        ("Älvdalen", "alvdalen"),
        ("Öckerö", "ockero"),
        ("Café Müller", "cafe muller"),
        ("  Upplands   Väsby ", "upplands vasby"),
        ("", ""),
    ],
)
def test_fold_drops_case_diacritics_and_extra_blanks(text, folded):
    assert fold(text) == folded


def names(queryset) -> list[str]:
    return sorted(queryset.values_list("name", flat=True))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("tranas", ["Tranås"]),
        ("TRANÅS", ["Tranås"]),
        ("MALMO", ["Malmö"]),
        ("malmö", ["Malmö"]),
        ("kungalv", ["Kungälv"]),
        ("ockero", ["Öckerö"]),
        ("Älvdal", ["Älvdalen"]),
        ("habo", ["Habo", "Håbo"]),
        ("upplands vasby", ["Upplands Väsby"]),
        ("finns inte", []),
        # LIKE's wildcards are searched for as they are, not as wildcards.
        ("%", []),
        ("_", []),
    ],
)
def test_search_q_folds_in_the_database_as_in_python(typed, expected):
    assert names(Municipality.objects.filter(search_q(["name"], typed))) == expected


@pytest.mark.django_db
def test_the_database_folds_every_letter_as_python_does():
    text = "".join(FOLDS) + " Tranås MALMÖ Café"
    (in_database,) = County.objects.annotate(f=folded(Value(text))).values_list("f", flat=True)[:1]
    assert in_database == fold(text) == "aaoeeuao" * 2 + " tranas malmo cafe"


@pytest.mark.django_db
def test_search_q_folds_county_names_too():
    found = County.objects.filter(search_q(["name"], "skane"))
    assert list(found.values_list("name", flat=True)) == ["Skåne län"]


@pytest.mark.django_db
def test_search_q_with_nothing_typed_keeps_every_row():
    assert Municipality.objects.filter(search_q(["name"], "   ")).count() == 290


@pytest.mark.django_db
def test_equals_q_matches_the_whole_folded_name_only():
    assert names(Municipality.objects.filter(equals_q("name", "KUNGALV"))) == ["Kungälv"]
    assert names(Municipality.objects.filter(equals_q("name", "kungal"))) == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Kungälv", "Kungälv"),
        ("kungalv", "Kungälv"),
        ("Håbo", "Håbo"),  # the name as written wins over Habo
        ("Habo", "Habo"),
        ("habo", None),  # names both: neither is guessed
        ("Göteborg", "Göteborg"),
        ("gotebo", "Göteborg"),  # the only match
        ("sala", "Sala"),  # the whole name, though Uppsala contains it too
        ("stad", None),  # Strömstad, Karlstad, Halmstad, …
        ("Vetlanda", "Vetlanda"),
    ],
)
def test_best_match_names_one_municipality_or_none(typed, expected):
    candidates = list(Municipality.objects.filter(search_q(["name"], typed)))
    found = best_match(candidates, typed)
    assert (found.name if found else None) == expected


# --- the municipality search on /kommuner/ ------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("typed", "slug"),
    [
        ("kungalv", "kungalv"),
        ("Kungälv", "kungalv"),
        ("MALMO", "malmo"),
        ("tranas", "tranas"),
        # Typed on a keyboard without å, ä and ö (a citizen abroad; no name holds these pairs).
        ("Tranaas", "tranas"),
        ("Oerebro", "orebro"),
        ("HAESSLEHOLM", "hassleholm"),
        ("Goeteborgs stad", "goteborg"),
    ],
)
def test_a_typed_name_goes_to_the_municipality_page(client, typed, slug):
    response = client.get("/kommuner/", {"q": typed})
    assert response.status_code == 302
    assert response.url == f"/kommuner/{slug}/"


@pytest.mark.django_db
def test_a_name_that_fits_several_shows_them_all(client):
    response = client.get("/kommuner/", {"q": "habo"})

    assert response.status_code == 200
    assert sorted(m.name for m in response.context["municipalities"]) == ["Habo", "Håbo"]
    page = html.unescape(response.content.decode())
    assert "Sökningen på ”habo” gav 2 kommuner." in page
    assert 'href="/kommuner/habo/"' in page and 'href="/kommuner/habo-uppsala/"' in page
    assert 'value="habo"' in page  # the search field keeps what was typed


@pytest.mark.django_db
def test_a_name_that_fits_none_says_so_and_how_to_go_on(client):
    response = client.get("/kommuner/", {"q": "<b>Atlantis</b>"})

    assert response.status_code == 200
    assert response.context["municipalities"] == []
    page = response.content.decode()
    assert "Ingen kommun heter eller har ett namn som innehåller" in page
    assert "&lt;b&gt;Atlantis&lt;/b&gt;" in page and "<b>Atlantis" not in page
    assert "Visa alla kommuner" in page


@pytest.mark.django_db
def test_a_very_long_search_is_cut_not_an_error(client):
    response = client.get("/kommuner/", {"q": "å" * 5000})
    assert response.status_code == 200
    assert len(response.context["words"]) == 100


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "queries"),
    # A search that lists municipalities also looks for districts of that name (one query).
    [("/kommuner/", 1), ("/kommuner/?q=habo", 2), ("/kommuner/?q=kungalv", 1)],
)
def test_the_municipality_search_runs_one_query(client, django_assert_num_queries, url, queries):
    with django_assert_num_queries(queries):
        assert client.get(url).status_code in (200, 302)


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["Jönköpings län", "jonkopings lan"])
def test_a_countys_name_lists_its_municipalities(client, typed):
    response = client.get("/kommuner/", {"q": typed})
    assert response.status_code == 200
    found = response.context["municipalities"]
    assert len(found) == 13 and {m.county.name for m in found} == {"Jönköpings län"}
    # A municipality named as its county is still found first.
    assert client.get("/kommuner/", {"q": "Kalmar"}).url == "/kommuner/kalmar/"


@pytest.mark.django_db
def test_search_q_reads_the_first_max_search_characters_of_what_is_typed():
    counties = County.objects.annotate(text=Value("skåne " + "a" * (MAX_SEARCH - 6)))
    assert counties.filter(search_q(["text"], "Skåne " + "a" * 60_000)).count() == 21
    assert counties.filter(search_q(["text"], "Skåne " + "a" * (MAX_SEARCH - 7) + "b")).count() == 0

"""The start page's municipality picker: it asks, nothing is chosen beforehand, and a typed name
works without any script (an input with suggestions, sent by GET to the municipality search)."""

import html
import re

import pytest

from tests import factories


@pytest.mark.django_db
def test_the_picker_asks_and_chooses_nothing(client):
    page = client.get("/").content.decode()

    start = page.index('<form method="get" action="/kommuner/" class="find-form"')
    form = page[start : page.index("</form>", start)]
    assert '<label for="id_q">Välj kommun</label>' in form
    assert re.search(r'<input type="text" id="id_q" name="q" list="municipality-names"', form)
    assert 'value="' not in form.split("<datalist")[0]  # the field starts empty
    assert " selected" not in form and "<select" not in form
    suggestions = re.findall(r'<option value="([^"]+)"></option>', form)
    assert len(suggestions) == 290
    assert suggestions[0] == "Ale" and "Kungälv" in suggestions and "Malmö" in suggestions
    assert suggestions.index("Ystad") < suggestions.index("Åmål") < suggestions.index("Öckerö")


@pytest.mark.django_db
def test_the_picker_says_how_to_type_the_name(client):
    page = html.unescape(client.get("/").content.decode())
    assert "Skriv kommunens namn, med eller utan å, ä och ö." in page
    assert 'aria-describedby="id_q_hint"' in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("typed", "page"),
    [
        ("Kungälv", "/kommuner/kungalv/"),
        ("kungalv", "/kommuner/kungalv/"),
        (" KUNGÄLV ", "/kommuner/kungalv/"),
        ("Gotland", "/kommuner/gotland/"),
        # As people also write the names: with "kommun", "stad" or "Region", in the genitive,
        # with a hyphen for a space and a space for a hyphen.
        ("Region Gotland", "/kommuner/gotland/"),
        ("Borås stad", "/kommuner/boras/"),
        ("Tranås kommun", "/kommuner/tranas/"),
        ("Stockholms stad", "/kommuner/stockholm/"),
        ("kungälvs kommun", "/kommuner/kungalv/"),
        ("upplands-väsby", "/kommuner/upplands-vasby/"),
        ("Upplands Bro", "/kommuner/upplands-bro/"),
        ("Habo kommun", "/kommuner/habo/"),  # as written, not Håbo
        ("habo kommun", None),  # Habo or Håbo: both are listed
        ("Ingenstans kommun", None),  # not a municipality's name: the search says so
    ],
)
def test_a_typed_name_submitted_without_script_reaches_the_page(client, typed, page):
    response = client.get("/kommuner/", {"q": typed}, follow=True)
    assert response.status_code == 200
    if page is None:
        assert response.redirect_chain == []
        names = [m.name for m in response.context["municipalities"]]
        assert sorted(names) == (["Habo", "Håbo"] if typed.startswith("habo") else [])
    else:
        assert response.redirect_chain == [(page, 302)]


@pytest.mark.django_db
def test_the_old_picker_address_still_works(client):
    # The start page used to send the slug of the chosen municipality as `kommun`.
    response = client.get("/", {"kommun": "botkyrka"})
    assert response.status_code == 302 and response.url == "/kommuner/botkyrka/"


@pytest.mark.django_db
def test_a_name_sent_to_the_old_address_goes_to_the_search(client):
    response = client.get("/", {"kommun": "tranås"}, follow=True)
    assert response.redirect_chain[-1] == ("/kommuner/tranas/", 302)


@pytest.mark.django_db
@pytest.mark.parametrize("sent", ["\x00", "vetlanda\x00", "\x00botkyrka"])
def test_a_nul_sent_to_the_old_address_gets_the_searchs_error_not_a_crash(client, sent):
    # PostgreSQL refuses a NUL in a query: the text goes to the search, which refuses it.
    response = client.get("/", {"kommun": sent}, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0].startswith("/kommuner/?q=")
    assert response.context["search_form"].errors["q"]
    assert b"\x00" not in response.content


@pytest.mark.django_db
def test_the_suggestions_are_kept_until_a_municipality_changes(client, settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from municipalities.models import Municipality

    settings.PUBLIC_CACHE_SECONDS = 0  # the page itself is rendered each time
    client.get("/")
    with CaptureQueriesContext(connection) as queries:
        page = client.get("/").content.decode()
    names_query = 'SELECT "municipalities_municipality"."name" AS "name" FROM'
    assert not any(q["sql"].startswith(names_query) for q in queries)
    assert '<option value="Kungälv"></option>' in page

    kungalv = Municipality.objects.get(slug="kungalv")
    kungalv.name = "Kungälv (nytt namn)"
    kungalv.save()

    page = client.get("/").content.decode()
    assert '<option value="Kungälv (nytt namn)"></option>' in page
    assert '<option value="Kungälv"></option>' not in page


@pytest.mark.django_db
def test_a_migration_makes_the_kept_suggestions_stale(client, settings):
    from django.apps import apps
    from django.db.models.signals import post_migrate

    from municipalities.models import Municipality

    settings.PUBLIC_CACHE_SECONDS = 0
    client.get("/")
    # As a data migration writes: no signal of the model the cache listens to.
    Municipality.objects.filter(slug="kungalv").update(name="Kungälv (nytt namn)")
    assert "Kungälv (nytt namn)" not in client.get("/").content.decode()

    config = apps.get_app_config("municipalities")
    post_migrate.send(
        sender=config,
        app_config=config,
        verbosity=0,
        interactive=False,
        using="default",
        apps=apps,
        plan=[],
    )
    assert "Kungälv (nytt namn)" in client.get("/").content.decode()


@pytest.mark.django_db
def test_a_district_name_finds_the_periods_that_name_it(client):
    """A tester in Malmö typed "Rosengård": "Ingen kommun heter … Rosengård"."""
    rosengard = factories.period("malmo", area_name="Rosengård", slug="rosengard-2026")
    factories.period("malmo", area_name="Rosengård", state="draft", slug="utkast")
    page = client.get("/kommuner/", {"q": "rosengard"}).content.decode()
    assert "Medborgarlöften för en del av en kommun vars namn innehåller" in page
    assert f'<a href="{rosengard.get_absolute_url()}">Malmö, Rosengård ' in page
    assert page.count("Rosengård 2026") == 1  # not the draft


@pytest.mark.django_db
def test_a_search_names_itself_in_the_page_title_and_says_when_nothing_matched(client):
    """The title is what a screen reader says first and what a tab shows: a search that found
    nothing said only "Kommuner", as the whole list does."""

    def title(path):
        html = client.get(path).content.decode()
        return html.split("<title>", 1)[1].split("</title>", 1)[0]

    plain = title("/kommuner/")
    assert plain.startswith("Kommuner")
    assert title("/kommuner/?q=Upp").startswith("Sökning på ”Upp” – Kommuner")
    assert title("/kommuner/?q=Xyzzyk").startswith("Ingen träff på ”Xyzzyk” – Kommuner")

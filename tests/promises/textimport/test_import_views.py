"""The coordinator's import pages: upload or paste → preview with the read parts marked →
correct and confirm → a draft (or a past promise being registered, its file kept). Nothing is
written before the confirmation; bad files and bad input get Swedish messages."""

import datetime
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from activities.models import Activity
from promises import lifecycle
from promises.models import PeriodState, Promise, PromisePeriod, Signatory
from promises.textimport.highlight import Mark, highlighted
from tests.import_documents import (
    docx_bytes,
    image_only_pdf_bytes,
    pdf_bytes,
    seed_text,
    small_reading,
    vetlanda_reading,
)
from tests.staff import sign_in

IMPORT = reverse("promises:period_import")
CONFIRM = reverse("promises:period_import_confirm")


@pytest.fixture
def reading(monkeypatch):
    """The pages read with a hand-written reading of the Vetlanda seed (the parser's own
    readings are tested with the parser)."""
    monkeypatch.setattr("promises.import_views.read_document", lambda text: vetlanda_reading(text))


@pytest.fixture
def coordinator(client, people):
    sign_in(client, people.coordinator)
    return people.coordinator


def _rows() -> tuple:
    return (
        PromisePeriod.objects.count(),
        PromisePeriod.history.count(),
        Promise.objects.count(),
        Activity.objects.count(),
        Signatory.objects.count(),
    )


def _upload(client, name: str, data: bytes, kind: str = "draft", municipality=None, **extra):
    from tests import factories

    municipality = municipality or factories.municipality("vetlanda")
    return client.post(
        IMPORT,
        {
            "municipality": municipality.pk,
            "kind": kind,
            "file": SimpleUploadedFile(name, data),
            "text": "",
            **extra,
        },
    )


def _value(value) -> str:
    if isinstance(value, datetime.date):
        return value.isoformat()
    return "" if value is None else str(value)


def _form_data(form, prefix: str) -> dict:
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if value is True:
            data[f"{prefix}-{name}"] = "on"
        elif value not in (None, False):
            data[f"{prefix}-{name}"] = _value(value)
    return data


def confirm_data(preview, **overrides) -> dict:
    """What the preview's form sends when confirmed unchanged, with `overrides`."""
    context = preview.context
    data = {
        "document_payload": context["meta"].initial["document_payload"],
        "kind": context["meta"].initial["kind"],
        **_form_data(context["form"], "period"),
        **_form_data(context["texts"], "texts"),
    }
    for formset in (context["promises"], context["activities"]):
        management = formset.management_form
        data.update(
            {
                f"{formset.prefix}-{name}": _value(management.initial.get(name))
                for name in ("TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS", "MAX_NUM_FORMS")
            }
        )
        for row in formset.forms:
            data.update(_form_data(row, row.prefix))
    if context["registering"]:
        data.update({"signatories-TOTAL_FORMS": "0", "signatories-INITIAL_FORMS": "0"})
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_the_import_page_asks_for_a_file_or_the_text(client, coordinator):
    response = client.get(IMPORT)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Importera ett medborgarlöfte från dess dokument</h1>" in html
    assert 'name="file"' in html and 'name="text"' in html
    assert 'enctype="multipart/form-data"' in html


def test_the_start_page_offers_the_import_to_coordinators_only(client, people):
    sign_in(client, people.coordinator)
    assert IMPORT in client.get(reverse("activities:staff_home")).content.decode()
    sign_in(client, people.officer)
    assert IMPORT not in client.get(reverse("activities:staff_home")).content.decode()


def test_a_word_file_is_previewed_with_its_parts_marked_and_nothing_written(
    client, coordinator, reading
):
    before = _rows()
    response = _upload(client, "vetlanda.docx", docx_bytes(seed_text()))
    assert response.status_code == 200
    assert _rows() == before
    html = response.content.decode()
    assert "<h1>Kontrollera det som lästes in</h1>" in html
    assert "Ingenting är sparat ännu." in html
    # Each read part is marked in the text and linked to its row, and back.
    assert '<mark id="kalla-giltighet" class="source-mark source-period">' in html
    assert '<a class="source-label" href="#lofte-2">Löfte 2</a>' in html
    assert '<mark id="kalla-aktivitet-2" class="source-mark source-activity">' in html
    assert re.search(r'<mark id="kalla-mal-2" class="source-mark source-target">minst femton', html)
    assert 'id="aktivitet-2"' in html and 'href="#kalla-aktivitet-2"' in html
    # The uncertain parts are said so, in the text and at the row.
    assert 'class="source-mark source-activity uncertain"' in html
    assert "Aktivitet 7, kontrollera" in html
    assert "Texten säger inte vem som ansvarar." in html
    assert "Perioden anges som två år från undertecknandet, utan datum." in html
    assert "Inga datum för giltighetstiden lästes in" in html
    activities = response.context["activities"]
    assert activities.forms[1].initial["target_value"] == 15
    assert len(activities.forms) == 8  # seven read and one for an activity not read


def test_a_corrected_target_is_confirmed_into_a_draft(client, coordinator, reading):
    preview = _upload(client, "vetlanda.docx", docx_bytes(seed_text()))
    data = confirm_data(
        preview,
        **{
            "period-start_date": "2020-03-01",
            "period-end_date": "2022-02-28",
            "activities-1-target_value": "20",
            "activities-5-leave_out": "on",
            "activities-7-title": "Trygghetsvandringar",
            "activities-7-text": "Kommunen ska genomföra två trygghetsvandringar.",
            "activities-7-responsible": "municipality",
            "activities-7-target_comparator": "count",
            "activities-7-target_value": "2",
            "activities-7-target_unit": "trygghetsvandringar",
            "activities-7-target_scope": "year",
        },
    )
    response = client.post(CONFIRM, data)
    period = PromisePeriod.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("promises:staff_period", args=[period.pk])
    assert period.state == PeriodState.DRAFT and not lifecycle.registering(period)
    assert (period.start_date, period.end_date) == (
        datetime.date(2020, 3, 1),
        datetime.date(2022, 2, 28),
    )
    assert period.slug == "2020-2022"
    assert list(period.promises.values_list("position", flat=True)) == [1, 2]
    activities = list(period.activities.order_by("position"))
    assert len(activities) == 7  # seven read, one left out, one added
    assert activities[1].target_value == 20
    assert activities[1].target_unit == "trafikkontroller"
    assert activities[5].responsible == "unstated"
    assert activities[6].title == "Trygghetsvandringar"
    assert activities[6].target_comparator == "count"
    assert "Informationsinsatser" not in [a.title for a in activities]
    hub = client.get(response.url)
    assert "minst 20 trafikkontroller" in hub.content.decode()
    assert "2 löften och 7 aktiviteter" in hub.content.decode()


def test_a_confirmation_with_errors_shows_the_preview_again_and_writes_nothing(
    client, coordinator, reading
):
    preview = _upload(client, "vetlanda.txt", seed_text().encode())
    before = _rows()
    data = confirm_data(preview, **{"activities-1-target_value": "noll", "activities-0-title": ""})
    response = client.post(CONFIRM, data)
    assert response.status_code == 200
    assert _rows() == before
    html = response.content.decode()
    assert "Det finns ett problem" in html
    assert "Aktivitet 2, mål: antal: " in html
    assert "Aktivitet 1, kort namn: Skriv ett kort namn" in html
    assert 'href="#id_period-start_date"' in html
    assert '<mark id="kalla-aktivitet-2"' in html


def test_a_changed_or_expired_document_is_refused_without_writing(client, coordinator, reading):
    preview = _upload(client, "vetlanda.txt", seed_text().encode())
    data = confirm_data(preview, **{"period-start_date": "2020-03-01", "period-end_date": ""})
    data["document_payload"] = data["document_payload"][:-3] + "abc"
    before = _rows()
    response = client.post(CONFIRM, data, follow=True)
    assert _rows() == before
    assert response.redirect_chain[-1][0] == IMPORT
    assert "Det inlästa dokumentet har gått ut eller ändrats." in response.content.decode()


def test_a_document_read_for_one_user_is_refused_to_another(client, people, coordinator, reading):
    """The preview's signed document is the uploader's: a colleague who posts it (copied from
    the page's source) is refused as if it had been changed, and nothing is written."""
    from municipalities.models import Role
    from tests.staff import staff_user

    preview = _upload(client, "vetlanda.txt", seed_text().encode())
    data = confirm_data(
        preview,
        **{
            "period-start_date": "2020-03-01",
            "period-end_date": "2022-02-28",
            "activities-7-leave_out": "on",
        },
    )
    colleague = staff_user("samordnare2", role=Role.COORDINATOR, municipality=people.home)
    sign_in(client, colleague)
    before = _rows()
    response = client.post(CONFIRM, data, follow=True)
    assert _rows() == before
    assert response.redirect_chain[-1][0] == IMPORT
    assert "Det inlästa dokumentet har gått ut eller ändrats." in response.content.decode()
    # The uploader's own confirmation of the same data is saved.
    sign_in(client, coordinator)
    assert client.post(CONFIRM, data).status_code == 302
    assert PromisePeriod.objects.count() == before[0] + 1


def test_a_signed_document_is_saved_for_registration_with_its_file_kept(
    client, coordinator, reading
):
    data = pdf_bytes(seed_text())
    preview = _upload(client, "vetlanda-2020.pdf", data, kind="register")
    html = preview.content.decode()
    assert "Den uppladdade filen vetlanda-2020.pdf sparas oförändrad som källa" in html
    assert 'name="period-source_file"' not in html
    response = client.post(
        CONFIRM,
        confirm_data(
            preview,
            **{
                "period-start_date": "2020-03-01",
                "period-end_date": "2022-02-28",
                "period-decision_body": "Kommunstyrelsen",
            },
        ),
    )
    period = PromisePeriod.objects.get()
    assert response.status_code == 302
    assert lifecycle.registering(period)
    assert period.registered_at is None and period.decision_body == "Kommunstyrelsen"
    with period.source_file.open("rb") as kept:
        assert kept.read() == data
    assert period.activities.count() == 7


def test_pasted_text_to_register_needs_the_document_or_its_address(client, coordinator, reading):
    """A tester pasted a signed document's text, corrected the whole preview, and only at
    "Bekräfta" was asked for the document or its address: asked on the first page now."""
    from tests import factories

    upload = {
        "municipality": factories.municipality("vetlanda").pk,
        "kind": "register",
        "text": seed_text(),
    }
    before = _rows()
    response = client.post(IMPORT, upload)
    assert response.status_code == 200 and _rows() == before
    html = response.content.decode()
    assert "Ett medborgarlöfte som redan är undertecknat registreras med sitt dokument" in html
    assert 'aria-describedby="id_source_file_helptext id_source_file_error"' in html
    # What was typed is kept.
    assert response.context["form"]["text"].value() == seed_text()
    assert response.context["form"]["kind"].value() == "register"

    upload["source_url"] = "polisen.se/vetlanda/medborgarloften-2020"
    preview = client.post(IMPORT, upload)
    assert "meta" in preview.context
    # The address typed is the registration's, in the preview to check.
    assert preview.context["form"]["source_url"].value() == (
        "https://polisen.se/vetlanda/medborgarloften-2020"
    )
    data = confirm_data(
        preview, **{"period-start_date": "2020-03-01", "period-end_date": "2022-02-28"}
    )
    assert client.post(CONFIRM, data).status_code == 302
    assert PromisePeriod.objects.get().source_url.endswith("medborgarloften-2020")


def test_pasted_text_to_register_keeps_the_document_attached_on_the_first_page(
    client, coordinator, reading
):
    from tests import factories

    data = pdf_bytes(seed_text())
    preview = client.post(
        IMPORT,
        {
            "municipality": factories.municipality("vetlanda").pk,
            "kind": "register",
            "text": seed_text(),
            "source_file": SimpleUploadedFile("vetlanda-2020.pdf", data),
        },
    )
    html = preview.content.decode()
    assert "Den uppladdade filen vetlanda-2020.pdf sparas oförändrad som källa" in html
    assert 'name="period-source_file"' not in html
    response = client.post(
        CONFIRM,
        confirm_data(
            preview, **{"period-start_date": "2020-03-01", "period-end_date": "2022-02-28"}
        ),
    )
    assert response.status_code == 302
    with PromisePeriod.objects.get().source_file.open("rb") as kept:
        assert kept.read() == data


@pytest.mark.parametrize(
    ("fields", "field", "words"),
    [
        # A draft asks for no source.
        ({"kind": "draft"}, None, None),
        (
            {"source_file": "kallan.exe"},
            "source_file",
            "Bifoga dokumentet som PDF, Word, OpenDocument, RTF, text eller webbsida.",
        ),
        (
            {"source_file": "kallan.pdf", "source_url": "https://polisen.se/x"},
            "source_url",
            "Bifoga dokumentet eller ange dess adress, inte båda.",
        ),
        ({"source_url": "inte en adress"}, "source_url", "Fyll i en giltig URL."),
    ],
)
def test_the_source_asked_on_the_first_page_is_checked_there(
    client, coordinator, reading, fields, field, words
):
    from tests import factories

    body = {
        "municipality": factories.municipality("vetlanda").pk,
        "kind": "register",
        "text": seed_text(),
        **fields,
    }
    if "source_file" in body:
        body["source_file"] = SimpleUploadedFile(body["source_file"], b"%PDF-1.4 kalla")
    response = client.post(IMPORT, body)
    assert response.status_code == 200
    if field is None:
        assert "meta" in response.context  # the preview
    else:
        assert response.context["form"].errors == {field: [words]}


def test_the_first_page_sets_the_registrations_source_fields_apart(client, coordinator):
    """Shown to everyone, the two fields read as asked of a draft too (a tester)."""
    page = " ".join(client.get(IMPORT).content.decode().split())
    legend = (
        "Bara för ett medborgarlöfte som redan är beslutat och undertecknat, "
        "när du klistrar in texten"
    )
    fieldset = page[page.index(f"<legend>{legend}</legend>") :]
    fieldset = fieldset[: fieldset.index("</fieldset>")]
    assert 'name="source_file"' in fieldset and 'name="source_url"' in fieldset
    assert 'name="text"' not in fieldset and page.count('name="source_url"') == 1


def test_a_source_too_large_on_the_first_page_gets_only_the_size_message(
    client, coordinator, reading
):
    from tests import factories

    response = client.post(
        IMPORT,
        {
            "municipality": factories.municipality("vetlanda").pk,
            "kind": "register",
            "text": seed_text(),
            "source_file": SimpleUploadedFile("stor.pdf", b"%PDF" + b"x" * (1024 * 1024)),
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors == {"source_file": ["Filen är större än 1 MB."]}


def test_a_file_to_read_is_the_source_kept_and_no_second_one_is_taken(client, coordinator, reading):
    response = _upload(
        client,
        "vetlanda.docx",
        docx_bytes(seed_text()),
        kind="register",
        source_file=SimpleUploadedFile("annan.pdf", b"%PDF-1.4 kalla"),
    )
    assert response.context["form"].errors == {
        "source_file": ["Dokumentet som laddas upp för att läsas sparas: bifoga ingen annan fil."]
    }


def test_a_too_large_document_sent_with_the_confirmation_gets_only_the_size_message(
    client, coordinator, reading
):
    from tests import factories

    preview = client.post(
        IMPORT,
        {
            "municipality": factories.municipality("vetlanda").pk,
            "kind": "register",
            "text": seed_text(),
            "source_url": "https://polisen.se/vetlanda/medborgarloften-2020",
        },
    )
    data = confirm_data(
        preview,
        **{
            "period-start_date": "2020-03-01",
            "period-end_date": "2022-02-28",
            "period-source_url": None,
        },
    )
    data["period-source_file"] = SimpleUploadedFile("stor.pdf", b"%PDF" + b"x" * (1024 * 1024))
    before = _rows()
    response = client.post(CONFIRM, data)
    assert response.status_code == 200 and _rows() == before
    html = response.content.decode()
    assert "Filen är större än 1 MB." in html
    assert "Bifoga dokumentet eller ange adressen där det finns." not in html


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("skannad.pdf", None, "troligen ett skannat papper"),
        ("loften.docx", b"inte en zip", "Word-filen kunde inte läsas"),
        ("loften.pdf", b"%PDF-1.4 trasig", "PDF-filen kunde inte läsas"),
        ("loften.exe", b"MZ\x90\x00", "Ladda upp dokumentet som textfil"),
        ("loften.txt", b"", "Den skickade filen är tom."),
        ("loften.txt", b"\x00\x01\x02\x03" * 50, "Filen är inte en textfil."),
    ],
)
def test_bad_files_get_a_swedish_message_and_nothing_is_written(
    client, coordinator, reading, name, data, words
):
    before = _rows()
    response = _upload(client, name, image_only_pdf_bytes() if data is None else data)
    assert response.status_code == 200
    assert _rows() == before
    assert words in response.content.decode()
    assert 'aria-describedby="id_file_helptext id_file_error"' in response.content.decode()


def test_a_file_too_large_is_stopped_while_it_is_uploaded(client, coordinator, reading):
    before = _rows()
    response = _upload(client, "stor.txt", b"a" * (1024 * 1024 + 10))
    assert response.status_code == 200
    assert _rows() == before
    html = response.content.decode()
    assert "Filen är större än 1 MB." in html
    # A file was sent: only why it was refused is said, not that no document was given.
    assert response.context["form"].errors == {"file": ["Filen är större än 1 MB."]}
    # (The page's introduction starts with the same words.)
    assert html.count("Ladda upp dokumentet eller klistra in texten.") == 1
    assert html.count("Filen är större än 1 MB.") == 2  # the summary's link and the field's


def test_a_file_too_large_with_pasted_text_too_still_gets_only_the_size_message(
    client, coordinator, reading
):
    response = _upload(client, "stor.txt", b"a" * (1024 * 1024 + 10), text="Medborgarlöfte")
    assert response.status_code == 200
    assert response.context["form"].errors == {"file": ["Filen är större än 1 MB."]}


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({"text": ""}, "Ladda upp dokumentet eller klistra in texten."),
        ({"text": "  \n "}, "Ladda upp dokumentet eller klistra in texten."),
        ({"text": "Löfte", "file": "x"}, "inte båda"),
    ],
)
def test_neither_or_both_file_and_text_are_refused(client, coordinator, reading, fields, words):
    from tests import factories

    body = {"municipality": factories.municipality("vetlanda").pk, "kind": "draft", **fields}
    if "file" in body:
        body["file"] = SimpleUploadedFile("a.txt", b"Polisen ska")
    response = client.post(IMPORT, body)
    assert response.status_code == 200
    assert words in response.content.decode()


def test_pasted_text_becomes_a_draft_dated_as_read(client, coordinator, monkeypatch):
    from tests import factories

    monkeypatch.setattr("promises.import_views.read_document", lambda text: small_reading(text))
    text = "Polisen ska genomföra minst tio trafikkontroller under 2027."
    preview = client.post(
        IMPORT,
        {"municipality": factories.municipality("vetlanda").pk, "kind": "draft", "text": text},
    )
    assert preview.context["form"].initial["validity"] == "years"
    response = client.post(CONFIRM, confirm_data(preview))
    assert response.status_code == 302
    period = PromisePeriod.objects.get()
    assert period.year_only and period.slug == "2027"
    assert (period.start_date, period.end_date) == (
        datetime.date(2027, 1, 1),
        datetime.date(2027, 12, 31),
    )
    assert period.promises.count() == 0
    assert period.activities.get().target_scope == "year"


def test_another_municipality_is_not_offered_nor_accepted(client, coordinator, reading):
    from tests import factories

    before = _rows()
    response = _upload(
        client, "a.txt", seed_text().encode(), municipality=factories.municipality("tranas")
    )
    assert response.status_code == 200 and _rows() == before
    assert response.context["form"].has_error("municipality")


def test_marks_nest_and_those_that_cross_or_leave_the_text_are_not_drawn():
    text = "abc <def> ghi"
    marks = [
        Mark(0, 7, "a", "activity", "aktivitet-1", "Aktivitet 1"),
        Mark(4, 6, "t", "target", uncertain=True),
        Mark(5, 12, "x", "promise", "lofte-1", "Löfte 1"),
        Mark(10, 99, "y", "promise"),
    ]
    assert highlighted(text, marks) == (
        '<mark id="a" class="source-mark source-activity"><a class="source-label" '
        'href="#aktivitet-1">Aktivitet 1</a> abc <mark id="t" class="source-mark source-target '
        'uncertain">&lt;d</mark>e</mark>f&gt; ghi'
    )


PROMISES_AND_THEIR_ACTIVITIES = """Medborgarlöfte Vetlanda 2027

Löfte 1: Ökad trygghet i centrum
- Polisen genomför minst 20 fotpatruller i centrum under året.
- Kommunen byter belysningen vid busstationen.

Löfte 2: Säkrare skolvägar
- Polisen genomför 10 hastighetskontroller vid skolorna.

Löfte 3: Färre inbrott
- Polisen informerar om grannsamverkan.
"""


def test_each_activity_is_proposed_and_saved_under_the_promise_it_was_listed_under(
    client, coordinator
):
    from tests import factories

    preview = client.post(
        IMPORT,
        {
            "municipality": factories.municipality("vetlanda").pk,
            "kind": "draft",
            "text": PROMISES_AND_THEIR_ACTIVITIES,
        },
    )
    rows = preview.context["activities"].forms
    assert [row.initial["promise"] for row in rows[:4]] == [1, 1, 2, 3]
    html = preview.content.decode()
    # Each promise by its number and words; the form's empty extra row said as such.
    assert "Hör till löfte" in html
    assert '<option value="2">Löfte 2: Säkrare skolvägar</option>' in html
    assert '<option value="4">Löfte 4 (en tom rad)</option>' in html

    # The second promise is left out; the last activity is moved to the first promise.
    response = client.post(
        CONFIRM,
        confirm_data(preview, **{"promises-1-leave_out": "on", "activities-3-promise": "1"}),
    )

    assert response.status_code == 302
    period = PromisePeriod.objects.get()
    served = {
        activity.title: [promise.title for promise in activity.promises.all()]
        for activity in period.activities.all()
    }
    assert served == {
        "Fotpatruller": ["Ökad trygghet i centrum"],
        "Kommunen byter belysningen vid busstationen": ["Ökad trygghet i centrum"],
        "Hastighetskontroller": [],
        "Polisen informerar om grannsamverkan": ["Ökad trygghet i centrum"],
    }


# -- The period's texts ---------------------------------------------------------------------------


def _paste(client, text: str, kind: str = "draft", **extra):
    from tests import factories

    return client.post(
        IMPORT,
        {
            "municipality": factories.municipality("vetlanda").pk,
            "kind": kind,
            "text": text,
            **extra,
        },
    )


DATES = {"period-start_date": "2020-03-01", "period-end_date": "2022-02-28"}


def test_the_documents_texts_are_proposed_in_the_preview_and_nothing_is_written(
    client, coordinator
):
    before = _rows()
    preview = _paste(client, seed_text())
    assert preview.status_code == 200 and _rows() == before
    texts = preview.context["texts"]
    assert texts.initial["situation"].startswith("Erfarenheter från medarbetare")
    assert texts.initial["background"].startswith("Samverkan mellan polis och kommun")
    assert texts.initial["follow_up_text"].startswith("Medborgarlöftena kommer att följas upp")
    html = preview.content.decode()
    assert "<legend>Medborgarlöftets texter</legend>" in html
    assert re.search(r'<label for="id_texts-situation">Lägesbild:</label>', html)
    assert re.search(r'<label for="id_texts-background">Bakgrund:</label>', html)
    assert re.search(r'<label for="id_texts-follow_up_text">Så följs arbetet upp:</label>', html)
    assert re.search(
        r'<textarea name="texts-situation"[^>]*>\s*Erfarenheter från medarbetare', html
    )
    assert "Dokumentet innehöll ingen sådan text." not in html
    # The texts travel as the form's own fields, not in the signed document.
    assert "Erfarenheter" not in preview.context["meta"].initial["document_payload"]


def test_the_confirmed_texts_are_saved_into_the_draft_as_edited(client, coordinator):
    preview = _paste(client, seed_text())
    proposed = preview.context["texts"].initial
    data = confirm_data(
        preview,
        **DATES,
        **{
            "texts-situation": (
                "Trafiken i centrum upplevs som otrygg.\r\n\r\nFler unga använder narkotika."
            ),
            "texts-background": "",
        },
    )
    response = client.post(CONFIRM, data)
    assert response.status_code == 302
    period = PromisePeriod.objects.get()
    assert (
        period.situation
        == "Trafiken i centrum upplevs som otrygg.\n\nFler unga använder narkotika."
    )
    assert period.background == ""  # emptied: saved empty
    assert period.follow_up_text == proposed["follow_up_text"]
    assert period.history.earliest().follow_up_text == proposed["follow_up_text"]
    hub = client.get(response.url).content.decode()
    assert "Fler unga använder narkotika." in hub
    assert "Medborgarlöftena kommer att följas upp kontinuerligt" in hub


def test_the_texts_are_saved_with_a_past_promise_being_registered(client, coordinator):
    preview = _paste(
        client,
        seed_text(),
        kind="register",
        source_url="https://polisen.se/vetlanda/medborgarloften-2020",
    )
    data = confirm_data(preview, **DATES)
    response = client.post(CONFIRM, data)
    assert response.status_code == 302
    period = PromisePeriod.objects.get()
    assert lifecycle.registering(period)
    assert period.situation.endswith("ökar bland unga både lokalt och nationellt.")
    assert period.background.endswith("tagits fram i dialog med medborgare och medarbetare.")
    assert period.follow_up_text.startswith("Medborgarlöftena kommer att följas upp")


def test_a_document_without_the_texts_proposes_none_and_says_so(client, coordinator):
    preview = _paste(client, "Polisen ska genomföra minst tio trafikkontroller under 2027.")
    texts = preview.context["texts"]
    assert texts.initial == {"situation": "", "background": "", "follow_up_text": ""}
    assert preview.content.decode().count("Dokumentet innehöll ingen sådan text.") == 3
    response = client.post(CONFIRM, confirm_data(preview, **DATES))
    assert response.status_code == 302
    period = PromisePeriod.objects.get()
    assert (period.situation, period.background, period.follow_up_text) == ("", "", "")


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("x" * 10_001, "Lägesbild: Skriv högst 10000 tecken"),
        ("Lägesbild <script>alert(1)</script>", "Lägesbild: Skriv vanlig text"),
        ("Lägesbild\x00med nolltecken", "Lägesbild: "),
    ],
)
def test_bad_texts_show_the_preview_again_and_write_nothing(client, coordinator, value, words):
    preview = _paste(client, seed_text())
    before = _rows()
    response = client.post(CONFIRM, confirm_data(preview, **DATES, **{"texts-situation": value}))
    assert response.status_code == 200 and _rows() == before
    html = response.content.decode()
    assert "Det finns ett problem" in html
    assert words in html
    assert 'href="#id_texts-situation"' in html
    # The other texts are shown as they were sent.
    assert response.context["texts"]["follow_up_text"].value().startswith("Medborgarlöftena")


def test_a_confirmation_without_the_texts_fields_saves_empty_texts(client, coordinator):
    preview = _paste(client, seed_text())
    data = confirm_data(preview, **DATES)
    for name in ("texts-situation", "texts-background", "texts-follow_up_text"):
        del data[name]
    assert client.post(CONFIRM, data).status_code == 302
    period = PromisePeriod.objects.get()
    assert (period.situation, period.background, period.follow_up_text) == ("", "", "")


@pytest.mark.parametrize("kind", ["draft", "register"])
def test_an_import_with_every_row_left_out_is_refused_and_saves_nothing(
    client, coordinator, reading, kind
):
    preview = _upload(client, "vetlanda.docx", docx_bytes(seed_text()), kind=kind)
    context = preview.context
    left_out = {
        f"{prefix}-{number}-leave_out": "on"
        for prefix, formset in (
            ("promises", context["promises"]),
            ("activities", context["activities"]),
        )
        for number in range(len(formset.forms))
    }
    data = confirm_data(
        preview, **{"period-start_date": "2020-03-01", "period-end_date": "2022-02-28"}, **left_out
    )
    before = _rows()

    response = client.post(CONFIRM, data)

    assert response.status_code == 200
    assert _rows() == before
    assert "Inget finns kvar att importera" in response.content.decode()
    # Keeping one activity is enough.
    data["activities-0-leave_out"] = ""
    assert client.post(CONFIRM, data).status_code == 302
    assert PromisePeriod.objects.count() == before[0] + 1


# -- Coming from the registration page, and what the import says afterwards --------------------


def test_the_registration_page_offers_to_read_its_document_as_a_registration(client, coordinator):
    page = client.get(reverse("promises:period_register")).content.decode()
    link = f'href="{IMPORT}?slag=registrera"'
    assert link in page and "Låt portalen läsa in det</a>" in page
    # The import page it leads to has "already decided and signed" chosen; its own has a draft.
    chosen = re.compile(r'<input type="radio" name="kind" value="(\w+)"[^>]*checked')
    assert chosen.findall(client.get(f"{IMPORT}?slag=registrera").content.decode()) == ["register"]
    assert chosen.findall(client.get(IMPORT).content.decode()) == ["draft"]


ONE_PROMISE = """Medborgarlöfte Vetlanda 2027

Löfte 1: Ökad trygghet i centrum
- Polisen genomför minst 20 fotpatruller i centrum under året.
- Kommunen byter belysningen vid busstationen.
"""


@pytest.mark.parametrize(
    "text, words",
    [
        (ONE_PROMISE, "Stäm av det mot dokumentet och komplettera texterna."),
        (
            PROMISES_AND_THEIR_ACTIVITIES,
            "Kontrollera vilka löften varje aktivitet hör till och komplettera texterna.",
        ),
    ],
)
def test_the_imported_message_asks_about_promises_only_when_there_is_a_choice(
    client, coordinator, text, words
):
    preview = _paste(client, text)
    response = client.post(CONFIRM, confirm_data(preview), follow=True)
    assert PromisePeriod.objects.count() == 1
    message = str(list(response.context["messages"])[0])
    assert message.endswith(words), message

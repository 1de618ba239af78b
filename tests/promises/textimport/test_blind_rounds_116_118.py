"""The rules learnt from the blind rounds 116 to 118 (tests/fixtures/textimport/README.md): each
checked on a short text of its own and on the blind documents it came from."""

import pytest

from promises.textimport.parser import parse
from tests.promises.textimport.test_documents import owners_and_targets, read


def _read(text):
    document = parse(text)
    return [p.text for p in document.promises], [
        (a.text, a.responsible, a.target and a.target.value) for a in document.activities
    ]


def test_an_owner_in_square_brackets_is_read_and_left_out_of_the_text():
    _promises, activities = _read(
        "Medborgarlöfte 2027\n\nAktiviteter\n"
        "• Genomföra minst 20 fotpatruller vid stationen per år. [Polisen]\n"
        "• Se över belysningen vid stationen. [Kommunen]\n"
        "• Genomföra två trygghetsvandringar under året. [Polisen och kommunen]\n"
    )
    assert activities == [
        ("Genomföra minst 20 fotpatruller vid stationen per år.", "police", 20),
        ("Se över belysningen vid stationen.", "municipality", None),
        ("Genomföra två trygghetsvandringar under året.", "joint", 2),
    ]


def test_plain_lines_under_lovar_att_are_the_promises_when_topics_list_the_activities():
    promises, activities = _read(
        "MEDBORGARLÖFTE 2027\n\nPOLISEN OCH SALA KOMMUN LOVAR ATT:\n"
        "Arbeta för en tryggare miljö vid busstationen.\nMinska hastigheten på Ringvägen.\n\n"
        "TRYGGARE CENTRUM\n• Genomföra minst 20 fotpatruller per år. [Polisen]\n\n"
        "TRAFIK\n• Sätta upp hastighetsdisplayer. [Kommunen]\n"
    )
    assert promises == [
        "Arbeta för en tryggare miljö vid busstationen.",
        "Minska hastigheten på Ringvägen.",
    ]
    assert [(text[:20], owner) for text, owner, _v in activities] == [
        ("Genomföra minst 20 f", "police"),
        ("Sätta upp hastighets", "municipality"),
    ]


def test_an_owner_label_under_an_item_is_that_item_s_and_a_lead_follows_the_title():
    promises, activities = _read(
        "Polisen och kommunen lovar att:\n\n1. Öka tryggheten i Nacksta\nVi kommer att:\n"
        "- Genomföra fotpatrullering minst två kvällar i veckan.\nAnsvar: Polisen\n"
        "- Ha öppen fritidsgård fredag kväll.\nAnsvar: Kommunen\n\n"
        "2. Minska skadegörelsen\nVi kommer att:\n"
        "- Ta bort klotter inom 24 timmar efter anmälan.\nAnsvar: Kommunen\n"
    )
    assert promises == ["Öka tryggheten i Nacksta", "Minska skadegörelsen"]
    assert [(text[:20], owner, value) for text, owner, value in activities] == [
        ("Genomföra fotpatrull", "police", 2),
        ("Ha öppen fritidsgård", "municipality", None),
        ("Ta bort klotter inom", "municipality", None),
    ]


def test_a_web_page_list_without_bullets_under_polisen_ska():
    _promises, activities = _read(
        "Polisen och kommunen lovar att:\nÖka tryggheten i centrum.\nSå här ska vi göra:\n"
        "Polisen ska\ngenomföra minst 40 fotpatruller per år i centrum\n"
        "genomföra trafikkontroller två kvällar per månad\nKommunen ska\n"
        "ha öppet på fritidsgården fem kvällar i veckan\nUppföljning\n"
    )
    assert activities == [
        ("genomföra minst 40 fotpatruller per år i centrum", "police", 40),
        ("genomföra trafikkontroller två kvällar per månad", "police", 2),
        ("ha öppet på fritidsgården fem kvällar i veckan", "municipality", 5),
    ]


def test_a_wrapped_line_in_lower_case_still_goes_on_the_item_above():
    _promises, activities = _read(
        "Polisen ska:\n- genomföra fotpatruller i centrum och\ngenomföra kontroller vid skolan\n"
    )
    assert len(activities) == 1


def test_a_numbered_title_in_capitals_repeating_a_promise_heads_its_sentences():
    promises, activities = _read(
        "Kommunen och polisen lovar att arbeta för:\n1. En tryggare tågstation\n"
        "2. Säkrare trafik vid skolorna\n\n1. EN TRYGGARE TÅGSTATION\n"
        "Polisen genomför besök vid stationen, minst 25 per år. (Polisen)\n"
        "Kommunen tar bort klotter inom två dygn. (Kommunen)\n\n"
        "2. SÄKRARE TRAFIK VID SKOLORNA\n"
        "Skolorna bjuder in polisen till föräldramöten. (Kommunen)\n"
        "Kommunen inför gångfartsområde på Stationsgatan. (Kommunen)\n"
    )
    assert promises == ["En tryggare tågstation", "Säkrare trafik vid skolorna"]
    assert [(text[:20], owner, value) for text, owner, value in activities] == [
        ("Polisen genomför bes", "police", 25),
        ("Kommunen tar bort kl", "municipality", None),
        ("Skolorna bjuder in p", "municipality", None),
        ("Kommunen inför gångf", "municipality", None),
    ]


def test_items_going_on_from_ansvarar_for_lose_their_att():
    _promises, activities = _read(
        "Löfte 1: Tryggare park\nPolisen ansvarar för:\n"
        "- att genomföra fotpatrullering minst en gång i veckan\n"
        "Polisen och kommunen ansvarar tillsammans för:\n"
        "- att ordna två föräldramöten per år\n"
    )
    assert activities == [
        ("genomföra fotpatrullering minst en gång i veckan", "police", 1),
        ("ordna två föräldramöten per år", "joint", 2),
    ]


def test_a_theme_s_name_first_under_aktiviteter_is_no_activity():
    _promises, activities = _read(
        "Vi lovar att:\n- Arbeta för färre inbrott.\n\nAktiviteter\nFärre inbrott\n"
        "• Polisen genomför kontroller minst 15 gånger under året.\n"
        "• Kommunen informerar om grannsamverkan.\n"
    )
    assert [text[:20] for text, _o, _v in activities] == [
        "Polisen genomför kon",
        "Kommunen informerar ",
    ]


DOCUMENTS = {
    "eksjo-2027-2028-kommunen-ansvarar.txt": (
        ["Tryggare Stadspark", "Säkrare skolvägar", "Färre unga i narkotika"],
        [
            ("genomföra fotpatrullering i St", "police", ("at_least", 1)),
            ("delta i tre trygghetsvandringa", "police", ("count", 3)),
            ("röja buskage och förbättra bel", "municipality", None),
            ("fältgruppen är ute i parken fr", "municipality", None),
            ("genomföra minst sex trafikkont", "police", None),
            ("anlägga en ny övergång vid Prä", "municipality", None),
            ("ordna två föräldramöten om nar", "joint", ("count", 2)),
            ("arbeta enligt SSPF-metoden med", "joint", None),
        ],
    ),
    "halmstad-2027-2028-polisen-se-sida.txt": (
        ["Öka tryggheten i Andersbergs och Vallås centrum.", "Minska vårdslös körning i Halmstad."],
        [
            ("genomföra minst 40 fotpatrulle", "police", ("at_least", 40)),
            ("genomföra trafikkontroller rik", "police", ("count", 2)),
            ("ha öppet på fritidsgården i An", "municipality", ("count", 5)),
            ("genomföra en trygghetsvandring", "municipality", ("count", 1)),
            ("hålla ett öppet möte med boend", "joint", None),
        ],
    ),
    "hoor-2027-aktiviteter-som-meningar-ansvar-efter.txt": (
        ["En tryggare tågstation", "Säkrare trafik vid skolorna"],
        [
            ("Polisen genomför regelbundna b", "police", ("at_least", 25)),
            ("Kommunen ser till att klotter ", "municipality", None),
            ("Vi genomför en trygghetsvandri", "joint", ("count", 1)),
            ("Hastighetskontroller vid Sätof", "police", None),
            ("Skolorna bjuder in polisen til", "municipality", None),
            ("Kommunen inför gångfartsområde", "municipality", None),
        ],
    ),
    "lomma-2027-meningar-under-rubriker.txt": (
        ["Trafik", "Lomma hamn"],
        [
            ("Polisen kommer att genomföra h", "police", ("at_least", 1)),
            ("Kommunen kommer att bygga om k", "municipality", None),
            ("Kommunen sätter även upp två n", "municipality", ("count", 2)),
            ("Polisen och kommunen genomför ", "joint", ("count", 2)),
            ("Kommunen anlitar ordningsvakte", "municipality", None),
            ("Polisen patrullerar hamnen var", "police", None),
        ],
    ),
    "skinnskatteberg-2027-versaler-hakparentes.txt": (
        [
            "Arbeta för en tryggare miljö vid busstationen och i centrum.",
            "Minska hastigheten på Köpingsvägen.",
            "Förebygga att unga börjar använda narkotika.",
        ],
        [
            ("Genomföra minst 20 fotpatrulle", "police", ("at_least", 20)),
            ("Se över och förbättra belysnin", "municipality", None),
            ("Genomföra två trygghetsvandrin", "joint", ("count", 2)),
            ("Genomföra minst åtta hastighet", "police", ("at_least", 8)),
            ("Sätta upp hastighetsdisplayer ", "municipality", None),
            ("Besöka alla klasser i årskurs ", "police", None),
            ("Anordna tre föräldraträffar om", "municipality", ("count", 3)),
            ("Fältassistenterna är ute i cen", "municipality", ("count", 2)),
        ],
    ),
    "sundsvall-2027-2028-numrerade-fokusomraden.txt": (
        [
            "Öka tryggheten i Nacksta och Skönsberg",
            "Minska buskörning med moped",
            "Minska skadegörelsen",
        ],
        [
            ("Genomföra fotpatrullering i Na", "police", ("at_least", 2)),
            ("Ha öppen fritidsgård i Skönsbe", "municipality", None),
            ("Bjuda in boende till fyra tryg", "joint", ("count", 4)),
            ("Genomföra minst tolv kontrolle", "police", ("at_least", 12)),
            ("Skicka brev till vårdnadshavar", "municipality", None),
            ("Ta bort klotter inom 24 timmar", "municipality", None),
            ("Informera om polisens arbete p", "police", None),
        ],
    ),
    "tranemo-2027-word-punktlista-udda-tecken.txt": (
        ["Arbeta för färre inbrott i bostäder.", "Öka tryggheten för unga på kvällar och helger."],
        [
            ("Polisen genomför riktade kontr", "police", ("at_least", 15)),
            ("Kommunen informerar om grannsa", "municipality", None),
            ("Polisen och kommunen startar g", "joint", ("at_least", 3)),
            ("Kommunens fältare är ute vid s", "municipality", ("count", 3)),
            ("Polisen deltar på fritidsgårde", "police", ("count", 1)),
            ("Fritidsgården i Limmared hålle", "municipality", None),
        ],
    ),
    "trollhattan-2027-tabell-tre-kolumner.txt": (
        [
            "Polisen och Trollhättans stad lovar invånarna i Trollhättan att arbeta för en "
            "tryggare stadskärna och färre trafikolyckor med unga förare."
        ],
        [
            ("Fotpatrullering på Drottningto", "police", None),
            ("Trygghetsvandringar i stadskär", "joint", ("count", 3)),
            ("Hastighetskontroller på Ströms", "police", ("at_least", 10)),
            ("Fler papperskorgar och bättre ", "municipality", None),
            ("Fältsekreterare ute i stadskär", "municipality", ("count", 2)),
            ("Information om trafiksäkerhet ", "police", None),
        ],
    ),
    "ystad-2027-tertial-siffror-i-ord.txt": (
        ["Tryggt centrum", "Bedrägerier mot äldre", "Unga"],
        [
            ("Polisen genomför fotpatrulleri", "police", None),
            ("Kommunen genomför fyra trygghe", "municipality", ("count", 4)),
            ("Kommunens ordningsvakter finns", "municipality", None),
            ("Polisen håller sex information", "police", ("count", 6)),
            ("Kommunen delar ut informations", "municipality", None),
            ("Kommunen och polisen besöker t", "joint", None),
            ("Fältassistenterna arbetar ute ", "municipality", ("at_least", 3)),
        ],
    ),
}


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_the_documents(name):
    promises, rows = DOCUMENTS[name]
    document = read(f"blind/{name}")
    assert [promise.text for promise in document.promises] == promises
    assert owners_and_targets(document) == rows

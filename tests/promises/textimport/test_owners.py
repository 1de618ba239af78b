"""Who carries out an activity, read from one item's text (`owners.read_owner`)."""

import pytest

from promises.textimport.owners import read_owner


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Another actor before an activity verb, without "ska".
        (
            "Räddningstjänsten Syd genomför brandvandringar i centrum.",
            ("other", "Räddningstjänsten Syd", []),
        ),
        ("Svenska kyrkan arbetar med nattvandringar.", ("other", "Svenska kyrkan", [])),
        (
            "Fastighetsägarna och Bostadsbolaget anordnar trygghetsvandringar.",
            ("other", "Fastighetsägarna", ["Bostadsbolaget"]),
        ),
        # The actor after the verb when the item opens with when or where.
        ("Under hösten genomför polisen fyra trafikkontroller.", ("police", "", [])),
        # Police and municipality as before.
        ("Polisen genomför trafikkontroller vid skolorna.", ("police", "", [])),
        ("Kommunen erbjuder föräldrautbildning.", ("municipality", "", [])),
        # No organisation named: unstated, never guessed.
        ("Fler trygghetsvandringar genomförs i centrum.", ("unstated", "", [])),
        ("Trygghetsvandringar genomför vi varje månad.", ("unstated", "", [])),
        ("Projektet genomför workshoppar på skolorna.", ("unstated", "", [])),
        ("Vi genomför trygghetsvandringar.", ("unstated", "", [])),
        # A party's people before "är", and both parties named by "gemensam" or "vi tillsammans".
        ("Kommunens fältare är ute 3 kvällar/vecka.", ("municipality", "", [])),
        ("LPO Motala genomför minst 20 fotpatrulleringar per månad.", ("police", "", [])),
        # The owner named before a colon; a label such as "Mål:" is no owner.
        ("Polisen: kameraövervakning utvärderas en gång per år.", ("police", "", [])),
        ("Polisen och kommunen: gemensam lägesbild varannan månad.", ("joint", "", [])),
        (
            "Räddningstjänsten Bergslagen: informationsinsatser om brandskydd.",
            ("other", "Räddningstjänsten Bergslagen", []),
        ),
        ("Mål: fler trygghetsvandringar genomförs.", ("unstated", "", [])),
        ("Polisen – fotpatrull i centrum 2 g/vecka.", ("police", "", [])),
        ("Gemensamt – trygghetsvandring vid skolorna 4 st/år.", ("joint", "", [])),
        ("Nattvandrarna – nattvandring varje fredag.", ("other", "Nattvandrarna", [])),
        (
            "Föreningen Nattvandrarna – nattvandring varje fredag.",
            ("other", "Föreningen Nattvandrarna", []),
        ),
        # A topic or a label before the colon or dash is no owner.
        ("Trygghet: Polisen ska genomföra fler kontroller.", ("police", "", [])),
        ("Narkotika: Kommunen erbjuder stöd.", ("municipality", "", [])),
        ("Säkerheten – fler kontroller genomförs.", ("unstated", "", [])),
        ("Platsen: Stortorget, varje fredag.", ("unstated", "", [])),
        ("Socialtjänstens fältare finns på plats fredagar kl. 20–24.", ("municipality", "", [])),
        ("Bostadsbolaget Skebo förbättrar belysningen.", ("other", "Bostadsbolaget Skebo", [])),
        ("Gemensam lägesbild tas fram varje månad.", ("joint", "", [])),
        ("vi tillsammans informerar föräldrar inför skolavslutningen", ("joint", "", [])),
        ("Gemensamma trygghetsvandringar genomförs i centrum.", ("joint", "", [])),
        # The owner in brackets before the item; a remark in brackets is no owner.
        ("(Polisen) Genomföra fotpatruller i centrum.", ("police", "", [])),
        ("(Polisen och kommunen) Genomföra 10 SSPF-möten.", ("joint", "", [])),
        ("(Gemensamt) Trygghetsvandring i Jordbro.", ("joint", "", [])),
        ("(Socialtjänsten) Erbjuda stöd till unga.", ("municipality", "", [])),
        (
            "(Räddningstjänsten Syd) Informera om brandskydd.",
            ("other", "Räddningstjänsten Syd", []),
        ),
        ("(Uppdaterad) Genomföra trygghetsvandringar.", ("unstated", "", [])),
        # "Vem:" names the owner as "Ansvarig:" does; another organisation in brackets last.
        (
            "Vad: Trygghetsvandring i centrum; Vem: Kommunen och polisen; När: i april",
            ("joint", "", []),
        ),
        (
            "Nattvandring varje fredag (Föreningen Nattvandrarna)",
            ("other", "Föreningen Nattvandrarna", []),
        ),
        ("Kontroller vid skolorna (minst 10 per termin)", ("unstated", "", [])),
        # The agent of a passive verb; both parties with another organisation; "både".
        ("Trygghetsvandringar genomförs av polisen och kommunen.", ("joint", "", [])),
        ("Ordningsvakter anlitas av kommunen.", ("municipality", "", [])),
        (
            "Polisen, kommunen och fastighetsägarna genomför trygghetsvandringar.",
            ("joint", "", ["fastighetsägarna"]),
        ),
        ("Både polisen och kommunen deltar i trygghetsvandringar.", ("joint", "", [])),
        ("Tekniska förvaltningen röjer buskage.", ("municipality", "", [])),
        # Municipal administrations and youth centres; "träffas"; "går"; both parties named as
        # "parterna"; a partner phrase after the owner label; a verb is no organisation.
        ("Ungdomsgården har öppet fredagar.", ("municipality", "", [])),
        ("Kultur- och fritidsförvaltningen erbjuder sommaraktiviteter.", ("municipality", "", [])),
        ("Nattvandrarna går varje fredag.", ("other", "Nattvandrarna", [])),
        (
            "Kommunpolisen och kommunens trygghetssamordnare träffas varje månad.",
            ("joint", "", []),
        ),
        ("Parterna genomför gemensamt trygghetsvandringar.", ("joint", "", [])),
        ("Båda parter genomför trygghetsvandringar.", ("joint", "", [])),
        ("Huvudansvarig: Polisen, i samverkan med kommunen", ("police", "", ["kommunen"])),
        ("Gemensamt ansvar: genomföra trygghetsvandringar.", ("joint", "", [])),
        # A run-in heading before the actor.
        ("Langning. Polisen och kommunen genomför tillsyner.", ("joint", "", [])),
        ("Föräldrasamverkan. Kommunens fältgrupp träffar föräldrar.", ("municipality", "", [])),
        # The subject after "kommer" when the item opens with when or how.
        ("Under 2026 kommer polisen att genomföra 30 kontroller.", ("police", "", [])),
        ("Dessutom kommer kommunen att förbättra belysningen.", ("municipality", "", [])),
        (
            "Varje fredag och lördag kväll kommer polisen att finnas på plats.",
            ("police", "", []),
        ),
        ("Polisen kommer under hösten att besöka skolorna.", ("police", "", [])),
        # Those who act named by their role in the indefinite plural.
        (
            "Fastighetsägare i centrum sanerar klotter inom 48 timmar.",
            ("other", "Fastighetsägare i centrum", []),
        ),
        ("Näringsidkare på torget genomför en städdag.", ("other", "Näringsidkare på torget", [])),
        # A region is another organisation, unless it is Region Gotland, also the municipality.
        ("Ansvarig: Region Sörmland", ("other", "Region Sörmland", [])),
        ("Region Västerbotten ska erbjuda samtal.", ("other", "Region Västerbotten", [])),
        ("Region Gotland ska anordna sommarjobb.", ("municipality", "", [])),
        # A scan's "rn" for "m" in a party's name; a word with a true "rn" is no party.
        ("Kornrnunen ska förbättra belysningen.", ("municipality", "", [])),
        ("Barnen ska delta i trygghetsvandringen.", ("other", "Barnen", [])),
        # The owner before an arrow, whatever its words; "+" and "&" join parties.
        ("Polisen → riktade narkotikainsatser vid centrum", ("police", "", [])),
        ("Polisen + staden → trygghetsvandring i Skiftinge", ("joint", "", [])),
        ("Bostads AB Mimer → byter lås i trapphusen", ("other", "Bostads AB Mimer", [])),
        # An English owner label, up to the next label.
        (
            "Business watch Owner: Kungälvs Handel Frequency: 4 möten per år",
            (
                "other",
                "Kungälvs Handel",
                [],
            ),
        ),
        ("Gå till skolan Owner: Kommunen & Polisen", ("joint", "", [])),
        # "Ansv.:" is "Ansvarig:"; "Polisen/Staden" names both parties.
        ("Klottersanering. Ansv.: Polisen.", ("police", "", [])),
        ("Trygghetsvandring. Ansv.: Polisen/Staden. Omfattning: x3.", ("joint", "", [])),
        # The owner named in a sentence of its own after the activity; a department of a party.
        ("Hastighetskontroller vid skolan. Det är polisen som ansvarar.", ("police", "", [])),
        (
            "Klotter tas bort inom 48 timmar. Ansvarar gör fastighetsavdelningen på Lerums kommun.",
            ("municipality", "", []),
        ),
        (
            "Två trygghetsvandringar per år. Polisen och kommunen ansvarar tillsammans.",
            ("joint", "", []),
        ),
        # "rör (sig)" is a verb in the present tense after its actor.
        (
            "Kommunens fältsekreterare rör sig i centrum tre kvällar i veckan.",
            ("municipality", "", []),
        ),
        # A number after a partner names no partner: "…, x2 under året".
        (
            "AB Ronnebyhus genomför trygghetsvandringar tillsammans med kommunen, x2 under året.",
            ("other", "AB Ronnebyhus", ["kommunen"]),
        ),
    ],
)
def test_the_owner_is_read_as_written(text, expected):
    assert read_owner(text, None) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Nattvandrarna i Höganäs är ute i centrum på fredagskvällar.",
        "Räddningstjänsten är på plats vid skolavslutningen.",
    ],
)
def test_an_actor_being_somewhere_is_its_activity(text):
    assert read_owner(text, None)[0] == "other"


def test_being_something_is_no_activity_of_an_actor():
    assert read_owner("Belysningen är dålig vid stationen.", None)[0] == "unstated"


def test_an_actor_seeing_to_something_is_its_activity():
    text = "Svenska Bostäder och Stockholmshem ser över belysningen runt torget."
    assert read_owner(text, None)[:2] == ("other", "Svenska Bostäder")

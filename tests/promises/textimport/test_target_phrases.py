"""Targets read from activity texts: a table of phrasings as promise documents write them, and
numbers that are not targets."""

import pytest

from promises.textimport.targets import read_target

# phrase → "comparator|value|unit|scope"
TARGETS = [
    # A count of times after the verb's object counts the object.
    (
        "Genomföra fotpatruller i centrum minst 40 gånger per år.",
        "at_least|40|fotpatruller|year",
    ),
    (
        "(Polisen) Genomföra hastighetskontroller vid skolor minst en gång i månaden.",
        "at_least|1|hastighetskontroller|month",
    ),
    (
        "Räddningstjänsten håller brandskyddsutbildning för butikspersonal två gånger per år.",
        "count|2|brandskyddsutbildningar|year",
    ),
    ("Polisen genomför drogtester vid 15 tillfällen årligen.", "count|15|tillfällen|year"),
    (
        "Polisen genomför riktade insatser mot narkotikaförsäljning, minst 8 per år.",
        "at_least|8|insatser|year",
    ),
    # A bare number right before its scope counts what the item names first, or its object.
    ("Trygghetsvandringar i Kvarntorp: 3 per år", "count|3|trygghetsvandringar|year"),
    (
        "genomföra narkotikakontroller i Kinna centrum, 24 st. per år",
        "count|24|narkotikakontroller|year",
    ),
    # at_least, words and digits, the whole period
    ("Polisen ska genomföra minst femton trafikkontroller.", "at_least|15|trafikkontroller|period"),
    (
        "Polisen ska genomföra minst 25 trafikkontroller under perioden.",
        "at_least|25|trafikkontroller|period",
    ),
    ("Minst 25 nykterhetskontroller ska genomföras.", "at_least|25|nykterhetskontroller|period"),
    (
        "Kommunen ska genomföra minst två trygghetsvandringar under löftesperioden.",
        "at_least|2|trygghetsvandringar|period",
    ),
    (
        "Polisen ska genomföra som minst tio hastighetskontroller.",
        "at_least|10|hastighetskontroller|period",
    ),
    (
        "Polisen ska genomföra inte färre än tolv insatser mot narkotika.",
        "at_least|12|insatser|period",
    ),
    (
        "Polisen ska genomföra inte mindre än åtta kontroller av mopeder.",
        "at_least|8|kontroller|period",
    ),
    ("Polisen ska genomföra åtminstone sex riktade insatser.", "at_least|6|insatser|period"),
    (
        "Kommunen ska under perioden presentera minst två trafikfrämjande åtgärder.",
        "at_least|2|åtgärder|period",
    ),
    (
        "Under åren genomföra minst två samverkansmöten om de pågående aktiviteterna.",
        "at_least|2|samverkansmöten|period",
    ),
    (
        "Polisen ska genomföra minst tjugofem trafikkontroller totalt.",
        "at_least|25|trafikkontroller|period",
    ),
    (
        "Polisen ska genomföra minst trettiotvå alkoholkontroller sammanlagt.",
        "at_least|32|alkoholkontroller|period",
    ),
    (
        "Polisen ska genomföra minst hundra hastighetskontroller.",
        "at_least|100|hastighetskontroller|period",
    ),
    ("Polisen ska genomföra minst etthundratjugo kontroller.", "at_least|120|kontroller|period"),
    (
        "Polisen ska genomföra minst tvåhundra kontroller av tung trafik.",
        "at_least|200|kontroller|period",
    ),
    ("Kommunen ska hålla minst elva föräldramöten.", "at_least|11|föräldramöten|period"),
    (
        "Kommunen ska hålla minst tretton informationsträffar för äldre.",
        "at_least|13|informationsträffar|period",
    ),
    ("Polisen ska genomföra minst fjorton riktade insatser.", "at_least|14|insatser|period"),
    ("Polisen ska genomföra minst sexton kontroller.", "at_least|16|kontroller|period"),
    (
        "Polisen ska genomföra minst sjutton fordonskontroller.",
        "at_least|17|fordonskontroller|period",
    ),
    (
        "Polisen ska genomföra minst arton narkotikainsatser.",
        "at_least|18|narkotikainsatser|period",
    ),
    ("Polisen ska genomföra minst nitton kontroller.", "at_least|19|kontroller|period"),
    (
        "Polisen ska genomföra minst tjugo trafikkontroller vid skolorna.",
        "at_least|20|trafikkontroller|period",
    ),
    ("Polisen ska genomföra minst trettio kontroller.", "at_least|30|kontroller|period"),
    (
        "Polisen ska genomföra minst fyrtio riktade insatser mot narkotikahandeln under perioden.",
        "at_least|40|insatser|period",
    ),
    ("Polisen ska genomföra minst femtio kontroller.", "at_least|50|kontroller|period"),
    ("Polisen ska genomföra minst sextio kontroller.", "at_least|60|kontroller|period"),
    ("Polisen ska genomföra minst sjuttio kontroller.", "at_least|70|kontroller|period"),
    ("Polisen ska genomföra minst åttio kontroller.", "at_least|80|kontroller|period"),
    ("Polisen ska genomföra minst nittio kontroller.", "at_least|90|kontroller|period"),
    ("Polisen ska genomföra minst fyrtiofem kontroller.", "at_least|45|kontroller|period"),
    ("Polisen ska genomföra minst sju tillslag.", "at_least|7|tillslag|period"),
    ("Polisen ska genomföra minst nio kontroller.", "at_least|9|kontroller|period"),
    ("Polisen ska genomföra minst fem insatser.", "at_least|5|insatser|period"),
    ("Polisen ska genomföra minst fyra insatser.", "at_least|4|insatser|period"),
    ("Polisen ska genomföra minst tre insatser.", "at_least|3|insatser|period"),
    ("Polisen ska genomföra minst 1 000 kontroller.", "at_least|1000|kontroller|period"),
    ("Polisen ska genomföra minst 10 st trafikkontroller.", "at_least|10|trafikkontroller|period"),
    (
        "Polisen ska vid minst femton tillfällen genomföra flygande inspektioner av fordon.",
        "at_least|15|tillfällen|period",
    ),
    ("Polisen ska vid minst 8 tillfällen kontrollera krogar.", "at_least|8|tillfällen|period"),
    (
        "Kommunen och polisen ska vid minst två tillfällen genomföra gemensam tillsyn.",
        "at_least|2|tillfällen|period",
    ),
    (
        "Polisen ska genomföra minst femton alkohol- och narkotikakontroller.",
        "at_least|15|alkohol- och narkotikakontroller|period",
    ),
    (
        "Kommunen ska genomföra minst två hastighetsdämpande eller på annat sätt "
        "trafikfrämjande åtgärder.",
        "at_least|2|åtgärder|period",
    ),
    ("Polisen ska genomföra fler än tio kontroller.", "at_least|11|kontroller|period"),
    ("Polisen ska genomföra mer än 20 kontroller.", "at_least|21|kontroller|period"),
    # at_most
    ("Antalet larm ska vara högst fem per månad.", "at_most|5|larm|month"),
    ("Högst tre inbrott per månad i området.", "at_most|3|inbrott|month"),
    (
        "Polisen ska genomföra högst 40 ordningsvaktsutbildningar per år.",
        "at_most|40|ordningsvaktsutbildningar|year",
    ),
    ("Max 2 avvisningar per kväll ska förekomma.", "at_most|2|avvisningar|day"),
    ("Maximalt fyra störningar per vecka vid fritidsgården.", "at_most|4|störningar|week"),
    ("Inte fler än tio anmälningar om skadegörelse per månad.", "at_most|10|anmälningar|month"),
    ("Inte mer än 15 bränder i containrar under året.", "at_most|15|bränder|year"),
    ("Som mest två anmälda rån per tertial.", "at_most|2|rån|tertial"),
    ("Upp till sex insatser per år.", "at_most|6|insatser|year"),
    ("Max. 3 klagomål per vecka.", "at_most|3|klagomål|week"),
    # exactly
    (
        "Kommunen ska genomföra exakt fyra trygghetsmätningar.",
        "exactly|4|trygghetsmätningar|period",
    ),
    ("Polisen ska hålla precis två informationsmöten per år.", "exactly|2|informationsmöten|year"),
    # bare counts
    ("Två gemensamma trygghetsvandringar.", "count|2|trygghetsvandringar|period"),
    ("Vi ska genomföra två medborgardialoger under perioden.", "count|2|medborgardialoger|period"),
    (
        "Genomföra två informationsträffar för äldre om bedrägerier.",
        "count|2|informationsträffar|period",
    ),
    (
        "Polisen och kommunen ska gemensamt hålla tre medborgardialoger under perioden.",
        "count|3|medborgardialoger|period",
    ),
    ("Kommunen ska anordna fyra föräldrautbildningar.", "count|4|föräldrautbildningar|period"),
    ("Polisen ska genomföra 6 narkotikainsatser.", "count|6|narkotikainsatser|period"),
    ("Kommunen ska genomföra en trygghetsmätning per år.", "count|1|trygghetsmätningar|year"),
    (
        "Polisen och kommunen ska gemensamt genomföra en trygghetsundersökning per år.",
        "count|1|trygghetsundersökningar|year",
    ),
    ("Vi ska hålla fyra medborgardialoger om året.", "count|4|medborgardialoger|year"),
    (
        "Kommunen ska genomföra två trygghetsvandringar per år i centrum.",
        "count|2|trygghetsvandringar|year",
    ),
    (
        "Räddningstjänsten förbinder sig att genomföra sex brandskyddsutbildningar per "
        "år på skolorna.",
        "count|6|brandskyddsutbildningar|year",
    ),
    ("Delta i tre medborgardialoger under perioden.", "count|3|medborgardialoger|period"),
    ("Varje månad hålla ett öppet möte med boende.", "count|1|möten|month"),
    ("Fältassistenterna ska vara ute två kvällar per vecka.", "count|2|kvällar|week"),
    ("Kommunen ska genomföra tjugo hembesök hos nyinflyttade.", "count|20|hembesök|period"),
    # per year
    (
        "Polisen ska genomföra minst tolv riktade insatser mot narkotika i skolmiljö per år.",
        "at_least|12|insatser|year",
    ),
    (
        "Polisen ska genomföra minst femton trafikkontroller per år med inriktning på "
        "trafikbeteenden.",
        "at_least|15|trafikkontroller|year",
    ),
    (
        "Kommunen ska genomföra minst 15 föräldravandringar varje år.",
        "at_least|15|föräldravandringar|year",
    ),
    ("Polisen ska årligen genomföra minst tio kontroller av båtar.", "at_least|10|kontroller|year"),
    ("Minst fyra trygghetsvandringar om året.", "at_least|4|trygghetsvandringar|year"),
    (
        "Kommunen ska anordna minst sex föräldraträffar om narkotika under året.",
        "at_least|6|föräldraträffar|year",
    ),
    ("Minst 20 kontroller/år.", "at_least|20|kontroller|year"),
    (
        "Polisen ska genomföra minst åtta trygghetsvandringar per kalenderår.",
        "at_least|8|trygghetsvandringar|year",
    ),
    (
        "Polisen ska i samverkan med fastighetsägarna genomföra minst åtta "
        "trygghetsvandringar per år.",
        "at_least|8|trygghetsvandringar|year",
    ),
    (
        "Polisen ska genomföra minst tio alkohol- och narkotikakontroller vid färjeläget "
        "under varje sommar.",
        "at_least|10|alkohol- och narkotikakontroller|year",
    ),
    # per tertial
    ("Minst fyra trygghetsvandringar per tertial.", "at_least|4|trygghetsvandringar|tertial"),
    ("Polisen ska genomföra minst två insatser varje tertial.", "at_least|2|insatser|tertial"),
    ("Kommunen ska redovisa minst en lägesbild per tertial.", "at_least|1|lägesbilder|tertial"),
    ("Tre samverkansmöten per tertial.", "count|3|samverkansmöten|tertial"),
    (
        "Polisen ska genomföra minst sex kontroller under varje tertial.",
        "at_least|6|kontroller|tertial",
    ),
    # per month
    (
        "Polisen ska i samverkan med bilinspektörer genomföra minst två "
        "tungtrafikkontroller per månad.",
        "at_least|2|tungtrafikkontroller|month",
    ),
    (
        "Polisen ska genomföra minst två trafikkontroller varje månad.",
        "at_least|2|trafikkontroller|month",
    ),
    ("Minst en gång i månaden ska polisen besöka fritidsgården.", "at_least|1|gånger|month"),
    (
        "Kommunen ska månatligen genomföra minst tre tillsynsbesök.",
        "at_least|3|tillsynsbesök|month",
    ),
    ("Polisen ska genomföra minst 4 krogbesök/månad.", "at_least|4|krogbesök|month"),
    ("Polisen ska besöka skolorna minst två gånger i månaden.", "at_least|2|gånger|month"),
    ("Kommunen ska hålla ett samverkansmöte varje månad.", "count|1|samverkansmöten|month"),
    ("Polisen ska genomföra minst 5 kontroller per kalendermånad.", "at_least|5|kontroller|month"),
    (
        "Polisen och kommunen ska genomföra högst fem ordningsinsatser per månad med "
        "stöd av föreningar.",
        "at_most|5|ordningsinsatser|month",
    ),
    # per week
    (
        "Polisen ska genomföra minst tre fotpatrulleringar per vecka på torget.",
        "at_least|3|fotpatrulleringar|week",
    ),
    (
        "Kommunen ska anställa fältsekreterare som finns ute kvällstid minst två kvällar "
        "per vecka.",
        "at_least|2|kvällar|week",
    ),
    (
        "Polisen ska finnas på plats vid centrum minst tre kvällar per vecka.",
        "at_least|3|kvällar|week",
    ),
    ("Polisen ska besöka skolan minst en gång i veckan.", "at_least|1|gånger|week"),
    ("Fältgruppen ska vara ute minst fyra kvällar varje vecka.", "at_least|4|kvällar|week"),
    ("Polisen ska genomföra minst 2 kontroller/vecka.", "at_least|2|kontroller|week"),
    ("Nattvandring minst en gång varje helg.", "at_least|1|nattvandringar|week"),
    (
        "Polisen ska fotpatrullera i centrum minst tre gånger per vecka.",
        "at_least|3|fotpatrulleringar|week",
    ),
    # per day
    (
        "Polisen ska fotpatrullera i Angered centrum minst två gånger per dygn.",
        "at_least|2|fotpatrulleringar|day",
    ),
    ("Ordningsvakterna ska vara på plats minst en gång varje dag.", "at_least|1|gånger|day"),
    ("Polisen ska dagligen genomföra minst 3 kontroller av mopeder.", "at_least|3|kontroller|day"),
    ("Polisen ska besöka stationen minst två gånger per dag.", "at_least|2|gånger|day"),
    ("Minst 4 ronder per dygn vid hamnen.", "at_least|4|ronder|day"),
    ("Polisen ska närvara vid torget minst en gång om dagen.", "at_least|1|gånger|day"),
    # averages
    (
        "Polisen ska i snitt genomföra minst tre fotpatruller per vecka.",
        "at_least|3|fotpatruller|average_week",
    ),
    (
        "Kommunen ska i snitt tre gånger per vecka tömma papperskorgarna.",
        "count|3|gånger|average_week",
    ),
    ("I genomsnitt minst två kontroller per vecka.", "at_least|2|kontroller|average_week"),
    (
        "Polisen ska i genomsnitt genomföra minst åtta kontroller per månad.",
        "at_least|8|kontroller|average_month",
    ),
    ("I snitt minst fyra insatser i månaden.", "at_least|4|insatser|average_month"),
    # approximations
    (
        "Polisen ska genomföra ett tiotal trygghetsvandringar under perioden.",
        "at_least|10|trygghetsvandringar|period",
    ),
    ("Kommunen ska genomföra ett tjugotal hembesök per år.", "at_least|20|hembesök|year"),
    ("Polisen ska genomföra ett hundratal kontroller.", "at_least|100|kontroller|period"),
    ("Polisen ska genomföra ett par föreläsningar i skolorna.", "at_least|2|föreläsningar|period"),
    ("Polisen ska genomföra cirka 20 kontroller per månad.", "at_least|20|kontroller|month"),
    ("Polisen ska genomföra ca. 30 insatser.", "at_least|30|insatser|period"),
    ("Ungefär fem dialogmöten per år.", "at_least|5|dialogmöten|year"),
    ("Polisen ska genomföra omkring femton kontroller.", "at_least|15|kontroller|period"),
    ("Minst ett femtiotal kontroller under året.", "at_least|50|kontroller|year"),
    ("Mellan 10 och 20 trafikkontroller per år.", "at_least|10|trafikkontroller|year"),
    # dozens
    (
        "Polisen genomför ett dussin riktade insatser mot narkotikaförsäljning per år.",
        "count|12|insatser|year",
    ),
    ("Kommunen håller ett halvt dussin föräldramöten per år.", "count|6|föräldramöten|year"),
    (
        "Polisen ska genomföra minst två dussin trafikkontroller.",
        "at_least|24|trafikkontroller|period",
    ),
    # OCR damage
    (
        "Polisen ska genornföra rninst 24 fotpatruller i Noret under året.",
        "at_least|24|fotpatruller|year",
    ),
    ("Hålla två möten rned barn och föräldrar per år.", "count|2|möten|year"),
    (
        "Polisen ska genomfora minst tva trafikkontroller per ar.",
        "at_least|2|trafikkontroller|year",
    ),
    ("Kommunen ska halla tvd foraldramoten under perioden.", "count|2|foraldramoten|period"),
    ("Polisen ska genomfora minst atta insatser per manad.", "at_least|8|insatser|month"),
    ("Gemensamt – trygghetsvandring vid skolorna 4 st/år", "count|4|trygghetsvandringar|year"),
    # A number written out and then in digits in brackets is one number, never an article.
    (
        "Polisen och kommunen ska bjuda in till ett (1) öppet dialogmöte i Kallinge.",
        "count|1|dialogmöten|period",
    ),
    ("Polisen genomför minst en (1) kontroll per vecka.", "at_least|1|kontroller|week"),
    # A multiplier counts the item's noun so many times: "x3".
    (
        "Polisen ska genomföra trygghetsvandringar i centrum x3.",
        "count|3|trygghetsvandringar|period",
    ),
    # Digits a scan glued to a word are no number: "ti11" is "till".
    (
        "erbjuda föräldrautbildningen ABC ti11 minst 40 familjer",
        "at_least|40|familjer|period",
    ),
    # "min." is "minst".
    ("Kvällspatrullering i centrum, min. 3 kvällar/vecka", "at_least|3|kvällar|week"),
    # A rate with no noun counts times: "(mål: 4/månad)".
    (
        "Polisen är på plats vid stationen fredagskvällar (mål: 4/månad).",
        "count|4|gånger|month",
    ),
    # a season named by what is done in it comes each year; a number in words after a street
    # is no street number
    (
        "göra tillsyn av jakt och skoterkörning under jaktsäsongen (minst 4 helger)",
        "at_least|4|helger|year",
    ),
    (
        "göra trafikkontroller på Magelungsvägen två gånger i månaden",
        "count|2|trafikkontroller|month",
    ),
]

# Phrases with numbers that are not targets.
NOT_TARGETS = [
    "Öka upptäckten av narkotikabrott, främst bland personer i åldern 21 år och yngre.",
    "Kommunen ska erbjuda sommarjobb för ungdomar i årskurs 9.",
    "Information om langning ska spridas till föräldrar i årskurs 5 och 6.",
    "Föräldrar till elever i årskurs 7–9 bjuds in till föräldramöten.",
    "Polisen ska finnas på plats i centrum fredagar och lördagar kl. 22–03.",
    "Polisen ska vara på plats klockan 22.00 på fredagar.",
    "Tips kan lämnas på telefon 114 14.",
    "Kontakta kommunpolisen på 0725-25 94 20.",
    "Ring 010-114 14 00 vid frågor.",
    "Kommunen ska förbättra belysningen vid Storgatan 12 och i Norre park.",
    "Polisen ska öppna en mottagning på Drottninggatan 5.",
    "Medborgarlöftet gäller i två år.",
    "Dessa medborgarlöften gäller i två år från undertecknandet.",
    "Löftet gäller 1 januari 2022 till 31 december 2023.",
    "Kommunen ska sanera klotter inom två dygn efter anmälan.",
    "Kommunen ska åtgärda trasig belysning inom 48 timmar.",
    "Enligt 2 kap. 5 § socialtjänstlagen ska kommunen samverka.",
    "Arbetet sker enligt lagen (SFS 2019:1234) om kommunernas ansvar.",
    "Kommunens ansvar framgår av 5 § lagen om kommunernas brottsförebyggande arbete.",
    "Under 2022 anmäldes 112 trafikolyckor i kommunen.",
    "38 % av de svarande undviker centrum kvällstid.",
    "Andelen som känner sig trygga ökade med 12 procent.",
    "Otryggheten har minskat med 5 procentenheter sedan 2019.",
    "Projektet har en budget på 200 000 kronor.",
    "Kommunen avsätter 2 miljoner kronor till belysning.",
    "Hastigheten ska sänkas till 30 km/h vid skolorna.",
    "Löftet följs upp vid ett möte den 15 mars.",
    "Samråd har skett med kommunledningsgruppen, KLG, 2023-03-23.",
    "Fokusområde 2 handlar om trafiken.",
    "Se bilaga 3 för lägesbilden.",
    "Polisen genomför insatser enligt steg 2 i EST.",
    "Kampanjen genomförs vecka 32.",
    "Buss 4 stannar vid torget sent på kvällen.",
    "Polisen ska arbeta mot 15-åringar som langar.",
    "Insatser riktas mot 18-åringar och äldre.",
    "Kommunen ska erbjuda lovaktiviteter för barn mellan 10 och 15 år.",
    "Genomföra trygghetsvandringar i tre bostadsområden.",
    "Polisen ska arbeta i två stadsdelar med hög brottslighet.",
    "Polisen arbetar enligt HotSpotsmetoden inom de områden som är utpekade som otrygga.",
    "Kommunen ska genomföra informationsinsatser och sprida nationella kampanjer.",
    "Polisen ska ha en kontaktperson för skolorna.",
    "Genomföra en trygghetsvandring varje termin tillsammans med boende.",
    "Kommunen ska tillsammans med Polisen genomföra en kampanj mot langning inför "
    "varje skolavslutning.",
    "Polisen ska genomföra minst två insatser per termin.",
    "Polisen och fältgruppen besöker högstadieskolorna 2 ggr/termin.",
    "Kontrollköp 1 gång/kvartal.",
    "Polisen ska arbeta med sex mot ersättning.",
    "Trygghetsvandringar genomförs flera gånger under perioden.",
    "Polisen ska genomföra några riktade insatser under sommaren.",
    "Polisen ska genomföra ett flertal kontroller.",
    "Lägesbilden uppdateras 2–3 gånger per år.",
    "Uppföljning sker vid de månatliga mötena med Trygg och Säker kommun.",
    "Polisen och kommunen ska under 2024 ta fram en gemensam lägesbild.",
    "Löftena gäller för åren 2023–2024.",
    "Under perioden 2020-2021 ska vi arbeta tillsammans.",
    "Den 1:a juni startar sommarsatsningen.",
    "Nattvandring sker varannan vecka under hösten.",
    "Kommunen ska genomföra föräldramöten om narkotika i samtliga högstadieskolor.",
    "Under sommarlovet anställer kommunen fyra fältassistenter.",
    "Kommunen ska rekrytera två nya fältsekreterare.",
    "Polisen genomför 40 timmars fotpatrullering per månad.",
    # A scan's "1" for "l" inside a word; a multiplier restating a scope before it.
    "Kommunen ska ha fa1tassistenter i tjänst varje helg.",
    "Polisen ska gå trygghetsvandring i Skiftinge varje månad (x12).",
    # A date's numbers, in a slash, are no rate.
    "Rapporten lämnas 4/5 till kommunstyrelsen.",
    # A count per span in a part of the year only, which the portal cannot count (tester,
    # session 38): the portal would judge every winter month "ej uppnådd".
    "Polisen ska patrullera Stora torget 2 ggr/dygn under sommaren.",
    "Minst två patruller per kväll i centrum under sommarlovet.",
    "Polisen – fotpatrull i centrum 2 g/vecka juni–augusti",
]


@pytest.mark.parametrize(
    ("phrase", "name", "unit"),
    [
        ("minst 2 per månad", "Riktade trafikkontroller", "trafikkontroller"),
        ("4 ggr per år", "Samverkansmöten med fastighetsägare", "samverkansmöten"),
        ("en gång per läsår", "Information till föräldrar", "gånger"),
    ],
)
def test_a_target_cell_counts_the_noun_of_its_activitys_name(phrase, name, unit):
    assert read_target(phrase, listed=True, counted=name)[0].unit == unit


@pytest.mark.parametrize(("phrase", "expected"), TARGETS)
def test_target_phrasing_is_read(phrase, expected):
    target, _notes = read_target(phrase)
    assert target is not None, phrase
    read = f"{target.comparator}|{target.value}|{target.unit}|{target.scope}"
    assert read == expected


@pytest.mark.parametrize("phrase", NOT_TARGETS)
def test_number_that_is_no_target_gives_none(phrase):
    target, _notes = read_target(phrase)
    assert target is None, (phrase, target)


def test_tables_are_large_enough():
    assert len(TARGETS) >= 120
    assert len(NOT_TARGETS) >= 50
    assert len({row[0] for row in TARGETS}) == len(TARGETS)
    assert len(set(NOT_TARGETS)) == len(NOT_TARGETS)

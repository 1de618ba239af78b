"""Reading a promise document's text: `parse(text)` proposes the period (`period`), the
promises and the activities with their owners and partners (`owners`) and targets (`targets`).

The text is cleaned first (`clean`); every offset points into the cleaned text. Lines are read
one by one: headings and lead-in lines ("Polisen och kommunen lovar gemensamt att arbeta för:",
"Det ska vi åstadkomma genom följande aktiviteter:", "Polisens åtaganden", "Fokusområde 1: …")
open a section, and the list items (any bullet, numbered, or one item per line) under them are
promises or activities; an item numbered "1.1" under a promise numbered "1." is an activity of
that promise, and so is a bulleted item under a numbered promise title ("1. Öka tryggheten
kring Resecentrum" over "- Polisen genomför …"). A party heading ("Polisen lovar", "Kommunens
åtaganden", "Polisen ska:", "Det här gör polisen") gives the owner of the activities under it;
"X lovar att:" gives promises when the document has an activity heading later, else activities
of X. A table whose cells come one per line ("Aktivitet", "Ansvarig", "Mål", then the rows;
`clean` puts a tab-separated table so; its owner's column may come first, and a PDF's text may
give its columns one after another) gives one activity per row, and so does a block of labelled
lines ("Aktivitet 1: …", "Vad: …", "Vem: …", "När: …"). A document without any activity heading
gives its list items that read as activities, and its sentences that do ("Polisen ska …",
"Tillsammans ska vi …", another actor's with a target), never a quotation ("…, säger X").
Keywords are matched tolerantly: å/ä/ö folded and the OCR confusions of scanned documents
("upptickten", "fraimst", "dldern") accepted; the text itself is never corrected. Last, the
period's texts (situation picture, background, follow-up) are read from what is left (`texts`),
the signature block (`signatures`) and the decision line (`decision`).
"""

import bisect
import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from django.utils.translation import gettext as _

from promises.textimport.areas import read_area_name
from promises.textimport.clean import clean
from promises.textimport.decision import read_decision
from promises.textimport.formats.tables import EMPTY_CELL
from promises.textimport.lines import GOAL_LINE, letter_legend, read_lines
from promises.textimport.lines import LONGEST_HEADING as _LONGEST_HEADING
from promises.textimport.lines import Line as _Line
from promises.textimport.lines import kw as _kw
from promises.textimport.numbers import approximate_value, fold, scanned_words, word_value
from promises.textimport.owners import (
    ACTIVITY_VERBS,
    MODAL,
    NOT_PASSIVE,
    OWNER_LABEL,
    OWNER_PARENTHESIS,
    PARTNERS,
    PRESENT_VERB,
    actor_doing,
    actor_kind,
    cleft_owner,
    owner_after_dash,
    owner_before_arrow,
    owner_before_colon,
    owner_in_front,
    partners_of,
    read_owner,
    split_actors,
    trailing_owner,
)
from promises.textimport.period import read_period
from promises.textimport.signatures import read_signatures
from promises.textimport.targets import (
    PERIOD_MONTHS,
    PERIOD_YEARS,
    UNSUPPORTED_SCOPE,
    limited_by_heading,
    months_between,
    part_of_year,
    read_target,
    season_heading,
)
from promises.textimport.texts import read_texts
from promises.textimport.types import (
    ParsedActivity,
    ParsedDocument,
    ParsedPromise,
    ParsedTarget,
    TextSpan,
)


def _set(words: str) -> frozenset[str]:
    """The words of a space-separated list."""
    return frozenset(words.split())


_PARTY_NAME = (
    r"(?:polisen|kommunen|staden|regionen|lokalpolisområdet?(?: \w+)?|\w+s? kommun|\w+s? stad"
    r"|region \w+)"
)
_PROMISE_LEAD = _kw(
    r"(?:lovar (?:gemensamt )?(?:att )?(?:arbeta )?för\b(?:.*:|\s*$)"
    r"|följande (?:medborgar)?löften\b"
    r"|^(?:(?:(?:våra |gemensamma |dessa |nya )?(?:medborgar)?löften(?:a)?|(?:medborgar)?löftet)"
    r"(?: för (?:\d{4}(?:[–-]\d{2,4})?|perioden))?|vårt (?:gemensamma )?(?:medborgar)?löfte"
    # "Stadens och polisens gemensamma löfte"
    r"|(?:polisens|kommunens|stadens|regionens) och (?:polisens|kommunens|stadens|regionens)"
    r" gemensamma (?:medborgar)?löften?(?:a)?"
    r"|fokusområden(?:a)?"
    r"|prioriterade områden|prioriteringar|det här ska vi åstadkomma(?: tillsammans)?"
    r"|det här vill vi uppnå|det vill vi uppnå|vad vi vill uppnå|målsättning(?:ar)?|mål"
    r"|vi lovar(?: gemensamt)?(?: att)?|vad lovar vi\??|det här lovar vi(?: dig| er)?"
    # a leaflet's "Därför lovar vi dig" over "att … ska bli tryggare"
    r"|därför lovar vi(?: dig| er| invånarna)?(?: att)?"
    # "Vad har polisen och kommunen lovat?", English "Focus areas"
    r"|vad har (?:polisen och kommunen|kommunen och polisen|vi|ni) lovat\??|focus areas"
    r"|(?:polisen|polis) och (?:kommunen|kommun|staden)"
    r" lovar(?: gemensamt)?(?: att)?|(?:kommunen|staden) och polisen lovar(?: gemensamt)?"
    r"(?: att)?)\s*:?$)"
)
_PARTY_PROMISE = _kw(
    rf"^(?:{_PARTY_NAME} lovar|vi lovar (?:tillsammans|gemensamt)"
    # a news item's "Tillsammans lovar de att:"
    r"|(?:tillsammans|gemensamt) lovar (?:vi|de))"
    r"(?: att| följande)?\s*:?$"
)
# "Polisen och Tierps kommun lovar att:": whoever is named gives the items under it.
# "Polisen och Norrtälje kommun lovar invånarna i Norrtälje att:" too.
_WHO_PROMISES = re.compile(
    # "Tillsammans lovar vi att:"
    r"^(?P<who>[^:]{3,160}?) lovar(?: vi| de)?(?: gemensamt)?"
    r"(?: (?:invanarna|medborgarna|boende|alla som bor|de som bor)(?: i [\w -]{2,40}?)?)?"
    r"(?: att| foljande)?"
    r"(?: under (?:\d{4}(?:\s*[-–]\s*\d{2,4})?|aret|perioden|(?:de )?kommande (?:aret|aren)))?"
    r"\s*:$",
    re.IGNORECASE,
)
_FOCUS = _kw(
    # "Vårt gemensamma löfte: Vi ska …", "Löftet: Tillsammans ska vi …": the promise after its
    # label on the same line
    r"^(?:uppgift\s*:\s*)?"  # a planning tool's task: "Uppgift: Löfte 1 – …"
    r"(?:(?:vårt (?:gemensamma )?(?:medborgar)?löfte|(?:medborgar)?löftet(?: lyder)?)"
    r"(?=\s*:\s*[A-ZÅÄÖ])"
    r"|(?:fokusområde|löftesområde|insatsområde|löfte|prioriterat område|område)"
    r"\s*(?:\d{1,2}|[a-h])?"
    # "Mål 1: Ökad trygghet …", never "Mål: minst 10 per år"
    r"|mål(?:område)? ?\d{1,2}(?!\d))\s*[:.–—-]?\s*"
)
_ACTIVITY_LEAD = _kw(
    r"(?:genom (?:följande |dessa )?(?:aktiviteter|insatser|åtgärder)\b.*:?$"
    r"|det ska vi åstadkomma genom|^vi (?:ska|kommer att)\s*:$|aktiviteter(?:na)?\s*:$"
    r"|^(?:(?:konkreta |gemensamma |våra |planerade )?(?:aktiviteter(?:na)?|åtaganden|insatser"
    r"|åtgärder)(?: (?:under )?(?:\d{4}(?:\s*[–—-]\s*\d{2,4})?|året|perioden))?"
    # "Aktiviteter per kvartal", "Aktiviteter månad för månad"
    r"(?: per (?:kvartal|månad|tertial|termin|halvår|år|målgrupp)"
    r"|,? (?:kvartal|månad) för (?:kvartal|månad))?"
    # "Aktiviteter och ansvar", "Aktiviteter, mål och genomfört"
    r"(?:,? (?:och )?(?:ansvar(?:sfördelning)?|ansvariga|vem som gör vad|mål|genomfört"
    # "Aktiviteter och veckor", "Aktiviteter och tidplan"
    r"|resultat|utfall|veckor|tidplan|tidpunkter)){0,3}"
    r"|det här ska vi göra(?: under (?:året|perioden|\d{4}))?|det här gör vi|detta gör vi"
    # "Så här gör vi i de olika delarna av kommunen": where, after the lead
    r"|så här gör vi(?: (?:i|på|för|under) [\w ,-]{1,60})?|vad vi ska göra"
    # "Vad vi gör under året"
    r"|vad vi gör(?: under (?:året|perioden|\d{4}))?"
    r"|så här håller vi (?:löftet|löftena|våra löften|vårt löfte)"
    # other organisations' activities, each naming its own: "Andra som bidrar"
    r"|(?:andra|övriga) (?:som bidrar|aktörer(?:s (?:åtaganden|insatser|aktiviteter))?"
    r"|samverkansparter)"
    r"|så här ska vi (?:göra|arbeta)|så ska vi göra|det gör vi|det här gör vi tillsammans"
    r"|detta ska vi göra|vad ska göras|aktiviteter för att nå löftena|så här når vi dit"
    # the passive, as a newsletter puts it: "Det här ska göras:"
    r"|(?:det här|detta) (?:ska|kommer att) göras|vad som ska göras"
    r"|vad ska vi göra\??|(?:(?:aktivitetsplan|handlingsplan|årshjul|årsplan|tidplan)(?:en|et)?"
    # English headings: "Action points", "Action plan 2026"
    r"|action points|action plan)"
    r"(?: (?:för )?\d{4}(?:\s*[–—-]\s*\d{2,4})?)?"
    r"|(?:det|detta|det här|så) (?:gör|ska|kommer) vi (?:att )?(?:göra |nå dit )?genom att"
    # a news article's "Löftet gäller … och innebär bland annat att:"
    r"|.*\binnebär (?:bland annat |bl\.a\. |bl a )?att:"
    # "I löftet åtar sig parterna bland annat följande:"
    r"|.*\b(?:åtar|förbinder) (?:sig|vi oss)\b.{0,40}\bföljande:"
    r"|genom att)"
    r"\s*:?$)"
)
# A plan's time of year over its activities: "KVARTAL 1 (januari–mars)", "Q2", "Tertial 3",
# "Hösten 2026", "Januari–mars", "Löpande under året".
_MONTH_NAME = (
    r"(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)"
)
_PERIOD_HEADING = _kw(
    r"^(?:(?:kvartal|q|tertial|termin) ?\d(?: \d{4})?(?:\s*\([^()]{3,40}\))?"
    # a plan week by week: "Vecka 8 (sportlovet)", "Vecka 24–33", "v. 44"
    r"|(?:vecka|v\.?) ?\d{1,2}(?:\s*[–—-]\s*\d{1,2})?(?:\s*\([^()]{3,40}\))?"
    rf"|{_MONTH_NAME}(?:\s*[–—-]\s*{_MONTH_NAME})?(?: \d{{4}})?"
    r"|(?:vår|våren|höst|hösten|sommar|sommaren|vinter|vintern)(?: \d{4})?"
    r"|löpande(?: under (?:året|perioden|hela perioden))?|hela (?:året|perioden))\s*:?$"
)
# The parties a heading names by their word: "Det här gör polisen", "Från stadsdelsförvaltningen"
_PARTY_WORD = r"(?:polisen|kommunen|staden|regionen|stadsdelsförvaltningen|stadsdelsnämnden)"
_PARTY_HEADING = _kw(
    r"^(?:(?P<pg>polisens|kommunens|stadens|regionens|stadsdelsförvaltningens)"
    r" (?:åtaganden|aktiviteter|insatser|löften"
    # "Polisens del i löftet", "Vår gemensamma del"
    r"|ansvar|del(?: i (?:medborgar)?löftet)?)"
    rf"|(?P<pn>{_PARTY_WORD}|gemensamt"
    # the parties by their abbreviations: "LPO Farsta", "SDF", "SDF och LPO (gemensamt)"
    r"|(?:lpo|sdf)(?: och (?:lpo|sdf))?(?! och)(?: [A-ZÅÄÖ][\w-]+(?<!Åtar))?"
    # "Kommunerna ska tillsammans:", "Polisen och kommunerna ska:": a promise of two
    # municipalities
    r"|kommunerna|tillsammans|polisen och kommun(?:en|erna)|kommun(?:en|erna) och polisen"
    r"|gemensamma (?:åtaganden|aktiviteter)"
    r"|(?:vår )?gemensamma del(?: i (?:medborgar)?löftet)?)"
    # "Tillsammans med bostadsbolagen Stockholmshem och Familjebostäder kommer vi att:" (the
    # partners named before the verb)
    r"(?: med [\w-]+(?:,? [\w-]+){0,6}?(?= (?:ska|kommer|lovar|åtar) vi\b))?"
    # "Polisen i Arvidsjaur åtar sig att under 2026:", "Kommunen, genom socialförvaltningen, …"
    # (with its verb: "• Polisen i skolan" is an item)
    r"(?:(?: i [\w-]+(?: [\w-]+)?|, genom [^,]{3,60},)?"
    r"(?: ska| kommer| gör| åtar sig| förbinder sig| ansvarar för| åtar vi oss"
    # "Kommunen har för sin del åtagit sig att:", as a letter or a report retells it
    r"| förbinder vi oss| har(?: för sin del)? (?:åtagit|förbundit) sig))?"
    r"(?: vi| polisen och kommunen| kommunen och polisen)?"
    # an article retelling the promise: "Kommunen ska enligt löftet:"
    r"(?: enligt (?:medborgar)?löftet)?"
    r"(?: också| även)?(?: gemensamt| tillsammans)?(?: att(?= under))?"
    r"(?: under (?:\d{4}|året|perioden|(?:de )?(?:kommande|närmaste) (?:året|åren)))?"
    r"(?: att| följande)?"
    # "Det här gör vi på polisen", "Det här gör stadsdelsförvaltningen"
    r"|(?:det här|detta|så här|det) (?:gör|lovar) (?:vi (?:på|i|inom) )?"
    rf"(?P<pd>{_PARTY_WORD}|vi tillsammans|vi gemensamt"
    # "Det här gör Lokalpolisområde Västerbergslagen", "Det här gör Ludvika kommun"
    r"|lokalpolisområdet?(?: [\w-]+){1,2}|polisen i [\w-]+|[\w-]+s? (?:kommun|stad))"
    # an easy-to-read version's "Det här ska polisen göra", "Det här ska vi göra tillsammans"
    rf"|(?:det här|detta|så här) ska (?P<ps>{_PARTY_WORD}"
    r"|vi(?= göra (?:tillsammans|gemensamt))) göra(?: tillsammans| gemensamt)?"
    # a text translated back from English: "Vad polisen kommer att göra", "Vad staden ska göra",
    # "Vad vi kommer att göra tillsammans"
    rf"|vad (?P<pv>{_PARTY_WORD}|vi(?= (?:kommer att|ska) göra (?:tillsammans|gemensamt)))"
    r" (?:kommer att|ska) göra(?: tillsammans| gemensamt)?"
    # "Aktiviteter polisen", "Insatser för kommunen", "Åtaganden – polisen"
    rf"|(?:aktiviteter|insatser|åtaganden)(?: för| [–-])? (?P<pa>{_PARTY_WORD})"
    # "Vad gör polisen?", "Vad gör vi tillsammans?", a form's "Vilka aktiviteter genomför
    # polisen?"
    # a slide's "Vi gör tillsammans"
    r"|vi (?:gör|genomför) (?:tillsammans|gemensamt)"
    # a leaflet's "Från polisen", "Från kommunen" (over what the reader will notice)
    rf"|från (?P<pf>{_PARTY_WORD})"
    # a party named with its verb: "Nora kommun åtar sig att", "Lokalpolisområde Lindesberg ska"
    r"|(?P<pm>lokalpolisområdet?(?: [\w-]+){1,2}|[\w-]+s? (?:kommun|stad))"
    r" (?:ska|kommer|gör|åtar sig|förbinder sig|har(?: för sin del)? (?:åtagit|förbundit) sig)"
    r"(?: också| även)?(?: att| följande)?"
    # a text retelling the promise: "I löftet åtar sig polisen att", "I löftet lovar staden att"
    rf"|i (?:medborgar)?löftet (?:åtar sig|lovar|ska) (?P<pi>{_PARTY_WORD}) att"
    # "Enligt löftet ska polisen:"
    rf"|enligt (?:medborgar)?löftet (?:ska|kommer|åtar sig) (?P<pe>{_PARTY_WORD})(?: att)?"
    # the subject after its verb, a lead before: "För att nå dit ska polisen:", "Därför
    # kommer kommunen att:", "Under 2026 ska polisen:"
    r"|(?:för att (?:nå dit|nå målet|nå målen|klara det)|därför|dessutom|utöver det"
    r"|under (?:\d{4}|året|perioden)),? (?:ska|kommer) "
    rf"(?P<pr>{_PARTY_WORD}|vi tillsammans|vi gemensamt)(?: också| även)?(?: att)?"
    r"|(?:vad gör|vilka (?:aktiviteter|insatser|åtgärder) (?:genomför|gör))"
    rf" (?P<pq>{_PARTY_WORD}|[vn]i tillsammans|[vn]i gemensamt))"
    r"\s*[:?]?$"
)
_OTHER_HEADING = _kw(
    r"^(?:sammanfattning|bakgrund|lägesbild(?:en)?|lokal lägesbild|uppföljning|vad är ett "
    r"medborgarlöfte|beskrivning av ärendet|omvärldsanalys|samråd|ekonomi|beslutsunderlag"
    r"|beslutet skickas till|kontakt(?:uppgifter)?|situationen idag|följ med i hur det går"
    r"|syfte|inledning|om medborgarlöften|giltighetstid|underskrifter|undertecknande|övrigt"
    # a report's sections: "Resultat", "Slutsatser", "Utfall", "Utvärdering"
    r"|resultat(?:et)?|slutsats(?:er(?:na)?)?|utfall(?:et)?|utvärdering(?:en)?"
    # an annual report's account of last year's promise: "Medborgarlöftet 2025 – uppföljning",
    # "Måluppfyllelse 2025"
    r"|(?:medborgar)?löfte(?:t|n|na)?(?: \d{4}(?:[–-]\d{4})?)? [–—-] (?:uppföljning|resultat"
    r"|utfall|redovisning)(?=\s*$)|måluppfyllelse"
    r"|så följer vi upp|uppföljning och återkoppling|varför|bilagor?|läs mer"
    # a municipal memo's headings: "Förslag till beslut", "Ekonomiska konsekvenser"; an
    # answer's to a citizens' proposal: "Ärendet", "Förvaltningens yttrande"
    r"|(?:förvaltningens )?förslag till beslut|ekonomiska konsekvenser|tjänsteutlåtande"
    r"|ärendet|ärendebeskrivning|(?:förvaltningens |nämndens |kommunstyrelsens )?yttrande"
    # outcome indicators, no activities: "KPI:er (utfallsmått)", "Nyckeltal", "Effektmål"
    r"|kpi(?::?er)?|nyckeltal|utfallsmått|effektmål"
    # a plan's present and wished-for state, over figures: "Nuläge", "Önskat läge"
    r"|nuläge(?:t|sbeskrivning)?|önskat läge|önskvärt läge|målbild(?:en)?"
    # what is set aside for the activities, no activities: "Resurser", "Budget"
    r"|resurser|resursbehov|resursfördelning|budget|finansiering"
    # the targets of activities listed above: "Mål och uppföljning" over "Aktivitet 2: …"
    r"|mål(?:sättningar)? och (?:uppföljning|mått|indikatorer)"
    # a newsletter's other news: "Evenemang i mars", "Kalendarium", "På gång", "Referenser"
    r"|evenemang|kalendarium|på gång|missa inte|referenser|källor"
    # a consultation reply's views beyond the proposal: "Övriga synpunkter"; a consultation
    # report's views and what became of them: "Inkomna synpunkter och kommentarer",
    # "Ändringar efter samrådet", "Fortsatt hantering"
    r"|(?:övriga |inkomna )?synpunkter|inkomna yttranden"
    r"|ändringar (?:efter|med anledning av) samrådet|fortsatt hantering"
    # a communication plan's sections, over its own goals, readers and channels: "Mål för
    # kommunikationen", "Målgrupper", "Budskap", "Kanaler och aktiviteter"
    r"|(?:mål för|syfte med) kommunikationen|kommunikationsmål(?:en)?"
    # (never "Målgrupp: Föräldrar" over the activities for that group)
    r"|målgrupp(?:er(?:na)?)?(?!\s*:\s*\S)"
    r"|(?:kärn)?budskap(?:et)?|kanaler(?: och (?:aktiviteter|tidplan))?"
    r"|kommunikationsaktiviteter|kommunikationsinsatser"
    # a workshop's board: the ideas set aside, "Parkerat", "Parkerade förslag"
    r"|parkerat|parkerade (?:förslag|frågor|idéer)|parkeringsplats(?:en)?"
    # a renewed promise's activities of last year left out: "Aktiviteter som utgår 2026",
    # "Borttagna aktiviteter"
    r"|(?:aktiviteter|insatser|åtgärder|åtaganden) som (?:utgår|tas bort|stryks|har strukits)"
    r"|(?:utgående|borttagna|strukna) (?:aktiviteter|insatser|åtgärder|åtaganden)"
    # an authority's decision's sections, alone on their lines: "Saken", "Beslut", "Skäl för
    # beslutet", "Hur man överklagar"
    r"|(?:saken|beslut|skäl för beslutet|beslutsmotivering|hur man överklagar"
    r"|överklagandehänvisning)(?=\s*:?\s*$))\b.{0,40}$"
)


# A heading naming whom the activities under it are for: "För dig som är förälder", "För dig
# som driver företag", "För er som bor i byarna": activities, no promise.
_AUDIENCE_HEADING = _kw(r"^för (?:dig|er|alla|den|de) som\b.{2,60}$")
# A sentence inviting the reader, no activity: "Du som vill starta företagarsamverkan kan
# kontakta …", "Du kan också gå med i föräldravandringarna".
# (Never "Du kan träffa kommunens fältassistenter …": what a party does, told to the reader.)
_READER_INVITATION = re.compile(
    r"(?:du|ni) som\b|(?:du|ni) kan (?:ocksa |aven )?(?:ga med|anmala|kontakta|ringa|mejla"
    r"|hora av|tipsa|lamna)\b"
)


# --- Structure ---------------------------------------------------------------------------------


@dataclass
class _Section:
    kind: str  # "promises" | "activities" | "party_promises"
    owner: str | None = None
    promise_index: int | None = None
    other: str = ""  # the organisation an "other" owner names ("Vi på Järfällahus lovar att:")
    bullets_seen: bool = False
    paragraph_taken: bool = False
    season: str = ""  # a heading naming a part of the year ("Vår"), which limits counts


# A party named alone right over its list: "Lokalpolisområde Älmhult", "Älmhults kommun".
_PARTY_NAME_LINE = _kw(r"^(?:lokalpolisområde(?: [\w-]+){1,2}|[\w-]+s? (?:kommun|stad))\s*:?$")


def _named_party(lines: list[_Line], index: int) -> str | None:
    """The owner of the list right under a line that names a party alone; None for any other
    line (a signature's "Älmhults kommun" has no list under it)."""
    line = lines[index]
    following = lines[index + 1] if index + 1 < len(lines) else None
    if line.bullet or following is None or not following.bullet:
        return None
    return actor_kind(line.folded.rstrip(" :")) if _PARTY_NAME_LINE.match(line.text) else None


def _owner_heading(lines: list[_Line], index: int) -> str | None:
    """The owner of the list right under a line that is only its owner's label ("Ansvarig:
    Polisen", "Ansvar: Polisen och kommunen"): a party, else None."""
    line = lines[index]
    following = lines[index + 1] if index + 1 < len(lines) else None
    label = OWNER_LABEL.match(line.folded.strip())
    if line.bullet or following is None or not following.bullet or not label:
        return None
    if label.end() < len(line.folded.strip().rstrip(". ")):
        return None
    owner = read_owner(line.text, None)[0]
    return owner if owner in {"police", "municipality", "joint"} else None


def _heading_owner(match: re.Match) -> str | None:
    word = fold(
        match.group("pg")
        or match.group("pn")
        or match.group("pd")
        or match.group("pa")
        or match.group("pq")
        or match.group("ps")
        or match.group("pf")
        or match.group("pm")
        or match.group("pi")
        or match.group("pe")
        or match.group("pv")
        or match.group("pr")
        or ""
    )
    if word.startswith("polis") and "kommun" in word:
        return "joint"
    if " och " in word and {actor_kind(actor) for actor in split_actors(word)} == {
        "police",
        "municipality",
    }:
        return "joint"  # "SDF och LPO"
    if word.startswith("kommun") and "polis" in word:
        return "joint"
    if word.startswith("polis"):
        return "police"
    if word.startswith(("kommun", "stad", "region")):
        return "municipality"
    if not word.startswith(("vi ", "gemensam", "tillsammans")) and (kind := actor_kind(word)):
        return kind  # a party named: "Lokalpolisområde Västerbergslagen", "Ludvika kommun"
    return "joint"


def _promising_owner(text: str) -> str | None:
    """Who gives the items under "X lovar att:": police, municipality, joint, or None."""
    who = fold(re.split(r"\s+lovar\b", text, maxsplit=1, flags=re.IGNORECASE)[0])
    # "Vi på polisen lovar att:", "Vi i Vilhelmina kommun …", "Vi gemensamt lovar att:"
    who = re.sub(r"^vi (?:pa|i|inom|fran) ", "", who)
    if re.fullmatch(r"(?:vi )?(?:gemensamt|tillsammans)", who):
        return "joint"
    if who == "vi" and re.search(r"\blovar (?:tillsammans|gemensamt)\b", fold(text)):
        return "joint"  # "Vi lovar tillsammans att"
    kinds = {actor_kind(actor) for actor in split_actors(who)}
    if kinds == {"police", "municipality"}:
        return "joint"
    if kinds in ({"police"}, {"municipality"}):
        return kinds.pop()
    return None


# The speakers of "Vi på Järfällahus lovar att:" (folded), an organisation neither party is.
_WE_AT_ORGANISATION = re.compile(r"vi (?:pa|inom|fran) (?P<who>[a-z][\w-]{2,40}(?: ab)?)$")
# Their own staff, after that: "Våra bovärdar lovar att:", "Vår kundtjänst ska:".
_OURS = re.compile(r"(?:vara|var|vart) [a-z][\w-]{2,40}$")


def _speakers_heading(text: str, speaker: tuple[str, str] | None) -> tuple[str, str] | None:
    """The owner ("other", its name) of the items under a heading in which an organisation
    speaks of itself ("Vi på Järfällahus lovar att:"), or of its staff after such a heading
    ("Våra bovärdar lovar att:", the speaker given); None for any other heading."""
    who_text = re.split(r"\s+(?:lovar|ska|skall|kommer att)\b", text, maxsplit=1)[0].strip()
    who = fold(who_text)
    if (match := _WE_AT_ORGANISATION.fullmatch(who)) and not actor_kind(match.group("who")):
        return "other", who_text[match.start("who") :]
    if speaker and _OURS.fullmatch(who):
        return speaker
    return None


def _name_alone(lines: list[_Line], index: int) -> bool:
    """Whether lines[index] is a party's bare name with no list right under it: "Polisen" over
    a blank line, as a web page's logo reads, heads nothing."""
    line = lines[index]
    if line.bullet or len(line.text.split()) > 1 or line.text.rstrip().endswith(":"):
        return False
    following = next((after for after in lines[index + 1 :] if not after.blank), None)
    right_under = index + 1 < len(lines) and not lines[index + 1].blank
    return not right_under and (following is None or not following.bullet)


# A heading naming the promise, over its paragraphs: "Medborgarlöftet 2026–2027", "Vårt löfte"
# (after "Medborgarlöftet 2025 – uppföljning", an account of last year's, in folded text).
_PROMISE_HEADING = re.compile(
    r"(?:(?:det )?(?:nya )?(?:medborgar)?loftet?|vart lofte)(?: for [\w -]{2,40}?)?"
    r"(?: \d{4}(?: ?[–-] ?\d{4})?)?:?$"
)


def _generic_heading(lines: list[_Line], index: int) -> bool:
    line = lines[index]
    if line.bullet or line.blank:
        return False
    text = line.text.strip()
    if not text or len(text) > 70 or len(text.split()) > 9 or text[-1] in ".,;":
        return False
    if not text[0].isupper() or re.search(r"\b(?:ska|skall)\b", line.folded):
        return False
    previous_blank = index == 0 or lines[index - 1].blank
    next_blank = index + 1 >= len(lines) or lines[index + 1].blank or lines[index + 1].bullet
    if text.endswith((":", "?")):
        return True
    return previous_blank and next_blank and not _own_target(text)


# Running text: "Det innebär att polisen genomför … och att kommunen förbättrar …".
_SENTENCE = re.compile(r"\S.*?(?:[.!?](?=\s+[A-ZÅÄÖ]|\s*$)|$)", re.DOTALL)
_LEAD_IN = re.compile(
    r"(?:det|detta|konkret) (?:innebar|betyder) (?:det )?att |vi lovar (?:ocksa )?att "
)
_AND_THAT = re.compile(r",? och att ")
# Under a party's heading also a second subject with its own verb after a comma: "…, och de
# kommer att fotpatrullera …", "…, och kommunens fältare ska vara ute …"
_AND_THAT_OWNED = re.compile(
    r",? och att |, och (?=(?:de|vi|[a-z]+s [a-z]+|[a-z]+) (?:kommer att|ska|skall) [a-z])"
)


def _prose_clauses(text: str, start: int, owned: bool = False) -> list[tuple[int, str]]:
    """The clauses of running text that say what a party does, each (start, text): its
    sentences, without a lead-in ("Det innebär att …"), split at "… och att …". Empty when a
    sentence of it says no such thing. `owned`: the text stands under a party's heading, so
    "Vi genomför …" says what that party does."""
    clauses: list[tuple[int, str]] = []
    for sentence in _SENTENCE.finditer(text):
        at, words = sentence.start(), sentence.group().rstrip()
        folded = fold(words)
        if lead := _LEAD_IN.match(folded):
            at, words, folded = at + lead.end(), words[lead.end() :], folded[lead.end() :]
        cut = 0
        for match in [*(_AND_THAT_OWNED if owned else _AND_THAT).finditer(folded), None]:
            end = match.start() if match else len(words)
            clause = words[cut:end].strip().rstrip(".")
            if clause:
                clauses.append((start + at + cut, clause))
            cut = match.end() if match else cut
    if not clauses or not all(
        actor_doing(clause)
        or _ACTOR_SENTENCE.match(fold(clause))
        or owned
        and _WE_DO.match(fold(clause))
        for _at, clause in clauses
    ):
        return []
    return clauses


# "Vi genomför …", "Vi bjuder också in …": what the party a heading names does.
# Also "de kommer att …" under it, the party named before.
_WE_DO = re.compile(
    r"(?:vi (?:ocksa |aven |dessutom )?[a-z]{2,}(?:ar|er|or|ir|ur)"
    r"|(?:vi|de) (?:ocksa |aven |dessutom )?(?:kommer att|ska|skall) [a-z]{2,})\b"
)


def _sentence_lines(items: list[tuple[int, int, str]]) -> bool:
    """Whether the lines under a heading are a few sentences, one per line ("Vi lovar att
    arbeta för …", "Vi lovar att minska …"): a list without bullets, not running text."""
    return 2 <= len(items) <= 8 and all(
        len(text) <= 200 and _sentence_end(text) >= len(text.strip()) for _s, _e, text in items
    )


def _sentence_end(text: str) -> int:
    match = re.search(r"[.!?](?=\s|$)", text)
    return match.end() if match else len(text)


def _has_words(text: str) -> bool:
    return any(char.isalpha() for char in text)


def _strip_item(text: str) -> str:
    return text.strip().rstrip(",;").strip()


def _title(
    text: str,
    target_unit_words: str | None,
    target_start: int | None = None,
    keep_when: bool = False,
) -> str:
    """An activity's short name: what its target counts, else its words up to its target
    ("Polisen ska fotpatrullera i centrum minst två kvällar i veckan": "Fotpatrullera i
    centrum"), without its owner, labels or purpose."""
    if not target_unit_words and target_start:
        before = _title(text[:target_start], None, keep_when=True)
        # Too few words before the target to name the activity: "I snitt tre gånger …"
        if len(before.split()) < _SHORTEST_CUT_TITLE:
            return _title(text, None, keep_when=keep_when)
        return before if keep_when else _finished(_without_when(_as_noun_phrase(before)))
    if front := owner_in_front(text):
        text = text[front.end() :]
    elif arrow := owner_before_arrow(text):  # "Polisen → riktade insatser …"
        text = text[arrow.start("rest") :]
    elif colon := owner_before_colon(text):  # "Polisen: fotpatrullering i centrum …"
        text = text[colon.end("who") + 1 :].lstrip()
    # "Vad: Trygghetsvandring i centrum; Vem: …": the label is no part of the title.
    text = _WHAT_LABEL.sub("", text)
    if detail := _DETAIL_IN_TEXT.search(text):  # "Besök på fritidsgården Mål: 2 per månad"
        text = text[: detail.start()].rstrip(" .,;")
    folded = fold(text)
    label = OWNER_LABEL.search(folded) or OWNER_PARENTHESIS.search(folded) or owner_after_dash(text)
    if label:
        text = text[: label.start()].rstrip(" .,;(")
        folded = folded[: len(text)]
    if target_unit_words:
        title = target_unit_words
    else:
        rest = text
        modal = MODAL.search(folded[:120])
        if modal and len(folded[: modal.start()].split()) <= 5:
            after = folded[modal.end() :].split()
            if not after or not after[0].endswith("s") or after[0] in NOT_PASSIVE:
                rest = text[modal.end() :]
                if modal.group() == "kommer":
                    # "… kommer kommunen att ha …": the subject after the verb, then "att"
                    rest = rest[rest.index(" att ") + 1 :] if " att " in rest[:60] else rest
                # "… ska vi tillsammans bjuda in …": the subject after the verb
                rest = re.sub(
                    r"^\s*(?:att\s+|(?:vi|man)\s+(?:(?:tillsammans|gemensamt)\s+)?)?", "", rest
                )
                if not actor_kind(folded[: modal.start()].strip(" ,")):
                    # "Enligt löftet ska kommunen ha …", "Gemensamt ska polisen och kommunen
                    # genomföra …": the subject after the verb
                    rest = _PARTY_AFTER_VERB.sub("", rest)
                rest = _ADVERB_AFTER_VERB.sub("", rest)  # "… ska också byta ut …"
        partner = PARTNERS.search(fold(rest))
        if partner and partner.start() < 3:
            _names, spans = partners_of(rest, fold(rest))
            rest = rest[spans[0][1] :] if spans else rest
        rest = re.split(
            # not after an abbreviation: "kl. 22", "v. 33", "t.ex. skolor", "t.o.m. juni"
            r"(?<!\bkl)(?<!\bca)(?<!\bbl\.a)(?<!\bv)(?<!\bnr)(?<!\bt\.ex)(?<!\bt\.o\.m)"
            r"(?<!\bfr\.o\.m)[.;:](?:\s|$)| för att | med syfte | i syfte ",
            rest.strip(),
        )[0]
        title = rest.strip(" ,")
        if not keep_when:
            title = _without_when(_as_noun_phrase(title))
    return _finished(title)


_PARTY_AFTER_VERB = re.compile(
    r"^\s*(?:polisen och kommunen|kommunen och polisen|polisen|kommunen|staden)\s+(?=\w)",
    re.IGNORECASE,
)
_ADVERB_AFTER_VERB = re.compile(r"^\s*(?:också|även|dessutom)\s+(?=\w)", re.IGNORECASE)


def _finished(title: str) -> str:
    """A title kept short, without the words it cannot end with, capitalised."""
    if len(title) > 80:
        title = title[:80].rsplit(" ", 1)[0].rstrip(" ,")
    words = title.split()
    while len(words) > 2 and fold(words[-1]) in _TRAILING:
        words.pop()
    title = re.sub(r"\s+[–—-]$", "", " ".join(words))  # "Trygghetsvandring i Hemavan – 1 …"
    title = re.sub(r"\s*\([^)]*$", "", title)  # "… lördagskvällar (mål: 4/månad)": "(mål" cut
    title = title.rstrip(" ,;")  # "Besök på fritidsgården Kolibri, varannan vecka": the comma
    return title[:1].upper() + title[1:]


# The fewest words a title taken from the words before an activity's target has.
_SHORTEST_CUT_TITLE = 3


# Verbs that only say an activity is done, its object naming it: "göra hastighetsmätningar på
# Rådhusgatan" is titled "Hastighetsmätningar på Rådhusgatan".
_LIGHT_VERBS = _set(
    "genomfora genomfor gora gor halla haller ha har anordna anordnar bedriva bedriver utfora "
    "utfor organisera organiserar arrangera arrangerar ordna ordnar"
)
# "gemensamma kvällsvandringar": who does it is the owner's field, not the title's.
_JOINT_WORDS = _set("gemensam gemensamma gemensamt")
# Words after a light verb that begin no noun phrase: "hålla öppet", "ha koll på", "göra en".
_NO_NOUN_START = _set(
    "oppet oppna upp ut in av pa till koll sig det den de dessa detta denna detsamma sa mer "
    "fler mindre nagot nagon nagra flera alla allt ofta regelbundet kontinuerligt lopande "
    "aven ocksa dessutom bade minst hogst totalt sammanlagt narvarande fokus"
)


def _plural_noun(word: str) -> bool:
    """Whether `word` ends as a plural noun does: "hastighetsmätningar", "ordningsvakter"
    ("möten" is left, "-en" being as often a noun in the definite: "fritidsgården")."""
    return len(word) >= 5 and word.isalpha() and word.endswith(("ar", "er", "or"))


# "… och sprida nationella kampanjer": a second verb, so the phrase stays a verb phrase.
_AND_VERB = re.compile(r"\s(?:och|samt)\s+[a-zåäö]+[^n\W]a(?:\s|$)")


def _as_noun_phrase(title: str) -> str:
    """A title that is a verb phrase with a verb saying only that something is done ("Göra
    hastighetsmätningar på Rådhusgatan", "genomföra gemensamma kvällsvandringar …") as its
    object: "Hastighetsmätningar på Rådhusgatan", "Kvällsvandringar …". Kept as it is when
    the object is no plain noun phrase ("hålla öppet", "göra en insats" stays)."""
    words = title.split()
    if len(words) < 2 or fold(words[0]) not in _LIGHT_VERBS:
        return title
    rest = words[1:]
    while len(rest) > 1 and fold(rest[0]) in _JOINT_WORDS:
        rest = rest[1:]
    head = rest[0]
    if (
        fold(head) in _NO_NOUN_START
        or fold(head) in _NUMBER_WORDS
        or not head.isalpha()
        or not head.islower()
        # the noun, or an adjective before it ("riktade insatser")
        or not any(_plural_noun(word.lower()) for word in rest[:2])
        or _AND_VERB.search(" ".join(rest))
    ):
        return title
    return " ".join(rest)


# Words that begin a phrase of when or how often: "varje helg", "fredagar och lördagar",
# "under sommaren", "kvällstid". Left out of a title, as a target's scope is.
_WHEN_WORDS = _set(
    "dagligen veckovis manadsvis arligen kvallstid nattetid helgtid dagtid "
    "helger helgerna mandagar tisdagar onsdagar torsdagar fredagar lordagar sondagar "
    "regelbundet kontinuerligt lopande"
)
# "varje", "varannan" and "under" say when before a word of time: "varje helg", "under
# sommarlovet" (not "i varje SSPF-möte", "under bron").
_WHEN_BEFORE_TIME = _set("varje varannan under")
_TIME_WORD = re.compile(
    r"(?:sommar|host|var|vinter|jul|sport|pask|skol|allhelgona|helg|loftesperiod|period"
    r"|kvall|natt|termin|lasar|veck|manad|dag|mandag|tisdag|onsdag|torsdag|fredag|lordag"
    r"|sondag|kvartal|halvar|tertial|morgon|lov)[a-z]*|ar|aret|aren"
)


def _without_when(title: str) -> str:
    """`title` without its words that say when or how often ("Kvällsvandringar med
    fältassistenterna varje helg": "… med fältassistenterna"): the title is cut before them,
    or they alone are left out when a place follows them ("Trafikkontroller varannan vecka vid
    Noltorpsskolan"). One word is kept alone only when it is no infinitive ("Nattvandringar",
    not "Vara")."""
    # fold keeps the text's length, so its words are the title's words folded.
    words, folded = title.split(), fold(title).split()
    if len(folded) != len(words):
        folded = [fold(word) for word in words]
    index = 1
    while index < len(words):
        word = folded[index]
        pair = (
            word in _WHEN_BEFORE_TIME
            and index + 1 < len(words)
            and _TIME_WORD.fullmatch(folded[index + 1].strip(".,;:"))
        )
        if not pair and word not in _WHEN_WORDS:
            index += 1
            continue
        after = index + (2 if pair else 1)
        previous = folded[index - 1]
        if (
            after < len(words)
            and previous not in _TRAILING
            and folded[after] in _PLACE_PREPOSITIONS
            # "Lägesbilden stäms av varannan vecka mellan …": "av" is the verb's
            or previous == "av"
        ):
            # "Trafikkontroller varannan vecka vid Noltorpsskolan": the place is kept
            del words[index:after], folded[index:after]
            continue
        if index >= 2 or not folded[0].endswith("a"):  # not "Vara" alone
            return " ".join(words[:index])
        index += 1
    return " ".join(words)


_PLACE_PREPOSITIONS = _set("i pa vid med mot kring langs runt hos bland utanfor")


# "Vad: …", and a calendar's "Mars: …", "April–september: …", "Hösten 2025: …".
_WHAT_LABEL = _kw(
    r"^\s*(?:vad|aktivitet|åtgärd|insats"
    r"|(?:(?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)[a-z]*"
    r"|vår(?:en)?|höst(?:en)?|sommar(?:en)?|vinter(?:n)?)"
    r"(?:\s*[–—-]\s*[a-z]+)?(?: \d{4})?|vecka \d{1,2})\s*:\s*"
)
_TRAILING = _set(
    "i pa for av till med vid under kring inom bland mellan mot om fran efter och eller som "
    "att kl ca dar vilket vilka den det de en ett aven ocksa"
)


# A follow-up's note in brackets of what has been done so far: "(hittills 16 kvällar)",
# "(genomförd 12 februari, 14 deltagare)".
_RESULT_IN_BRACKETS = _kw(
    r"\((?:genomförd|genomfört|genomförda|hittills|utförd|utfört|utförda|klar|klart)\b"
    r"[^()\n]{0,120}\)"
)


def _without_results(text: str) -> str:
    """The text with what a label says was done blanked ("Genomfört 2025: 21 kontroller", up
    to the next label, "(hittills 16 kvällar)"): a result, never the target."""
    text = _RESULT_IN_BRACKETS.sub(lambda match: " " * len(match.group()), text)
    result = _RESULT_LABEL.search(text)
    if not result:
        return text
    following = _DETAIL_IN_TEXT.search(text, result.end())
    end = following.start() if following else len(text)
    return text[: result.start()] + " " * (end - result.start()) + text[end:]


def _activity(text: str, start: int, section_owner: str | None) -> ParsedActivity:
    text = _strip_item(text)
    responsible, other, partners = read_owner(text, section_owner)
    target, notes = read_target(_without_results(text), start, listed=True)
    title = _activity_title(text, start, target)
    if target is None and notes:
        # "minst två informationsinsatser per termin", "minst 12 per månad under
        # sommarhalvåret": no target, and the title would be the whole sentence; it is named by
        # what it counts all the same ("Informationsinsatser"), read without that scope.
        unsupported = UNSUPPORTED_SCOPE.search(
            fold(_activity_title(text, start, None, keep_when=True))
        )
        scope = UNSUPPORTED_SCOPE.search(fold(text)) if unsupported else part_of_year(fold(text))
        if scope:
            blanked = text[: scope.start()] + " " * len(scope.group()) + text[scope.end() :]
            counted = read_target(blanked, start, listed=True)[0]
            # a part of the year is the reason only when the text without it has a target
            if unsupported or counted:
                title = _activity_title(text, start, counted)
    return _proposed(text, title, start, (responsible, other, partners), target, notes)


def _activity_title(
    text: str, start: int, target: ParsedTarget | None, keep_when: bool = False
) -> str:
    """An activity's title: what its target counts, else its words up to its target."""
    unit_words = None
    span_words = (
        fold(text[target.span.start - start : target.span.end - start])
        if (target and target.span)
        else ""
    )
    if (
        target
        and target.unit
        and not re.search(r"(?<![^\W\d])(?:gang|ganger|ggr|tillfallen?)\b", span_words)
    ):
        number_end = target.span.start - start if target.span else 0
        segment = text[number_end : target.span.end - start] if target.span else ""
        words = segment.split()
        # The words after the comparator and number: "riktade insatser".
        unit_words = " ".join(
            w
            for w in words
            if fold(w) not in _NUMBER_WORDS
            and not w.isdigit()
            and not re.fullmatch(r"\d+-tal|\(\d+\)", w)  # "ett 20-tal", "ett (1)"
            and not approximate_value(w)  # "ett femtontal"
            and word_value(fold(w)) is None  # "minst tjugofem insatser"
            and fold(w)
            not in {
                "minst",
                "min.",  # "min. 15 trafikkontroller/år"
                "hogst",
                "max",
                "max.",
                "st",  # "2 st trygghetsvandringar/år"
                "st.",
                "stycken",
                "som",
                "maximalt",
                "exakt",
                "cirka",
                "ca",
                "ett",
                "en",
                "tiotal",
                "halvt",
                "dussin",
            }
        )
        unit_words = unit_words or target.unit
        unit_names = tuple(fold(name) for name in (target.unit, target.unit_singular) if name)
        if not fold(unit_words).endswith(unit_names):
            unit_words = target.unit  # "tr afikkontroller": the word OCR broke, read whole
        if fold(target.unit) in _WHEN_UNITS:
            unit_words = None  # "minst två kvällar i veckan" says when, not what
    target_start = target.span.start - start if target and target.span else None
    if unit_words and target_start:
        # "se över belysningen … och åtgärda minst 10 platser", "erbjuda sommarjobb till 50
        # ungdomar": the words before the count say what is done; what it counts names no
        # activity.
        done = _done_before_count(text[:target_start], target)
        if done is not None:
            return done
    return _title(text, unit_words, target_start, keep_when)


# A count in a clause of its own after "och", its verb an infinitive or in the present: "… och
# åtgärda minst 10 platser", "… och sätter upp 10 skyltar" (not "polisen och kommunen 2 …").
_AND_CLAUSE_BEFORE_COUNT = re.compile(
    r"\s(?:och|samt)\s+[^\W\d]+[ar](?:\s+(?:upp|ut|in|om|över))?\s*$"
)
# A count after a preposition counts whom or where: "sommarjobb till 50 ungdomar".
_PREPOSITION_BEFORE_COUNT = re.compile(r"\s(?:till|i|på|vid|hos|bland|inom|för)\s*$")
# … unless the verb takes it: "delta i tre medborgardialoger", "bjuda in till två möten".
_TAKES_PREPOSITION_BEFORE = re.compile(
    r"(?:^|\s)(?:delta|deltar|medverka|medverkar|bjuda in|bjuder in|bjuds in|kalla|kallar"
    r"|inbjuda|inbjuder)\s+\S+\s*$"
)


def _done_before_count(before: str, target: ParsedTarget) -> str | None:
    """The title from the words before an activity's count when they say what is done and the
    count does not name it, else None."""
    # The clause or the preposition stands right before the count: its last words are read.
    at = max(0, len(before) - 80)
    if clause := _AND_CLAUSE_BEFORE_COUNT.search(before, at):
        first = _title(before[: clause.start()], None)
        if len(first.split()) >= 2:
            return first
    if not _PREPOSITION_BEFORE_COUNT.search(before, max(0, len(before) - 12)):
        return None
    folded = fold(before)
    unit_names = tuple(fold(name) for name in (target.unit, target.unit_singular) if name)
    if (
        not _TAKES_PREPOSITION_BEFORE.search(folded, at)
        # "öka antalet narkotikakontroller till 40": the count names them all the same
        and not any(name and name in folded for name in unit_names)
    ):
        cut = _title(before, None)
        if len(cut.split()) >= 2:
            return cut
    return None


# Units that say when an activity is done, not what it is: they name no activity.
# Nor do times and occasions counted with no noun ("(mål: 4/månad)").
_WHEN_UNITS = _set(
    "kvallar natter helger dagar veckor timmar manader kvallspass nattpass ganger tillfallen"
)


def _proposed(
    text: str,
    title: str,
    start: int,
    owner: tuple[str, str, list[str]],
    target: ParsedTarget | None,
    notes: list[str],
) -> ParsedActivity:
    """An activity as proposed, marked for checking when the text names no one responsible."""
    responsible, other, partners = owner
    activity = ParsedActivity(
        text=text,
        title=title,
        responsible=responsible,
        responsible_other=other[:150],
        partners=", ".join(dict.fromkeys(partners))[:300],
        target=target,
        span=TextSpan(start, start + len(text)),
        uncertain=notes,
    )
    if responsible == "unstated":
        activity.uncertain.insert(0, _("The responsible party is not stated in the text"))
    return activity


_NUMBER_WORDS = _set(
    "en ett tva tre fyra fem sex sju atta nio tio elva tolv tretton fjorton femton sexton "
    "sjutton arton nitton tjugo trettio fyrtio femtio hundra"
)
_GOAL_START = re.compile(
    r"(?:att )?(?:oka|minska|forbattra|skapa|starka|motverka|forebygga|hoja|sanka|forhindra"
    r"|bidra|verka for|utveckla|okad|minskad|battre|tryggare|sakrare|farre)\b"
)
_ACTIVITY_START = re.compile(
    r"(?:genomfora|hålla|halla|anordna|arrangera|ordna|erbjuda|delta|informera|utbilda|"
    r"patrullera|fotpatrullera|kontrollera|besoka|bjuda in|ta fram|kartlagga|inratta)\b"
)


# A table of activities, its cells one per line: "Aktivitet", "Ansvarig", "Mål", then the rows.
_TABLE_FIRST = _kw(
    r"^(?:aktivitet(?:er)?|åtgärd(?:er)?|insats(?:er)?|activit(?:y|ies)|actions?"
    # a header asking its questions: "Vad | Vem | Hur ofta | Var"
    r"|vad(?: görs| gör vi| ska göras| ska vi göra)?\s*\??)\s*:?$"
)
# A column named with its year: "Resultat 2025" beside "Mål 2026" (last year's result is no target).
_COLUMN_YEAR = r"(?: (?:för |under )?\d{4}(?:\s*[–-]\s*\d{2,4})?)?"
_TABLE_COLUMNS = (
    (
        "owner",
        _kw(
            r"^(?:huvud)?ansvar(?:ig|iga|ar)?(?: (?:part|aktör|förvaltning|verksamhet"
            r"|organisation|funktion|roll|enhet))?\s*:?$|^vem(?: ansvarar| gör)?\s*\??:?$"
            # a spreadsheet's English-like codes: "Owner", "Resp."
            r"|^(?:owner|responsible|resp\.?)\s*:?$"
        ),
    ),
    (
        "target",
        _kw(
            r"^(?:mål(?:värde|sättning)?|omfattning|antal|frekvens|när|hur ofta|tidplan|tidsplan"
            r"|frekv\.?|freq\.?|frequency|target)"
            rf"{_COLUMN_YEAR}\s*\??:?$"
        ),
    ),
    ("partners", _kw(r"^(?:samverkans|samarbets)?part(?:er|ner|ners)?\s*:?$|^i samverkan med$")),
    # A spreadsheet's unit of time beside its number: "Mål (antal)" 10, "Per" år.
    ("scope", _kw(r"^(?:per|per tidsenhet|tidsenhet|per år/månad)\s*:?$")),
    (
        "other",
        _kw(
            r"^(?:uppföljning|kommentar(?:er)?|status|indikator(?:er)?|resurser|löfte|syfte"
            r"|tidpunkt|tid|period|datum|plats|var|målgrupp|kostnad|budget|resultat|utfall"
            # a planning system's export: "Startdatum", "Slutdatum", "Klart", "Deadline"
            r"|start(?:datum)?|slut(?:datum)?|klart|klar|färdig|deadline|senast ändrad"
            rf"|genomförande|comments?|notes?){_COLUMN_YEAR}\s*:?$"
            # a follow-up's columns of what was done so far: "Utfall jan–apr", "Utfall T1",
            # "Resultat hittills", "Status maj"
            r"|^(?:utfall|resultat|status)(?: (?:hittills|t[1-3]|q[1-4]|kv(?:artal)? ?[1-4]"
            r"|(?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)[a-zé]{0,6}"
            r"(?:\s*[–-]\s*(?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)[a-zé]{0,6})?))"
            r"(?: \d{4})?\s*:?$"
        ),
    ),
)


_COLUMN_NOTE = re.compile(r"\s*\((?:antal|st|stycken|siffra|number|#)\)")


def _column_kind(text: str) -> str | None:
    """The kind of a table's column from its header, "Mål/Indikator" by its first part that
    names one."""
    # "Mål (antal)": the words in brackets say how the column is filled in
    text = _COLUMN_NOTE.sub("", text)
    for part in re.split(r"\s*/\s*|\s+och\s+", text):
        kind = next((kind for kind, rx in _TABLE_COLUMNS if rx.match(part)), None)
        if kind:
            return kind
    return None


_MOST_COLUMNS = 8


def _table(lines: list[_Line], index: int) -> tuple[list[str], int] | None:
    """The columns of a table whose header row starts at lines[index], and its first row.
    A first column of promises ("Löfte", "Aktivitet", "Ansvarig" …) is read too, and columns
    before the activity's own, as a table pasted in another order gives them ("Ansvarig",
    "Aktivitet", "Målvärde"; never a label with its colon, "Mål:")."""
    columns = []
    if (
        _PROMISE_COLUMN.match(lines[index].text.strip())
        and index + 2 < len(lines)
        and _TABLE_FIRST.match(lines[index + 1].text.strip())
        and _column_kind(lines[index + 2].text.strip())
    ):
        columns, index = ["promise"], index + 1
    while not _TABLE_FIRST.match(lines[index].text.strip()):
        text = lines[index].text.strip()
        if (
            "promise" in columns
            or len(columns) >= _LEADING_COLUMNS
            or lines[index].blank
            or text.endswith(":")
            or _column_kind(text) not in {"owner", "target", "partners"}
            or index + 1 >= len(lines)
        ):
            return None
        columns.append(_column_kind(text))
        index += 1
    columns.append("activity")
    position = index + 1
    yearly = False  # a column of targets named by its year, "Mål 2027", was read
    while position < len(lines) and len(columns) < _MOST_COLUMNS:
        text = lines[position].text.strip()
        kind = _column_kind(text)
        if lines[position].blank or kind is None:
            break
        if kind == "target" and _YEAR.search(text):
            # "Mål 2027" beside "Mål 2028": a plan's targets year by year
            kind, yearly = ("next_year" if yearly else kind), True
        columns.append(kind)
        position += 1
    return (columns, position) if len(columns) - ("promise" in columns) >= 2 else None


_LEADING_COLUMNS = 2


def _column_by_column(lines: list[_Line], index: int) -> tuple[list[str], list[_Line], int] | None:
    """A table whose columns a PDF's text gives one after another ("Aktivitet" over its cells,
    then "Ansvarig" over as many, then "Mål" …): its columns, its cells row by row, and the
    index after it; None unless each column has the same number of cells, two or more, and a
    cell wrapped onto a line starting in lower case goes on in it."""
    if not _TABLE_FIRST.match(lines[index].text.strip()):
        return None
    columns: list[str] = ["activity"]
    cells: list[list[_Line]] = [[]]
    position = index + 1
    while position < len(lines) and not lines[position].blank and len(columns) <= 6:
        line = lines[position]
        text = line.text.strip()
        kind = _column_kind(text) if not text.endswith(":") else None
        if kind and kind not in columns and cells[-1]:
            columns.append(kind)
            cells.append([])
        elif text[:1].islower() and cells[-1]:
            return None  # a cell wrapped onto its next line: not read this way
        else:
            cells[-1].append(line)
        position += 1
    counts = {len(column) for column in cells}
    if len(columns) < 2 or len(counts) != 1 or counts.pop() < 2:
        return None
    rows = [column[row] for row in range(len(cells[0])) for column in cells]
    return columns, rows, position


# A table of promises with their activities beside them ("Löfte" | "Aktiviteter"), its cells
# one per line: a promise, then its activities (a list, or one line).
_PROMISE_COLUMN = _kw(r"^(?:(?:medborgar)?löften?|fokusområden?|område|prioriterat område)\s*:?$")


def _promise_table_rows(document: ParsedDocument, lines: list[_Line], index: int) -> int:
    """Read the rows of a promise table from lines[index]: a promise, then its activities (a
    list, or lines that read as activities); the index of the line after the table."""
    promise_index = None
    after_promise = False
    while index < len(lines) and not lines[index].blank:
        line = lines[index]
        text = line.text.strip()
        as_activity = line.bullet or (
            promise_index is not None and (_looks_like_activity(text) or actor_doing(text))
        )
        if not as_activity and not after_promise and _is_heading(lines, index):
            break
        if as_activity:
            activity = _activity(text, line.start, None)
            if promise_index is not None:
                activity.promise_indexes = [promise_index]
            document.activities.append(activity)
        else:
            document.promises.append(
                ParsedPromise(text=_strip_item(text), span=TextSpan(line.start, line.end))
            )
            promise_index = len(document.promises) - 1
        after_promise = not as_activity
        index += 1
    return index


def _lead_line(text: str) -> bool:
    """Whether a line ending with a colon opens a list: "Polisen åtar sig att:", "Aktiviteter:"."""
    return text.endswith(":") and bool(
        _PARTY_HEADING.match(text) or _ACTIVITY_LEAD.search(text) or _PROMISE_LEAD.search(text)
    )


_SCOPE_CELL = re.compile(
    r"(?:(?:per|/) ?)?(?:ar|manad|vecka|dag|dygn|kvartal|termin|tertial|halvar|lasar|perioden)"
)
_SCOPE_WORD = re.compile(r"^(?:per|/)\s*", re.IGNORECASE)


def _table_rows(document: ParsedDocument, lines: list[_Line], columns: list[str], index: int):
    """Read a table's rows as activities (and, in a first column of promises, their
    promises); the index of the line after the table."""
    width = len(columns)
    row_promise = None
    # An owner column first whose cell is empty under a filled one: a group's owner written
    # once, its cell merged over the group's rows (as Excel's and Word's merged cells paste).
    merged_owner = columns[0] == "owner"
    row_owner: _Line | None = None
    while index + width <= len(lines):
        cells = lines[index : index + width]
        if any(cell.blank for cell in cells) or any(len(cell.text) > 300 for cell in cells):
            break
        if _lead_line(cells[0].text.strip()):
            break  # a heading right after the table: "Polisen åtar sig också att:"
        row = {
            kind: cell
            for kind, cell in zip(columns, cells, strict=True)
            if cell.text.strip() != EMPTY_CELL
        }
        owner_cell = row.get("owner")
        if owner_cell and len(owner_cell.text) > 80:
            break
        if merged_owner:
            owner_cell = row_owner = owner_cell or row_owner
        if "activity" not in row:
            index += width  # a row without an activity (its cell empty): nothing to read
            continue
        name = row["activity"]
        text = _strip_item(name.text)
        owner = read_owner(f"Ansvarig: {owner_cell.text}", None) if owner_cell else None
        responsible, other, partners = owner or read_owner(text, None)
        if "partners" in row:
            partners = partners + split_actors(row["partners"].text)
        target, notes = None, []
        if "target" in row:
            cell = row["target"]
            words = cell.text
            if (scope := row.get("scope")) and _SCOPE_CELL.fullmatch(fold(scope.text.strip())):
                # "10" under "Mål (antal)" and "år" under "Per": ten a year
                words = f"{words} per {_SCOPE_WORD.sub('', scope.text.strip())}"
            if "next_year" in columns:
                target, notes = _yearly_target(words, row.get("next_year"), cell.start, text)
            else:
                target, notes = read_target(words, cell.start, listed=True, counted=text)
        elif "target" not in columns:
            # A table with no column for the target (a plan's "Aktivitet | Ansvarig", its
            # months dropped): the activity's own words state it, as a list item's do.
            target, notes = read_target(_without_results(text), name.start, listed=True)
        owner = (responsible, other, partners)
        title = _title(text, None)
        if "target" not in columns:
            title = _activity_title(text, name.start, target)
        activity = _proposed(text, title, name.start, owner, target, notes)
        if promise := row.get("promise"):
            # The promise of this row, or of the rows above when its cell is repeated.
            words = _strip_item(promise.text)
            if not document.promises or document.promises[-1].text != words:
                document.promises.append(
                    ParsedPromise(text=words, span=TextSpan(promise.start, promise.end))
                )
            row_promise = len(document.promises) - 1
        if row_promise is not None:
            # An empty promise cell (a cell Word merged over several rows): the one above.
            activity.promise_indexes = [row_promise]
        document.activities.append(activity)
        index += width
    return index


def _yearly_target(words: str, next_year: _Line | None, start: int, counted: str):
    """The target of a row whose columns give it year by year ("Mål 2027" | "Mål 2028"): per
    year when the last year's cell says what the first's does ("minst 40 kvällar" twice, "10"
    twice), none when they differ ("minst 15" and "minst 20": one target cannot say both)."""
    if next_year and " ".join(fold(next_year.text).split()) != " ".join(fold(words).split()):
        return None, [_("The text states more than one number: check the target")]
    target, notes = read_target(words, start, listed=True, counted=counted)
    if target is None or target.scope == "period":
        yearly, yearly_notes = read_target(f"{words} per år", start, listed=True, counted=counted)
        if yearly and (target is None or yearly.value == target.value):
            target, notes = yearly, yearly_notes
    return target, notes


# A line that is an activity whatever stands around it: "Polisen ska genomföra …".
_ACTOR_SENTENCE = re.compile(
    # (a post's "Vi på polisen kommer också att …", "Flens kommun ser till att …")
    r"(?:(?:vi (?:pa|i|inom) )?(?:polisen|kommunen)|staden|regionen|polisen och kommunen"
    r"|kommunen och polisen|polisen och [\w-]+s? (?:kommun|stad)"
    r"|[\w-]+s? (?:kommun|stad) och polisen"
    r"|[\w-]+s (?:kommun|stad)(?= (?:ska|kommer|ser|satter|genomfor|anordnar|ordnar|erbjuder)\b))"
    # "Polisen i Arvidsjaur ska …", "Kommunen, genom tekniska förvaltningen, kommer att …"
    r"(?: i [\w-]+|, genom [^,]{3,60},)?(?: ocksa| aven| dessutom)?"
    r" (?:ska|skall|kommer (?:ocksa |aven |dessutom )?att|forbinder sig att|atar sig att"
    # "Polisen har för sin del åtagit sig att …", as a report retells what a party promised
    r"|har (?:for sin del |ocksa |aven )?atagit sig att"
    r"|lovar att|genomfor|erbjuder|ser till att|ser over|satter upp|satter (?:ocksa |aven )upp"
    r"|anordnar|haller|arbetar|deltar|ansvarar|bjuder|besoker|patrullerar|fotpatrullerar"
    r"|utbildar|kontrollerar|informerar|infor|startar|sprider|utfor|utokar|organiserar) \w"
    # "Polisen och socialtjänsten håller …", "Kommunens fältassistenter är ute …"
    r"|(?:polisen och [\w-]+|[\w-]+ och polisen|kommunens [\w-]+|polisens [\w-]+)"
    r" (?:ska|skall|kommer att|genomfor|haller|anordnar|besoker|patrullerar|ar ute"
    r"|finns pa plats) \w"
    # "Polisen gör hastighetskontroller vid …": a count of what is done follows
    r"|(?:polisen|kommunen) gor [\w-]+(?:kontroller|insatser|besok|vandringar|patrulleringar)\b"
)


# "Tillsammans ska vi anordna …": both parties' activity, in running text too.
_JOINT_SENTENCE = re.compile(
    # an article's retelling: "Tillsammans ska parterna genomföra …"
    r"(?:(?:tillsammans|gemensamt) (?:ska|skall|kommer) (?:att )?(?:vi|parterna)"
    r"|vi (?:ska|skall|kommer att) (?:tillsammans|gemensamt)"
    # "Tillsammans genomför polisen och kommunen trygghetsvandringar …"
    r"|(?:tillsammans|gemensamt) (?:genomfor|haller|anordnar|ordnar|gor|bjuder"
    # "Gemensamt ska polisen och kommunen genomföra …", as a report retells the promise
    r"|ska|skall|kommer att)"
    r" (?:polisen och kommunen|kommunen och polisen|vi)) \w"
)
# A quotation on a news page: "– Vi vill att alla ska känna sig trygga, säger kommunpolisen."
# The speaker may be named with a title: "…, säger Anna Ek (S), kommunstyrelsens ordförande."
_QUOTATION = re.compile(
    r", (?:sager|berattar|menar|konstaterar) [^,.]{2,80}(?:, [^,.]{2,100})?[.!]?$"
)
# What the parties have agreed on, told in the perfect tense: the agreement, no activity ("Polisen
# … och Värnamo kommun har kommit överens om ett medborgarlöfte …").
_PREFACE = re.compile(
    r"[^.]{0,160}\b(?:har|hade) (?:kommit overens|tecknat|tagit fram|enats|undertecknat"
    r"|skrivit under)\b"
)
# A promise written as the rest of its party's "lovar" heading, among that party's items.
_PROMISE_IN_LIST = re.compile(r"att (?:arbeta (?:for|med)|verka for|minska|oka|skapa)\b")
# An invitation to get in touch, as a letter to residents ends: "Har du frågor eller tankar? Hör
# av dig till kommunpolisen …", "Vill du veta mer? Kontakta …".
_CONTACT = re.compile(
    r"(?:(?:har du|har ni) (?:fragor|synpunkter|tankar|ideer)|vill (?:du|ni) veta mer"
    r"|kontakta (?:oss|garna)|hor (?:garna )?av (?:dig|er))\b"
    # a contact line or a news item's source: "Kontakt: kommunpolis …", "Källa: Polisen …"
    r"|(?:kontakt(?:uppgifter|personer|person)?|kalla) ?:"
    # a postal address: "Vellinge kommun, Norrevångsgatan 3, 235 81 Vellinge."
    r"|[^,]{2,60}, (?:[^,]{2,40}, )?\d{3} \d{2} [a-z]"
)
# A document's furniture under a heading such as "HANDLINGSPLAN" over its title: its reference
# ("Dnr FA-2025/0871"), its title ("Medborgarlöfte Farsta 2026") and its legend ("Förkortningar
# i planen: SDF = …"), no activity.
_FURNITURE = re.compile(
    r"(?:dnr|diarienummer|diarienr|forkortningar)\b"
    r"|(?:medborgarloften?|handlingsplan)(?: [\w-]+){0,3} \d{4}(?: ?[-–] ?\d{2,4})?$"
    # "Medborgarlöfte Hällefors" under "ÅRSPLAN 2026": the title without its year
    r"|medborgarloften?(?: [\w-]+){1,2}$"
)
# An outcome to measure, no activity: "Andelen som känner sig trygga ska öka till 75 %".
_OUTCOME = re.compile(
    r"(?:(?:malet|mal|effektmal|kpi)\s*: )?(?:andelen|antalet|andel|antal)\b[^.]{0,120}?"
    r"\b(?:ska|skall|bor) (?:oka|minska|sjunka|stiga|halveras|forbattras)\b"
)
# A paragraph about the activities below, no promise: "Aktiviteterna är formulerade enligt …",
# "Nedan beskrivs …".
_ABOUT_ACTIVITIES = re.compile(
    r"(?:aktiviteterna(?: nedan)? (?:ar|har|beskrivs|foljer|redovisas|listas|\w+s)"
    # "Varje aktivitet har en kontaktperson som …": what each activity below comes with
    r"|(?:varje|alla) (?:aktivitet|aktiviteter|insats|insatser) (?:har|ska ha|far)"
    r"|nedan (?:foljer|beskrivs|listas|redovisas))\b"
)
# A sentence giving the promise's validity: "Löftet gäller från 1 januari till 31 december 2026."
_VALIDITY = re.compile(
    r"(?:(?:medborgar)?loftet|loftena|det|overenskommelsen) (?:galler|ar giltigt|loper)\b"
)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
# A remark in brackets, a line of its own under a heading of activities: "(Veckorna är
# preliminära och kan flyttas om något oförutsett inträffar.)"
_REMARK = re.compile(r"\([^()]{3,300}\)")
# Running text no longer than this is one activity (a sentence or two).
_LONGEST_SENTENCE = 400


# A sentence listing what a party will do, its clauses set apart by semicolons: "För att nå
# dit kommer polisen att genomföra …; patrullera …; och delta i …." Each clause is an
# activity of the party the sentence names (as its subject, or after "kommer").
_ENUMERATION_LEAD = re.compile(
    r"\b(?:kommer (?:(?P<who>[a-z-]+(?: och [a-z-]+)?) )?att|ska|skall|atar sig att)\s+"
    r"(?=[a-z])"
)
_ENUMERATION_AND = re.compile(r"(?:och|samt) ")
_FEWEST_CLAUSE_WORDS = 3


# A sentence numbering its clauses inline, as a decision or a memo writes them: "Polisen åtar
# sig att (1) genomföra …, (2) fotpatrullera …, samt (3) besöka …", "LK och LPO ska gemensamt
# 1) … och 2) …": the lead, then each clause after its number, in order from one (or "a").
_NUMBERED_LEAD = re.compile(
    r"\b(?:kommer (?:(?P<who>[a-z-]+(?: och [a-z-]+)?) )?att|(?:ska|skall)(?: (?:gemensamt"
    r"|tillsammans|for sin del|ocksa|aven))?|(?:har )?(?:atar|atagit) sig(?: for sin del)? att"
    r"|forbinder sig att|lovar att)\s+(?=\(?(?:1|a)\)\s)"
)
_CLAUSE_NUMBER = re.compile(r"(?:(?<=\s)|^)\(?(\d{1,2}|[a-h])\)\s+(?=\S)")
_LAST_CLAUSE_END = re.compile(r"[.!?](?=\s+[A-ZÅÄÖ]|\s*$)")
_CLAUSE_JOIN = re.compile(r"(?:[,;]\s*)?(?:\b(?:och|samt)\s*)?$")


def _numbered_clauses(text: str, start: int, party: str | None = None) -> list[ParsedActivity]:
    """The activities of a sentence numbering its clauses inline (two or more), each its
    party's (a clause ending with its own owner in brackets, "(KP)", that one's); [] when the
    sentence is none."""
    folded = fold(text)
    lead = _NUMBERED_LEAD.search(folded)
    if lead is None:
        return []
    owner = read_owner(text[: lead.start()] or text, None)[0]
    if lead.group("who") and (kind := actor_kind(lead.group("who"))):
        owner = kind  # "… kommer polisen att (1) …"
    if owner not in ("police", "municipality", "joint"):
        if party is None:
            return []
        owner = party  # under the party's heading: "Polisens åtaganden"
    numbers = []
    expected = None
    for match in _CLAUSE_NUMBER.finditer(folded, lead.end()):
        label = match.group(1)
        if expected is None:
            expected = label
        if label != expected:
            continue  # "(2)" inside a clause before its turn, "ett (1) möte": no number
        numbers.append(match)
        expected = str(int(label) + 1) if label.isdigit() else chr(ord(label) + 1)
    if len(numbers) < 2:
        return []
    activities = []
    for number, following in zip(numbers, [*numbers[1:], None], strict=False):
        if following:
            end = following.start()
        else:  # the last clause ends with its sentence ("ca 2 ggr/mån (KP)."; not "min. 15")
            stop = _LAST_CLAUSE_END.search(text, number.end())
            end = stop.end() if stop else len(text)
        clause = text[number.end() : end]
        clause = clause[: _CLAUSE_JOIN.search(clause).start()].rstrip().rstrip(".")
        if len(clause.split()) < _FEWEST_CLAUSE_WORDS:
            return []
        activities.append(_activity(clause, start + number.end(), owner))
    return activities


def _enumerated(text: str, start: int) -> list[ParsedActivity]:
    """The activities of a sentence enumerating a party's clauses, [] when it is none."""
    folded = fold(text)
    if ")" in text and (numbered := _numbered_clauses(text, start)):
        return numbered
    first = folded.find("; ")
    lead = _ENUMERATION_LEAD.search(folded, 0, first) if first > 0 else None
    if lead is None:
        return []
    owner = read_owner(text, None)[0]
    if lead.group("who") and (kind := actor_kind(lead.group("who"))):
        owner = kind  # "… kommer polisen att …"
    if owner not in ("police", "municipality", "joint"):
        return []
    clauses = []
    at = lead.end()
    for end in [*(m.start() for m in re.finditer("; ", folded)), len(text)]:
        if end < at:
            continue
        if joined := _ENUMERATION_AND.match(folded, at):
            at = joined.end()
        clause = text[at:end].strip().rstrip(".")
        if len(clause.split()) < _FEWEST_CLAUSE_WORDS or not clause[:1].islower():
            return []
        clauses.append((start + at, clause))
        at = end + 2
    if len(clauses) < 2:
        return []
    return [_activity(clause, at, owner) for at, clause in clauses]


# A sentence of running text joining two activities with "och": "Vi på polisen kommer också
# att finnas på plats …, och kommunpolisen besöker …", "Flens kommun ser till att … och ordnar
# fyra föräldraträffar …", "Tillsammans gör vi …, och vi träffar er …". A clause after "och"
# opening with one who acts ("vi", a party, an actor) and a verb in the present, or with an
# activity verb of the sentence's own subject (three words or more before it), is an activity
# of its own; its owner the first clause's when it names none.
_AND_AT = re.compile(r",? och (?=[a-z])")
# A verb in the infinitive after "och att", folded: "fotpatrullera", "genomfora" (not "andra",
# "flera", "dessa", "vissa": pronouns and adjectives ending in "a").
_INFINITIVE = re.compile(r"(?!(?:andra|flera|dessa|vissa|hela|sina|bada)$)[a-z]{4,}a")
_FEWEST_WORDS_BEFORE_AND = 4


def _coordinated(text: str, start: int, party: str | None = None) -> list[ParsedActivity]:
    """The activities of a sentence joining two or more with "och", [] when it is one.
    `party`: whose the first clause is when it names no one."""
    end = _sentence_end(text)
    folded = fold(text[:end])
    cuts = []
    for match in _AND_AT.finditer(folded):
        words = folded[match.end() :].split()[:3]
        before = folded[cuts[-1][1] if cuts else 0 : match.start()].split()
        if len(words) < 3 or len(before) < _FEWEST_WORDS_BEFORE_AND:
            continue
        subject = words[0] == "vi" or actor_kind(words[0]) in {"police", "municipality"}
        if subject and (words[1] in ACTIVITY_VERBS or PRESENT_VERB.fullmatch(words[1])):
            cuts.append((match.start(), match.end(), True))
        elif words[0] == "att" and _INFINITIVE.fullmatch(words[1]):
            # "… åtagit sig att genomföra … och att fotpatrullera …": the clause after "att"
            cuts.append((match.start(), match.end() + len("att "), False))
        elif words[0] in ACTIVITY_VERBS and (
            words[0] != "finns" and not folded[: match.start()].endswith((" och", " samt"))
        ):
            cuts.append((match.start(), match.end(), False))
    if not cuts:
        return []
    first = text[: cuts[0][0]].strip()
    if len(first.split()) < _FEWEST_CLAUSE_WORDS:
        return []
    activities = [_activity(first, start, party)]
    for number, (_cut, after, named) in enumerate(cuts):
        until = cuts[number + 1][0] if number + 1 < len(cuts) else len(text)
        clause = text[after:until].strip().rstrip(".")
        owner = None
        if not named or clause.split()[0].lower() == "vi":
            owner = activities[0].responsible
        activities.append(_activity(clause, start + after, owner))
    return activities


def _sentence_activity(line: _Line) -> bool:
    """A line of running text that is an activity: a party's ("Polisen ska genomföra …",
    "Tillsammans ska vi …"), or another actor's with a target ("Räddningstjänsten genomför minst
    sex informationsinsatser per år")."""
    return _activity_sentence(line.text, line.folded)


# How often a routine is done, without a count: "varje fredagskväll", "varannan vecka".
_ROUTINE = re.compile(r"\b(?:varje|varannan|varannat|var fjortonde|dagligen|veckovis|manadsvis)\b")


def _routine_sentence(line: _Line) -> bool:
    """A sentence standing after a list of activities in which another actor says how often it
    does something, with no count: "Föreningen Nattvandrarna i Partille går i centrum varje
    fredagskväll." (one with a count is an activity by `_sentence_activity`)."""
    text = line.text.strip()
    if len(text) > _LONGEST_SENTENCE or _sentence_end(text) < len(text) - 1:
        return False  # a paragraph, not one sentence
    if text.endswith((":", "?")) or _QUOTATION.search(line.folded):
        return False
    return bool(_ROUTINE.search(line.folded)) and read_owner(text, None)[0] == "other"


# A sentence opening with its place in a sequence, its subject after the verb: "För det
# första kommer polisen att …", "För det tredje ska vi tillsammans …", "Till sist kommer polisen
# och kommunen att …".
_SEQUENCED_SENTENCE = re.compile(
    r"(?:for det (?:forsta|andra|tredje|fjarde|femte|sjatte|sjunde)|till sist|slutligen"
    r"|forst och framst|darefter|vidare),? (?:kommer|ska|skall) (?:vi (?:tillsammans|gemensamt)"
    r"|polisen och kommunen|kommunen och polisen|polisen|kommunen|staden)"
    r"(?: (?:ocksa|aven|dessutom))?(?: att)? \w"
)


def _activity_sentence(text: str, folded: str) -> bool:
    if len(text) > _LONGEST_SENTENCE or _QUOTATION.search(folded):
        return False
    if _READER_INVITATION.match(folded):
        return False  # "Du som vill … kan kontakta …": the reader is asked, nothing is done
    if re.search(r"\bfoljande\W*$|:\s*$", folded):
        return False  # a lead: "Polisen och kommunen lovar att arbeta med följande."
    if (
        _ACTOR_SENTENCE.match(folded)
        or _JOINT_SENTENCE.match(folded)
        or _SEQUENCED_SENTENCE.match(folded)
    ):
        return True
    if read_owner(text, None)[0] != "other":
        return False
    target, _notes = read_target(text, structure=True)
    return target is not None


# A sentence of speech opening with a conjunction: "Och kommunpolisen kommer att besöka …".
_OPENING_CONJUNCTION = re.compile(r"(?:och|men|dessutom|sedan|ja|jo|nej),? (?=\w)")
# The lines of a paragraph wrapped where the writer's editor wrapped them: a line ending inside
# a sentence (no full stop, colon …) goes on on the next.
_SENTENCE_GOES_ON = re.compile(r"[\w,–-]$")
_SHORTEST_PARAGRAPH_LINE = 25


def _wrapped_paragraphs(lines: list[_Line]) -> list[int]:
    """For each line, the index after the paragraph of running text from it when its lines are
    wrapped inside its sentences (two lines or more, each but the last long, one of them
    ending inside a sentence), else 0. Worked out from the last line up, in one pass."""
    ends = [0] * len(lines)
    following, long_lines, goes_on = len(lines), True, False
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index]
        if line.blank or line.bullet:
            following, long_lines, goes_on = index, True, False
            continue
        if index + 1 < following:  # a line with another of its paragraph under it
            long_lines = long_lines and len(line.text) >= _SHORTEST_PARAGRAPH_LINE
            goes_on = goes_on or bool(_SENTENCE_GOES_ON.search(line.text.rstrip()))
        if following - index >= 2 and long_lines and goes_on:
            ends[index] = following
    return ends


def _paragraph_activities(text: str, start: int, party: str | None = None) -> list[ParsedActivity]:
    """The activities of a paragraph of running text, a sentence each (as a speech gives
    them: "Polisen kommer att genomföra tjugofem … Och kommunpolisen kommer att besöka …"). A
    sentence with no one named ("Vi sätter upp …", "Våra fältassistenter kommer att …") after
    the paragraph's first, whose subject is a party ("Kommunen tar sitt ansvar."), is that
    party's. `party`: whose the sentences naming no one are, when what stands around the text
    says it (a transcript's question or speaker)."""
    sentences = [(match.start(), match.group().rstrip()) for match in _SENTENCE.finditer(text)]
    if not sentences:
        return []
    first = sentences[0][1]
    if party is None and (
        actor_doing(first)
        or _ACTOR_SENTENCE.match(fold(first))
        or _JOINT_SENTENCE.match(fold(first))
    ):
        party = read_owner(first, None)[0]
        party = party if party in {"police", "municipality", "joint"} else None
    activities: list[ParsedActivity] = []
    joint_before = False  # whether the sentence before was a joint activity ("Tillsammans …")
    for at, words in sentences:
        folded = fold(words)
        opening = _OPENING_CONJUNCTION.match(folded)
        core = folded[opening.end() :] if opening else folded
        core_text = words[len(folded) - len(core) :]
        joint_after, joint_before = joint_before, False
        if _PROMISE_SENTENCE.search(core[:_PROMISE_SENTENCE_REACH]) or _PREFACE.match(core):
            continue  # "Vi lovar att arbeta för …": the promise, no activity
        if _activity_sentence(core_text, core):
            found = _enumerated(words, start + at) or _coordinated(words, start + at)
            activities += found or [_activity(words, start + at, party)]
            joint_before = bool(_JOINT_SENTENCE.match(core)) and activities[-1].responsible == (
                "joint"
            )
            continue
        # "Tillsammans genomför vi tre trygghetsvandringar. Vi bjuder också in …": the same "vi".
        said = "joint" if joint_after and _WE_ALSO.match(core) else party
        if _QUOTATION.search(core) or not (_FUTURE.match(core) or said and _WE_DO.match(core)):
            continue
        owner = read_owner(core_text, None)[0]
        if owner in {"police", "municipality", "joint"} or said and owner == "unstated":
            # "Och kommunpolisen kommer att besöka …", "Våra fältassistenter kommer att …",
            # "Ja, vi genomför två trygghetsvandringar …, och vi bjuder in …"
            activities += _coordinated(words, start + at, said) or [
                _activity(words, start + at, said)
            ]
    return activities


# A sentence going on with the "vi" of the one before: "Vi bjuder också in …", "Vi ska även …".
_WE_ALSO = re.compile(
    r"vi (?:[a-z]{2,}(?:ar|er|or|ir|ur)|ska|skall|kommer) (?:ocksa|aven|dessutom)\b"
)


# A sentence saying what someone will do: its subject (a few words), then "kommer att" or "ska".
_FUTURE = re.compile(r"(?:[\w-]+ ){1,4}(?:kommer (?:ocksa |aven |dessutom )?att|ska|skall) \w")


def _looks_like_activity(text: str) -> bool:
    folded = fold(text)
    if _QUOTATION.search(folded) or _OUTCOME.match(folded) or _READER_INVITATION.match(folded):
        return False
    if folded.rstrip().endswith("?"):
        return False  # a question ("1. Vilka åtgärder kommer kommunen att vidta …?")
    if (
        owner_in_front(text)
        or OWNER_LABEL.search(folded)
        or OWNER_PARENTHESIS.search(folded)
        or owner_after_dash(text)
        or owner_before_arrow(text)
        or owner_before_colon(text)
        or cleft_owner(folded)
    ):
        # an item that names who does it: "…, Ansvarig: Polisen", "… (Kommunen)", "… – Polisen"
        return True
    if actor_doing(text):
        return True  # "Socialtjänsten och polisen håller SSPF-möten varje vecka."
    if _JOINT_SENTENCE.match(folded):
        return True  # "Tillsammans gör vi två trygghetsvandringar …"
    if MODAL.search(folded[:100]) and not _GOAL_START.match(folded):
        return True
    if _ACTIVITY_START.match(folded):
        return True
    target, _notes = read_target(text, structure=True)
    return target is not None and target.comparator != "count"


def _items(lines: list[_Line], index: int) -> tuple[list[tuple[int, int, str]], int]:
    """The items of a section starting at lines[index]: (start, end, text), next line index."""
    items: list[tuple[int, int, list[str]]] = []
    bullets_seen = False
    position = index
    previous_blank = False
    while position < len(lines):
        line = lines[position]
        if line.blank:
            previous_blank = True
            position += 1
            continue
        if (not line.bullet or _party_lead(line)) and _is_heading(lines, position):
            break
        if line.bullet:
            bullets_seen = True
            items.append((line.start, line.end, [line.text]))
        elif bullets_seen and previous_blank:
            break
        elif (
            items
            and not previous_blank
            and not _after_details(items[-1][2][-1], line.text)
            and not _CONTACT.match(line.folded)  # "Källa: Polisen och Arboga kommun"
            # "• … fyra möten per år." + "Att arbeta för säkrare trafik …": the next promise
            and not (_PROMISE_IN_LIST.match(line.folded) and re.search(r"[.!?]$", items[-1][2][-1]))
            and (
                line.text[:1].islower()
                # "Polisen ska kontrollera …" + "Polisen ska göra det 10 gånger varje år."
                or _restates(items[-1][2][-1], line.text)
                or line.text[:1].isdigit()
                # "… fredagskvällar. Ansvar:" + "Socialtjänsten. Tid: Löpande.": the item's labels
                or _DETAIL_LABEL.match(line.text)
                or _DETAIL_AT_END.search(items[-1][2][-1])
                or not (
                    re.search(r"[.!?:;)]$", _untagged(items[-1][2][-1]))
                    or owner_after_dash(items[-1][2][-1])
                    or _ended_by_writer(items[-1][2][-1], line.text)
                )
                or bullets_seen
            )
        ):
            start, _end, parts = items[-1]
            parts.append(line.text)
            items[-1] = (start, line.end, parts)
        else:
            items.append((line.start, line.end, [line.text]))
        previous_blank = False
        position += 1
    return [(start, end, " ".join(parts)) for start, end, parts in items], position


# A sentence saying how often or how much the one above is done, as an easy-to-read text
# writes it: it refers back ("Polisen ska göra det …", "Det ska bli minst 4 träffar …") or
# repeats the subject and verb above with a number ("Vi ska träffas en gång varje månad").
_REFERS_BACK = re.compile(
    r"(?:(?:det|detta) (?:ska|skall|kommer att) (?:bli|ske|goras|vara)"
    r"|(?:[\w-]+ ){1,2}(?:ska|skall|kommer att) (?:gora|gor) det"
    # the goal of the sentence above: "Målet är minst 16 helger …", "Målsättningen är ett
    # besök i månaden", "Målet är att värdarna är på plats fyra kvällar i veckan"
    r"|(?:malet|malsattningen|ambitionen|malvardet)(?: for (?:\w+ )?(?:aktiviteten|insatsen"
    r"|arbetet))? ar)\b"
)


def _restates(previous: str, text: str) -> bool:
    folded = fold(text)
    if _REFERS_BACK.match(folded):
        return True
    words, above = folded.split(), fold(previous).split()
    return (
        len(words) > 3
        and words[:3] == above[:3]
        and bool(MODAL.match(words[1]))
        and read_target(text, structure=True)[0] is not None
    )


def _after_details(previous: str, text: str) -> bool:
    """Whether a line starts a new item after the detail line ending the one above ("Ansvar:
    Polisen | Mål: … | När: skolterminerna", then the next activity's title), however long
    that line is: it starts with a capital and no label, and the line above left no label's
    value to it."""
    return (
        bool(_DETAIL_LABEL.match(previous))
        and not _DETAIL_AT_END.search(previous)
        and text[:1].isupper()
        and not _DETAIL_LABEL.match(text)
    )


# A line a PDF wrapped is long: one shorter, before a capital, ended where its writer ended it.
_SHORTEST_WRAPPED = 60


def _ended_by_writer(text: str, following: str) -> bool:
    """Whether a line without a full stop is a whole item all the same: short, and the next
    line starts with a capital ("Krogkontroller i Hemavan – minst 6 per säsong" over
    "Trafikkontroller på E12 – …", as a slide lists them)."""
    return len(text) < _SHORTEST_WRAPPED and following[:1].isupper()


# The labels an item may carry after its text: "Ansvar: Polisen. Tid: Hösten 2026."
_DETAIL_WORDS = (
    r"(?:(?:huvud)?ansvar(?:ig)?(?: (?:funktion|roll|enhet))?|vem|tid(?:plan)?|när"
    # "Mätbart mål: minst tjugofem insatser under löftesperioden"
    r"|(?:mätbart )?mål(?:värde)?|frekvens|indikator"
    # English labels: "Owner: Polisen", "Frequency: 2/månad", "Deadline: Q2 2026"
    r"|owner|frequency|deadline|omfattning|ansv\."
    # what was done last year, beside the target: "Genomfört 2025: 21 kontroller" ("Genomf
    # ört" as a PDF may space a word before a letter with diacritics)
    r"|genomf ?ört(?: \d{4})?|utfall(?: \d{4})?|resultat(?: \d{4})?)\s*:"
)
_RESULT_LABEL = _kw(r"(?:^|\s)(?:genomf ?ört|utfall|resultat)(?: \d{4})?\s*:")
_DETAIL_LABEL = _kw(rf"^{_DETAIL_WORDS}")
_DETAIL_IN_TEXT = _kw(rf"\s{_DETAIL_WORDS}")
_DETAIL_AT_END = _kw(rf"(?:^|\s){_DETAIL_WORDS}$")


# A message's words over the list it sends (a text message's, a chat's): a greeting or an answer
# before them ("Hej Lena!", "Absolut!", "Bra! Och …") and a question after them ("…, kan du
# lägga in dem?") head nothing; what is left names the party whose items follow: "Kommunens del
# blir så här:", "Här är polisens punkter till medborgarlöftet …", "Och gemensamt:".
_LONGEST_MESSAGE_LEAD = 200
_MESSAGE_OPENING = re.compile(r"(?:[^\s.!?:][^.!?:]{0,29}[!.]\s+)+")
_PARTY_ITEMS = _kw(
    r"(?:här (?:är|kommer) )?(?P<party>polisens|kommunens|stadens|regionens|våra gemensamma)"
    r" (?:punkter|del|delar|förslag|aktiviteter|åtaganden|insatser)\b"
)
# The party named last, where the writer puts what follows: "Och gemensamt tänkte jag:", "Bra
# idé, jag lägger till det under kommunen:".
_PARTY_LAST = _kw(
    r"(?:^|.*\bunder )(?P<party>polisen|kommunen|staden|regionen|gemensamt|tillsammans)"
    r"(?: (?:tänkte|föreslår|skulle|tycker|skriver) (?:jag|vi)(?: så här)?)?\s*:$"
)


def _message_lead(lines: list[_Line], index: int) -> str | None:
    """The party heading a message's line over a list stands for ("Polisens aktiviteter",
    "gemensamt"), or None."""
    text = lines[index].text.strip()
    if lines[index].bullet or text[-1:] not in ":?" or len(text) > _LONGEST_MESSAGE_LEAD:
        return None
    following = index + 1
    while following < len(lines) and lines[following].blank:
        following += 1
    if following == len(lines) or not lines[following].bullet:
        return None
    opening = _MESSAGE_OPENING.match(text)
    words = text[opening.end() if opening else 0 :]
    words = re.sub(r"^(?:och|Och) ", "", words)
    if party := _PARTY_ITEMS.match(words):
        name = fold(party.group("party"))
        return "gemensamt" if name == "vara gemensamma" else f"{name} aktiviteter"
    if party := _PARTY_LAST.match(words):
        return f"{party.group('party')}:"  # the party's heading: "kommunen:", "gemensamt:"
    if opening and _party_heading(words):
        return words
    return None


def _party_heading(text: str) -> re.Match | None:
    """A party heading, also as a scan gives it ("Po1isen kommer att:", "PoIisen ska:")."""
    return _PARTY_HEADING.match(text) or _PARTY_HEADING.match(fold(text))


def _is_heading(lines: list[_Line], index: int) -> bool:
    folded_text = lines[index].text.strip()
    if len(folded_text) > _LONGEST_HEADING:
        return False
    return bool(
        _PROMISE_LEAD.search(folded_text)
        or _PARTY_PROMISE.match(folded_text)
        or _WHO_PROMISES.match(fold(folded_text))
        or _ACTIVITY_LEAD.search(folded_text)
        or _party_heading(folded_text)
        or lines[index].titled
        or _named_party(lines, index) is not None
        or _owner_heading(lines, index) is not None
        or _OTHER_HEADING.match(folded_text)
        or _PERIOD_HEADING.match(folded_text)
        or _focus(folded_text) is not None
        or _table(lines, index) is not None
        or _column_by_column(lines, index) is not None
        or _starts_block(lines, index)
        or _generic_heading(lines, index)
        or _titled_section(lines, index)
        or _AUDIENCE_HEADING.match(folded_text)
    )


def _titled_section(lines: list[_Line], index: int) -> bool:
    """Whether lines[index] is a title right over the sentences of its activities ("Tryggare
    utemiljö i Hovsjö", then "Polisen genomför minst 10 fotpatruller …"): a promise, as a
    "Fokusområde 1: …" line is."""
    line = lines[index]
    text = line.text.strip()
    if line.bullet or line.blank or not text or len(text) > 80 or len(text.split()) > 10:
        return False
    if _untagged(text)[-1] in ".,;:!?" or not text[0].isupper():
        return False
    if MODAL.search(line.folded) or line.folded.split()[-1] in _TRAILING:
        return False  # a sentence a PDF wrapped: "… kommer att följas upp och presenteras på"
    if line.folded.startswith("medborgarlofte"):
        return False  # the document's title
    if line.folded.startswith(("polisregion", "polismyndigheten")):
        return False  # the sender named in a letterhead: "Polisregion Nord"
    following = lines[index + 1] if index + 1 < len(lines) else None
    if (
        following is not None
        and following.blank
        and (index == 0 or lines[index - 1].blank)
        and index + 2 < len(lines)
        and not re.search(r"[\d:]|lofte", line.folded)
    ):
        # a heading standing alone over a paragraph of what a party does: "Tryggare Hageby
        # centrum", a blank line, "Polisen kommer att vara synlig …" (not a headline over a
        # news item's lead, nor "Giltighet: …")
        following = lines[index + 2]
        return (
            not following.bullet
            and _sentence_activity(following)
            and not _promising(following, text)
            and _titled(text)
        )
    if following is None or following.blank or following.bullet:
        return False
    return (
        _titled(text)
        and (_sentence_activity(following) or actor_doing(following.text))
        and not _promising(following, text)
    )


def _promising(line: _Line, title: str) -> bool:
    """Whether a line opens with the promise's sentence ("Polisen och Hagfors kommun lovar att
    arbeta för …") under a slogan, which is no promise of its own ("Tillsammans för ett
    tryggare Hagfors"); a place's name over it heads it ("Fagersta", "Norberg")."""
    return bool(
        _PROMISE_SENTENCE.search(line.folded[:_PROMISE_SENTENCE_REACH])
        and not _PLACE_TITLE.fullmatch(title)
    )


def _titled(text: str) -> bool:
    """Whether a short line may be a promise's title (no other heading, no target)."""
    if any(
        pattern.search(text)
        for pattern in (_PARTY_HEADING, _ACTIVITY_LEAD, _PROMISE_LEAD, _OTHER_HEADING)
    ):
        return False
    return not _own_target(text)


def _own_target(text: str) -> bool:
    """Whether a short line states a target, so is an activity and no heading:
    "Trygghetsvandringar i centrum, Mål: 4 per år" ("Tre fokusområden" counts nothing per
    year)."""
    if _DETAIL_IN_TEXT.search(text):
        return True
    target = read_target(text, listed=True, structure=True)[0]
    return target is not None and (target.comparator != "count" or target.scope != "period")


def _starts_block(lines: list[_Line], index: int) -> bool:
    """Whether lines[index] heads a block of labelled lines ("Aktivitet: …", "Ansvar: …"), or
    is a title over its description and an "Ansvarig:" line."""
    following = lines[index + 1] if index + 1 < len(lines) else None
    return (
        bool(
            _BLOCK_HEADING.match(lines[index].text.strip())
            and following is not None
            and _block_label(following)
        )
        or _bare_heading(lines, index)
        or _numbered_over_sentence(lines, index) is not None
        or _described_title(lines, index) is not None
        or _titled_labels(lines, index)
    )


def _bare_heading(lines: list[_Line], index: int) -> bool:
    """Whether lines[index] is a form's numbered heading alone ("Aktivitet 1") right over its
    block's description ("Beskrivning: …"), the activity's title to be read from that."""
    if index + 1 >= len(lines) or not _NUMBERED_BLOCK.match(lines[index].text.strip()):
        return False
    label = _block_label(lines[index + 1])
    return bool(label and label[0] == "what")


def _numbered_over_sentence(lines: list[_Line], index: int) -> int | None:
    """The index after the sentence right under a numbered heading alone ("Aktivitet 1" over
    "Polisen genomför minst 20 trafikkontroller …", as a consultation's reply quotes the
    proposal), a blank line or the end after it; None for any other line."""
    if not _NUMBERED_BLOCK.match(lines[index].text.strip()):
        return None
    end = index + 1
    while end < len(lines) and not lines[end].blank and end - index <= 3:
        if lines[end].bullet or _block_label(lines[end]):
            return None
        end += 1
    last = lines[end - 1].text.rstrip()
    if end == index + 1 or end - index > 3 or not last.endswith((".", "!")):
        return None
    return end


def _titled_labels(lines: list[_Line], index: int) -> bool:
    """Whether lines[index] is a card's title right over its labelled lines, a description
    ("Vad: …") first and its owner ("Vem: …") among them: "Trafikkontroller på Kungsgatan",
    "Vad: Kontroller av …", "Vem: Polisen", "Hur ofta: Minst två gånger i månaden", as a web
    page's cards read when copied (`clean` puts a label alone on its line before its value)."""
    line = lines[index]
    text = line.text.strip()
    if line.bullet or line.blank or not text[:1].isupper() or text[-1] in ".,;:!?":
        return False
    if len(text) > 80 or len(text.split()) > 10 or _block_label(line) or MODAL.search(line.folded):
        return False
    if _focus(text) is not None or index + 1 >= len(lines):
        return False
    label = _block_label(lines[index + 1])
    if not label or label[0] != "what":
        return False
    kinds = set()
    position = index + 1
    while position < len(lines) and (label := _block_label(lines[position])):
        kinds.add(label[0])
        position += 1
    return "owner" in kinds


# How many lines of description a titled block may have before its "Ansvarig:" line.
_LONGEST_DESCRIPTION = 4


def _described_title(lines: list[_Line], index: int) -> int | None:
    """Where the labels start when lines[index] is an activity's title over a description of a
    few lines and its owner ("Trygghetsvandringar", "Fyra trygghetsvandringar med boende.",
    "Ansvarig: Polisen och kommunen", as a web page writes each activity); else None."""
    line = lines[index]
    text = line.text.strip()
    if line.bullet or line.blank or not text[:1].isupper() or text[-1] in ".,;:!?":
        return None
    named = _OWNER_IN_TITLE.search(text)
    title = text[: named.start()].rstrip() if named else text
    if (
        len(title) > 80
        or len(title.split()) > 10
        or _block_label(line)
        or MODAL.search(line.folded)
    ):
        return None
    if _focus(text) is not None:
        return None  # "Löfte 1: Tryggare centrum" over "Det här gör vi:": a promise
    position = index + 1
    while (
        position < len(lines)
        and position - index <= _LONGEST_DESCRIPTION
        and not (lines[position].blank or lines[position].bullet or _block_label(lines[position]))
    ):
        if lines[position].text.rstrip().endswith(":"):
            return None  # a heading ("Det här gör vi:") is no description
        if _BLOCK_HEADING.match(lines[position].text.strip()):
            return None  # "Aktiviteter" over "Aktivitet 1: …", a block of its own
        position += 1
    if position == index + 1:
        return None
    if (
        named
        and ":" not in title
        and (position >= len(lines) or not lines[position].bullet)
        # lines each naming their owner last are items of their own, no description
        and not any(
            _OWNER_IN_TITLE.search(line.text.strip()) for line in lines[index + 1 : position]
        )
    ):
        # "Trygghetsvandringar (polisen och kommunen tillsammans)" over what is done and,
        # perhaps, "Datum: …": the owner is the title's
        return position
    if position >= len(lines):
        return None
    label = _block_label(lines[position])
    return position if label and label[0] == "owner" else None


# A title naming its owner in brackets at its end: "Föräldravandringar (kommunen)".
_OWNER_IN_TITLE = _kw(
    r"\((?:polisen|kommunen|staden|regionen|gemensamt|tillsammans|kommunpolisen"
    r"|polisen och kommunen|kommunen och polisen)(?: tillsammans| gemensamt)?\)$"
)
# A day as a list of dates gives it: "17 mars", "14/1", "2026-03-17".
_LISTED_DATE = re.compile(
    rf"\b(?:\d{{1,2}} {_MONTH_NAME}|\d{{1,2}}/\d{{1,2}}(?!/)|20\d\d-\d\d-\d\d)\b", re.IGNORECASE
)


def _dates_target(value: str, start: int, title: str):
    """The count of the days a "Datum:" line lists: each date one time the activity is done."""
    dates = _LISTED_DATE.findall(value)
    if not dates:
        return None, []
    return read_target(str(len(dates)), start, listed=True, counted=title)


def _focus(text: str) -> str | None:
    """The promise of a "Fokusområde 1: Trafiksäkerhet" line ("" when on the next line)."""
    match = _FOCUS.match(text)
    if not match or len(text) > 200:
        return None
    label = text[: match.end()]
    if not re.search(r"\d|[:.–—-]\s*$", label) and match.end() < len(text):
        return None
    return text[match.end() :].strip()


# One block per activity: "Aktivitet 1: Trygghetsvandringar", then "Vad: …", "Vem: …", "När: …".
# A task exported from a planning tool is such a block too: "Uppgift: Fotpatrullering …" over
# "Tilldelad: Polisen", "Etiketter: …", "Förfallodatum: …", "Status: …".
# A plan's task is such a block too, numbered by its section: "Uppdrag 3.1 Trafikkontroller på
# väg 95" over "Ansvar: Polisen", "Styrtal: minst 40 trafikkontroller under året", "Resurs: …".
_BLOCK_HEADING = _kw(
    r"^(?:aktivitet|insats|åtgärd|uppgift|uppdrag)\s*(?:\d{1,2}(?:\.\d{1,2}){1,2}\.?\s"
    r"|(?:\d{1,2}|[a-h])?\s*[:.–—-])\s*(?P<title>\S.{0,150})$"
)
# A form's heading alone, numbering its block: "Aktivitet 1" over "Beskrivning: …".
_NUMBERED_BLOCK = _kw(r"^(?:aktivitet|insats|åtgärd|uppgift|uppdrag)\s*\d{1,2}\s*:?$")
_BLOCK_LABELS = (
    ("what", _kw(r"^(?:vad|beskrivning|innehåll|s\s*[–—-]\s*specifikt?)\s*:\s*")),
    (
        "owner",
        _kw(
            r"^(?:vem|(?:huvud)?ansvar(?:ig|iga)?(?: part)?|tilldelad|tilldelat till"
            r"|a\s*[–—-]\s*(?:accepterad|accepterat|ansvarig|ansvar)(?:\s*(?:/|och)\s*ansvarig)?)\s*:\s*"
        ),
    ),
    (
        "target",
        _kw(
            r"^(?:när|hur ofta|omfattning|mål(?:värde)?|styrtal|frekvens|antal|tidplan"
            r"|m\s*[–—-]\s*mätbart?)\s*:\s*"
        ),
    ),
    (
        "partners",
        _kw(
            r"^(?:med vem|tillsammans med|i samverkan med|samverkan med"
            r"|samverkans?part(?:er|ner)?)\s*:\s*"
        ),
    ),
    # a form's unit of time for its count, in a field of its own ("Antal: 15", "Per: År")
    ("per", _kw(r"^per\s*:\s*")),
    # the days it is done on, listed: "Datum: 17 mars, 21 april och 15 september"
    ("dates", _kw(r"^(?:datum|datumen|dagar|tillfällen)\s*:\s*")),
    # an event's organiser ("Arrangör: Smedjebackens kommun", as a calendar names it): the
    # owner when the activity's own words name none
    ("organizer", _kw(r"^(?:arrangör(?:er)?|arrangeras av|organisatör|organizer)\s*:\s*")),
    # a planning tool's fields, no part of the activity; a SMART goal's "Realistisk" and
    # "Tidsatt" (its when: "Senast den 31 december 2026" is no count)
    (
        "field",
        _kw(
            r"^(?:etiketter|etikett|förfallodatum|startdatum|status|prioritet|resurs(?:er)?"
            r"|r\s*[–—-]\s*realistiskt?|t\s*[–—-]\s*(?:tidsatt|tidsbestämt?))\s*:\s*"
        ),
    ),
)


def _block_label(line: _Line) -> tuple[str, int] | None:
    """The kind of a block's label line and where its value starts in the line."""
    for kind, rx in _BLOCK_LABELS:
        if (match := rx.match(line.text)) and match.end() < len(line.text):
            return kind, match.end()
    return None


def _labelled_block(lines: list[_Line], index: int, promise: int | None):
    """The activity of a block whose heading is lines[index], and the index after it."""
    if lines[index].bullet or not _starts_block(lines, index):
        return None
    values: dict[str, tuple[str, int]] = {}
    if heading := _BLOCK_HEADING.match(lines[index].text.strip()):
        if _focus(heading.group("title")) is not None:
            return None  # "Uppgift: Löfte 1 – Tryggare centrum": a promise
        title = heading.group("title").strip()
        title_start = lines[index].start + heading.start("title")
        position = index + 1
    elif _bare_heading(lines, index) or _titled_labels(lines, index):
        title, title_start = lines[index].text.strip(), lines[index].start
        position = index + 1
    elif (sentence_end := _numbered_over_sentence(lines, index)) is not None:
        # the sentence is read as an activity of its own, the heading naming nothing
        described = lines[index + 1 : sentence_end]
        text = " ".join(line.text.strip() for line in described)
        activity = _activity(text, described[0].start, None)
        activity.promise_indexes = [promise] if promise is not None else []
        return activity, sentence_end
    else:  # a title over its description: the description is what is done
        title, title_start = lines[index].text.strip(), lines[index].start
        position = _described_title(lines, index)
        described = lines[index + 1 : position]
        values["what"] = (" ".join(line.text.strip() for line in described), described[0].start)
    while position < len(lines) and (label := _block_label(lines[position])):
        kind, offset = label
        line = lines[position]
        values.setdefault(kind, (line.text[offset:].strip(), line.start + offset))
        position += 1
    text, start = values.get("what", (title, title_start))
    if _NUMBERED_BLOCK.match(title):  # "Aktivitet 1": named by its description
        title = _title(text, None)
    # "Aktivitet 1: Kommunen anordnar sex föräldravandringar … ." over its labels: the sentence
    # is what is done, and named as an item's sentence is (after its target is read)
    sentence = heading is not None and "what" not in values and title.endswith((".", "!"))
    owner = values.get("owner")
    # "Tilldelad: Polisen; Leksands kommun": a planning tool lists the assigned with semicolons
    owned = owner and f"Ansvarig: {owner[0].replace('; ', ' och ')}"
    if not owned and (in_title := _OWNER_IN_TITLE.search(title)):
        owned = f"Ansvarig: {in_title.group()[1:-1]}"
        title = title[: in_title.start()].strip()
    responsible, other, partners = read_owner(owned or text, None)
    if responsible == "unstated" and "organizer" in values:
        # "Hastighetskontroller vid skolorna …" under "Arrangör: Lokalpolisområde X"
        responsible, other, _partners = read_owner(f"Ansvarig: {values['organizer'][0]}", None)
    if owner:  # "Vad: Trygghetsvandringar … tillsammans med boende."
        partners = partners + partners_of(text, fold(text))[0]
    if "partners" in values and _has_words(values["partners"][0]):
        partners = partners + split_actors(values["partners"][0])
    target, notes = None, []
    if "target" in values:
        target, notes = read_target(
            _target_fields(values["target"][0], values.get("per", ("", 0))[0]),
            values["target"][1],
            listed=True,
            counted=title,
        )
        if target is None and not notes and (heading or "what" in values):
            # "Tidplan: april–december" under "… minst två kvällar i veckan.": the count its
            # text states, read with the label's words (which may limit it to part of a year)
            target, notes = read_target(
                f"{text} ({values['target'][0]})", start, listed=True, counted=title
            )
            if target and target.span and target.span.end > start + len(text):
                target, notes = None, []
    elif "what" in values or heading:
        target, notes = read_target(text, start, listed=True, counted=title)
    if target is None and "dates" in values:
        target, notes = _dates_target(values["dates"][0], values["dates"][1], title)
    if sentence:
        title = _activity_title(text, start, target)
    activity = _proposed(text, title[:200], start, (responsible, other, partners), target, notes)
    activity.promise_indexes = [promise] if promise is not None else []
    # "Etiketter: Löfte 1": a task tagged with a promise listed above is that promise's
    tag = _PROMISE_TAG.search(fold(values.get("field", ("", 0))[0]))
    if tag and promise is not None and int(tag.group(1)) - 1 <= promise:
        activity.promise_indexes = [int(tag.group(1)) - 1]
    return activity, position


_PROMISE_TAG = re.compile(r"\blofte (\d{1,2})\b")
# A form's count in a field of its own after its comparator's: "Mål: Minst  Antal: 15".
_COUNT_FIELD = _kw(r"\b(?:antal|st|stycken)\s*:\s*")
_WHOLE_PERIOD = _kw(r"^(?:under )?(?:hela )?(?:löftes)?period(?:en)?$")


def _target_fields(target: str, per: str) -> str:
    """A block's target as one phrase when a form splits it over fields: "Mål: Minst  Antal:
    15" and "Per: År" read as "Minst 15 per år", "Per: Hela perioden" as "under hela
    perioden"; the target's own words when it has no such fields."""
    if not per:
        return target
    target = _COUNT_FIELD.sub("", target)
    per = per.strip().rstrip(".").lower()
    return f"{target} under hela perioden" if _WHOLE_PERIOD.match(per) else f"{target} per {per}"


def _item_details(lines: list[_Line]) -> dict[int, list[_Line]]:
    """Second-level bullets right under a numbered item ("1. Trygghetsvandringar", then "o Minst
    fyra per år", "o Ansvarig: Kommunen", as a Word list reads as text): its details, by the
    item's start."""
    details: dict[int, list[_Line]] = {}
    owner: _Line | None = None
    for line in lines:
        if line.bullet and line.numbered and not line.sub:
            owner = line
        elif owner is not None and line.bullet and not line.numbered and not line.sub:
            details.setdefault(owner.start, []).append(line)
        else:
            owner = None
    return details


def _detailed_activity(
    text: str, start: int, details: list[_Line], section_owner: str | None
) -> ParsedActivity:
    """An item's activity with its owner and target read from its details when it states none
    of its own: "o Ansvarig: Kommunen", "o Minst fyra per år"."""
    text = _strip_item(text)
    owner = read_owner(text, section_owner)
    target, notes = read_target(text, start, listed=True)
    for line in details:
        if owner[0] in {"unstated", section_owner} and (
            OWNER_LABEL.match(line.folded) or actor_kind(" ".join(line.folded.split()[:3]))
        ):
            owner = read_owner(line.text, section_owner)
        if target is None:
            target, notes = read_target(line.text, line.start, listed=True, counted=text)
    return _proposed(text, _title(text, None), start, owner, target, notes)


def _after_lead(lines: list[_Line], index: int) -> int:
    """The first line of the section a lead-in line (lines[index]) opens: after the rest of its
    sentence when a PDF wrapped it onto the next lines ("… följande löften utifrån" +
    "medborgardialoger och lägesbilden.")."""
    position = index + 1
    if lines[index].text.rstrip().endswith((":", ".")):
        return position
    while position < len(lines):
        line = lines[position]
        if line.bullet or line.blank or not line.text[:1].islower():
            break
        position += 1
        if line.text.rstrip().endswith((".", ":")):
            break
    return position


def _party_lead(line: _Line) -> bool:
    """An item that only opens a party's list ("4.1 Polisen åtar sig att", "• Polisen" over
    its own items): a heading."""
    return line.bullet and bool(_PARTY_HEADING.match(line.text.strip()))


def _lettered_items(lines: list[_Line], index: int) -> tuple[list[tuple[int, str]], int] | None:
    """The items lettered "a)", "b)" … right under a numbered title ("1. Tryggare Noret"), each
    (start, text), and the index after them; None unless lines[index] is such a title: short,
    without a full stop, not itself an activity."""
    line = lines[index]
    text = line.text.strip()
    if (
        not line.numbered
        or line.sub
        or len(text) > _LONGEST_NUMBERED_TITLE
        or text[-1:] in ".:;!?"
        or _party_lead(line)
        or _looks_like_activity(text)
        or actor_doing(text)
        or index + 1 >= len(lines)
        or not lines[index + 1].lettered
    ):
        return None
    items: list[tuple[int, str]] = []
    position = index + 1
    while position < len(lines):
        after = lines[position]
        if after.lettered:
            items.append((after.start, after.text.strip()))
        elif after.blank or after.bullet or not after.text[:1].islower():
            break
        else:  # a lettered item wrapped onto the next line
            items[-1] = (items[-1][0], f"{items[-1][1]} {after.text.strip()}")
        position += 1
    return items, position


_LONGEST_NUMBERED_TITLE = 100


def _numbered_promise_title(line: _Line) -> bool:
    """Whether a numbered line ("1. Öka tryggheten kring Resecentrum") may be a promise's
    title: short, not a sub-item, a question or a party's lead-in, and not itself an activity."""
    text = line.text.strip()
    return (
        line.numbered
        and not line.sub
        and not line.lettered
        and not line.labelled
        and 0 < len(text) <= _LONGEST_NUMBERED_TITLE
        and text[-1:] not in ";!?"
        and not _party_lead(line)
        and not _looks_like_activity(text)
        and not actor_doing(text)
    )


def _activity_item(text: str) -> bool:
    """Whether a bulleted line is an activity's own sentence, naming who does it or what is
    done ("Polisen genomför …", "Kommunen ska …", "Polisen: …", "Genomföra …"), not a detail
    of the line above ("Minst fyra per år", "Ansvarig: Kommunen")."""
    folded = fold(text)
    if OWNER_LABEL.match(folded) or _DETAIL_LABEL.match(text):
        return False
    return bool(
        actor_doing(text)
        or owner_in_front(text)
        or MODAL.search(folded[:100])
        or _ACTIVITY_START.match(folded)  # "Genomföra minst tio trygghetsvandringar …"
    )


def _promise_titles_over_items(
    lines: list[_Line],
) -> dict[int, tuple[list[tuple[int, str]], int]]:
    """Numbered promise titles over the bulleted activities each serves:

        1. Öka tryggheten kring Resecentrum
        - Polisen genomför minst 20 fotpatruller vid Resecentrum under året.
        - Kommunen förbättrar belysningen vid Resecentrum.
        2. …

    By the title's line index: its items, each (start, text), and the line index after them.
    A title is `_numbered_promise_title`; its items are the unnumbered bullets right under it
    (a blank line apart at most), the first of them an activity's sentence and none a detail's
    label; without such items the numbered line is read as before (an item of its list, or an
    activity with its details: "1. Trygghetsvandringar" over "o Minst fyra per år")."""
    found: dict[int, tuple[list[tuple[int, str]], int]] = {}
    for index, line in enumerate(lines):
        if not line.numbered or line.sub:
            continue
        items: list[tuple[int, str]] = []
        position = index + 1
        if position < len(lines) and lines[position].blank:
            position += 1  # one blank line between the title and its list
        while position < len(lines):
            after = lines[position]
            if after.blank:
                # a list with blank lines between its items goes on at the next bullet
                following = position + 1
                while following < len(lines) and lines[following].blank:
                    following += 1
                if items and following < len(lines) and _item_under_title(lines[following]):
                    position = following
                    continue
                break
            if _item_under_title(after):
                items.append((after.start, after.text.strip()))
            elif items and not after.bullet and after.text[:1].islower():
                # an item wrapped onto the next line
                items[-1] = (items[-1][0], f"{items[-1][1]} {after.text.strip()}")
            else:
                break
            position += 1
        if (
            items
            and _activity_item(items[0][1])
            and not any(OWNER_LABEL.match(fold(text)) for _start, text in items)
            and _numbered_promise_title(line)
        ):
            found[index] = items, position
    return found


def _item_under_title(line: _Line) -> bool:
    """An unnumbered list item ("- …", "• …"), as a promise title's activities are listed."""
    return line.bullet and not (line.numbered or line.sub or line.lettered or line.labelled)


# How many of the promises read last a sub-heading is compared with (a document has at most a
# few dozen; the bound keeps the reading linear in a text of many documents).
_PROMISES_COMPARED = 30
# How alike a sub-heading and a promise's title must be to be the same ("Öka tryggheten i
# centrum" and "Ökad trygghet i centrum"): difflib's ratio of their folded words.
_SAME_TITLE_RATIO = 0.85
_TITLE_WORD = re.compile(r"[^\W_]+")


def _title_words(text: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """A promise's title as its folded words, without its label ("Löfte 1:", "Fokusområde 2
    –") and the colon or full stop ending it; and their beginnings, to compare quickly."""
    focus = _focus(text.strip())
    words = tuple(_TITLE_WORD.findall(fold(focus if focus else text)))
    return words, frozenset(word[:4] for word in words)


def _same_title(
    heading: tuple[tuple[str, ...], frozenset[str]], title: tuple[tuple[str, ...], frozenset[str]]
) -> float:
    """How closely a sub-heading's words match a promise's: 1 for the same words, or the
    first of them (three words or more: a title shortened), else difflib's ratio when it is
    high enough, else 0."""
    words, stems = heading
    others, other_stems = title
    if words == others:
        return 1.0
    shorter, longer = sorted((words, others), key=len)
    if len(shorter) >= 3 and longer[: len(shorter)] == shorter:
        return 0.99
    if len(stems & other_stems) * 2 < max(len(stems), len(other_stems)):
        return 0.0  # fewer than half the words alike: not worth comparing letter by letter
    ratio = SequenceMatcher(None, " ".join(words), " ".join(others)).ratio()
    return ratio if ratio >= _SAME_TITLE_RATIO else 0.0


def _repeated_promise(
    document: ParsedDocument,
    lines: list[_Line],
    index: int,
    keys: dict[int, tuple[tuple[str, ...], frozenset[str]]],
) -> int | None:
    """The index of the promise whose title lines[index] repeats, as a sub-heading over that
    promise's activities ("Öka tryggheten i centrum" under "Aktiviteter", a list under it):
    the one promise read before it that it names, exactly or closely; else None. `keys`
    caches the promises' words by index."""
    line = lines[index]
    text = line.text.strip()
    if line.bullet or line.blank or not document.promises or len(text) > _LONGEST_REPEATED:
        return None
    following = index + 1
    if following < len(lines) and lines[following].blank:
        following += 1  # one blank line between the sub-heading and its list
    if following >= len(lines) or lines[following].blank:
        return None
    under = lines[following]
    if (numbered := _PROMISE_BY_NUMBER.match(text)) and under.bullet:
        # "Löfte 1" over a list, the promises numbered above: that promise's activities.
        number = int(numbered.group(1)) - 1
        before = [p for p in document.promises if p.span is None or p.span.start < line.start]
        return number if number < len(before) == len(document.promises) else None
    heading = _title_words(text)
    if len(heading[0]) < _SHORTEST_REPEATED:
        return None
    first = max(0, len(document.promises) - _PROMISES_COMPARED)
    scored: list[tuple[float, int]] = []
    for number in range(first, len(document.promises)):
        promise = document.promises[number]
        if promise.span is not None and promise.span.start >= line.start:
            continue
        if number not in keys:
            keys[number] = _title_words(promise.text)
        if not keys[number][0] or keys[number][0][0][:3] != heading[0][0][:3]:
            continue  # a title beginning otherwise ("Ökad …" and "Öka …" begin alike)
        score = _same_title(heading, keys[number])
        if score:
            scored.append((score, number))
    if not scored:
        return None
    best = max(score for score, _n in scored)
    named = [number for score, number in scored if score == best]
    if len({keys[number][0] for number in named}) > 1:
        return None  # two promises alike: which one is not guessed
    if not (
        under.bullet
        or _looks_like_activity(under.text)
        # a place's or a theme's sub-heading over the promise's items: "Resecentrum"
        or (len(under.text) <= _LONGEST_HEADING and _sub_heading_over_items(lines, following))
    ):
        return None  # the promise's title over its own words, not over its activities
    return named[-1]


_LONGEST_REPEATED = 200
_PROMISE_BY_NUMBER = _kw(r"^(?:löfte|fokusområde|löftesområde|insatsområde)\s*(\d{1,2})\s*:?$")
_SHORTEST_REPEATED = 2


# A title that is only a place's name: "Fagersta", "Norra Sorunda".
_PLACE_TITLE = re.compile(r"[A-ZÅÄÖ][\w-]{1,40}(?: [A-ZÅÄÖ][\w-]{1,40})?")


def _read_structure(document: ParsedDocument, lines: list[_Line]) -> None:
    later_activity_heading = [False] * (len(lines) + 1)
    for index in range(len(lines) - 1, -1, -1):
        text = lines[index].text.strip()
        later_activity_heading[index] = later_activity_heading[index + 1] or bool(
            (not lines[index].bullet or _party_lead(lines[index]))
            and len(text) <= _LONGEST_HEADING
            and (
                _ACTIVITY_LEAD.search(text)
                or _PARTY_HEADING.match(text)
                or _named_party(lines, index) is not None
                or _owner_heading(lines, index) is not None
            )
        )
    bullet_starts = {line.start for line in lines if line.bullet}
    sub_starts = {line.start for line in lines if line.sub}
    labelled_starts = {line.start for line in lines if line.labelled}
    # "1. Öka tryggheten kring Resecentrum" over "- Polisen genomför …": a promise and the
    # activities serving it, their bullets no details of the numbered line.
    titled_lists = _promise_titles_over_items(lines)
    title_starts = {lines[index].start for index in titled_lists}
    titled_item_starts = {
        start for items, _after in titled_lists.values() for start, _text in items
    }
    details = {
        start: rows for start, rows in _item_details(lines).items() if start not in title_starts
    }
    detail_starts = {line.start for rows in details.values() for line in rows}
    activity_sections = 0
    index = 0
    focus_promise: int | None = None
    after_list = False  # right after a list of activities, no heading since
    promise_keys: dict[int, tuple] = {}  # each promise's words (`_repeated_promise`)
    # The owner of the party heading the lines stand under ("Det här gör Polisen"), kept over
    # the sub-headings below it ("Trygg centrumkärna", then "Resecentrum", then the items).
    party_owner: str | None = None
    # Under a heading of activities with no party ("Så här gör vi"), until a report's heading
    # or a heading of promises: a theme's sub-heading there ("Buskörning") heads activities.
    under_lead = False
    # The organisation speaking as "vi" in a heading ("Vi på Järfällahus lovar att:").
    speaker: tuple[str, str] | None = None
    while index < len(lines):
        line = lines[index]
        text = line.text.strip()
        if lettered := _lettered_items(lines, index):
            # "1. Tryggare Noret" over "a) Polisen ska …", "b) Kommunen ska …": a promise and
            # its activities.
            document.promises.append(
                ParsedPromise(text=text, span=TextSpan(line.start, line.start + len(text)))
            )
            focus_promise = len(document.promises) - 1
            for start, item_text in lettered[0]:
                activity = _activity(item_text, start, None)
                activity.promise_indexes = [focus_promise]
                document.activities.append(activity)
            activity_sections += 1
            index = lettered[1]
            continue
        if index in titled_lists:
            # "1. Öka tryggheten kring Resecentrum" over "- Polisen genomför …", "- …"
            items, after = titled_lists[index]
            document.promises.append(
                ParsedPromise(text=text, span=TextSpan(line.start, line.start + len(text)))
            )
            focus_promise = len(document.promises) - 1
            for start, item_text in items:
                activity = _activity(item_text, start, None)
                activity.promise_indexes = [focus_promise]
                document.activities.append(activity)
            activity_sections += 1
            index = after
            continue
        message_lead = _message_lead(lines, index)
        if message_lead:
            text = message_lead
        elif line.blank or line.bullet and not _party_lead(line) or len(text) > _LONGEST_HEADING:
            index += 1
            continue
        section: _Section | None = None
        if block := _labelled_block(lines, index, focus_promise):
            document.activities.append(block[0])
            index = block[1]
            activity_sections += 1
            continue
        table = _table(lines, index)
        if table:
            index = _table_rows(document, lines, table[0], table[1])
            activity_sections += 1
            continue
        if by_column := _column_by_column(lines, index):
            _table_rows(document, by_column[1], by_column[0], 0)
            index = by_column[2]
            activity_sections += 1
            continue
        if (
            _PROMISE_COLUMN.match(text)
            and index + 2 < len(lines)
            and _TABLE_FIRST.match(lines[index + 1].text.strip())
            # two columns only: a third header ("Ansvarig") makes rows this reading cannot split
            and _column_kind(lines[index + 2].text.strip()) is None
        ):
            index = _promise_table_rows(document, lines, index + 2)
            activity_sections += 1
            continue
        # A sub-heading repeating a promise's title over its activities ("Aktiviteter", then
        # "Öka tryggheten i centrum" over its list): that promise's activities, no new promise.
        repeated = _repeated_promise(document, lines, index, promise_keys)
        focus = _focus(text) if repeated is None else None
        audience = _AUDIENCE_HEADING.match(text) is not None
        if (
            focus is None
            and repeated is None
            and not audience
            and (line.titled or _titled_section(lines, index))
        ):
            focus = text
        if focus is not None:
            promise_text = focus
            span_start = line.start + line.text.find(focus) if focus else line.start
            if not promise_text:
                follow = index + 1
                while follow < len(lines) and lines[follow].blank:
                    follow += 1
                if follow < len(lines) and not _is_heading(lines, follow):
                    promise_text = lines[follow].text.strip()
                    span_start = lines[follow].start
                    index = follow
                    # "Vi lovar att minska … och" + "buskörningen i centrum.": a wrapped line
                    while (
                        index + 1 < len(lines)
                        and not lines[index + 1].blank
                        and lines[index + 1].text[:1].islower()
                        and not re.search(r"[.!?:;]$", promise_text)
                    ):
                        index += 1
                        promise_text += " " + lines[index].text.strip()
            if promise_text:
                document.promises.append(
                    ParsedPromise(
                        text=_strip_item(promise_text),
                        span=TextSpan(span_start, span_start + len(_strip_item(promise_text))),
                    )
                )
                focus_promise = len(document.promises) - 1
            # Activities written right under the focus area, without a heading of their own:
            # items, or the clauses of running text that say what a party does.
            items, following = _items(lines, index + 1)
            found = []
            for number, (start, _end, item_text) in enumerate(items):
                if _PROMISE_SENTENCE.search(fold(item_text)[:_PROMISE_SENTENCE_REACH]):
                    if (
                        number == 0
                        and promise_text == focus
                        and _PLACE_TITLE.fullmatch(focus)
                        and start not in bullet_starts
                    ):
                        # "Norberg" over "Polisen och Norbergs kommun lovar att arbeta för …",
                        # as a release on several municipalities' promises gives each: the
                        # sentence is the promise, the place its title
                        words = _strip_item(item_text)
                        document.promises[-1] = ParsedPromise(
                            text=words, span=TextSpan(start, start + len(words))
                        )
                    continue  # "Vi lovar att arbeta för …" says the promise, not what is done
                if start not in labelled_starts and GOAL_LINE.match(fold(item_text)):
                    continue  # "Mål: Färre …", "Indikator: …": the focus area's goal
                clauses = [] if start in bullet_starts else _prose_clauses(item_text, start)
                if len(clauses) > 1 or clauses and clauses[0][1] != item_text:
                    found += [_activity(clause, at, None) for at, clause in clauses]
                elif _has_words(item_text) and (
                    start in labelled_starts or _looks_like_activity(item_text)
                ):
                    found.append(_activity(item_text, start, None))
            for activity in found:
                if focus_promise is not None:
                    activity.promise_indexes = [focus_promise]
                document.activities.append(activity)
            activity_sections += bool(found)
            index = following if found else index + 1
            continue
        if repeated is not None:
            focus_promise = repeated
            section = _Section("activities", owner=party_owner, promise_index=repeated)
        elif (match := _party_heading(text)) and not _name_alone(lines, index):
            section = _Section("activities", owner=_heading_owner(match))
        elif named := _named_party(lines, index) or _owner_heading(lines, index):
            section = _Section("activities", owner=named)
        elif _PARTY_PROMISE.match(text) or (
            _WHO_PROMISES.match(line.folded) and "arbeta for" not in line.folded
        ):
            owner = _promising_owner(text)
            if owner is None and (ours := _speakers_heading(text, speaker)):
                # "Vi på Järfällahus lovar att:", then "Våra bovärdar lovar att:"
                speaker = ours
            if later_activity_heading[index + 1]:
                section = _Section("promises")
            elif owner is None and ours:
                section = _Section("activities", owner=ours[0], other=ours[1])
            else:
                section = _Section("activities", owner=owner)
        elif _ACTIVITY_LEAD.search(text) or (activity_sections and _PERIOD_HEADING.match(text)):
            # A time of year under the activities' heading opens the activities done then.
            section = _Section(
                "activities", season=text.strip() if season_heading(fold(text)) else ""
            )
        elif audience:
            section = _Section("activities", owner=party_owner)
        elif _PROMISE_LEAD.search(text):
            section = _Section("promises")
        elif _OTHER_HEADING.match(text) or _generic_heading(lines, index):
            after_list = False
            if _OTHER_HEADING.match(text) and not _under_heading(lines, index):
                focus_promise = party_owner = None
                under_lead = False
            elif (party_owner or under_lead) and _sub_heading_over_items(lines, index):
                # "Resecentrum" over its "– …" items, under "Det här gör Polisen" (that
                # party's items) or under "Så här gör vi" (items naming their own owners).
                section = _Section("activities", owner=party_owner)
        elif (
            after_list
            and (_sentence_activity(line) or _routine_sentence(line))
            # "Polisen och kommunen lovar att arbeta för …" under the next promise's title
            and not _PROMISE_SENTENCE.search(line.folded[:_PROMISE_SENTENCE_REACH])
        ):
            # A party's sentence standing after a list of activities: "Kommunen, genom tekniska
            # förvaltningen, kommer att förbättra belysningen …"
            for activity in _enumerated(text, line.start) or [_activity(text, line.start, None)]:
                activity.promise_indexes = [focus_promise] if focus_promise is not None else []
                document.activities.append(activity)
        if section is None:
            index += 1
            continue
        under_lead = section.kind == "activities"
        if section.kind != "activities":
            party_owner = None
        elif section.owner and repeated is None and not _sub_heading_over_items(lines, index):
            party_owner = section.owner
        items, index = _items(lines, _after_lead(lines, index))
        after_list = section.kind == "activities"
        if section.kind == "promises":
            if (
                items
                and not any(start in bullet_starts for start, _e, _t in items)
                and not _sentence_lines(items)
            ):
                # Running text under a promise heading: its first sentence, to be checked.
                start, _end, item_text = items[0]
                first = item_text[: _sentence_end(item_text)]
                items = [(start, start + len(first), first)]
                if len(first) < len(item_text.strip()):
                    document.promises.append(
                        ParsedPromise(
                            text=_strip_item(first),
                            span=TextSpan(start, start + len(_strip_item(first))),
                            uncertain=[_("Read from running text: check the wording")],
                        )
                    )
                    continue
            period = document.period_span
            for start, end, item_text in items:
                if not _has_words(item_text):
                    continue
                if (
                    period
                    and (start <= period.start < end or _YEAR.search(item_text))
                    and _VALIDITY.match(fold(item_text))
                ):
                    # "Löftet gäller från 1 januari …" under the promise: its validity (also
                    # "Löftet gäller under 2027." when the title's year was read first)
                    continue
                if start not in bullet_starts and _ABOUT_ACTIVITIES.match(fold(item_text)):
                    # "Aktiviteterna är formulerade enligt SMART-modellen …": how the
                    # activities below are written, no promise
                    continue
                if (start in sub_starts or start in titled_item_starts) and document.promises:
                    # "1.1 …" under "1. …", or "- Polisen genomför …" under "1. Öka …": an
                    # activity of that promise.
                    activity = _activity(item_text, start, None)
                    activity.promise_indexes = [len(document.promises) - 1]
                    document.activities.append(activity)
                    activity_sections += 1
                    continue
                document.promises.append(
                    ParsedPromise(
                        text=_strip_item(item_text),
                        span=TextSpan(start, start + len(_strip_item(item_text))),
                    )
                )
        else:
            activity_sections += 1
            promise_above = False  # the item above was read as a promise
            for start, _end, item_text in items:
                if not _has_words(item_text) or start in detail_starts:
                    continue
                if start in title_starts:
                    # "1. Öka tryggheten kring Resecentrum" over its activities' bullets
                    words = _strip_item(item_text)
                    document.promises.append(
                        ParsedPromise(text=words, span=TextSpan(start, start + len(words)))
                    )
                    focus_promise = len(document.promises) - 1
                    continue
                if (
                    promise_above
                    and start not in bullet_starts
                    and _PROMISE_SENTENCE.search(fold(item_text)[:_PROMISE_SENTENCE_REACH])
                ):
                    # "Löfte 2 – Säker skolväg" over "Polisen och kommunen lovar att arbeta
                    # för …": the promise's own words, not what is done
                    promise_above = False
                    continue
                promise_above = False
                if _QUOTATION.search(fold(item_text)):
                    continue  # "– Vi har lyssnat på ungdomarna, säger kommunpolisen X."
                if _PREFACE.match(fold(item_text)):
                    continue  # "Polisen och X kommun har kommit överens om …": the agreement
                if _CONTACT.match(fold(item_text)) or _READER_INVITATION.match(fold(item_text)):
                    continue  # "Har du frågor? Hör av dig till …", "Du kan också …": no activity
                if start not in bullet_starts and _REMARK.fullmatch(item_text.strip()):
                    continue  # "(Veckorna är preliminära …)": a remark on the list, no activity
                if start not in bullet_starts and (
                    _FURNITURE.match(fold(item_text))
                    or len(_CODE_PAIR.findall(item_text)) >= 2
                    or _VALIDITY.match(fold(item_text))
                    or _ABOUT_ACTIVITIES.match(fold(item_text))
                ):
                    # "Dnr …", the title, a legend, "Löftet gäller …", "Varje aktivitet har en
                    # kontaktperson …": the document's, no activity
                    continue
                if (
                    start not in bullet_starts
                    and _PROMISE_IN_LIST.match(fold(item_text))
                    and any(at in bullet_starts for at, _e, _t in items)
                ):
                    # "Polisen lovar" over "Att arbeta för minskad …" and its "•" items, then
                    # the next such line: each a promise, the items under it its activities.
                    words = _strip_item(item_text)
                    document.promises.append(
                        ParsedPromise(text=words, span=TextSpan(start, start + len(words)))
                    )
                    focus_promise = len(document.promises) - 1
                    promise_above = True
                    continue
                if start in details:
                    activities = [
                        _detailed_activity(item_text, start, details[start], section.owner)
                    ]
                elif start not in bullet_starts and (
                    activities := _numbered_clauses(item_text, start, section.owner)
                ):
                    pass  # "Polisen åtar sig att (1) genomföra …, (2) …": a clause each
                elif (
                    start not in bullet_starts
                    and section.owner
                    and len(clauses := _prose_clauses(item_text, start, owned=True)) > 1
                    # "Polisen ska göra det minst 40 kvällar …" goes on with the one above
                    and not any(
                        _restates(above, clause)
                        for (_a, above), (_b, clause) in zip(clauses, clauses[1:], strict=False)
                    )
                ):
                    # An answer under "Vad gör polisen?": each sentence an activity.
                    activities = [_activity(clause, at, section.owner) for at, clause in clauses]
                else:
                    activities = [_activity(item_text, start, section.owner)]
                for activity in activities:
                    if section.season:
                        limited_by_heading(activity, section.season)
                    if section.other and activity.responsible == "other":
                        activity.responsible_other = activity.responsible_other or section.other
                    if focus_promise is not None:
                        activity.promise_indexes = [focus_promise]
                    document.activities.append(activity)
    if not activity_sections:
        _activities_without_heading(document, lines)


# The promises a line says it serves, in brackets after it: "[A]", "[A, B]", "[2]".
_REFERENCE_TAG = re.compile(r"\[[A-Z0-9]{1,2}(?:, ?[A-Z0-9]{1,2}){0,5}\]")


def _untagged(text: str) -> str:
    """The text without the tag at its end naming the promises it serves ("… per år. [A]")."""
    text = text.rstrip()
    if text.endswith("]") and _REFERENCE_TAG.fullmatch(text, text.rfind("[")):
        return text[: text.rfind("[")].rstrip() or text
    return text


def _under_heading(lines: list[_Line], index: int) -> bool:
    """Whether the line above lines[index] (blank lines apart) is a heading of its own, so
    that lines[index] is a sub-heading under it ("Trygg centrumkärna", then "Uppföljning")."""
    above = index - 1
    while above >= 0 and lines[above].blank:
        above -= 1
    return (
        above >= 0
        and not lines[above].bullet
        and len(lines[above].text) <= _LONGEST_HEADING
        and _generic_heading(lines, above)
    )


def _sub_heading_over_items(lines: list[_Line], index: int) -> bool:
    """Whether lines[index] is a short heading right over bulleted items (no blank line
    between), as a place or a theme under a party's heading is."""
    following = lines[index + 1] if index + 1 < len(lines) else None
    return bool(following is not None and following.bullet and not lines[index].bullet)


# A transcript's turn (a podcast's, an interview's): "[00:00:52] Per Gustafsson (kommunpolis):
# Vi kommer att …", its time, who speaks (a role in brackets) and what is said.
_TURN = re.compile(
    r"\[?\d{1,2}:\d{2}(?::\d{2})?\]?\s+(?P<who>[^:\n]{2,80}?)(?:\s*\((?P<role>[^()\n]{2,60})\))?:"
    r"\s+(?=\S)"
)
_FEWEST_TURNS = 3


def _asked_party(question: str) -> str | None:
    """The party a transcript's question asks about: "Och vad ska polisen göra konkret?",
    "Och kommunen?", "Gör ni något tillsammans?"; None when it names none."""
    folded = fold(question)
    if re.search(r"\b(?:tillsammans|gemensamt)\b", folded):
        return "joint"
    police = re.search(r"\bpolis", folded)
    municipality = re.search(r"\b(?:kommunen|staden)\b", folded)
    if police and municipality:
        return "joint"
    return "police" if police else "municipality" if municipality else None


def _transcript_activities(document: ParsedDocument, lines: list[_Line]) -> bool:
    """Read a transcript (three turns or more): what a party will do, said in a turn, is an
    activity of the party the question before it asks about, else of the speaker's party
    ("Per Gustafsson (kommunpolis): Vi kommer att …"); questions are none. False for any other
    text."""
    turns = [(line, match) for line in lines if (match := _TURN.match(line.text))]
    if len(turns) < _FEWEST_TURNS:
        return False
    asked = None
    for line, match in turns:
        said = line.text[match.end() :]
        if said.rstrip().endswith("?"):
            asked = _asked_party(said) or asked
            continue
        speaker = actor_kind(fold(match.group("role") or match.group("who")))
        speaker = speaker if speaker in {"police", "municipality"} else None
        start = line.start + match.end()
        document.activities += _paragraph_activities(said, start, asked or speaker)
    return True


# An interview's answer to the question over it: "– Vi kommer att …, säger Jonas Berglund."
_ANSWER_DASH = re.compile(r"[–—-]\s+(?=\S)")
_SPEECH_TAG = re.compile(
    r",\s+(?:säger|berättar|menar|konstaterar|svarar|förklarar)\s+[^,.]{2,80}(?:,\s+[^,.]{2,100})?"
    r"[.!]?\s*$"
)
_LONGEST_QUESTION = 120
_FEWEST_ANSWERS = 3


def _interview_activities(document: ParsedDocument, lines: list[_Line]) -> bool:
    """Read an interview (three questions or more, each a short line ending with "?" right
    over its answer, a quotation opening with a dash): what a party will do, said in an
    answer, is an activity of the party the question asks about ("Vad ska polisen göra?",
    "Och kommunen?", "Gör ni något tillsammans?"), none when it asks about none; an answer
    opening with the promise's sentence ("– Vi lovar att arbeta för …") gives the promise when
    none is found. False for any other text."""
    filled = [line for line in lines if not line.blank]
    pairs = [
        (question, answer)
        for question, answer in zip(filled, filled[1:], strict=False)
        if len(question.text.strip()) <= _LONGEST_QUESTION
        and question.text.rstrip().endswith("?")
        and not question.bullet
        and answer.bullet
        # the answer's line opens with a dash, taken off as its bullet
        and _ANSWER_DASH.match(document.text, document.text.rfind("\n", 0, answer.start) + 1)
    ]
    if len(pairs) < _FEWEST_ANSWERS:
        return False
    for question, answer in pairs:
        said = answer.text
        if tag := _SPEECH_TAG.search(said):
            said = said[: tag.start()] + "."
        if not document.promises:
            first = _SENTENCE.match(said)
            if first and _PROMISE_SENTENCE.search(fold(first.group())):
                words = first.group().strip()
                document.promises.append(
                    ParsedPromise(
                        text=words,
                        span=TextSpan(answer.start, answer.start + len(words)),
                        uncertain=[_("Read from running text: check the wording")],
                    )
                )
        asked = _asked_party(question.text)
        if asked:
            document.activities += _paragraph_activities(said, answer.start, asked)
    return True


def _after_promise_sentence(line: _Line) -> list[ParsedActivity]:
    """The activities of a paragraph on one line that opens with the promise's sentence ("…
    lovar att under 2026 arbeta för …"), read sentence by sentence; [] for another line."""
    if len(line.text) > _LONGEST_PROMISE_PARAGRAPH or not _PROMISE_SENTENCE.search(
        line.folded[:_PROMISE_SENTENCE_REACH]
    ):
        return []
    sentences = list(_SENTENCE.finditer(line.text))
    if len(sentences) < 2 or not _PROMISE_SENTENCE.search(fold(sentences[0].group())):
        return []
    rest = sentences[1].start()
    return _paragraph_activities(line.text[rest:], line.start + rest)


_LONGEST_PROMISE_PARAGRAPH = 2000
_FEWEST_RETOLD_ACTIVITIES = 2


def _retold_paragraph(line: _Line) -> list[ParsedActivity]:
    """The activities of a paragraph on one line whose sentences say what the parties do, as a
    report or a reply retells the promise ("Enligt löftet ska kommunen … . Kommunen ska också
    … . Polisen har för sin del åtagit sig att …"), read sentence by sentence when two of its
    sentences or more are such; [] for another line."""
    if len(line.text) > _LONGEST_PROMISE_PARAGRAPH or line.text.rstrip().endswith((":", "?")):
        return []
    if len(_SENTENCE.findall(line.text)) < _FEWEST_RETOLD_ACTIVITIES:
        return []
    found = _paragraph_activities(line.text, line.start)
    return found if len(found) >= _FEWEST_RETOLD_ACTIVITIES else []


def _activities_without_heading(document: ParsedDocument, lines: list[_Line]) -> None:
    """A document without an activity heading: its list items that read as activities."""
    taken = {promise.span.start for promise in document.promises if promise.span}
    labelled = {line.start for line in lines if line.labelled}
    kept_promises = []
    for promise in document.promises:
        if _looks_like_activity(promise.text) and not _GOAL_START.match(fold(promise.text)):
            document.activities.append(
                _activity(promise.text, promise.span.start if promise.span else 0, None)
            )
        else:
            kept_promises.append(promise)
    document.promises = kept_promises
    if (
        document.activities
        or _transcript_activities(document, lines)
        or _interview_activities(document, lines)
    ):
        return
    index = 0
    wrapped = _wrapped_paragraphs(lines)
    background = False  # under "Lägesbild", "Uppföljning" and the like: no activities
    while index < len(lines):
        line = lines[index]
        if not line.bullet and not line.blank and len(line.text) <= _LONGEST_HEADING:
            if _OTHER_HEADING.match(line.text.strip()):
                background = True
            elif _generic_heading(lines, index) or _PROMISE_HEADING.match(line.folded):
                background = False
        after = wrapped[index]
        if not background and not line.bullet and line.start not in taken and after:
            # Running text wrapped inside its sentences: read sentence by sentence.
            words = document.text[line.start : lines[after - 1].end].replace("\n", " ")
            promised = [(p.span.start, p.span.end) for p in document.promises if p.span]
            document.activities += [
                activity
                for activity in _paragraph_activities(words, line.start)
                if activity.span is None
                or not any(s <= activity.span.start < e for s, e in promised)
            ]
            index = after
            continue
        if (
            not background
            and not line.bullet
            and line.start not in taken
            and (found := _after_promise_sentence(line) or _retold_paragraph(line))
        ):
            # A paragraph on one line, a sentence for what each party does: after the promise
            # ("Polisen och X kommun lovar att … arbeta för … . Polisen genomför … . Kommunen
            # ser över …"), or retelling it ("Enligt löftet ska kommunen ha … . Kommunen ska
            # också … . Fritidsgården … ska …").
            document.activities += found
            index += 1
            continue
        if (
            not background
            and not line.bullet
            and line.start not in taken
            and (_sentence_activity(line) or _enumerated(line.text, line.start))
        ):
            document.activities += (
                _enumerated(line.text, line.start)
                or _coordinated(line.text, line.start)
                or [_activity(line.text, line.start, None)]
            )
        if line.bullet and line.start not in taken:
            items, index = _items(lines, index)
            for start, _end, item_text in items:
                if _has_words(item_text) and (start in labelled or _looks_like_activity(item_text)):
                    document.activities.append(_activity(item_text, start, None))
            continue
        index += 1


def _read_parties(document: ParsedDocument) -> None:
    folded = fold(document.text)
    joint = re.search(
        r"lovar (?:att )?(?:gemensamt|tillsammans)"
        # "Polisen och X kommun lovar", "Polisen och Östra Göinge kommun lovar", "Polisregion
        # Mitt, lokalpolisområde Gävle, och Gävle kommun lovar"
        # (whether one is there: "polis…" taken once per word, never again inside it)
        r"|(?<!\w)(?>\w*?polis)\w*+[^.\n]{0,100}?\boch (?:[\w-]+s? ){0,2}(?:kommun|kommunen"
        r"|stad|staden|region)\b[^.\n]{0,60}\blovar"
        r"|(?:kommunen|kommun|staden|stad|region [\w-]+) och "
        r"(?:lokalpolisomrade [\w-]+|polisen)[^.\n]{0,60}\blovar",
        folded,
    )
    police = re.search(
        # "Löftet ges av Polisen i …" (never an activity's "Information … ges av polisen")
        r"\b(?:loftet|loftena|medborgarloftet|medborgarloftena) (?:ges|lamnas) av polisen"
        r"|^polisen lovar|\npolisen lovar|lokalpolisomrade [\w-]+ "
        r"lovar",
        folded,
    )
    municipality = re.search(
        r"\b(?:loftet|loftena|medborgarloftet|medborgarloftena) (?:ges|lamnas) av "
        r"(?:kommunen|staden)|(?:^|\n)(?:kommunen|staden) lovar"
        r"|(?<![\w-])[\w-]++ (?:kommun|stad) lovar",
        folded,
    )
    if joint:
        document.parties = "joint"
    elif police and not municipality:
        document.parties = "police"
    elif municipality and not police:
        document.parties = "municipality"
    else:
        document.parties = "joint"


# "Polisen och Kalix kommun lovar invånarna i Kalix att arbeta för ett tryggare centrum."
# How far into an item a promise's own words are looked for.
_PROMISE_SENTENCE_REACH = 120
_PROMISE_SENTENCE = re.compile(
    r"\blovar\b(?: \S+){0,6}? att (?:(?:under|fram till) (?:\S+ ){1,2})?"
    r"(?:tillsammans |gemensamt )?"
    # "Vi lovar att arbeta tillsammans för att …"
    r"(?:arbeta (?:tillsammans |gemensamt )?(?:for|med)|verka for|minska|oka|skapa"
    r"|fortsatta arbeta)\b"
    # "Vårt löfte till dig är att vi ska arbeta för …", as a letter to residents says it
    r"|\b(?:medborgar)?loftet?\b(?: \S+){0,4}? ar att (?:vi (?:ska|skall|kommer att) )?"
    r"(?:arbeta (?:for|med)|verka for|minska|oka|skapa)\b"
    # a poster's "Polisen och Rättviks kommun lovar dig ett tryggare Rättvik"
    # and a news headline's "Polisen och kommunen lovar tryggare kvällar i centrum"
    r"|\blovar (?:(?:dig|er|invanarna|alla) )?(?:(?:ett|en) )?(?:tryggare|sakrare|lugnare"
    r"|battre)\b"
    # a leaflet's "Därför lovar vi dig att Vallentuna centrum … ska bli tryggare"
    r"|\blovar vi (?:dig|er) att\b"
)


# The promise's wording quoted in a decision or minutes: "att löftet ska lyda: "…"", in a
# revision: "Medborgarlöftet lyder oförändrat: "…"", and in a message: "Löftet skriver jag som
# "…"", "Mitt förslag på löfte: "…"".
_WORDING = re.compile(
    r"(?:\b(?:ska|skall|skulle) lyda|\blyder(?: (?:oförändrat|oförändrad|fortsatt|nu"
    r"|som tidigare|som förut|i sin helhet|enligt följande|därmed))?"
    r"|\bskriver (?:jag|vi) (?:det |den )?som|\bformuleras (?:som|så här)"
    r"|\bförslag (?:på|till) (?:nytt )?(?:medborgar)?löfte(?:t|s (?:formulering|lydelse))?"
    r"|\bmed (?:följande )?lydelsen?"
    # a report's "… läser upp löftet: "Vi lovar …"", an image's "en ruta med texten: "…""
    r"|\bläser (?:upp )?(?:medborgar)?löftet|\bmed (?:den )?texten)\s*:?\s*"
    r"[\"“”«]([^\"“”»]{10,})[\"“”»]?",
    re.IGNORECASE,
)

# The promise quoted whole, as a report or a study quotes it, perhaps with its source after it:
# ""Vi lovar att arbeta för …" (Munkfors kommun & Polisen, 2026, s. 2)", or a news item's
# ""Vi lovar att arbeta för …", säger kommunpolisen Sara Holm."
_QUOTED_WORDING = re.compile(
    r"[\"“”«]([^\"“”»]{10,}?),?[\"“”»]"
    r"(?:\s*\([^()]{1,120}\)|,?\s+säger\s[^\"“”».]{1,80})?\s*\.?"
)


def _promise_from_running_text(document: ParsedDocument, lines: list[_Line]) -> None:
    """A document whose promise is one sentence of its running text ("… lovar invånarna att
    arbeta för ett tryggare centrum."): that sentence, to be checked."""
    taken = _disjoint(sorted((a.span.start, a.span.end) for a in document.activities if a.span))
    taken_starts = [a for a, _b in taken]
    # Its lines, each with those going on from it: a sentence a PDF wrapped is read whole. As
    # (start, end) first, cut from the text once (cutting it anew per joined line was quadratic
    # on a table of many short rows).
    bounds: list[list[int]] = []
    for line, previous in zip(lines, [None, *lines], strict=False):
        if line.bullet or line.blank:
            continue
        if (
            bounds
            and previous is not None
            and not (previous.bullet or previous.blank)
            and (
                line.text[:1].islower()
                # a long line ending inside its sentence ("… i Strömsund och" over
                # "Hammerdal. Löftet gäller …"): a paragraph's line its editor wrapped
                or len(previous.text) >= _SHORTEST_WRAPPED
                and _SENTENCE_GOES_ON.search(previous.text.rstrip())
                and not previous.text.rstrip().endswith(("–", "-"))
            )
        ):
            bounds[-1][1] = line.end
            bounds[-1][2] = True
        else:
            bounds.append([line.start, line.end, False, line.text])
    for start_, end_, joined, text in bounds:
        paragraph = document.text[start_:end_].replace("\n", " ") if joined else text
        for sentence in _SENTENCE.finditer(paragraph):
            start = start_ + sentence.start()
            end = start_ + sentence.end()
            # The last taken span that starts before this sentence ends: it alone may overlap.
            index = bisect.bisect_left(taken_starts, end) - 1
            if index >= 0 and taken[index][1] > start:
                continue
            if _PROMISE_SENTENCE.search(fold(sentence.group())):
                words = sentence.group().strip()
                if wording := _WORDING.search(words) or _QUOTED_WORDING.fullmatch(words):
                    # "… beslutade att löftet ska lyda: "Polisen och … lovar att …"": its words
                    start += wording.start(1)
                    words = wording.group(1).strip()
                document.promises.append(
                    ParsedPromise(
                        text=words,
                        span=TextSpan(start, start + len(words)),
                        uncertain=[_("Read from running text: check the wording")],
                    )
                )
                return


def _disjoint(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans merged where they overlap or touch: disjoint, in order."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


# A legend of the codes a document names owners by: "SF = Socialförvaltningen" anywhere, and
# "SF: …" or "SF – …" under a heading "Förkortningar".
_LEGEND_HEADING = _kw(
    r"^(?:förkortningar|förkortningslista|förklaringar|teckenförklaring|ansvarskoder|koder)\s*:?$"
)
_CODE_LINE = re.compile(r"(?P<code>[A-ZÅÄÖ]{2,6})\s*(?P<sep>=|:|[–—-])\s*(?P<name>\w[^=\n]{1,80})")
# A name with its code in brackets after it: "kultur- och fritidsförvaltningen (KFF)", "BoU"
# (never a political party's letter, "(S)"). The name starts where a word does (a match inside
# a word would have started earlier) and is no longer than any word: on a pasted run of letters
# the search stays linear (unbounded, it took seconds for a few thousand).
_CODE_IN_TEXT = re.compile(
    r"(?<!\w)(?P<name>(?:\w{1,100}- (?:och|&) )?[\w-]{3,100}) "
    r"\((?P<code>[A-ZÅÄÖ](?:[a-zåäö]?[A-ZÅÄÖ]){1,5})\)"
)


# A legend of several codes on one line: "Owner: POL = Polisen, KOM = Sollentuna kommun, GEM =
# gemensamt", "Förkortningar: SDF = …, LPO = …". Each name ends at a comma or semicolon.
_CODE_PAIR = re.compile(r"(?<!\w)(?P<code>[A-ZÅÄÖ]{2,6}) ?= ?(?P<name>\w[^=,;\n]{1,80})")


# A legend of the people an item names by their initials: "AL  Anders Lund, kommunpolis,
# Polisen" (the initials, the person's name, the role, the organisation last). The code stands
# for the organisation.
_INITIALS_LINE = re.compile(
    r"(?P<code>[A-ZÅÄÖ]{2,3}) (?P<person>[A-ZÅÄÖ][\w-]{1,30}(?: [A-ZÅÄÖ][\w-]{1,30}){1,2}),"
    r" [^,\n]{2,60}, (?P<name>[^,\n]{2,80})"
)


def _initials_of(person: str) -> set[str]:
    words = person.split()
    return {"".join(word[0] for word in words), words[0][0] + words[-1][0]}


def _legend(lines: list[_Line]) -> dict[str, str]:
    """The codes a document's legend explains, each with the name it stands for."""
    codes: dict[str, str] = {}
    under_heading = False
    for line in lines:
        text = line.text.strip()
        if line.blank:
            continue
        person = _INITIALS_LINE.fullmatch(text)
        if person and person.group("code") in _initials_of(person.group("person")):
            codes[person.group("code")] = person.group("name").strip(" .,;")
            continue
        match = _CODE_LINE.fullmatch(text)
        if match and (match.group("sep") == "=" or under_heading):
            codes[match.group("code")] = match.group("name").strip(" .,;")
        else:
            under_heading = bool(_LEGEND_HEADING.match(text))
            pairs = list(_CODE_PAIR.finditer(text))
            for pair in pairs if len(pairs) >= 2 else []:
                codes.setdefault(pair.group("code"), pair.group("name").strip(" .,;"))
            # "samhällsbyggnadsförvaltningen (SBF)": a code the running text introduces.
            for named in _CODE_IN_TEXT.finditer(text):
                codes.setdefault(named.group("code"), named.group("name"))
    return codes


def _owners_from_codes(document: ParsedDocument, lines: list[_Line]) -> None:
    """The owners of items opening with a one-letter legend's code ("P/K     Trygghetsvandring
    …"): the party or parties the code stands for; a code for others ("Ö = övriga aktörer")
    leaves the item's own reading."""
    coded = {line.start: line.code for line in lines if line.code}
    if not coded:
        return
    codes = letter_legend(document.text)
    unstated = _("The responsible party is not stated in the text")
    for activity in document.activities:
        code = coded.get(activity.span.start) if activity.span else None
        if code is None or code not in codes:
            continue
        responsible, other, _partners = read_owner(f"Ansvarig: {codes[code]}", None)
        if responsible in ("police", "municipality", "joint"):
            activity.responsible, activity.responsible_other = responsible, other
            activity.uncertain = [note for note in activity.uncertain if note != unstated]


# The people an item names to answer for it, with their e-mail addresses: "Kontaktperson:
# Mikael Lundström, mikael.lundstrom@polisen.se".
_CONTACT_PERSONS = re.compile(r"(?:kontaktperson(?:er)?|kontakt)\s*:[^\n]{0,300}", re.IGNORECASE)
_EMAIL_DOMAIN = re.compile(r"[\w.+-]+@(?P<domain>[\w-]+(?:\.[\w-]+)*\.se)\b", re.IGNORECASE)
# A municipality as a text names it ("Robertsfors kommun", "Lunds kommun", "Göteborgs stad"):
# its web address is its name, without the genitive's "s" ("robertsfors.se", "lund.se",
# "goteborg.se"; "Robertsfors" ends in an "s" of its own, so both are kept).
_MUNICIPALITY_NAME = re.compile(r"\b([A-ZÅÄÖ][\w-]{1,30}) (?:kommun|stad)\b")


def _party_of_address(domain: str, municipal_domains: set[str]) -> str | None:
    """The party an e-mail address's domain belongs to: the police's "polisen.se", the
    municipality's own ("robertsfors.se", "lund.se", "x.kommun.se"), else None (a company's)."""
    domain = domain.lower()
    if domain == "polisen.se" or domain.endswith(".polisen.se"):
        return "police"
    name = domain.removesuffix(".se").split(".")[-1]
    if name in municipal_domains or domain.endswith(("kommun.se", "stad.se")):
        return "municipality"
    return None


def _owners_from_contacts(document: ParsedDocument) -> None:
    """The owners of items that name none but a contact person with an e-mail address on the
    line after them ("Kontaktperson: Mikael Lundström, mikael.lundstrom@polisen.se"): the
    party of the addresses' domains, both parties joint; an address of neither party's
    domain says nothing."""
    if "@" not in document.text:
        return
    activities = document.activities
    if not any(a.responsible == "unstated" and a.span for a in activities):
        return
    municipal_domains = set()
    for name in _MUNICIPALITY_NAME.findall(document.text):
        name = fold(name)  # å, ä, ö and é as a domain writes them
        municipal_domains |= {name, name.removesuffix("s")}
    unstated = _("The responsible party is not stated in the text")
    for number, activity in enumerate(activities):
        if activity.responsible != "unstated" or activity.span is None:
            continue
        following = activities[number + 1].span if number + 1 < len(activities) else None
        end = following.start if following else len(document.text)
        # The contact's line right after the item, before the next item.
        after = document.text[activity.span.end : min(end, activity.span.end + 400)]
        contact = _CONTACT_PERSONS.match(after.lstrip("\n \t"))
        if contact is None:
            continue
        kinds = {
            _party_of_address(address.group("domain"), municipal_domains)
            for address in _EMAIL_DOMAIN.finditer(contact.group())
        }
        if kinds == {"police", "municipality"}:
            activity.responsible = "joint"
        elif kinds in ({"police"}, {"municipality"}):
            activity.responsible = kinds.pop()
        else:
            continue
        activity.uncertain = [note for note in activity.uncertain if note != unstated]


def _owners_from_legend(document: ParsedDocument, codes: dict[str, str]) -> None:
    """The owners of the activities that name theirs by a code of the legend ("(LPO, SF)"):
    read again with each code's name written out."""
    if not codes:
        return
    code = re.compile(r"\b(?:" + "|".join(map(re.escape, codes)) + r")\b")
    unstated = _("The responsible party is not stated in the text")
    for activity in document.activities:
        named = {activity.responsible_other, *activity.partners.split(", ")}
        if activity.responsible != "unstated" and not named & codes.keys():
            continue
        kept_partners = []
        if code.search(activity.text):
            written_out = code.sub(lambda match: codes[match.group()], activity.text)
        elif activity.responsible == "other" and activity.responsible_other in codes:
            # A table's owner cell holding a code ("SBF"): its name as the owner's.
            name = codes[activity.responsible_other]
            written_out = f"{name[:1].upper()}{name[1:]}: {activity.text}"
            kept_partners = activity.partners.split(", ") if activity.partners else []
            if read_owner(written_out, None)[0] == "unstated":
                # "Sollentuna kommun: Fältassistenter vid …" names two: the cell's is the owner
                written_out = f"Ansvarig: {name}"
        else:
            continue
        responsible, other, partners = read_owner(written_out, None)
        if responsible == "unstated":
            continue
        partners = partners + kept_partners
        activity.responsible, activity.responsible_other = responsible, other[:150]
        activity.partners = ", ".join(dict.fromkeys(partners))[:300]
        activity.uncertain = [note for note in activity.uncertain if note != unstated]


# "Lokalpolisområde Borås", "lokalpolisområdet Mitt", "LPO Motala", "Lokalpolisområde: Ale" (a
# form's label): the area's name, a word, or two when the first says where ("Östra
# Skaraborg", "SÖDRA LAPPLAND") or the second is "City" ("Stockholm City"); a name of more
# words ("Norrbottens inland") is read by its first, which the form matches. Matched in the
# folded text, whose offsets are the text's; "Lokalpolisområdeschef" names no area.
_POLICE_AREA = re.compile(r"\b(?:lokalpolisomradet?|(?P<lpo>lpo))\b:?[ \t]+")
_POLICE_AREA_NAME = re.compile(
    r"(?:(?i:östra|västra|norra|södra|mellersta|nordöstra|nordvästra|sydöstra|sydvästra"
    r"|centrala|stor|nedre|övre) [A-ZÅÄÖ][\w/-]*|[A-ZÅÄÖ][\w/-]*(?: (?i:city)\b)?)"
)
_LONGEST_POLICE_AREA = 60


def _read_police_area(document: ParsedDocument) -> None:
    """The local police area the document names, wherever it does (a signature, a party, a
    heading): its name as written ("LOKALPOLISOMRÅDE SÖDRA LAPPLAND": "Södra Lappland"); ""
    when it names none, or different ones. A name that another begins ("Borås", "Borås
    Tranemo") is the same area, the shorter kept."""
    names: list[str] = []
    folded = fold(document.text)
    for match in _POLICE_AREA.finditer(folded):
        if match.group("lpo") and document.text[match.start() : match.end("lpo")] != "LPO":
            continue  # "lpo" in lower case is no abbreviation
        found = _POLICE_AREA_NAME.match(document.text, match.end())
        if not found or len(found.group()) > _LONGEST_POLICE_AREA:
            continue
        name = found.group()
        name = name.title() if name.isupper() and len(name) > 3 else name
        words = fold(name).split()
        for number, known in enumerate(names):
            known_words = fold(known).split()
            shorter = min(len(words), len(known_words))
            if words[:shorter] == known_words[:shorter]:
                names[number] = min(known, name, key=len)
                break
        else:
            names.append(name)
        if len(names) > 1:
            break
    document.local_police_area = names[0] if len(names) == 1 else ""


# A line giving the target of an activity numbered above: "Aktivitet 2: minst 6 per år".
_REFERENCE = _kw(
    r"^\s*(?:aktivitet|akt\.|åtgärd|insats)\s*(?P<n>\d{1,2})\s*[:.–—-]\s*(?P<goal>\S.*)$"
)
_ITEM_NUMBER = re.compile(r"^\s*(?:aktivitet\s*)?(\d{1,2})\b", re.IGNORECASE)


def _targets_by_reference(document: ParsedDocument, lines: list[_Line]) -> None:
    """Targets a section gives apart ("Mål och uppföljning" over "Aktivitet 1: minst 2 insatser
    i månaden"), each referring back by number to an activity numbered above that states none
    of its own: that activity's target, counting what it names."""
    text = document.text
    by_start = {activity.span.start: activity for activity in document.activities if activity.span}
    numbered: dict[int, ParsedActivity | None] = {}
    for line in lines:
        if line.blank:
            continue
        raw = text[text.rfind("\n", 0, line.start) + 1 : line.end]
        activity = by_start.get(line.start)
        if activity is not None:
            if (line.numbered or line.labelled) and (match := _ITEM_NUMBER.match(raw)):
                number = int(match.group(1))
                # the same number twice (two lists): which one is meant is not known
                numbered[number] = None if number in numbered else activity
            continue
        reference = _REFERENCE.match(raw)
        if not reference or not (activity := numbered.get(int(reference.group("n")))):
            continue
        if activity.target is not None:
            continue
        goal_start = text.rfind("\n", 0, line.start) + 1 + reference.start("goal")
        target, notes = read_target(
            reference.group("goal"), goal_start, listed=True, counted=activity.text
        )
        activity.target = target
        # "Aktivitet 1: minst 2 insatser i månaden under maj–augusti": why there is none
        activity.uncertain.extend(note for note in notes if note not in activity.uncertain)


# A promise's label before its words on its line: "Löfte A. ", "Löfte 2: ".
_PROMISE_LABEL = _kw(r"(?:löfte|fokusområde|område)\s([A-Z0-9]{1,2})[.:)]?\s?$")


def _promises_by_tag(document: ParsedDocument) -> None:
    """Activities ending with a tag naming the promises they serve ("… per år. [A]", "[A, B]")
    are tied to the promises labelled so ("Löfte A. Vi ska …"), when every letter names one."""
    labels: dict[str, int] = {}
    for number, promise in enumerate(document.promises):
        if promise.span is None:
            continue
        line_start = document.text.rfind("\n", 0, promise.span.start) + 1
        before = document.text[line_start : promise.span.start][-20:]
        if label := _PROMISE_LABEL.search(before):
            labels.setdefault(label.group(1), number)
    if not labels:
        return
    for activity in document.activities:
        text = activity.text.rstrip()
        if not text.endswith("]") or _untagged(text) == text:
            continue
        tags = re.findall(r"[A-Z0-9]{1,2}", text[text.rfind("[") :])
        if tags and all(tag in labels for tag in tags):
            activity.promise_indexes = [labels[tag] for tag in dict.fromkeys(tags)]


def parse(text: str) -> ParsedDocument:
    """The proposed structure of a promise document's text (see the module docstring)."""
    cleaned = clean(text)
    document = ParsedDocument(text=cleaned)
    lines = read_lines(cleaned)
    read_period(document, lines)
    # A part of the year that holds the whole validity limits no target ("2 ggr/dygn under
    # juni–augusti" in a promise for 1 juni–31 augusti).
    months = (
        months_between(document.start, document.end) if document.start and document.end else None
    )
    reset = PERIOD_MONTHS.set(months)
    # A target stated for one of several years is marked for the coordinator to check.
    years = (
        frozenset(range(document.start.year, document.end.year + 1))
        if document.start and document.end
        else None
    )
    reset_years = PERIOD_YEARS.set(years)
    try:
        _read_document(document, lines, text)
    finally:
        PERIOD_YEARS.reset(reset_years)
        PERIOD_MONTHS.reset(reset)
    return document


def _read_document(document: ParsedDocument, lines: list[_Line], text: str) -> None:
    """All but the period of `parse`."""
    _read_structure(document, lines)
    _targets_by_reference(document, lines)
    _promises_by_tag(document)
    _section_titles(document)
    _listed_twice(document)
    _owners_from_legend(document, _legend(lines))
    _owners_from_codes(document, lines)
    _owners_from_contacts(document)
    if not document.promises:
        _promise_from_running_text(document, lines)
    _read_parties(document)
    _read_police_area(document)
    document.area_name = read_area_name(document.text)
    if document.activities and not document.promises:
        document.uncertain.append(_("No promises were found: the document lists activities only"))
    if not document.activities:
        document.uncertain.append(_("No activities were found in the text"))
    read_texts(document, lines, _is_heading)
    _without_owner_labels(document)
    read_signatures(document, text)
    read_decision(document, [line.text for line in lines])
    if words := scanned_words(document.text):
        # "po1isen", "1ördag": a scan read by text recognition, whose other words ("enkat",
        # "kanner") may be damaged too; nothing is corrected, the coordinator checks the texts.
        document.uncertain.append(
            _(
                "The text looks like a scan read by text recognition (“%(words)s”): check its "
                "words before the texts are published"
            )
            % {"words": ", ".join(words)}
        )


def _section_titles(document: ParsedDocument) -> None:
    """A web page's sections, each a heading over one activity's paragraph ("Trygghetsvandringar"
    over "Kommunen och polisen bjuder in till tre trygghetsvandringar …"), under a page whose
    promise is its own sentence ("Vi lovar att arbeta för …"): the headings are the activities'
    titles, not promises. (With no such sentence they stay promises, as Skövde's do.)"""
    said = [
        number
        for number, promise in enumerate(document.promises)
        if _PROMISE_SENTENCE.search(fold(promise.text)[:_PROMISE_SENTENCE_REACH])
    ]
    if len(said) != 1 or len(document.promises) < 3:
        return
    under: dict[int, list[ParsedActivity]] = {}
    for activity in document.activities:
        for number in activity.promise_indexes:
            under.setdefault(number, []).append(activity)
    titles = [number for number in range(len(document.promises)) if number not in said]
    if any(
        len(under.get(number, [])) != 1 or under[number][0].promise_indexes != [number]
        for number in titles
    ):
        return  # a heading over several activities, or over none, is a promise
    for number in titles:
        under[number][0].title = document.promises[number].text
    for activity in document.activities:
        activity.promise_indexes = [0] if activity.promise_indexes == said else []
    document.promises = [document.promises[said[0]]]


def _listed_twice(document: ParsedDocument) -> None:
    """One activity for an activity written word for word under two promises: the first,
    tied to both (one activity to log, not two)."""
    first: dict[str, ParsedActivity] = {}
    kept = []
    for activity in document.activities:
        key = " ".join(activity.text.split()).casefold()
        seen = first.get(key)
        if (
            seen is not None
            and seen.promise_indexes
            and activity.promise_indexes
            and seen.promise_indexes != activity.promise_indexes
            and seen.responsible == activity.responsible
        ):
            seen.promise_indexes = sorted({*seen.promise_indexes, *activity.promise_indexes})
            continue
        first.setdefault(key, activity)
        kept.append(activity)
    document.activities = kept


def _without_owner_labels(document: ParsedDocument) -> None:
    """Each activity's text without the owner's label that ends it ("… kvällstid. Ansvarig:
    Polisen.", "… (Kommunen)", "… – Föreningen Nattvandrarna", "… Vem: Kommunen"), once every
    reading of the owners is done: the label is read into the owner's fields, so the text ends
    where the activity's own sentence ends (else the public page and the signing document say
    it twice). A label followed by another ("Ansvarig: Polisen. Mål: …") and an owner the text
    leaves unstated keep the text whole; so does a target read from the label's words."""
    for activity in document.activities:
        if activity.responsible == "unstated":
            continue
        cut = trailing_owner(activity.text)
        target = activity.target
        if cut is None or activity.span is None:
            continue
        # The kept words' end in the document (an item over several lines is one line of text).
        end, letters = activity.span.start, len("".join(activity.text[:cut].split()))
        while letters and end < activity.span.end:
            letters -= not document.text[end].isspace()
            end += 1
        if target is not None and target.span is not None and target.span.end > end:
            continue
        activity.text = activity.text[:cut]
        activity.span = TextSpan(activity.span.start, end)

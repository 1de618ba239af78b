"""A page in Swedish and another language, read in Swedish: each line, paragraph or section
followed by its translation into English, Finnish or Meänkieli, Somali, Bosnian, Croatian or
Serbian, Polish, a Sami language, or a language in another script (Arabic, Persian, Tigrinya
…), and a page set in two columns by language."""

import re

from promises.textimport.numbers import fold

# A page in Swedish and English: a line in English after its Swedish ("carry out at least 30
# drug checks …"), and a heading's English half ("Polisen lovar att: | The police promise
# to:", "Polisen ska / The Police will:"), are dropped, the Swedish read. A line is English
# when, without å, ä or ö, most of its words are common English words.
_ENGLISH_LIST = (
    "the a an and or of to on at for from with by is are be will we our us you your they "
    "their this that these have has was were every each within during about out least one "
    "two three four five six seven eight nine ten week weeks month months year years day days "
    "hour hours evening evenings promise promises police city municipality together report "
    "results carry hold remove patrol walk safety safer safe work agreed valid local people "
    "young parents meetings checks drug outreach workers centre contact updated last officer "
    "citizen citizens area environment around online quarter graffiti"
)
_ENGLISH_WORDS = frozenset(_ENGLISH_LIST.split())
_ENGLISH_HINT = re.compile(r"\b(?:the|and|of|to|we|will)\b")
_WORD = re.compile(r"[A-Za-zÅÄÖåäö']+")
# (a run of spaces is tried from its start only: from each of its spaces, long runs took
# seconds a line)
_HALF = re.compile(r"(?<!\s)\s+[|/]\s+")


# A Swedish place's name inside an English line ("The City of Malmö will:", "… by
# Hyllievångsvägen."): a capitalised word after the first, its å, ä or ö no sign of Swedish.
_SWEDISH_NAME = re.compile(r"(?<=\s)[A-ZÅÄÖ][a-zåäöé-]*[åäö][a-zåäöé-]*")


def _english(text: str, least: int = 4) -> bool:
    """Whether a line (or, with `least` 1, a half line) is English; a half of one or two
    words, all common English words, is too ("Together:")."""
    text = _SWEDISH_NAME.sub("", text)
    words = _WORD.findall(text.lower())
    if len(words) < least or any(char in text for char in "åäöÅÄÖ"):
        return False
    known = sum(word in _ENGLISH_WORDS for word in words)
    if least == 1 and known == len(words) <= 2:
        return True
    return known >= 2 and known * 2 >= len(words) or known >= 4 and known * 3 >= len(words)


def _without_english(text: str) -> str:
    kept = []
    for line in text.split("\n"):
        halves = _HALF.split(line)
        if len(halves) == 2 and _english(halves[1], 1) and not _english(halves[0], 1):
            # a heading's colon after its English half is the Swedish one's too ("Polisen ska
            # / The Police will:")
            colon = halves[1].endswith(":") and not halves[0].endswith(":")
            line = halves[0] + ":" * colon
        elif _english(line):
            continue
        kept.append(line)
    return "\n".join(kept)


# A page in Swedish and Finnish or Meänkieli, each paragraph or list followed by its
# translation ("Polisen lovar att / Poliisi lupaa"): the translated lines and halves are
# dropped, the Swedish read. A line is Finnish when it has no å, none of the commonest Swedish
# words and at least two words marked as Finnish by a long vowel ("lupaa", "kuntapoliisi") or
# a case ending ("keskustassa", "E10:llä", "lähellä").
_SWEDISH_LIST = (
    "och att i på för med som vid av till om en ett är ska vi det den de under minst per varje "
    "från har kommer lovar gäller polisen kommunen inte samt eller mot hos efter genom där när "
    "alla kan"
)
_SWEDISH_WORDS = frozenset(_SWEDISH_LIST.split())
_FINNISH_WORD = re.compile(r"(?:aa|ee|ii|oo|uu|yy|ää|öö)|(?:ss[aä]|ll[aä]|lt[aä]|stä|ks[ei]|istä)$")
_FINNISH_LETTERS = re.compile(r"[a-zäöđ]+")
# Letters Swedish hardly writes (a long "ä", "ö" or "y", "-ssä", "-llä"): a page may be in
# Finnish too.
_FINNISH_HINT = re.compile(r"ää|öö|yy|(?:ss|ll|lt|st)ä\b", re.IGNORECASE)
_TRANSLATED_HALF = re.compile(r"(?<!\s)\s+/\s+")


def _finnish(text: str, least: int = 4) -> bool:
    lowered = text.lower()
    if "å" in lowered:
        return False
    words = _FINNISH_LETTERS.findall(lowered)
    if len(words) < least or any(word in _SWEDISH_WORDS for word in words):
        return False
    return sum(1 for word in words if _FINNISH_WORD.search(word)) >= (2 if least > 1 else 1)


def _without_finnish(text: str) -> str:
    kept = []
    for line in text.split("\n"):
        halves = _TRANSLATED_HALF.split(line)
        if len(halves) == 2 and _finnish(halves[1], 1) and not _finnish(halves[0], 1):
            line = halves[0]
        elif _finnish(line):
            continue
        kept.append(line)
    return "\n".join(kept)


# A leaflet in Swedish and Somali, each line followed by its translation ("Polisen ska:" over
# "Booliisku waxay sameyn doonaan:"): a line with none of the commonest Swedish words and
# several of the commonest Somali ones ("iyo", "oo", "waxay", "ugu yaraan" …) is dropped, as
# is a heading of Somali words alone ("Ballanqaadkayaga").
_SOMALI_LIST = (
    "iyo oo ee ka ku u la in waa ah ay ayaa ayay waxay waxaan wuxuu waxaa waxa inay inaan ugu "
    "yaraan kale hal mar laga lagu soo wax doonaa doonaan doono doonto doontaa sameyn sameeyo "
    "wadajir xiriir bishii bishiiba sanadka sanadkii toddobaadkii toddobaadkiiba ilaa isku "
    "saabsan gudihiis inta jiro ama haddii dhammaan qof dadka"
)
_SOMALI_WORDS = frozenset(_SOMALI_LIST.split())
# Somali stems of the promise's own words: "ballanqaadka", "booliiska", "degmada", "muwaadiniinta"
_SOMALI_STEMS = ("ballanqaad", "booliis", "degmad", "muwaadin", "amniga", "ammaan")
_SOMALI_HINT = re.compile(r"\b(?:iyo|waxay|waxaan|ayaa|ugu yaraan|booliiska|degmada)\b", re.I)
_SOMALI_LETTERS = re.compile(r"[a-zåäö'-]+")
_FEWEST_SOMALI_WORDS = 3


def _somali(text: str) -> bool:
    words = _SOMALI_LETTERS.findall(text.lower())
    if not words or any(word in _SWEDISH_WORDS for word in words):
        return False
    known = sum(word in _SOMALI_WORDS or word.startswith(_SOMALI_STEMS) for word in words)
    if len(words) < _FEWEST_SOMALI_WORDS:
        return known == len(words)  # a heading: "Ballanqaadkayaga"
    return known >= 2 and known * 4 >= len(words)


def _without_somali(text: str) -> str:
    return "\n".join(line for line in text.split("\n") if not _somali(line))


# A leaflet in Swedish and Bosnian, Croatian or Serbian, each line followed by its translation
# ("Polisen ska:" over "Policija će:", "• provesti najmanje 20 kontrola brzine …"): a line with
# none of the commonest Swedish words ("i" is both languages') and a quarter of its words or
# more the commonest of those languages or written with "č", "ć" or "đ" is dropped, as is a
# heading of such words alone ("Zajedno ćemo:").
_BKS_LIST = (
    "je su da se za na od do sa kod u o iz ili te ali kao tokom najmanje jednom jedan jednu "
    "jedna dva dvije dvaput tri četiri pet puta godišnje mjesečno sedmično sedmice godine "
    "godina policija policije policiju općina općine opština opštine zajedno obećanje "
    "obećavaju obećava vrijedi građanima građane sigurnost sigurnosti sigurniji prije svega "
    "ćemo će biti raditi"
)
_BKS_WORDS = frozenset(_BKS_LIST.split())
_BKS_HINT = re.compile(
    r"[čćđ]|\b(?:najmanje|tokom|policija|općina|opština|zajedno|sedmično|mjesečno)\b", re.I
)
_BKS_LETTERS = re.compile(r"[a-zåäöčćđšž]+")
_BKS_MARKED = re.compile("[čćđ]")
_FEWEST_BKS_HINTS = 3
_SHARED_WORDS = frozenset({"i"})


def _translated(text: str, words_known: frozenset[str], marked: re.Pattern, letters: re.Pattern):
    """Whether a line is in another language written in Latin letters: none of the commonest
    Swedish words ("i" is other languages' too) and a quarter of its words or more among that
    language's commonest (`words_known`) or written with its own letters (`marked`); a heading
    of two words or fewer, all of them such words."""
    words = letters.findall(text.lower())
    if not words or any(w in _SWEDISH_WORDS and w not in _SHARED_WORDS for w in words):
        return False
    known = sum(word in words_known or bool(marked.search(word)) for word in words)
    if len(words) < _FEWEST_SOMALI_WORDS:
        return known == len(words)  # a heading: "Policija će:"
    return known >= 2 and known * 4 >= len(words)


def _without_bks(text: str) -> str:
    return "\n".join(
        line
        for line in text.split("\n")
        if not _translated(line, _BKS_WORDS, _BKS_MARKED, _BKS_LETTERS)
    )


# A leaflet in Swedish and Polish, each line followed by its translation ("Polisen ska:" over
# "Policja będzie:", "• przeprowadzić co najmniej 20 kontroli drogowych …"): read as a
# Bosnian line is, by the commonest Polish words and the letters Polish alone writes.
_POLISH_LIST = (
    "i w z na do od dla nie jest są się że przy oraz lub co najmniej tydzień tygodniu "
    "miesiąc miesiącu roku rok razy raz dwa trzy cztery pięć policja policji gmina gminy gminie "
    "razem będzie będziemy będą obietnica obietnicę obietnicy bezpieczeństwa bezpieczeństwo "
    "mieszkańców mieszkańcy przez nad pod tym aby o nasza nasze nasz każdy każdą "
)
_POLISH_WORDS = frozenset(_POLISH_LIST.split())
_POLISH_MARKED = re.compile("[ąęłńśźżó]")
_POLISH_HINT = re.compile(
    r"[ąęłńśźż]|\b(?:najmniej|obietnica|policja|gmina|będzie|będziemy)\b", re.IGNORECASE
)
_POLISH_LETTERS = re.compile(r"[a-zåäöąćęłńóśźż]+")


def _without_polish(text: str) -> str:
    return "\n".join(
        line
        for line in text.split("\n")
        if not _translated(line, _POLISH_WORDS, _POLISH_MARKED, _POLISH_LETTERS)
    )


# A page in Swedish and a Sami language, each section followed by its translation ("Det här
# gör polisen" over "Daate polijsi dorje", "• Unnemes 25 trafihkegïehtjedimmieh E14 jïh …"): read
# as a Bosnian line is, by the commonest words of South, Lule and North Sami and the letters
# they alone write ("ï", "æ", "ø", "ŋ", "đ", "ŧ"; "åå" and "öö", which Swedish never writes).
_SAMI_LIST = (
    "jïh jih ja lea leah leat akte ikth göökte golme fïereguhten fïerhten mietie bïjre gaskem "
    "daate dïhte mij mijjieh mijjen dorje darjoeminie darjoejibie edtja edtjieh guktie "
    "unnemes jaepien jaepeste våhkosne ektesne ektie tjïelte tjïelten polijsi polijsije "
    "lohpedasse lohpedibie åarjelsaemien åarjelsaemiengïelesne ahte mii dat juohke jagis "
    "jahkái vahkkus unnimusat oktasaš gielda gieldda politiija lohpádus lohpidit sámegillii "
    "davvisámegillii julevsámegiellaj"
)
_SAMI_WORDS = frozenset(_SAMI_LIST.split())
_SAMI_MARKED = re.compile("[ïæøŋđŧ]|åå|öö")
_SAMI_HINT = re.compile(
    r"[ïŋđŧ]|\b(?:jïh|leah|unnemes|fïereguhten|juohke|unnimusat|åarjelsaemien|sámegillii)\b",
    re.IGNORECASE,
)
_SAMI_LETTERS = re.compile(r"[a-zåäöáčđŋšŧžïæø]+")


def _without_sami(text: str) -> str:
    return "\n".join(
        line
        for line in text.split("\n")
        if not _translated(line, _SAMI_WORDS, _SAMI_MARKED, _SAMI_LETTERS)
    )


# A leaflet in several languages: each line followed by its translation into Arabic, Persian,
# Tigrinya, Russian … ("وعد للمواطنين – هالستاهامر", "الشرطة ستقوم بـ"). A line whose letters are
# mostly of another script than the Latin is a translation, dropped.
_OTHER_SCRIPT = re.compile(
    "[\u0370-\u03ff\u0400-\u04ff\u0530-\u058f\u0590-\u05ff\u0600-\u06ff\u0700-\u074f"
    "\u0750-\u077f\u0900-\u097f\u0e00-\u0e7f\u10a0-\u10ff\u1200-\u137f\u3040-\u30ff"
    "\u4e00-\u9fff\uac00-\ud7af\ufb50-\ufdff\ufe70-\ufefc]"
)


def _without_other_scripts(text: str) -> str:
    kept = []
    for line in text.split("\n"):
        others = len(_OTHER_SCRIPT.findall(line))
        if others and others * 2 >= sum(1 for char in line if char.isalpha()):
            continue
        kept.append(line)
    return "\n".join(kept)


# A page set in two columns by language, "Svenska<tab>English" over rows of a Swedish text and
# its translation: the Swedish column alone is read, a line a row, its header dropped.
_LANGUAGE = (
    r"(?:på )?(?:svenska|swedish|engelska|english|in english|arabiska|arabic|somaliska|somali"
    r"|finska|suomi|finnish|persiska|dari|tigrinja|tigrinya|polska|polski|ukrainska|bosniska)"
)
_LANGUAGE_HEADER = re.compile(rf"^[ \t]*{_LANGUAGE}[ \t]*\t[ \t]*{_LANGUAGE}[ \t]*$", re.I | re.M)


def _swedish_column(text: str) -> str:
    header = _LANGUAGE_HEADER.search(text)
    if not header:
        return text
    names = [fold(cell).strip() for cell in header.group().split("\t")]
    if sum("svenska" in name or "swedish" in name for name in names) != 1:
        return text
    column = next(k for k, name in enumerate(names) if "svenska" in name or "swedish" in name)
    lines = text[header.end() :].split("\n")  # lines[0]: what follows the header on its line
    rows = 1
    listed = False  # under a row ending with a colon ("Polisen ska:"), each row is an item
    while rows < len(lines) and lines[rows].count("\t") == len(names) - 1:
        cell = lines[rows].split("\t")[column].strip()
        lines[rows] = f"• {cell}" if listed and cell and not cell.endswith(":") else cell
        listed = cell.endswith(":") or (listed and bool(cell))
        rows += 1
    return text[: header.start()] + "\n".join(lines[1:])

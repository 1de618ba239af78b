"""Messages and speech read as the text they carry: an e-mail (its source, quotation marks,
links in angle brackets, the earlier messages a reply quotes, answers written into it in
capitals), a chat or a text-message thread (Teams, WhatsApp, a phone's), a thread of posts, a
film's subtitles, a meeting's transcript and its speakers, a film's or a recording's script, a
dictated text's spoken commands, a sticky-note board's writers and votes, a form's or a
consultation's answers ("Ni sa:" / "Vi gör:", "Förslagets lydelse:")."""

import email.errors
import email.header
import quopri
import re

from promises.textimport.formats.common import BULLET_CHARS
from promises.textimport.formats.web import _EMOJI
from promises.textimport.numbers import fold

# An HTML e-mail as Outlook gives its text: each link's address in angle brackets right after
# its words ("Vaxholms hamn<https://vaxholm.se/hamnen>", "…@vaxholm.se<mailto:…>") and each
# picture as its content id ("[cid:image001.png@01DC7C3A.2B4E6F10]"). Both are dropped.
_MAIL_LINK = re.compile(
    r"(?<=\S)<(?:https?://|mailto:|www\.)[^<>\s]{1,3000}>|\[cid:[^\[\]\s]{1,300}\]"
)


# A form's answers as a survey tool exports them: "Fråga 5. Vilka aktiviteter genomför
# polisen? (en per rad)" over "Svar:" and the answer's lines. The questions are read as
# headings, without their number and a hint in brackets after the question mark, and the
# answers without their label.
_FORM_QUESTION = re.compile(
    r"^(?:fråga|question) \d{1,2}[.:)]?[ \t]+(?P<question>[^\n?]{2,200}\?)?"
    r"(?:[ \t]*\([^()\n]{1,60}\))?",
    re.IGNORECASE | re.MULTILINE,
)
_FORM_ANSWER = re.compile(r"^(?:svar|answer):(?:[ \t]*\n|[ \t]*)", re.IGNORECASE | re.MULTILINE)
_FEWEST_FORM_ANSWERS = 3


def _form_answers(text: str) -> str:
    """A form's text with its questions as headings and its answers without their label."""
    if len(_FORM_ANSWER.findall(text)) < _FEWEST_FORM_ANSWERS:
        return text
    if len(_FORM_QUESTION.findall(text)) < _FEWEST_FORM_ANSWERS:
        return text
    lines = []
    one_per_line = False  # "(en per rad)": each of the answer's lines is an item
    for line in _FORM_ANSWER.sub("", text).split("\n"):
        if question := _FORM_QUESTION.match(line):
            one_per_line = bool(_ONE_PER_LINE.search(line))
            number_end = line.find(" ", line.find(" ") + 1)
            line = question.group("question") or line[number_end:].strip()
        elif not line.strip():
            one_per_line = False
        elif one_per_line:
            line = f"• {line}"
        lines.append(line)
    return "\n".join(lines)


_ONE_PER_LINE = re.compile(r"\((?:en|ett|one)(?: \w+)? per (?:rad|line)\)", re.IGNORECASE)


# A quoted e-mail's lines: "> Polisen ska:", and ">" alone for its blank lines.
_QUOTE_MARK = re.compile(r"^>[ \t]?", re.MULTILINE)
_QUOTED_BLANK = re.compile(r"^>[ \t]*$", re.MULTILINE)


def _unquoted(text: str) -> str:
    """An e-mail's quoted text without its quotation marks, when it has blank lines quoted
    (">" alone): a list with ">" as its bullets has none."""
    return _QUOTE_MARK.sub("", text) if _QUOTED_BLANK.search(text) else text


# A chat copied from Teams or the like: each message under a header "[2026-01-19 09:14] Maria
# Lundberg (Vännäs kommun)", its reactions ("👍 2  ❤️ 1"), "(Redigerad)", a reply's quotation
# "Svar till Maria Lundberg: "…"", and the chat's own notices ("… har lagt till … i chatten.",
# "Mötet avslutades: 28 min 14 s"). With two headers or more, those lines are dropped and the
# messages read as the text they are.
_CHAT_HEADER = re.compile(
    r"^[ \t]*\[(?:\d{4}-\d{2}-\d{2}[ ,]+|\d{1,2}/\d{1,2}(?:/\d{2,4})?[ ,]+)?\d{1,2}[:.]\d{2}"
    # (never a transcript's turn, what is said after the name: "[00:00:48] Sofia Nordin: Och …")
    r"(?:[:.]\d{2})?\][ \t]*[^\W\d_](?:(?!: \S)[^\n]){0,80}$",
    re.MULTILINE,
)
_FEWEST_CHAT_HEADERS = 2
_LONGEST_CHAT_LINE = 400
_CHAT_REACTIONS = re.compile(rf"[{_EMOJI}\d \t]+")  # with an emoji: "👍 2  ❤️ 1"
_CHAT_REACTION = re.compile(rf"[{_EMOJI}]")
_CHAT_LINE = re.compile(
    r"\(?(?:redigerad|redigerat|edited)\)?"
    r"|(?:svar till|replying to|svarar) [^:\n]{2,80}:.*"
    r"|.{2,120} har (?:lagt till|tagit bort|lamnat|bytt namn pa) .{0,160}"
    r"(?:chatten|gruppen|motet|konversationen|kanalen)\b.{0,80}"
    r"|(?:motet|samtalet) (?:startade|borjade|avslutades|har avslutats|slutade)\b.{0,120}"
)


def _without_chat(text: str) -> str:
    if len(_CHAT_HEADER.findall(text, 0, 200_000)) < _FEWEST_CHAT_HEADERS:
        return text
    return "\n".join(
        line
        for line in _CHAT_HEADER.sub("", text).split("\n")
        if not (
            line.strip()
            and (
                _CHAT_REACTIONS.fullmatch(line.strip())
                and _CHAT_REACTION.search(line)
                or len(line) <= _LONGEST_CHAT_LINE
                and _CHAT_LINE.fullmatch(fold(line.strip()))
            )
        )
    )


# A thread of posts copied from X, Threads or the like: each post numbered "2/7" at its start
# (the first often after "🧵"), under its author's name over "@handle · 3 feb.". With three
# numbered posts or more of one thread, the numbers, the handle lines and the author's name
# over them are dropped: each post is read as the text it is.
_THREAD_NUMBER = re.compile(
    rf"^([ \t]*)(?:[{_EMOJI}]+[ \t]*)?(\d{{1,2}})/(\d{{1,2}})[ \t]+(?=\S)", re.MULTILINE
)
_FEWEST_THREAD_POSTS = 3
_HANDLE_LINE = re.compile(r"@[\w.]{2,40}(?:\s*·\s*.{1,30})?")


def _without_thread_numbers(text: str) -> str:
    found = [
        (int(match.group(2)), int(match.group(3)))
        for match in _THREAD_NUMBER.finditer(text, 0, 200_000)
    ]
    totals = [total for number, total in found if 1 <= number <= total]
    if not totals:
        return text
    total = max(set(totals), key=totals.count)
    if totals.count(total) < min(_FEWEST_THREAD_POSTS, total):
        return text

    def unnumbered(match: re.Match) -> str:
        number, of = int(match.group(2)), int(match.group(3))
        return match.group(1) if of == total and 1 <= number <= total else match.group()

    lines = _THREAD_NUMBER.sub(unnumbered, text).split("\n")
    handles = {
        index
        for index, line in enumerate(lines)
        if line.strip().startswith("@") and _HANDLE_LINE.fullmatch(line.strip())
    }
    dropped = handles | {index - 1 for index in handles if index and len(lines[index - 1]) < 60}
    return "\n".join(line for index, line in enumerate(lines) if index not in dropped)


# A page answering what residents said, "Ni sa: Det körs för fort …" over "Vi gör: Polisen
# genomför …", two pairs or more: what was said is no activity and goes, and what is done
# loses its label.
_THEY_SAID = re.compile(
    r"^[ \t]*(?:ni|du|invånarna|medborgarna) (?:sa|sade|tyckte|önskade|ville)[ \t]*:[^\n]*\n?",
    re.MULTILINE | re.IGNORECASE,
)
_WE_DO_LABEL = re.compile(
    r"^([ \t]*)(?:vi (?:gör|gjorde|ska göra|kommer att göra)|det här gör vi)[ \t]*:[ \t]*",
    re.MULTILINE | re.IGNORECASE,
)
_FEWEST_ANSWERS = 2


def _answers_unlabelled(text: str) -> str:
    if len(_WE_DO_LABEL.findall(text)) < _FEWEST_ANSWERS:
        return text
    if len(_THEY_SAID.findall(text)) < _FEWEST_ANSWERS:
        return text
    return _WE_DO_LABEL.sub(r"\1", _THEY_SAID.sub("", text))


# A consultation's reply quoting the proposal, each part's wording ("Förslagets lydelse: Polisen
# genomför minst 20 trafikkontroller …") over the reply's view of it ("Kommunens synpunkt:
# Tillstyrks. …"), two pairs or more: the views are no part of the promise and go, and the
# proposal's wording loses its label.
_PROPOSED_WORDING = re.compile(
    r"^([ \t]*)(?:förslagets|föreslagen|remissens|remissförslagets) lydelse[ \t]*:[ \t]*",
    re.MULTILINE | re.IGNORECASE,
)
_REPLY_VIEW = re.compile(
    r"^[ \t]*(?:(?:kommunens|kommunstyrelsens|nämndens|polisens|vår|våra|remissinstansens) )?"
    r"(?:synpunkt(?:er)?|kommentar(?:er)?|ställningstagande)[ \t]*:[^\n]*\n?",
    re.MULTILINE | re.IGNORECASE,
)


def _proposal_unlabelled(text: str) -> str:
    if len(_PROPOSED_WORDING.findall(text)) < _FEWEST_ANSWERS:
        return text
    if len(_REPLY_VIEW.findall(text)) < _FEWEST_ANSWERS:
        return text
    return _PROPOSED_WORDING.sub(r"\1", _REPLY_VIEW.sub("", text))


# An e-mail's source saved as it came ("Received: …", "Content-Transfer-Encoding:
# quoted-printable", "H=C3=A4r kommer …" with "=" ending lines it broke).
_QUOTED_PRINTABLE = re.compile(
    r"^content-transfer-encoding:[ \t]*quoted-printable[ \t]*\r?$", re.IGNORECASE | re.MULTILINE
)
_MAIL_HEADER = re.compile(r"([A-Za-z][A-Za-z0-9-]{0,40}):[ \t]")
_MAIL_HEADERS_KEPT = frozenset({"from", "to", "cc", "date", "subject"})
_MAIL_CHARSET = re.compile(r"charset=\"?([\w.:-]{1,40})", re.IGNORECASE)


def _mail_header(line: str) -> str:
    """A header line with its encoded words ("=?UTF-8?Q?Karin_=C3=96st?=") as their text."""
    name, _colon, value = line.partition(":")
    try:
        value = str(email.header.make_header(email.header.decode_header(value.strip())))
    except (UnicodeError, LookupError, ValueError, email.errors.HeaderParseError):
        value = value.strip()
    return f"{name}: {value}"


def _mail_source(raw: str) -> str:
    """The text an e-mail's source in quoted-printable stands for: its headers but From, To,
    Cc, Date and Subject dropped, those read, and its body decoded (the lines it broke with a
    "=" at their end joined, "=C3=B6" as "ö"); the text as given when it is no such source."""
    text = raw.replace("\r\n", "\n")
    marker = _QUOTED_PRINTABLE.search(text, 0, 20_000)
    blank = text.find("\n\n", marker.end()) if marker else -1
    if blank < 0:
        return raw
    head, body = text[:blank], text[blank + 2 :]
    try:
        data = quopri.decodestring(body.encode("latin-1"))
    except UnicodeEncodeError:
        return raw  # letters beyond what quoted-printable writes: no such source
    charset = _MAIL_CHARSET.search(head)
    try:
        body = data.decode(charset.group(1) if charset else "utf-8")
    except (UnicodeDecodeError, LookupError):
        body = data.decode("cp1252", errors="replace")
    headers: list[str] = []
    keeping = False
    for line in head.split("\n"):
        if header := _MAIL_HEADER.match(line):
            keeping = header.group(1).lower() in _MAIL_HEADERS_KEPT
            if keeping:
                headers.append(line)
        elif line[:1] in (" ", "\t") and keeping:
            headers[-1] += " " + line.strip()  # a header folded onto the next line
        else:
            keeping = False
    headers = [_mail_header(line) for line in headers]
    return "\n".join([*headers, "", body]) if headers else body


# A film's subtitles, WebVTT or SubRip: cues "00:00:31.200 --> 00:00:35.800" (SubRip with a
# comma, "00:00:31,200") each over its lines, a number or a name over the timing, a "WEBVTT"
# header and "NOTE" blocks. Read as the speech they give: the cues' lines joined into running
# text, a paragraph broken where a sentence ends before a pause.
_CUE_TIMING = re.compile(
    r"[ \t]*(?P<start>(?:\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{3})[ \t]+-->[ \t]+"
    r"(?P<end>(?:\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{3})(?:[ \t].{0,200})?"
)
_CUE_TIMING_PRESENT = re.compile(r"^[ \t]*(?:\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{3}[ \t]+-->", re.M)
_FEWEST_CUES = 3
# A cue's markup: a voice "<v Mats Åberg>", "<i>", "</c>", a time "<00:00:12.500>".
_CUE_TAG = re.compile(r"</?[a-z0-9.:_ -][^<>\n]{0,200}>", re.IGNORECASE)
# A cue's sound, alone on its line: "[Lugn musik]", "(applåder)", "♪ … ♪".
_CUE_SOUND = re.compile(r"\[[^\[\]\n]{1,80}\]|\([^()\n]{1,80}\)|♪.{0,200}")
_CUE_DASH = re.compile(r"^[-–—][ \t]+")
_CUE_BLOCK_SKIPPED = re.compile(r"(?:WEBVTT|NOTE|STYLE|REGION)\b")
# A pause between cues, in seconds, after which a sentence ended opens a new paragraph.
_PARAGRAPH_PAUSE = 1.5
_LONGEST_SPOKEN_PARAGRAPH = 1_500


def _seconds(time: str) -> float:
    parts = time.replace(",", ".").split(":")
    return sum(float(part) * 60**power for power, part in enumerate(reversed(parts)))


def _without_subtitles(text: str) -> str:
    paragraphs: list[list[str]] = [[]]
    previous_end = None
    for block in re.split(r"\n[ \t]*\n", text):
        lines = block.strip("\n").split("\n")
        timing = next((k for k, line in enumerate(lines[:3]) if _CUE_TIMING.fullmatch(line)), None)
        if timing is None:
            if lines and not _CUE_BLOCK_SKIPPED.match(lines[0].strip()) and block.strip():
                paragraphs.append([" ".join(line.strip() for line in lines if line.strip())])
                paragraphs.append([])
            continue
        match = _CUE_TIMING.fullmatch(lines[timing])
        start, end = _seconds(match.group("start")), _seconds(match.group("end"))
        words = []
        for line in lines[timing + 1 :]:
            line = _CUE_DASH.sub("", _CUE_TAG.sub("", line).strip())
            if line and not _CUE_SOUND.fullmatch(line):
                words.append(line)
        if not words:
            continue
        spoken = paragraphs[-1]
        ended = bool(spoken) and spoken[-1].endswith((".", "!", "?"))
        paused = previous_end is not None and start - previous_end >= _PARAGRAPH_PAUSE
        if ended and (paused or sum(map(len, spoken)) > _LONGEST_SPOKEN_PARAGRAPH):
            paragraphs.append([])
        paragraphs[-1].extend(words)
        previous_end = end
    return "\n\n".join(" ".join(words) for words in paragraphs if words) + "\n"


# A meeting's recording transcribed (Microsoft Teams, Word's "Transkribera") and saved as
# text: each turn a line "Karin Lindqvist   0:04" (who speaks, then when) over what is said,
# the recording's name, date and length above the first ("…-Mötesinspelning", "11 februari
# 2026, 10:15AM", "12m 47s"), and "Karin Lindqvist startade transkriberingen" around them.
_SPEAKER_LINE = re.compile(
    r"[ \t]*(?P<who>[A-ZÅÄÖÉ][\w'.-]{0,40}(?:[ \t][A-ZÅÄÖÉ][\w'.-]{0,40}){0,3}"
    r"(?:[ \t]\([^()\n]{1,40}\))?)[ \t]+(?P<time>(?:\d{1,2}:)?\d{1,2}:\d{2})[ \t]*"
)
_SPEAKER_PRESENT = re.compile(r"^[ \t]*[A-ZÅÄÖÉ][^\n]{0,120}?[ \t]\d{1,2}:\d{2}[ \t]*$", re.M)
_FEWEST_SPEAKER_LINES = 3
_TRANSCRIPT_NOTICE = re.compile(
    r"[^\n]{2,80}\b(?:startade|stoppade|avslutade|pausade) transkriberingen|"
    r"[^\n]{2,80}\b(?:started|stopped|paused) transcription",
    re.IGNORECASE,
)
_RECORDING_HEAD = re.compile(
    r"[^\n]{0,200}-(?:Mötesinspelning|Mötesavskrift|Meeting Recording|Meeting Transcript)|"
    r"(?:\d{1,2}h[ \t]?)?\d{1,2}m[ \t]?\d{1,2}s|"
    r"\d{1,2}[ \t]+[a-zåäö]+[ \t]+\d{4},?[ \t]+\d{1,2}[:.]\d{2}[ \t]*(?:[AP]M|[ap]\.m\.)?",
    re.IGNORECASE,
)
# A speaker's fillers ("eh", "ehm", "öh") and a sentence broken off to be said again
# ("Polisen ska genomföra minst tjugo, eh, nej, vänta.", "Jag tar om den.").
_FILLER = re.compile(r"(?:,[ \t]*)?\b(?:eh|ehm|öh|öhm|äh|ähm|hmm?)\b,?[ \t]*", re.IGNORECASE)
_LONGEST_SPOKEN_HEADING = 6
_SPOKEN_SENTENCE = re.compile(r"[^.!?]*[.!?]+|[^.!?]+$")
_BROKEN_OFF = re.compile(
    r"(?:,|\b(?:nej|nä))[ \t]*(?:nej,?[ \t]*)?(?:vänta|stopp|förlåt|jag läste fel)[.!]?[ \t]*$|"
    r"\bjag (?:tar|gör|läser) om (?:den|det|den där|det där|meningen)\b|\bjag börjar om\b",
    re.IGNORECASE,
)


# A chat's written turns (Slack's, Teams'): a message holding a list ("*Polisen ska:*" over items
# each opened by an emoji's short code, ":oncoming_police_car: genomföra …", or a bullet) is
# kept line by line, the short codes before its items read as bullets, the stars of a line in
# bold dropped; short codes inside a sentence (":wave:", ":+1:") and a thread's count of
# replies ("3 svar") are no words of it.
_SHORTCODE_BULLET = re.compile(r"^:[a-z0-9_+-]{2,40}:[ \t]+(?=\S)")
_SHORTCODE = re.compile(r"[ \t]?(?<!\w):[a-z0-9_+-]{2,40}:(?!\w)")
_BOLD_LINE = re.compile(r"\*([^*\n]{1,200})\*")
_REPLY_COUNT = re.compile(r"\d{1,3} (?:svar|replies|reply|kommentarer)")


# (never an AsciiDoc document's attributes, ":lang: sv", ":toc: left": a word or two after them)
_SHORTCODE_BULLETS = re.compile(
    r"^[ \t]*:[a-z0-9_+-]{2,40}:[ \t]+(?=\S+[ \t]+\S+[ \t]+\S)", re.MULTILINE
)
_FEWEST_SHORTCODE_BULLETS = 2


def shortcode_bullets_read(raw: str) -> str:
    """A chat's items opened by an emoji's short code (two or more) with "- " instead, read
    before a drawer's ":PROPERTIES:" of an org file could take them."""
    if len(_SHORTCODE_BULLETS.findall(raw, 0, 50_000)) < _FEWEST_SHORTCODE_BULLETS:
        return raw
    return _SHORTCODE_BULLETS.sub("- ", raw)


def _written_list(turn: list[str]) -> str | None:
    """A turn holding a list, its lines as written (see above); None for a spoken turn."""
    if not any(_SHORTCODE_BULLET.match(line) or _LIST_ITEM.match(line) for line in turn):
        return None
    lines = []
    for line in turn:
        if _REPLY_COUNT.fullmatch(line):
            continue
        line = _SHORTCODE_BULLET.sub("- ", line)
        line = _SHORTCODE.sub("", line).strip()
        if bold := _BOLD_LINE.fullmatch(line):
            line = bold.group(1).strip()
        if line:
            lines.append(line)
    return "\n".join(lines)


def _said(words: str) -> tuple[str, bool]:
    """What a turn says, its fillers and the sentences broken off to be said again left out,
    and whether a sentence was so broken off."""
    sentences = _SPOKEN_SENTENCE.findall(words)
    kept = "".join(sentence for sentence in sentences if not _BROKEN_OFF.search(sentence))
    broken = len(kept) < len("".join(sentences))
    said = _FILLER.sub(lambda m: " " if m.group().startswith(",") else "", kept)
    said = re.sub(r"[ \t]{2,}", " ", said).strip()
    if len(said.split()) <= _LONGEST_SPOKEN_HEADING and said.count(".") == 1 and said[-1] == ".":
        said = said[:-1]  # a heading read aloud: "Det här gör polisen."
    return said[:1].upper() + said[1:], broken


def _without_speaker_lines(text: str) -> str:
    """A transcript (three lines "Name   m:ss" or more, each over what is said, their times in
    order) as its turns, a paragraph each; the recording's head and the transcription's notices
    dropped. The text as it is when it is no such transcript."""
    lines = text.split("\n")
    speakers = [
        k
        for k, line in enumerate(lines)
        if len(line) <= 160
        and _SPEAKER_LINE.fullmatch(line)
        and k + 1 < len(lines)
        and lines[k + 1].strip()
        and not _SPEAKER_LINE.fullmatch(lines[k + 1])
    ]
    if len(speakers) < _FEWEST_SPEAKER_LINES:
        return text
    matches = [_SPEAKER_LINE.fullmatch(lines[k]) for k in speakers]
    times = [_seconds(match.group("time")) for match in matches]
    if any(later < earlier for earlier, later in zip(times, times[1:], strict=False)):
        return text  # a programme's times, or a list's
    if len({match.group("who") for match in matches}) == len(matches):
        return text  # no one speaks twice: a programme's items ("Fika   14:00"), no turns
    first = speakers[0]
    head = [
        line
        for line in lines[:first]
        if line.strip()
        and not _RECORDING_HEAD.fullmatch(line.strip())
        and not _TRANSCRIPT_NOTICE.fullmatch(line.strip())
    ]
    paragraphs = ["\n".join(head)] if head else []
    starts = set(speakers)
    turn: list[str] = []
    repairing = False  # after a sentence broken off, until it is said again
    for k in range(first, len(lines) + 1):
        line = lines[k].strip() if k < len(lines) else ""
        if k in starts or k == len(lines):
            written = _written_list(turn)
            if written is not None:
                said, broken = written, False
            else:
                said, broken = _said(_SHORTCODE.sub("", " ".join(turn))) if turn else ("", False)
            short = len(said.split()) <= _LONGEST_SPOKEN_HEADING
            if said and not (repairing and short):
                # ("Det står tjugofem." and "Ja, förlåt." between: the repair's, dropped)
                paragraphs.append(said)
            repairing = broken or repairing and short
            turn = []
        elif line and not _TRANSCRIPT_NOTICE.fullmatch(line):
            turn.append(line)
    return "\n\n".join(paragraphs) + "\n"


# An e-mail's reply over the earlier messages it quotes in full, Outlook's way: "-----Ursprungligt
# meddelande-----" (or a rule of underscores over "Från:") over each earlier message. When the
# reply itself holds a list (three items or more: the promise's final text), the earlier
# messages (its drafts, with their older numbers) are no part of it and are dropped.
_EARLIER_MESSAGE = re.compile(
    r"^[ \t]*(?:-{3,}[ \t]*(?:ursprungligt meddelande|original message|originalmeddelande)"
    r"[ \t]*-{3,}|_{10,}[ \t]*\n[ \t]*(?:från|from)[ \t]*:)[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_LIST_ITEM = re.compile(r"^[ \t]*(?:[-–•*]|\d{1,2}[.)])[ \t]+\S", re.MULTILINE)
_FEWEST_REPLY_ITEMS = 3


def _without_earlier_messages(text: str) -> str:
    earlier = _EARLIER_MESSAGE.search(text)
    if earlier and len(_LIST_ITEM.findall(text, 0, earlier.start())) >= _FEWEST_REPLY_ITEMS:
        return text[: earlier.start()]
    return text


# A text-message thread copied from a phone: each message's delivery mark on a line of its own
# under it ("Levererat", "Läst 14:21", "Skickat"), dropped when the text holds two or more.
_DELIVERY_MARK = re.compile(
    r"^[ \t]*(?:levererat|levererad|skickat|läst|sett|delivered|read|seen)"
    r"(?:[ \t]+(?:kl\.?[ \t]*)?\d{1,2}[:.]\d{2})?[ \t]*$\n?",
    re.IGNORECASE | re.MULTILINE,
)
_FEWEST_DELIVERY_MARKS = 2

# A chat exported as a file (WhatsApp's "Exportera chatt"): each message on a line of its own
# after its date, time and sender ("2026-01-12 08:31 - Johan Ek: Här är polisens del:", as a
# phone set to Swedish writes it; "[2026-01-12 08:31:05] Johan Ek: …" from an iPhone,
# "12/01/2026, 08:31 - …" in other languages), its further lines under it; the app's own notices
# on such a line with no sender ("Anna Karlsson skapade gruppen …", "Meddelanden och samtal är
# end-to-end-krypterade …"), left-out media ("<Media utelämnad>") and deleted messages. When the
# text starts with such a line and holds three messages or more, each message is read as a
# paragraph of its own, without its date, time and sender, and the rest is dropped.
_EXPORTED_LINE = re.compile(
    r"^[ \t\u200e]*\[?(?:\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}),?[ \t]\d{1,2}[:.]\d{2}"
    r"(?:[:.]\d{2})?(?:[ \t]?[AaPp]\.?[Mm]\.?)?(?:\][ \t]|[ \t][-–][ \t])"
    r"(?:(?P<sender>[^:\n]{1,60}?):[ \t])?",
    re.MULTILINE,
)
_FEWEST_EXPORTED_MESSAGES = 3
_NO_MESSAGE = re.compile(
    r"\u200e?(?:<(?:media utelämnad|media omitted|bifogat|bifogad fil|attached)[^<>\n]{0,200}>"
    r"|det här meddelandet (?:har raderats|togs bort)|du (?:raderade|tog bort) det här meddelandet"
    r"|this message was deleted|you deleted this message)",
    re.IGNORECASE,
)
_EDITED_MARK = re.compile(
    r"[ \t]*<(?:det här meddelandet redigerades|this message was edited)>", re.IGNORECASE
)


def _exported_chat_read(text: str) -> str:
    if not _EXPORTED_LINE.match(text.lstrip("\n")):
        return text
    messages = sum(
        1 for match in _EXPORTED_LINE.finditer(text, 0, 200_000) if match.group("sender")
    )
    if messages < _FEWEST_EXPORTED_MESSAGES:
        return text
    kept: list[str] = []
    dropping = False  # the lines under a notice, left-out media or a deleted message
    for line in text.split("\n"):
        match = _EXPORTED_LINE.match(line)
        if match is None:
            if not dropping:
                kept.append(line)
            continue
        message = _EDITED_MARK.sub("", line[match.end() :])
        dropping = not match.group("sender") or bool(_NO_MESSAGE.fullmatch(message.strip()))
        if not dropping:
            kept.extend(("", message))
    return "\n".join(kept).lstrip("\n")


# A film's or a recording's script (a sign-language film's, a video's): scenes headed "SCEN 3",
# the words to be said or signed under a label ("TOLK: …", "SPEAKER: …", "BERÄTTARE: …"), the
# text shown on the screen ("SKYLT: Det här gör polisen", "TEXT: …") and the directions
# ("BILD: …", "TECKEN: …", "LJUD: …", "(Paus 2 sekunder.)"). When three lines or more are
# such labels and scenes, the script is read as what the viewer meets: the words said and
# shown, without their labels; the scenes and the directions dropped.
_SCRIPT_MARK = re.compile(
    r"^[ \t]*(?:(?:SCEN|SCENE|BILDRUTA|KLIPP)[ \t]+\d{1,3}[ \t]*$"
    r"|(?:TOLK|SPEAKER|SPEAK|BERÄTTARE|BERATTARE|SKYLT|BILD|TECKEN|LJUD|MUSIK|GRAFIK|FOTO"
    r"|VIDEO)[ \t]*:)",
    re.MULTILINE,
)
_FEWEST_SCRIPT_MARKS = 6
_SCRIPT_DIRECTION = re.compile(
    r"[ \t]*(?:(?:SCEN|SCENE|BILDRUTA|KLIPP)[ \t]+\d{1,3}"
    r"|(?:BILD|TECKEN|LJUD|MUSIK|GRAFIK|FOTO|VIDEO)[ \t]*:.*"
    r"|\((?:paus|tystnad|musik)\b[^()\n]*\))[ \t]*",
    re.IGNORECASE,
)
_SCRIPT_LABEL = re.compile(
    r"^([ \t]*)(?:TOLK|SPEAKER|SPEAK|BERÄTTARE|BERATTARE|SKYLT|TEXT)[ \t]*:[ \t]*", re.MULTILINE
)


def _script_read(text: str) -> str:
    lines = [line for line in text.split("\n") if not _SCRIPT_DIRECTION.fullmatch(line)]
    return _SCRIPT_LABEL.sub(r"\1", "\n".join(lines))


# A text dictated (a phone's or Word's dictation) with its spoken commands written out as
# words: "… kvällarna punkt nytt stycke Det här gör polisen kolon ny rad tankstreck polisen
# genomför …". Three commands for a new line or more: each command is read as what it stands
# for ("nytt stycke" a blank line, "ny rad" a line, "punkt", "kommatecken", "kolon",
# "frågetecken", "utropstecken" their marks, "tankstreck" at a line's start a "–" item).
_DICTATED_BREAK = re.compile(r"\b(?:ny rad|nytt stycke|ny paragraf)\b", re.I)
_FEWEST_DICTATED_BREAKS = 3
# spaces before a command, tried from the run's first only (a long run is no slower to read)
_RUN_START = r"(?<![ \t])[ \t]*"
_DICTATED_MARKS = (
    (re.compile(rf"{_RUN_START}\bnytt stycke\b[ \t]*", re.I), "\n\n"),
    (re.compile(rf"{_RUN_START}\bny paragraf\b[ \t]*", re.I), "\n\n"),
    (re.compile(rf"{_RUN_START}\bny rad\b[ \t]*", re.I), "\n"),
    (re.compile(rf"{_RUN_START}\bkommatecken\b", re.I), ","),
    (re.compile(rf"{_RUN_START}\bfrågetecken\b", re.I), "?"),
    (re.compile(rf"{_RUN_START}\butropstecken\b", re.I), "!"),
    (re.compile(rf"{_RUN_START}\bkolon\b(?=[ \t]*+(?:\n|$))", re.I | re.M), ":"),
    (re.compile(rf"{_RUN_START}\bpunkt\b(?=[ \t]*+(?:\n|$))", re.I | re.M), "."),
    (re.compile(r"^([ \t]*)tankstreck\b[ \t]*", re.I | re.M), r"\1– "),
)


def _dictation_read(text: str) -> str:
    for pattern, mark in _DICTATED_MARKS:
        text = pattern.sub(mark, text)
    return text


# A sticky-note board copied as text (Miro, Mural, a digital whiteboard): each note followed by
# its writer, a first name and an initial ("Jonas K.", with its votes: "Jonas K. · 👍 9"), the
# frames' titles numbered ("Ram 3 – Vad gör polisen?"), the board's comments ("Sara N.: Jag
# renskriver …") and its zoom ("Zooma 62 %"). Three writers' lines or more: the writers, the
# comments and the zoom are dropped and a frame's title read without its number.
_NOTE_WRITER = re.compile(
    r"^[ \t]*[A-ZÅÄÖ][a-zåäöéü]{1,20}(?:-[A-ZÅÄÖ][a-zåäöéü]{1,20})? [A-ZÅÄÖ]\."
    r"(?:[ \t]*·[ \t]*(?:\U0001f44d|\u2764\ufe0f?|\U0001f44f|\+)[ \t]*\d{1,4})?[ \t]*(?:\n|$)",
    re.MULTILINE,
)
_NOTE_COMMENT = re.compile(
    r"^[ \t]*[A-ZÅÄÖ][a-zåäöéü]{1,20} [A-ZÅÄÖ]\.:[ \t].*$|^[ \t]*(?:kommentarer|comments)"
    r"[ \t]*\(\d{1,4}\)[ \t]*$|^[ \t]*(?:zooma|zoom)[ \t]+\d{1,3}[ \t]*%[ \t]*(?:\n|$)",
    re.IGNORECASE | re.MULTILINE,
)
_BOARD_FRAME = re.compile(
    r"^([ \t]*)(?:ram|frame)[ \t]+\d{1,3}[ \t]*[–—:-][ \t]*(?=\S)", re.I | re.M
)
_FEWEST_NOTE_WRITERS = 3


def _board_notes_read(text: str) -> str:
    text = _NOTE_COMMENT.sub("", _NOTE_WRITER.sub("", text))
    return _BOARD_FRAME.sub(r"\1", text)


# An e-mail's answers written into the quoted text in capitals ("Mina svar står i texten med
# VERSALER"): a line under a list's item, in capitals, perhaps after the writer's initials ("HS:
# OK. MEN SKRIV …", "HAR NI FÅTT IHOP 30? …"), is the answer, no part of the item. Two such
# lines or more: they are dropped. A heading in capitals ("POLISEN", "VI LOVAR ATT") ends with
# no full stop and follows no item in lower case, so it stays.
_ANSWER_INITIALS = re.compile(r"^[ \t]*[A-ZÅÄÖ]{2,3}[ \t]*:[ \t]*")
_ANSWER_ITEM = re.compile(rf"^[ \t]*(?:[{BULLET_CHARS}]|\d{{1,2}}[.)])[ \t]+\S")
_FEWEST_ANSWERS = 2


def _answer_in_capitals(line: str) -> bool:
    initials = _ANSWER_INITIALS.match(line)
    rest = line[initials.end() :] if initials else line
    letters = [char for char in rest if char.isalpha()]
    if len(letters) < 2 or sum(char.isupper() for char in letters) < 0.9 * len(letters):
        return False
    return bool(initials) or rest.rstrip()[-1:] in ".?!"


def _without_answers_in_capitals(text: str) -> str:
    lines = text.split("\n")
    answers: list[int] = []
    item = False  # whether the line above (answers skipped) is an item not in capitals
    for number, line in enumerate(lines):
        if item and not _ANSWER_ITEM.match(line) and _answer_in_capitals(line):
            answers.append(number)
            continue
        item = bool(_ANSWER_ITEM.match(line)) and any(char.islower() for char in line)
    if len(answers) < _FEWEST_ANSWERS:
        return text
    dropped = set(answers)
    return "\n".join(line for number, line in enumerate(lines) if number not in dropped)

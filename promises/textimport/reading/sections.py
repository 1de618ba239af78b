"""The line-by-line reading of a document: each line opens a section (promises, activities, a
party's list) or is an item, a table, a block or running text of the section it is in.
"""

import re

from django.utils.translation import gettext as _

from promises.textimport.lines import GOAL_LINE
from promises.textimport.lines import LONGEST_HEADING as _LONGEST_HEADING
from promises.textimport.lines import Line as _Line
from promises.textimport.numbers import fold
from promises.textimport.reading.blocks import PLACE_TITLE, focus_of, labelled_block, titled_section
from promises.textimport.reading.headings import (
    ACTIVITY_LEAD,
    AUDIENCE_HEADING,
    OTHER_HEADING,
    PARTY_HEADING,
    PARTY_PROMISE,
    PERIOD_HEADING,
    PROMISE_LEAD,
    READER_INVITATION,
    WHO_PROMISES,
    Section,
    generic_heading,
    heading_owner,
    heading_year,
    is_under_heading,
    name_alone,
    named_party,
    other_actor_heading,
    owner_heading,
    promising_owner,
    speakers_heading,
)
from promises.textimport.reading.items import (
    after_lead,
    detailed_activity,
    goals_over_topic_lists,
    is_heading,
    item_details,
    message_party,
    party_heading,
    party_lead,
    promise_table_rows,
    read_items,
    restates,
)
from promises.textimport.reading.legends import CODE_PAIR
from promises.textimport.reading.promise_titles import (
    lettered_items,
    promise_titles_over_items,
    repeated_promise,
)
from promises.textimport.reading.running_text import activities_without_heading
from promises.textimport.reading.sentences import (
    ABOUT_ACTIVITIES,
    CONTACT,
    FURNITURE,
    PREFACE,
    PROMISE_IN_LIST,
    QUOTATION,
    REMARK,
    VALIDITY,
    YEAR,
    enumerated,
    looks_like_activity,
    numbered_clauses,
    prose_clauses,
    routine_sentence,
    sentence_activity,
)
from promises.textimport.reading.tables import (
    PROMISE_COLUMN,
    TABLE_FIRST,
    column_by_column,
    column_kind,
    table_columns,
    table_rows,
)
from promises.textimport.reading.titles import item_activity
from promises.textimport.reading.units import (
    PROMISE_SENTENCE,
    PROMISE_SENTENCE_REACH,
    end_of_sentence,
    has_words,
    sentence_lines,
    strip_item,
    sub_heading_over_items,
)
from promises.textimport.scopes import (
    limited_by_heading,
    one_year_heading,
    per_year_repeats,
    season_heading,
)
from promises.textimport.types import ParsedDocument, ParsedPromise, TextSpan

# A municipal administration's name alone, as an item over that administration's items
# ("Kommunen ansvarar för" over "• Socialförvaltningen" over "– …"): whose the items are.
_ADMINISTRATION = re.compile(r"[a-z]+(?:forvaltningen|namnden)\s*:?")


def read_structure(document: ParsedDocument, lines: list[_Line]) -> None:
    later_activity_heading = [False] * (len(lines) + 1)
    for index in range(len(lines) - 1, -1, -1):
        text = lines[index].text.strip()
        later_activity_heading[index] = later_activity_heading[index + 1] or bool(
            (not lines[index].bullet or party_lead(lines[index]))
            and len(text) <= _LONGEST_HEADING
            and (
                ACTIVITY_LEAD.search(text)
                or PARTY_HEADING.match(text)
                or named_party(lines, index) is not None
                or owner_heading(lines, index) is not None
            )
        )
    bullet_starts = {line.start for line in lines if line.bullet}
    sub_starts = {line.start for line in lines if line.sub}
    labelled_starts = {line.start for line in lines if line.labelled}
    # "1. Öka tryggheten kring Resecentrum" over "- Polisen genomför …": a promise and the
    # activities serving it, their bullets no details of the numbered line.
    titled_lists = promise_titles_over_items(lines)
    title_starts = {lines[index].start for index in titled_lists}
    titled_item_starts = {
        start for items, _after in titled_lists.values() for start, _text in items
    }
    details = {
        start: rows for start, rows in item_details(lines).items() if start not in title_starts
    }
    detail_starts = {line.start for rows in details.values() for line in rows}
    activity_sections = 0
    by_year: list = []  # the activities under a heading of one year, with the year
    index = 0
    focus_promise: int | None = None
    after_list = False  # right after a list of activities, no heading since
    promise_keys: dict[int, tuple] = {}  # each promise's words (`repeated_promise`)
    promises_latest = [0, -1]  # how many promises were read, the last start among them (idem)
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
        if lettered := lettered_items(lines, index):
            # "1. Tryggare Noret" over "a) Polisen ska …", "b) Kommunen ska …": a promise and
            # its activities.
            document.promises.append(
                ParsedPromise(text=text, span=TextSpan(line.start, line.start + len(text)))
            )
            focus_promise = len(document.promises) - 1
            for start, item_text in lettered[0]:
                activity = item_activity(item_text, start, None)
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
                activity = item_activity(item_text, start, None)
                activity.promise_indexes = [focus_promise]
                document.activities.append(activity)
            activity_sections += 1
            index = after
            continue
        message_lead = message_party(lines, index)
        if message_lead:
            text = message_lead
        elif (
            line.blank
            or line.bullet
            and not party_lead(line)
            # "1. EN TRYGGARE TÅGSTATION" repeating the promise "1. En tryggare tågstation"
            and not (
                line.numbered
                and repeated_promise(document, lines, index, promise_keys, promises_latest)
                is not None
            )
            or len(text) > _LONGEST_HEADING
        ):
            index += 1
            continue
        section: Section | None = None
        if block := labelled_block(lines, index, focus_promise):
            document.activities.append(block[0])
            index = block[1]
            activity_sections += 1
            continue
        table = table_columns(lines, index)
        if table:
            index = table_rows(document, lines, table[0], table[1])
            activity_sections += 1
            continue
        if by_column := column_by_column(lines, index):
            table_rows(document, by_column[1], by_column[0], 0)
            index = by_column[2]
            activity_sections += 1
            continue
        if (
            PROMISE_COLUMN.match(text)
            and index + 2 < len(lines)
            and TABLE_FIRST.match(lines[index + 1].text.strip())
            # two columns only: a third header ("Ansvarig") makes rows this reading cannot split
            and column_kind(lines[index + 2].text.strip()) is None
        ):
            index = promise_table_rows(document, lines, index + 2)
            activity_sections += 1
            continue
        # A sub-heading repeating a promise's title over its activities ("Aktiviteter", then
        # "Öka tryggheten i centrum" over its list): that promise's activities, no new promise.
        repeated = repeated_promise(document, lines, index, promise_keys, promises_latest)
        focus = focus_of(text) if repeated is None else None
        audience = AUDIENCE_HEADING.match(text) is not None
        if (
            focus is None
            and repeated is None
            and not audience
            and (line.titled or titled_section(lines, index))
        ):
            focus = text
        if focus is not None:
            promise_text = focus
            span_start = line.start + line.text.find(focus) if focus else line.start
            if not promise_text:
                follow = index + 1
                while follow < len(lines) and lines[follow].blank:
                    follow += 1
                if follow < len(lines) and not is_heading(lines, follow):
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
                        text=strip_item(promise_text),
                        span=TextSpan(span_start, span_start + len(strip_item(promise_text))),
                    )
                )
                focus_promise = len(document.promises) - 1
            # Activities written right under the focus area, without a heading of their own:
            # items, or the clauses of running text that say what a party does.
            items, following = read_items(lines, index + 1)
            found = []
            for number, (start, _end, item_text) in enumerate(items):
                if PROMISE_SENTENCE.search(fold(item_text)[:PROMISE_SENTENCE_REACH]):
                    if (
                        number == 0
                        and promise_text == focus
                        and PLACE_TITLE.fullmatch(focus)
                        and start not in bullet_starts
                    ):
                        # "Norberg" over "Polisen och Norbergs kommun lovar att arbeta för …",
                        # as a release on several municipalities' promises gives each: the
                        # sentence is the promise, the place its title
                        words = strip_item(item_text)
                        document.promises[-1] = ParsedPromise(
                            text=words, span=TextSpan(start, start + len(words))
                        )
                    continue  # "Vi lovar att arbeta för …" says the promise, not what is done
                if start not in labelled_starts and GOAL_LINE.match(fold(item_text)):
                    continue  # "Mål: Färre …", "Indikator: …": the focus area's goal
                clauses = [] if start in bullet_starts else prose_clauses(item_text, start)
                if len(clauses) > 1 or clauses and clauses[0][1] != item_text:
                    found += [item_activity(clause, at, None) for at, clause in clauses]
                elif has_words(item_text) and (
                    start in labelled_starts or looks_like_activity(item_text)
                ):
                    found.append(item_activity(item_text, start, None))
            for activity in found:
                if focus_promise is not None:
                    activity.promise_indexes = [focus_promise]
                document.activities.append(activity)
            activity_sections += bool(found)
            index = following if found else index + 1
            continue
        if repeated is not None:
            focus_promise = repeated
            section = Section("activities", owner=party_owner, promise_index=repeated)
        elif other_actor := other_actor_heading(text):
            section = Section("activities", owner="other", other=other_actor)
        elif (match := party_heading(text)) and not name_alone(lines, index):
            section = Section("activities", owner=heading_owner(match))
        elif named := named_party(lines, index) or owner_heading(lines, index):
            section = Section("activities", owner=named)
        elif PARTY_PROMISE.match(text) or (
            WHO_PROMISES.match(line.folded) and "arbeta for" not in line.folded
        ):
            owner = promising_owner(text)
            if owner is None and (ours := speakers_heading(text, speaker)):
                # "Vi på Järfällahus lovar att:", then "Våra bovärdar lovar att:"
                speaker = ours
            if later_activity_heading[index + 1] or goals_over_topic_lists(lines, index):
                section = Section("promises")
            elif owner is None and ours:
                section = Section("activities", owner=ours[0], other=ours[1])
            else:
                section = Section("activities", owner=owner)
        elif ACTIVITY_LEAD.search(text) or (activity_sections and PERIOD_HEADING.match(text)):
            # A time of year under the activities' heading opens the activities done then.
            section = Section(
                "activities",
                season=text.strip() if season_heading(fold(text)) else "",
                year=heading_year(text),
            )
        elif year := heading_year(text):
            # "Under 2027 ska vi:" over that year's items
            section = Section("activities", year=year)
        elif audience:
            section = Section("activities", owner=party_owner)
        elif PROMISE_LEAD.search(text):
            section = Section("promises")
        elif OTHER_HEADING.match(text) or generic_heading(lines, index):
            after_list = False
            if OTHER_HEADING.match(text) and not is_under_heading(lines, index):
                focus_promise = party_owner = None
                under_lead = False
            elif (party_owner or under_lead) and sub_heading_over_items(lines, index):
                # "Resecentrum" over its "– …" items, under "Det här gör Polisen" (that
                # party's items) or under "Så här gör vi" (items naming their own owners).
                section = Section("activities", owner=party_owner)
        elif (
            after_list
            and (sentence_activity(line) or routine_sentence(line))
            # "Polisen och kommunen lovar att arbeta för …" under the next promise's title
            and not PROMISE_SENTENCE.search(line.folded[:PROMISE_SENTENCE_REACH])
        ):
            # A party's sentence standing after a list of activities: "Kommunen, genom tekniska
            # förvaltningen, kommer att förbättra belysningen …"
            for activity in enumerated(text, line.start) or [item_activity(text, line.start, None)]:
                activity.promise_indexes = [focus_promise] if focus_promise is not None else []
                document.activities.append(activity)
        if section is None:
            index += 1
            continue
        under_lead = section.kind == "activities"
        if section.kind != "activities":
            party_owner = None
        elif section.owner and repeated is None and not sub_heading_over_items(lines, index):
            party_owner = section.owner
        items, index = read_items(lines, after_lead(lines, index))
        after_list = section.kind == "activities"
        if section.kind == "promises":
            if (
                items
                and not any(start in bullet_starts for start, _e, _t in items)
                and not sentence_lines(items)
            ):
                # Running text under a promise heading: its first sentence, to be checked.
                start, _end, item_text = items[0]
                first = item_text[: end_of_sentence(item_text)]
                items = [(start, start + len(first), first)]
                if len(first) < len(item_text.strip()):
                    document.promises.append(
                        ParsedPromise(
                            text=strip_item(first),
                            span=TextSpan(start, start + len(strip_item(first))),
                            uncertain=[_("Read from running text: check the wording")],
                        )
                    )
                    continue
            period = document.period_span
            for start, end, item_text in items:
                if not has_words(item_text):
                    continue
                if (
                    period
                    and (start <= period.start < end or YEAR.search(item_text))
                    and VALIDITY.match(fold(item_text))
                ):
                    # "Löftet gäller från 1 januari …" under the promise: its validity (also
                    # "Löftet gäller under 2027." when the title's year was read first)
                    continue
                if start not in bullet_starts and ABOUT_ACTIVITIES.match(fold(item_text)):
                    # "Aktiviteterna är formulerade enligt SMART-modellen …": how the
                    # activities below are written, no promise
                    continue
                if (start in sub_starts or start in titled_item_starts) and document.promises:
                    # "1.1 …" under "1. …", or "- Polisen genomför …" under "1. Öka …": an
                    # activity of that promise.
                    activity = item_activity(item_text, start, None)
                    activity.promise_indexes = [len(document.promises) - 1]
                    document.activities.append(activity)
                    activity_sections += 1
                    continue
                document.promises.append(
                    ParsedPromise(
                        text=strip_item(item_text),
                        span=TextSpan(start, start + len(strip_item(item_text))),
                    )
                )
        else:
            activity_sections += 1
            promise_above = False  # the item above was read as a promise
            for start, _end, item_text in items:
                if not has_words(item_text) or start in detail_starts:
                    continue
                if start in title_starts:
                    # "1. Öka tryggheten kring Resecentrum" over its activities' bullets
                    words = strip_item(item_text)
                    document.promises.append(
                        ParsedPromise(text=words, span=TextSpan(start, start + len(words)))
                    )
                    focus_promise = len(document.promises) - 1
                    continue
                if (
                    promise_above
                    and start not in bullet_starts
                    and PROMISE_SENTENCE.search(fold(item_text)[:PROMISE_SENTENCE_REACH])
                ):
                    # "Löfte 2 – Säker skolväg" over "Polisen och kommunen lovar att arbeta
                    # för …": the promise's own words, not what is done
                    promise_above = False
                    continue
                promise_above = False
                if QUOTATION.search(fold(item_text)):
                    continue  # "– Vi har lyssnat på ungdomarna, säger kommunpolisen X."
                if PREFACE.match(fold(item_text)):
                    continue  # "Polisen och X kommun har kommit överens om …": the agreement
                if _ADMINISTRATION.fullmatch(fold(strip_item(item_text))):
                    continue  # "• Socialförvaltningen" over its "–" items: whose, no activity
                if CONTACT.match(fold(item_text)) or READER_INVITATION.match(fold(item_text)):
                    continue  # "Har du frågor? Hör av dig till …", "Du kan också …": no activity
                if start not in bullet_starts and REMARK.fullmatch(item_text.strip()):
                    continue  # "(Veckorna är preliminära …)": a remark on the list, no activity
                if start not in bullet_starts and (
                    FURNITURE.match(fold(item_text))
                    or len(CODE_PAIR.findall(item_text)) >= 2
                    or VALIDITY.match(fold(item_text))
                    or ABOUT_ACTIVITIES.match(fold(item_text))
                ):
                    # "Dnr …", the title, a legend, "Löftet gäller …", "Varje aktivitet har en
                    # kontaktperson …": the document's, no activity
                    continue
                if (
                    start not in bullet_starts
                    and PROMISE_IN_LIST.match(fold(item_text))
                    and any(at in bullet_starts for at, _e, _t in items)
                ):
                    # "Polisen lovar" over "Att arbeta för minskad …" and its "•" items, then
                    # the next such line: each a promise, the items under it its activities.
                    words = strip_item(item_text)
                    document.promises.append(
                        ParsedPromise(text=words, span=TextSpan(start, start + len(words)))
                    )
                    focus_promise = len(document.promises) - 1
                    promise_above = True
                    continue
                if start in details:
                    activities = [
                        detailed_activity(item_text, start, details[start], section.owner)
                    ]
                elif start not in bullet_starts and (
                    activities := numbered_clauses(item_text, start, section.owner)
                ):
                    pass  # "Polisen åtar sig att (1) genomföra …, (2) …": a clause each
                elif (
                    start not in bullet_starts
                    and section.owner
                    and len(clauses := prose_clauses(item_text, start, owned=True)) > 1
                    # "Polisen ska göra det minst 40 kvällar …" goes on with the one above
                    and not any(
                        restates(above, clause)
                        for (_a, above), (_b, clause) in zip(clauses, clauses[1:], strict=False)
                    )
                ):
                    # An answer under "Vad gör polisen?": each sentence an activity.
                    activities = [
                        item_activity(clause, at, section.owner) for at, clause in clauses
                    ]
                else:
                    activities = [item_activity(item_text, start, section.owner)]
                for activity in activities:
                    if section.season:
                        limited_by_heading(activity, section.season)
                    if section.year:
                        one_year_heading(activity, section.year)
                        by_year.append((activity, section.year))
                    if section.other and activity.responsible == "other":
                        activity.responsible_other = activity.responsible_other or section.other
                    if focus_promise is not None:
                        activity.promise_indexes = [focus_promise]
                    document.activities.append(activity)
    per_year_repeats(document, by_year)
    if not activity_sections:
        activities_without_heading(document, lines)

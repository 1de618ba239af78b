"""Free-text search that ignores case and Swedish diacritics: "tranas" finds Tranås.

One folding, used by every search on the site, in Python (for the typed words) and in the
database (for the stored text), so that both sides fold alike on SQLite and PostgreSQL. SQLite's
lower() folds ASCII letters only, so the letters with diacritics are replaced, in both cases,
before lower() runs; PostgreSQL's unaccent would need an extension and a configuration of its own.
"""

import re

from django.db.models import Expression, F, Func, Q, TextField, Value
from django.db.models.functions import Lower
from django.db.models.lookups import Contains, Exact

# Letters with diacritics in Swedish names and words, and what they fold to.
FOLDED_LETTERS = {
    "å": "a",
    "ä": "a",
    "ö": "o",
    "é": "e",
    "è": "e",
    "ü": "u",
    "æ": "a",
    "ø": "o",
}
FOLDS = {**FOLDED_LETTERS, **{k.upper(): v for k, v in FOLDED_LETTERS.items()}}
_TABLE = str.maketrans(FOLDS)
# The longest text a search reads (folded); the rest is left out. Nothing stored is searched
# for by more than a sentence, and SQLite refuses a LIKE pattern over 50,000 bytes (a 503 for
# a long `?q=`), which PostgreSQL would match against every row, folded letter by letter.
MAX_SEARCH = 200


def fold(text: str) -> str:
    """ "Tranås" → "tranas"; "MALMÖ" → "malmo"; surrounding and repeated blanks go."""
    return " ".join(text.translate(_TABLE).lower().split())


class Unaccented(Func):
    """`expression` with the letters of `FOLDS` replaced as `fold` replaces them: a replace()
    per letter, written as one expression (sixteen nested `Replace` expressions per column took
    longer to compile than the query took to run; PostgreSQL's translate() runs slower still)."""

    output_field = TextField()

    def as_sql(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        for letter, plain in FOLDS.items():
            sql = f"REPLACE({sql}, %s, %s)"
            params = (*params, letter, plain)
        return sql, params


def folded(field: str | Expression) -> Expression:
    """The database expression that folds `field` as `fold` folds a Python string."""
    expression = F(field) if isinstance(field, str) else field
    return Lower(Unaccented(expression), output_field=TextField())


def search_q(fields: list[str] | tuple[str, ...], words: str) -> Q:
    """Rows where any of `fields` contains `words`, folded (their first `MAX_SEARCH`
    characters); all rows when nothing is typed."""
    value = fold(words)[:MAX_SEARCH].strip()
    if not value:
        return Q()
    condition = Q()
    for field in fields:
        condition |= Q(Contains(folded(field), value))
    return condition


def equals_q(field: str, words: str) -> Q:
    """Rows where `field`, folded, equals `words`, folded: "kungalv" is Kungälv."""
    return Q(Exact(folded(field), fold(words)))


# Swedish alphabetical order puts å, ä, ö after z; a database's default collation may not.
SWEDISH_ORDER = str.maketrans({"å": "z{", "ä": "z|", "ö": "z}", "é": "e", "ü": "y"})


def swedish_sort_key(name: str) -> str:
    """A key that sorts names in Swedish alphabetical order: Åre, Älvdalen, Örebro after Ystad."""
    return name.lower().translate(SWEDISH_ORDER)


# How a municipality is also written: "Borås stad", "Tranås kommun", "Stockholms stad" (the
# genitive), "Region Gotland", "upplands-väsby" (for Upplands Väsby; and Upplands-Bro typed
# with a space).
_MUNICIPALITY_WORD = re.compile(
    r"^(?:region\s+(?P<rest>.+)|(?P<name>.+?)\s+(?:kommun|stad))$", re.IGNORECASE
)


def _written_names(words: str) -> tuple[str, ...]:
    """The names `words` may be the municipality's, as typed: the words; without "kommun",
    "stad" or "Region"; and without the genitive s before "kommun" or "stad" ("Stockholms
    stad" is Stockholm, "Tranås kommun" Tranås)."""
    typed = " ".join(words.split())
    names = [typed]
    if match := _MUNICIPALITY_WORD.match(typed):
        if match["rest"]:
            names.append(match["rest"])
        else:
            names.append(match["name"])
            if match["name"].endswith("s"):
                names.append(match["name"][:-1])
    return tuple(names)


# How å, ä and ö are written on a keyboard without them ("Tranaas", "Haesleholm", "Oerebro"):
# no municipality's name, folded, holds these pairs, so reading them so finds no other one.
_SPELLED_OUT = re.compile(r"aa|ae|oe")


def municipality_names(words: str) -> tuple[str, ...]:
    """`_written_names(words)` folded, hyphens as blanks ("upplands-väsby" is Upplands Väsby,
    "upplands bro" Upplands-Bro); and with "aa", "ae" and "oe" read as å, ä and ö are
    ("tranaas" is Tranås)."""
    folded_names = [
        " ".join(fold(name).replace("-", " ").split()) for name in _written_names(words)
    ]
    folded_names += [
        _SPELLED_OUT.sub(lambda pair: pair[0][0], name)
        for name in folded_names
        if _SPELLED_OUT.search(name)
    ]
    return tuple(dict.fromkeys(name for name in folded_names if name))


def municipality_q(words: str) -> Q:
    """Municipalities whose name contains one of `municipality_names(words)`."""
    name = Func(
        folded("name"), Value("-"), Value(" "), function="REPLACE", output_field=TextField()
    )
    condition = Q()
    for typed in municipality_names(words):
        condition |= Q(Contains(name, typed))
    return condition


def county_q(words: str) -> Q:
    """Municipalities whose county's name contains `words`, folded: "Jönköpings län",
    "jonkopings lan", "kalmar" (Kalmar län's, beside Kalmar itself)."""
    return search_q(["county__name"], " ".join(words.split()))


def beginning_first(rows: list, words: str, group) -> list:
    """`rows` (municipalities matching `words`, in the list's order) with the groups (counties,
    `group(row)`) holding a name that begins with `words` first: "Tran" listed Strängnäs, in
    Södermanland, above Tranås and Tranemo. Each group stays whole and in its order."""
    beginnings = municipality_names(words)

    def begins(row) -> bool:
        name = fold(row.name).replace("-", " ")
        return any(name.startswith(beginning) for beginning in beginnings)

    leading = {group(row) for row in rows if begins(row)}
    return sorted(rows, key=lambda row: group(row) not in leading)  # stable: order kept


def best_match(candidates, words: str):
    """The one of `candidates` (municipalities matching `words`) that `words` names, or None.

    The name as written wins; then the one name that folds to the same ("kungalv" is Kungälv);
    then the only candidate. "habo" names both Habo and Håbo, so it names neither.
    """
    for written in _written_names(words):  # as typed, without "kommun" or "stad", without s
        same = [m for m in candidates if m.name == written]
        if len(same) == 1:
            return same[0]
    for name in municipality_names(words):
        folded_same = [m for m in candidates if fold(m.name).replace("-", " ") == name]
        if len(folded_same) == 1:
            return folded_same[0]
    if len(candidates) == 1:
        return candidates[0]
    return None

"""Who gives a period's promises, in the words of its pages and documents.

Usually the Police and the municipality together; a district promise may be given by the Police
alone, and a few by the municipality alone (`PromisePeriod.parties`). A document may also be only
a list of activities, without separate promises: the sentence that introduces what is promised
then introduces the activities, and no empty list of promises is shown.
"""

import re

from django.utils.text import capfirst
from django.utils.translation import gettext

from municipalities.search import fold
from promises.models import Parties, PromisePeriod


def organisation(period: PromisePeriod) -> str:
    """The municipality as an organisation, as it names itself ("Malmö stad"), else
    "Vetlanda kommun"."""
    municipality = period.municipality
    name = getattr(municipality, "organisation_name", "")
    return name or gettext("%(name)s municipality") % {"name": municipality.name}


def police(period: PromisePeriod) -> str:
    """The Police as a party: the local police area's name, or "Polisen"."""
    area = period.local_police_area
    return area.name if area is not None else capfirst(gettext("the Police"))


# "LPO Höglandet": the local police area as staff often write it.
_POLICE_ABBREVIATION = re.compile(r"\blpo\b")


def signs_for_police(organisation: str) -> bool:
    """Whether a signatory's organisation is the Police ("Polisen", "Lokalpolisområde Höglandet",
    "LPO Höglandet", "Polismyndigheten", "Polisregion Syd"): the organisation says whom they
    sign for, not the title (a "lokalpolisområdeschef" entered with "Vetlanda kommun" signs for
    no police)."""
    folded = fold(organisation)
    return "polis" in folded or bool(_POLICE_ABBREVIATION.search(folded))


def signing_parties(period: PromisePeriod) -> list[str]:
    """The parties that sign, in the order they sign: the municipality, then the Police."""
    if period.parties == Parties.POLICE:
        return [police(period)]
    if period.parties == Parties.MUNICIPALITY:
        return [organisation(period)]
    return [organisation(period), police(period)]


def givers(period: PromisePeriod) -> str:
    """Who gives the promises, as a heading names them: "Polisen och Vetlanda kommun",
    "Polisen" or "Vetlanda kommun"."""
    if period.parties == Parties.POLICE:
        return capfirst(gettext("the Police"))
    if period.parties == Parties.MUNICIPALITY:
        return organisation(period)
    return gettext("The Police and %(organisation)s") % {"organisation": organisation(period)}


def pledge(period: PromisePeriod, *, activities_only: bool) -> str:
    """The sentence that introduces what is promised: "Polisen lovar att arbeta för:", or for
    a document made only of activities "Polisen lovar att genomföra följande aktiviteter:"."""
    if period.parties == Parties.POLICE:
        if activities_only:
            return gettext("The Police promise to carry out the following activities:")
        return gettext("The Police promise to work for:")
    if period.parties == Parties.MUNICIPALITY:
        if activities_only:
            text = gettext("%(organisation)s promises to carry out the following activities:")
        else:
            text = gettext("%(organisation)s promises to work for:")
        return text % {"organisation": organisation(period)}
    if activities_only:
        return gettext(
            "Together, the Police and the municipality promise to carry out the following "
            "activities:"
        )
    return gettext("Together, the Police and the municipality promise to work for:")


def signatory_help(period: PromisePeriod) -> str:
    """The sign form's help for its signatory rows: who must sign, by who gives the promises."""
    if period.parties == Parties.POLICE:
        return gettext(
            "Name, title and organisation of each person who signed for the Police, who alone "
            "gives these promises. Empty rows are left out."
        )
    if period.parties == Parties.MUNICIPALITY:
        return gettext(
            "Name, title and organisation of each person who signed for the municipality, which "
            "alone gives these promises. Empty rows are left out."
        )
    return gettext(
        "Name, title and organisation of each person who signed: at least one for the "
        "municipality and one for the Police. Empty rows are left out."
    )

"""The decision proposal's texts: the coordinator's form, its Swedish defaults, and saving it."""

from django import forms
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from promises import lifecycle
from promises.editing import EditConflict, lock_period_in_state, save_versioned
from promises.editing_forms import VersionedFormMixin, version_field
from promises.fields import DateField, PlainTextField
from promises.models import DecisionProposal, Parties, PromisePeriod
from promises.validators import validate_plain_text
from promises.validity import takes_effect_at_signing, validity_label

MAX_LONG_TEXT = 10_000
MAX_TEXT = 4_000
MAX_LINES = 2_000


def municipality_party(period: PromisePeriod) -> str:
    """The municipality as a party to the promise, as it names itself: "Vetlanda kommun",
    "Malmö stad" (with the area, if any), for a document's title."""
    party = period.municipality.organisation_name
    if period.area_name:
        return f"{party}, {period.area_name}"
    return party


def with_area(text: str, period: PromisePeriod) -> str:
    """`text` (who formulates the promises, naming the organisation alone: "Malmö stad och
    Polisen", not "Malmö stad, Rosengård och Polisen", three parties) and then, for a district,
    the area the promises concern in a sentence of its own."""
    if not period.area_name:
        return text
    return f"{text} " + gettext("The citizen promises concern %(area)s.") % {
        "area": period.area_name
    }


def proposal_defaults(period: PromisePeriod) -> dict[str, str]:
    """The texts a new decision proposal starts from, in the active language."""
    texts = {
        "summary": gettext(
            "Based on the cooperation agreement signed earlier and the current situation "
            "picture, %(party)s and the Police formulate citizen promises that take effect "
            "from the signing."
        )
        % {"party": period.municipality.organisation_name},
        "description": period.background
        or gettext(
            "Cooperation between the Police and the municipality is necessary for effective "
            "crime prevention and safety work. Citizen promises develop the cooperation "
            "agreement and are part of the Swedish Police Authority's governance model. The "
            "local situation picture is the starting point for the promises, and the activities "
            "are what the municipality and the Police have agreed to do together to increase "
            "safety and reduce crime."
        ),
        "consulted": gettext("the municipal management group (KLG)"),
        "economy": gettext("Financing within the existing budget"),
        "basis": gettext("Appendix – citizen promises %(period)s")
        % {"period": period.period_label},
        "recipients": gettext("The registry\nThe security coordinator"),
    }
    if not takes_effect_at_signing(period, timezone.localdate()):
        # A period starting after the signing (or open-ended, or by year): its dates, as the
        # signing document will give them.
        texts["summary"] = gettext(
            "Based on the cooperation agreement signed earlier and the situation picture, "
            "%(party)s and the Police formulate citizen promises. They are valid %(validity)s."
        ) % {"party": period.municipality.organisation_name, "validity": validity_label(period)}
    if period.parties == Parties.MUNICIPALITY:
        # The municipality gives the promises alone: neither the Police nor an agreement with
        # them is named.
        if takes_effect_at_signing(period, timezone.localdate()):
            texts["summary"] = gettext(
                "Based on the current situation picture, %(party)s formulates citizen promises "
                "that take effect from the signing."
            ) % {"party": period.municipality.organisation_name}
        else:
            texts["summary"] = gettext(
                "Based on the situation picture, %(party)s formulates citizen promises. "
                "They are valid %(validity)s."
            ) % {"party": period.municipality.organisation_name, "validity": validity_label(period)}
        texts["description"] = period.background or gettext(
            "Citizen promises are part of the municipality's crime prevention and safety work. "
            "The local situation picture is the starting point for the promises, and the "
            "activities are what the municipality undertakes to do to increase safety and "
            "reduce crime."
        )
    texts["summary"] = with_area(texts["summary"], period)
    return texts


def default_proposal(period: PromisePeriod) -> DecisionProposal:
    """An unsaved proposal with the default texts, for a period that has none yet."""
    return DecisionProposal(period=period, **proposal_defaults(period))


def _text(max_length: int, label, *, rows: int = 4, help_text="") -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=False,
        help_text=help_text,
        validators=[validate_plain_text],
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class ProposalForm(VersionedFormMixin, forms.ModelForm):
    """The texts of the decision proposal (tjänsteutlåtande)."""

    summary = _text(MAX_TEXT, pgettext_lazy("decision proposal", "Summary"))
    description = _text(MAX_LONG_TEXT, _("Description of the matter"), rows=8)
    consulted = PlainTextField(
        label=_("Consulted with"),
        max_length=200,
        help_text=_("e.g. the municipal management group (KLG)"),
    )
    consulted_on = DateField(label=_("Consulted on"), required=False)
    economy = _text(MAX_TEXT, _("Economy"), rows=3)
    basis = _text(MAX_LINES, _("Decision basis"), help_text=_("One document per line."))
    recipients = _text(
        MAX_LINES, _("The decision is sent to"), help_text=_("One recipient per line.")
    )
    officials = _text(
        MAX_LINES,
        _("Officials"),
        rows=3,
        help_text=_(
            "The officials who sign the proposal: one per line, name and title separated by a "
            "comma, e.g. Anna Andersson, Kommundirektör."
        ),
    )
    edit_version = version_field()

    class Meta:
        model = DecisionProposal
        fields = [
            "summary",
            "description",
            "consulted",
            "consulted_on",
            "economy",
            "basis",
            "recipients",
            "officials",
        ]


def save_proposal(proposal: DecisionProposal, expected_version: int, *, user) -> DecisionProposal:
    """Save the proposal if nobody saved it since the form showed it, else raise `EditConflict`.

    A new proposal is saved as version 2, so that a form shown before it existed (version 1)
    is a conflict too; two first saves at once collide on the one-to-one key.
    """
    with transaction.atomic():
        lock_period_in_state(proposal.period_id, lifecycle.proposal_editable)
        if proposal.pk is not None:
            return save_versioned(proposal, expected_version, user=user)
        try:
            with transaction.atomic():
                proposal.edit_version = 2
                proposal._history_user = user
                proposal.save()
        except IntegrityError:
            raise EditConflict(DecisionProposal.objects.get(period_id=proposal.period_id)) from None
    return proposal

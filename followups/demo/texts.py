"""Texts shared by the scenarios: summaries and internal notes of logs.

A summary is given with a place picked apart from it: it names no place of its own (a walk with
the pupils' council is not "at the upper secondary school" when its place says Storgatan)."""

TRAFFIC_CHECK_SUMMARIES = (
    "Trafikkontroll med inriktning på hastighet.",
    "Trafikkontroll med inriktning på hastighet och mobiltelefon under körning.",
    "Trafikkontroll med inriktning på nykterhet och bältesanvändning.",
    "Hastighetskontroll kvällstid efter synpunkter från boende.",
    "Trafikkontroll med inriktning på störande körning och buskörning.",
)
TRAFFIC_CHECK_NOTES = (
    "Fyra ordningsförelägganden för hastighet och ett för mobiltelefon.",
    "Två förare rapporterade för hastighetsöverträdelse. Inga rattfylleribrott.",
    "Låg hastighet på sträckan under hela kontrollen.",
    "Ett misstänkt rattfylleri; blodprov togs.",
    "Kontrollen avbröts efter 40 minuter på grund av larm.",
)
DRUG_SUMMARIES = (
    "Riktad insats mot narkotikabrott bland unga.",
    "Riktad insats kvällstid vid platser där unga samlas.",
    "Riktad insats med narkotikasökhund.",
    "Riktad insats i samband med helgaktiviteter för unga.",
    "Riktad insats efter tips från allmänheten om narkotikaförsäljning.",
)
DRUG_NOTES = (
    "Två personer rapporterade för ringa narkotikabrott.",
    "En ung person omhändertogs; orosanmälan till socialtjänsten.",
    "Inga misstankar om brott.",
    "Mindre beslag av cannabis.",
    "Uppgifter vidarebefordrade till underrättelsefunktionen.",
)
WEEKEND_DRUG_SUMMARIES = (
    "Riktad insats fredagskväll vid platser där unga samlas.",
    "Riktad insats fredagskväll med narkotikasökhund.",
    "Riktad insats fredagskväll mot narkotikabrott bland unga.",
)
WALK_SUMMARIES = (
    "Trygghetsvandring med boende, fastighetsägare och kommunens tekniska kontor.",
    "Trygghetsvandring kvällstid med föreningar och fältassistenter.",
    "Trygghetsvandring med gymnasieskolans elevråd.",
    "Trygghetsvandring med pensionärsorganisationer.",
)
WALK_NOTES = (
    "Trasig belysning i gångtunneln anmäld till tekniska kontoret.",
    "Buskage vid parkeringen skyms av växtlighet; beställd röjning.",
    "Deltagarna lyfte mopedåkning kvällstid.",
    "Klotter på busskuren rapporterat för sanering.",
)

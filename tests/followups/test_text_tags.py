"""A report's plain text as paragraphs and lists (followups.templatetags.text_tags)."""

from followups.templatetags.text_tags import lead, paragraphs, unbroken


def test_lines_opened_by_a_dash_are_a_list_and_the_rest_paragraphs():
    text = (
        "Rapporten omfattar maj–augusti.\r\nSiffrorna nedan.\n\n"
        "17 september 2026, tertialuppföljning:\n"
        "- Öka tryggheten: enligt plan\n"
        "- Trafikkontroller: <b>12</b> av minst 15\n"
        "Fler kontroller i höst."
    )

    assert paragraphs(text) == (
        "<p>Rapporten omfattar maj–augusti.<br>Siffrorna nedan.</p>\n"
        "<p>17 september 2026, tertialuppföljning:</p>\n"
        "<ul><li>Öka tryggheten: enligt plan</li>"
        "<li>Trafikkontroller: &lt;b&gt;12&lt;/b&gt; av minst 15</li></ul>\n"
        "<p>Fler kontroller i höst.</p>"
    )


def test_an_empty_text_gives_nothing_and_a_dash_inside_a_line_is_text():
    assert paragraphs("") == ""
    assert paragraphs("Polisen – fotpatrull") == "<p>Polisen – fotpatrull</p>"


def test_unbroken_keeps_a_year_range_on_one_line_and_escapes():
    assert unbroken("2025–2027") == '<span class="unbroken">2025–2027</span>'
    assert unbroken("<b>") == '<span class="unbroken">&lt;b&gt;</span>'


def test_a_texts_lead_is_its_opening_lines_up_to_a_blank_line_or_a_list():
    assert lead("Rapporten omfattar maj–augusti.\r\nSiffrorna nedan.\n\nMer.") == (
        "Rapporten omfattar maj–augusti. Siffrorna nedan."
    )
    assert lead("Så här har det gått:\n- Trafikkontroller: 12\n- Vandringar: 3") == (
        "Så här har det gått:"
    )
    assert lead("- Bara en lista") == ""
    assert lead("") == lead(None) == ""

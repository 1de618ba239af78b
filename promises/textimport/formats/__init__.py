"""The readers `clean` runs over a document's text, each reading one family of formats as the text
it carries (the pipeline itself, and the normalisation every text gets, is in `clean`).

`markup`: a source's markup (RTF, Markdown, MediaWiki, Confluence, LaTeX, AsciiDoc, BBCode,
Org-mode, a patch, Word's markup and formatting marks, a template's instructions, footnotes);
`data`: a data file's records (JSON, GeoJSON, XML, XLIFF, Word XML, YAML, TOML, iCalendar);
`conversations`: messages and speech (e-mail, chats, threads, subtitles, transcripts, scripts,
dictation, a board's notes, answers); `web`: a web page's chrome (menus, cookie banners, emoji,
HTML, HTML entities, archive toolbars, newsletters, Wikipedia, a screen reader's speech);
`pages`: a printed page's furniture (page numbers, running headers and footers, stamps,
watermarks, tables of contents, line numbers, comment summaries); `tables`: tables as cells;
`layouts`: forms, cards and sheets (check boxes, a card's labels, a spreadsheet's headings, a
mind map, a letter's head, a leaflet's figures, legends, a pivot table, a tear-off reply card);
`posters`: a poster's short lines (joined into sentences, a heading in capitals kept apart, a
picture's credit dropped); `languages`: a page in Swedish and another language;
`early_readers`: the readers run first, each when its mark is in the text (a PDF's glyph codes,
a database client's result, a workbook's sheets, CSV records, a wall's posts, a definition list,
a list of requirements, a logic model); `common`: what several of them share.
"""

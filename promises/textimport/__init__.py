"""Reading a promise document's text into a proposed structure (no HTTP, no database).

`types` holds what a reading proposes; `parser.parse(text)` reads a document's text, cleaned
first by `clean` (its readers of each format in `formats`), line by line (`reading`);
`extract` turns an uploaded .txt, .docx or .pdf into text; `output` writes a proposal as the
JSON of `import_promise --json`.
"""

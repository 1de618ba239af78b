"""The parts of `parser.parse`: how a promise document's cleaned lines are read as promises and
activities, one kind of thing per module.

Each module imports only those before it in this order: `units` (word sets, sentences, an item's
text, the vocabulary several readers share) → `headings` (section headings and the owners they
name) → `titles` (one activity from its text: title, owner, target) → `sentences` (activities in
running text) → `tables` (tables of activities) → `blocks` (labelled blocks, titled sections) →
`items` (list items and what heads a list) → `promise_titles` (promise titles over their
activities) → `legends` (owners named by codes, initials or e-mail addresses) → `running_text`
(documents without an activity heading) → `sections` (the line-by-line reading that calls them
all). `parser` runs that reading and what follows it (the police area, references, tags).
"""

"""spaCy component ``ptkg_blocks``: a sentence never runs across a block boundary.

Reads: the text layout (blocks are separated by blank lines). Adds: sentence starts at the
first token of every block, before the parser runs, so a headline without a full stop is
not glued to the paragraph below it; and none after a token that cannot end a sentence (no
full stop, question or exclamation mark, colon or semicolon before it, a closing quote or
bracket aside): the parser cut "Effective" off "Effective May 16, ..." and "the act (HR 1)
Thursday" in two; nor at a word in lower case, which goes on the sentence before it (in
text taken from scans, "... Regulations (EAR)! the Bureau issued an order"). A dateline
("NEW DELHI, June 30 (Wire) - ", "LONDON -- ") is a sentence of its own: parsed with the
sentence it opens, its place became that sentence's subject.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

# A day of a month ("June 30", "Sept. 1, 2029"): a capitalised word and a day's number.
_MONTH = r"[A-Z][a-z]+\.?[ \t]+\d{1,2}(?:,?[ \t]*\d{4})?"
_AGENCY = r"\([^()\n]{1,40}\)"
_DASH = r"[ \t]*(?:--|[-\u2013\u2014])[ \t]+"
# A place in capitals (with its state or country), its date and its agency; or a date and
# an agency: then a dash, at the start of a line.
_DATELINE = re.compile(
    rf"^[ \t]*(?:[A-Z][A-Z.'\-]+(?:[ \t]+[A-Z][A-Z.'\-]+)*(?:,[ \t]*[A-Z][A-Za-z.]+)?"
    rf"(?:,[ \t]*{_MONTH})?(?:[ \t]*{_AGENCY})?|{_MONTH}[ \t]*{_AGENCY}){_DASH}",
    re.MULTILINE,
)


@Language.component("ptkg_blocks", assigns=["token.is_sent_start"])
def mark_block_starts(doc: Doc) -> Doc:
    openers = {m.end() for m in _DATELINE.finditer(doc.text)}
    after_break = True
    ended = True  # whether the last word of the block so far may end a sentence
    for token in doc:
        if token.is_space:
            if "\n" in token.text:
                after_break = True
            continue
        if after_break or token.idx in openers:
            token.is_sent_start = True
            after_break = False
        elif not ended or (token.is_lower and token.is_alpha):
            token.is_sent_start = False
        if token.text not in _CLOSING:  # a closing quote or bracket keeps what it closes
            ended = token.text.endswith(_ENDS)
        if "\n" in token.whitespace_:
            after_break = True
    return doc


# What ends a sentence in prose, and what may follow that end (a closing quote or bracket).
_ENDS = (".", "!", "?", "…", ":", ";")
_CLOSING = frozenset({'"', "”", "’", "'", ")", "]"})

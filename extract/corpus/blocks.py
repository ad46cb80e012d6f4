"""spaCy component ``ptkg_blocks``: a sentence never runs across a block boundary.

Reads: the text layout (blocks are separated by blank lines). Adds: sentence starts at the
first token of every block, before the parser runs, so a headline without a full stop is
not glued to the paragraph below it; and none at a block's second token when its first is
a word ("Effective May 16, ..."), which the parser sometimes cut off as a sentence alone.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token


@Language.component("ptkg_blocks", assigns=["token.is_sent_start"])
def mark_block_starts(doc: Doc) -> Doc:
    after_break = True
    first: Token | None = None  # the first token of the block, while at its second
    for token in doc:
        if token.is_space:
            if "\n" in token.text:
                after_break = True
            continue
        if after_break:
            token.is_sent_start = True
            after_break = False
            first = token
            if "\n" in token.whitespace_:
                after_break = True
            continue
        if first is not None and first.is_alpha:
            token.is_sent_start = False
        first = None
        if "\n" in token.whitespace_:
            after_break = True
    return doc

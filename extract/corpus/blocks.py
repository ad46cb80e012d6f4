"""spaCy component ``ptkg_blocks``: a sentence never runs across a block boundary.

Reads: the text layout (blocks are separated by blank lines). Adds: sentence starts at the
first token of every block, before the parser runs, so a headline without a full stop is
not glued to the paragraph below it.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("ptkg_blocks", assigns=["token.is_sent_start"])
def mark_block_starts(doc: Doc) -> Doc:
    after_break = True
    for token in doc:
        if token.is_space:
            if "\n" in token.text:
                after_break = True
            continue
        if after_break:
            token.is_sent_start = True
            after_break = False
        elif "\n" in token.whitespace_:
            after_break = True
    return doc

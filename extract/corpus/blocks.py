"""spaCy component ``ptkg_blocks``: a sentence never runs across a block boundary.

Reads: the text layout (blocks are separated by blank lines). Adds: sentence starts at the
first token of every block, before the parser runs, so a headline without a full stop is
not glued to the paragraph below it; none at a block's second token when its first is a
word ("Effective May 16, ..."), which the parser sometimes cut off as a sentence alone; and
none after a token that cannot end a sentence (no full stop, question or exclamation mark,
colon or semicolon before it): the parser cut "the act (HR 1) Thursday" there.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token


@Language.component("ptkg_blocks", assigns=["token.is_sent_start"])
def mark_block_starts(doc: Doc) -> Doc:
    after_break = True
    first: Token | None = None  # the first token of the block, while at its second
    previous: list[Token] = []  # the block's tokens so far (no spaces)
    for token in doc:
        if token.is_space:
            if "\n" in token.text:
                after_break = True
            continue
        if after_break:
            token.is_sent_start = True
            after_break = False
            first = token
            previous = [token]
            if "\n" in token.whitespace_:
                after_break = True
            continue
        if (first is not None and first.is_alpha) or not _may_end(previous):
            token.is_sent_start = False
        first = None
        previous.append(token)
        if "\n" in token.whitespace_:
            after_break = True
    return doc


# What ends a sentence in prose, and what may follow that end (a closing quote or bracket).
_ENDS = (".", "!", "?", "…", ":", ";")
_CLOSING = frozenset({'"', "”", "’", "'", ")", "]"})


def _may_end(tokens: list[Token]) -> bool:
    """Whether a sentence may end after these tokens of a block: after a full stop, a
    question or exclamation mark, a colon (possibly closed by a quote or bracket), never
    inside a clause ("the act (HR 1) Thursday ...", cut there by the parser)."""
    for token in reversed(tokens[-3:]):
        if token.text in _CLOSING:
            continue
        return token.text.endswith(_ENDS)
    return True

"""Small helpers on the shape of words, shared by the entity and event layers."""

from __future__ import annotations

import re


def mixed_case(text: str) -> bool:
    """A word written with a capital after its first letter or with a digit ("GPT-5",
    "iPhone", "xAI"): a name, whatever the case around it."""
    return any(c.isupper() for c in text[1:]) or any(c.isdigit() for c in text)


def inner_capital(text: str) -> bool:
    """A capital after the first letter, among lower-case ones ("iPhone", "OpenAI")."""
    return any(c.isupper() for c in text[1:]) and any(c.islower() for c in text)


def is_abbreviation(short: str, full: str) -> bool:
    """Whether ``short`` abbreviates ``full``: two to eight characters, two capitals at least,
    its capitals the initials of the name's words in order ("DoC": Department of Commerce)."""
    capitals = [ch for ch in short if ch.isupper()]
    if not 2 <= len(short) <= 8 or len(capitals) < 2 or not short.isalpha():
        return False
    initials = [word[0].upper() for word in re.split(r"[\s-]+", full) if word]
    position = 0
    for capital in capitals:
        while position < len(initials) and initials[position] != capital:
            position += 1
        if position == len(initials):
            return False
        position += 1
    return True


__all__ = ["inner_capital", "is_abbreviation", "mixed_case"]

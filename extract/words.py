"""Small helpers on the shape of words, shared by the entity and event layers."""

from __future__ import annotations


def mixed_case(text: str) -> bool:
    """A word written with a capital after its first letter or with a digit ("GPT-5",
    "iPhone", "xAI"): a name, whatever the case around it."""
    return any(c.isupper() for c in text[1:]) or any(c.isdigit() for c in text)


def inner_capital(text: str) -> bool:
    """A capital after the first letter, among lower-case ones ("iPhone", "OpenAI")."""
    return any(c.isupper() for c in text[1:]) and any(c.islower() for c in text)


__all__ = ["inner_capital", "mixed_case"]

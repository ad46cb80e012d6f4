"""Small helpers on the shape of words, shared by the entity and event layers."""

from __future__ import annotations


def mixed_case(text: str) -> bool:
    """A word written with a capital after its first letter or with a digit ("GPT-5",
    "iPhone", "xAI"): a name, whatever the case around it."""
    return any(c.isupper() for c in text[1:]) or any(c.isdigit() for c in text)


def inner_capital(text: str) -> bool:
    """A capital after the first letter, among lower-case ones ("iPhone", "OpenAI")."""
    return any(c.isupper() for c in text[1:]) and any(c.islower() for c in text)


def acronym_of(text: str, name: str) -> bool:
    """Whether a mention's words are an acronym of its name ("KMA" of "Kestrian Monetary
    Authority"): capitals that the initials of the name's capitalised words hold, in
    order."""
    letters = text.replace(".", "")
    if not 2 <= len(letters) <= 8 or not letters.isalpha() or not letters.isupper():
        return False
    initials = "".join(w[0] for w in name.split() if w[:1].isupper())
    if len(initials) < 2 or letters == name:
        return False
    found = 0
    for letter in initials:
        if found < len(letters) and letter == letters[found]:
            found += 1
    return found == len(letters)


__all__ = ["acronym_of", "inner_capital", "mixed_case"]

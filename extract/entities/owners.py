"""Who owns a product, as the text says it.

Reads: the parsed document and the chosen candidates. Gives: for each product candidate a
company candidate the text ties it to ("Zimble, the mobile wallet run by Kestrio Labs",
"Kestrio Labs, which operates Zimble", "Kestrio Labs, the owner of Zimble", "Kestrio's
Zimble"): the graph then knows that a source naming the one and a source naming the other
may report one act (``kg.reconcile.entities.model_owners``). The verbs and nouns of owning
are the entity lexicon's (``ner.owner_verbs``, ``ner.owner_nouns``).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from extract.entities.candidates import Candidate
from extract.entities.lexicon import EntityLexicon


def product_owners(doc: Doc, chosen: Sequence[Candidate], lexicon: EntityLexicon) -> dict[int, int]:
    """Index of a product candidate -> index of the company candidate that owns it."""
    at: dict[int, int] = {}
    for number, cand in enumerate(chosen):
        for i in range(cand.start, cand.end):
            at[i] = number

    def company(token: Token) -> int | None:
        found = at.get(token.i)
        if found is not None and lexicon.actor(chosen[found].type) == "company":
            return found
        return None

    def product(token: Token) -> int | None:
        # the name itself, or the name a noun stands beside ("the messaging app Zimble")
        for word in (token, *(c for c in token.children if c.dep_ in ("appos", "compound"))):
            found = at.get(word.i)
            if found is not None and lexicon.is_product(chosen[found].type):
                return found
        return None

    verbs, nouns = lexicon.ner.owner_verbs, lexicon.ner.owner_nouns
    owners: dict[int, int] = {}
    for number, cand in enumerate(chosen):
        root = doc[cand.start : cand.end].root
        if lexicon.is_product(cand.type):
            # "Kestrio's Zimble"; "Zimble, the wallet run by Kestrio" (or "run by" on the
            # name itself)
            for child in root.children:
                if child.dep_ == "poss" and (owner := company(child)) is not None:
                    owners.setdefault(number, owner)
            heads = [root, *(c for c in root.children if c.dep_ == "appos")]
            for head in heads:
                for verb in head.children:
                    if verb.dep_ != "acl" or verb.lemma_.lower() not in verbs:
                        continue
                    for by in verb.children:
                        if by.dep_ != "agent":
                            continue
                        for obj in by.children:
                            if obj.dep_ == "pobj" and (owner := company(obj)) is not None:
                                owners.setdefault(number, owner)
        elif lexicon.actor(cand.type) == "company":
            # "Kestrio, which operates Zimble"; "Kestrio, the owner of Zimble"
            for child in root.children:
                if child.dep_ == "relcl" and child.lemma_.lower() in verbs:
                    for obj in child.children:
                        if obj.dep_ == "dobj" and (owned := product(obj)) is not None:
                            owners.setdefault(owned, number)
                if child.dep_ == "appos" and child.lemma_.lower() in nouns:
                    for prep in child.children:
                        if prep.dep_ != "prep" or prep.lower_ != "of":
                            continue
                        for obj in prep.children:
                            if obj.dep_ == "pobj" and (owned := product(obj)) is not None:
                                owners.setdefault(owned, number)
    return owners


__all__ = ["product_owners"]

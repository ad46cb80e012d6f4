"""Who imposes: the authority of each actor, as a department of a government.

Reads: canonical entities (their types, the bodies they belong to, the bodies officials act
for) and the gazetteer's bodies (``kg.schema.Bodies``), so that a chain of bodies is known
even where the texts never name the government. Adds: for an actor, its ``Authority``: the
government it belongs to (the top of its chain of bodies: a country, or a government with
no parent) and its department (the highest body below the government: the Bureau of
Industry and Security belongs to the Department of Commerce, so both name the Commerce
department of the United States). An official acts for the body of their role; a
government as a whole (a head of government, "the US government", a country) has no
department of its own: what it decides binds every department.

Bodies in a chain that no document names (the government above an agency) are ``implied``:
the graph writes them with their name and type, marked as known from the gazetteer only.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kg.iri import slug
from kg.reconcile.entities import EntityIndex
from kg.schema import Bodies, Body, EntityTypes

# Actor kinds whose entities can impose or lift a restriction (entity_types.yaml: actor).
GOVERNING = frozenset({"government", "court"})
MAX_DEPTH = 8
# An official acts for a body named beside them as an agent in this many documents.
LEARN_DOCUMENTS = 2


@dataclass(frozen=True)
class Authority:
    government: str  # entity key of the top of the chain (a country, or a government)
    department: str | None  # entity key of the body below the government (None: the whole)


@dataclass(frozen=True)
class _Node:
    key: str
    name: str
    type: str
    affiliations: tuple[str, ...]


class Authorities:
    def __init__(
        self, entities: EntityIndex, types: EntityTypes, bodies: Bodies | None = None
    ) -> None:
        self.entities = entities.entities
        self.bodies_of = entities.bodies  # official -> the bodies their roles belong to
        self.types = types
        self.gazetteer = bodies or Bodies({})
        self.implied: dict[str, Body] = {}  # key -> a body no document names
        self._cache: dict[str, Authority | None] = {}

    def of(self, key: str) -> Authority | None:
        """The authority an actor acts for, or None (a company, an unknown body)."""
        if key not in self._cache:
            self._cache[key] = self._find(key)
        return self._cache[key]

    def of_all(self, keys: Iterable[str]) -> list[Authority]:
        found = {a for k in keys if (a := self.of(k)) is not None}
        return sorted(found, key=lambda a: (a.government, a.department or ""))

    def learn(self, acts: Iterable[tuple[str, frozenset[str]]]) -> None:
        """Officials whose role names no body act for the body they most often act with:
        ``acts`` gives (document id, agents) of each reported act. An official named with
        the same authority in acts of two documents at least takes it."""
        seen: dict[str, dict[Authority, set[str]]] = {}
        for doc_id, agents in acts:
            known = [a for k in agents if (a := self.of(k)) is not None]
            if not known:
                continue
            for key in agents:
                entity = self.entities.get(key)
                if entity is None or entity.actor != "person" or self.of(key) is not None:
                    continue
                for authority in known:
                    seen.setdefault(key, {}).setdefault(authority, set()).add(doc_id)
        for key, by_authority in seen.items():
            ranked = sorted(
                by_authority.items(),
                key=lambda kv: (-len(kv[1]), kv[0].government, kv[0].department or ""),
            )
            authority, documents = ranked[0]
            if len(documents) >= LEARN_DOCUMENTS:
                self._cache[key] = authority

    def acts_for(self, key: str) -> str | None:
        """The authority under which an actor's acts are kept: its department, else its
        government."""
        authority = self.of(key)
        if authority is None:
            return None
        return authority.department or authority.government

    def settle(self) -> None:
        """Find the authority of every entity, and of every implied body in turn, so that
        ``implied`` holds every body the graph will name."""
        pending = list(self.entities)
        while pending:
            for key in pending:
                self.of(key)
            pending = [k for k in self.implied if k not in self._cache]

    def name(self, key: str) -> str:
        entity = self.entities.get(key)
        if entity is not None:
            return entity.name
        body = self.implied.get(key)
        return body.name if body is not None else key

    def _find(self, key: str) -> Authority | None:
        entity = self.entities.get(key)
        if entity is None:
            body = self.implied.get(key)
            if body is None:
                return None
            start = _Node(key, body.name, body.type, ())
        elif entity.actor == "person":
            bodies = sorted(self.bodies_of.get(key, ()))
            return self.of(bodies[0]) if bodies else None  # else perhaps learnt (``learn``)
        elif entity.actor not in GOVERNING:
            return None
        else:
            start = _Node(key, entity.name, entity.type, tuple(sorted(entity.affiliations)))
        chain = self._chain(start)
        root = chain[-1]
        if (
            len(chain) == 1
            and self.gazetteer.get(root.name) is None
            and self.types.is_exclusive(root.type)
        ):
            # An administration no file places stands for the government its leader heads
            # ("the Roe administration": President Jane Roe's); else for a government it
            # does not name: its acts go to the subject's principal authority.
            leader = self._leader(root)
            led = self.of(leader) if leader is not None else None
            return Authority(led.government, None) if led is not None else None
        for node in chain:
            if node.key not in self.entities:
                body = self.gazetteer.get(node.name)
                self.implied[node.key] = body or Body(node.name, node.type, None)
        below = [n for n in chain[:-1] if not self.types.is_whole_government(n.type)]
        department = below[-1].key if below else None
        return Authority(chain[-1].key, department)

    def _leader(self, node: _Node) -> str | None:
        """The one person of the corpus an administration is named after: its name without
        its last word ("Roe administration") is their name or surname."""
        words = node.name.split()
        if len(words) < 2:
            return None
        name = " ".join(words[:-1]).lower()
        found = {
            key
            for key, entity in self.entities.items()
            if entity.actor == "person"
            and any(
                n.lower() == name or n.lower().split()[-1] == name
                for n in (entity.name, *entity.aliases)
            )
        }
        return found.pop() if len(found) == 1 else None

    def _chain(self, node: _Node) -> list[_Node]:
        chain = [node]
        while len(chain) < MAX_DEPTH:
            parent = self._parent(chain[-1])
            if parent is None or any(n.key == parent.key for n in chain):
                break
            chain.append(parent)
        return chain

    def _parent(self, node: _Node) -> _Node | None:
        names = list(node.affiliations)
        body = self.gazetteer.get(node.name)
        if body is not None and body.parent:
            names.append(body.parent)
        for name in names:
            key = slug(name)
            entity = self.entities.get(key)
            if entity is not None:
                return _Node(key, entity.name, entity.type, tuple(sorted(entity.affiliations)))
            parent = self.gazetteer.get(name)
            if parent is not None:
                return _Node(key, parent.name, parent.type, ())
        return None


__all__ = ["Authorities", "Authority"]

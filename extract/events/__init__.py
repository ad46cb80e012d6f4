"""Event mentions: typed policy events with participants, dates, scope, modality and sources.

Public API (importing this package does not import spaCy; ``extract.events.component``
does, and registers the ``ptkg_events`` pipeline component):

- ``load_event_lexicon(extra_files) -> EventLexicon``: the data files, merged
- ``EventLexicon.types``: the event-type scheme (coarse type, PLOVER mapping, state effect)
"""

from extract.events.lexicon import EventLexicon, TriggerRule, load_event_lexicon
from extract.type_schemes import EventType

__all__ = ["EventLexicon", "EventType", "TriggerRule", "load_event_lexicon"]

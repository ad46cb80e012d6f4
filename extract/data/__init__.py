"""The domain knowledge the extraction and the graph read, as YAML a user can extend.

entity_types.yaml, gazetteer.yaml, roles.yaml, entity_patterns.yaml: entities and the
bodies governments are made of; event_types.yaml, scopes.yaml, modality.yaml,
attribution.yaml: event types, triggers, scopes and cues; temporal_en.yaml: time
expressions; boilerplate.yaml and languages.yaml: corpus cleaning and language checks.
Each file's header documents its format; ``ptkg build --lexicon FILE`` adds the user's own.
"""

"""Lookups the query runner makes to bind parameters (a name to its entity, an id to its
event type): SPARQL kept as files like the named queries, but not listed among them."""

"""The graph's vocabulary: ``ptkg.ttl`` (the ``ptkg:`` classes and properties, aligned with
PROV-O, OWL-Time, SKOS and schema.org) and ``shapes.ttl`` (the SHACL shapes ``ptkg
validate`` checks a built graph against). ``kg.namespace`` keeps its terms as a closed
namespace, equal to ``ptkg.ttl`` (a test checks it)."""

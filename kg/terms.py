"""Small helpers that turn Python values into RDF literals the same way everywhere."""

from __future__ import annotations

from datetime import date

from rdflib import Literal, URIRef
from rdflib.namespace import TIME, XSD

from extract.records import DateRange, Precision
from kg.namespace import PTKG, RDF, SDO

# OWL-Time has temporal units for these precisions; the others are only named by ptkg:precision.
PRECISION_UNITS: dict[str, URIRef] = {
    Precision.DAY.value: TIME.unitDay,
    Precision.WEEK.value: TIME.unitWeek,
    Precision.MONTH.value: TIME.unitMonth,
    Precision.YEAR.value: TIME.unitYear,
}


def date_literal(value: date) -> Literal:
    return Literal(value.isoformat(), datatype=XSD.date)


def text_literal(value: str) -> Literal:
    return Literal(value)


def integer_literal(value: int) -> Literal:
    return Literal(value, datatype=XSD.integer)


def decimal_literal(value: float, places: int = 4) -> Literal:
    """A decimal written with a fixed number of places: the same value, the same bytes."""
    return Literal(f"{value:.{places}f}", datatype=XSD.decimal)


def amount_triples(
    event: URIRef, node: URIRef, value: float, currency: str
) -> list[tuple[URIRef, URIRef, Literal | URIRef]]:
    """The sum an event is about, as a schema.org MonetaryAmount."""
    return [
        (event, PTKG.amount, node),
        (node, RDF.type, SDO.MonetaryAmount),
        (node, SDO.value, decimal_literal(value, places=2)),
        (node, SDO.currency, Literal(currency)),
    ]


def boolean_literal(value: bool) -> Literal:
    return Literal(value, datatype=XSD.boolean)


def date_range_triples(
    subject: URIRef, span: DateRange, precision: str | None
) -> list[tuple[URIRef, URIRef, Literal | URIRef]]:
    """SEM's earliest/latest begin timestamps for a one-day event known to lie in ``span``.

    A month-precision date is the whole month, never its first day: earliest and latest say so.
    """
    from kg.namespace import SEM

    triples: list[tuple[URIRef, URIRef, Literal | URIRef]] = [
        (subject, SEM.hasEarliestBeginTimeStamp, date_literal(span.earliest)),
        (subject, SEM.hasLatestBeginTimeStamp, date_literal(span.latest)),
        (subject, PTKG.precision, Literal(precision or Precision.UNKNOWN.value)),
    ]
    unit = PRECISION_UNITS.get(precision or "")
    if unit is not None:
        triples.append((subject, TIME.unitType, unit))
    return triples

"""JSON Schemas of the stable exports."""

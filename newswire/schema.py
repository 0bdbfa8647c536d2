"""The item schema as data: field docs read from ``items.py`` and a JSON Schema.

``python -m newswire.schema`` prints the README's schema table; a test fails when
the README's copy is stale, so the documentation cannot drift from the code.
"""

from __future__ import annotations

import ast
import inspect

from newswire import items


def field_docs() -> dict[str, str]:
    """``{field: docstring}`` for the exported fields, from the attribute docstrings."""
    tree = ast.parse(inspect.getsource(items))
    cls = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "Article")
    docs: dict[str, str] = {}
    body = cls.body
    for node, following in zip(body, body[1:] + [None]):
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            if isinstance(following, ast.Expr) and isinstance(following.value, ast.Constant):
                docs[node.target.id] = " ".join(str(following.value.value).split())
    return {name: docs.get(name, "") for name in items.EXPORT_FIELDS}


_UTC = r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$"
_PATTERNS = {
    "id": r"^[a-z][a-z0-9_]*:\S+$",
    "published_at": _UTC,
    "modified_at": _UTC,
    "crawled_at": _UTC,
    "language": r"^[a-z]{2}$",
    "content_hash": r"^sha1:[0-9a-f]{40}$",
    "url": r"^https?://",
    "canonical_url": r"^https://",
}
_REQUIRED_VALUES = ("id", "wire", "url", "canonical_url", "title", "body", "crawled_at", "schema_version")


def _json_type(annotation: str) -> dict:
    nullable = "None" in annotation
    if annotation.startswith("list["):
        kind: dict = {"type": "array", "items": {"type": "string", "minLength": 1}}
    elif annotation.startswith("int"):
        kind = {"type": "integer", "minimum": 0}
    elif annotation.startswith("dict"):
        kind = {"type": "object"}
    else:
        kind = {"type": "string"}
    if nullable:
        kind = {**kind, "type": [kind["type"], "null"]}
    return kind


def json_schema() -> dict:
    """JSON Schema of one exported record, generated from ``items.Article``: every
    exported field present, typed, dates in the UTC form, ``title``/``body`` non-empty.
    Internal fields are allowed (the spidermon pipeline sees the item before export)."""
    from dataclasses import fields

    properties = {}
    for f in fields(items.Article):
        if f.name in items.INTERNAL_FIELDS:
            properties[f.name] = {}  # never exported; any shape
            continue
        spec = _json_type(str(f.type))
        if f.name in _PATTERNS:
            spec["pattern"] = _PATTERNS[f.name]
        if f.name in _REQUIRED_VALUES and "null" in spec.get("type", []):
            spec["type"] = spec["type"][0]
        if f.name in ("title", "body"):
            spec["minLength"] = 1
        properties[f.name] = spec
    properties["schema_version"] = {"const": items.SCHEMA_VERSION}
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "newswire Article",
            "type": "object", "properties": properties, "required": list(items.EXPORT_FIELDS)}


def markdown_table() -> str:
    lines = ["| field | meaning |", "| --- | --- |"]
    for name, doc in field_docs().items():
        text = doc.replace("|", "/").replace("``", "`")
        lines.append(f"| `{name}` | {text} |")
    return "\n".join(lines)


def update_readme(path: str = "README.md") -> None:
    """Replace the table between the README's schema markers with the current one."""
    import re

    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    pattern = re.compile(r"(<!-- schema:start[^\n]*-->\n).*?(\n<!-- schema:end -->)", re.S)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(pattern.sub(lambda m: m.group(1) + markdown_table() + m.group(2), text))


if __name__ == "__main__":
    import sys

    if "--write-readme" in sys.argv:
        update_readme()
    else:
        print(markdown_table())

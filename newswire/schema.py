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

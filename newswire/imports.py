"""Importing one module of a package whose ``__init__`` imports everything else.

A worker process starts for every crawl, and its start is on the crawl's critical
path: the first pages wait for it. Two packages load far more than the one module
used here, at every start:

* ``import datasketch`` imports its LSH classes, which import ``scipy.integrate``
  (0.37 s of CPU) to tune LSH parameters; only ``datasketch.minhash`` is used.
* ``import extruct`` imports every extractor (microformats, RDFa: ``mf2py``,
  ``rdflib``; 0.15 s); only ``extruct.jsonld`` is used.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types


def submodule(package: str, name: str) -> types.ModuleType:
    """``package.name``, imported without running ``package/__init__.py`` when the
    package is not imported yet (a bare stand-in holds the package's place while the
    submodule loads, then leaves: a later ``import package`` runs the real
    ``__init__``, which finds the submodule already loaded)."""
    full = f"{package}.{name}"
    if full in sys.modules:
        return sys.modules[full]
    if package in sys.modules:
        return importlib.import_module(full)
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return importlib.import_module(full)  # not a package: the normal error
    stand_in = types.ModuleType(package)
    stand_in.__path__ = list(spec.submodule_search_locations)
    sys.modules[package] = stand_in
    try:
        return importlib.import_module(full)
    finally:
        if sys.modules.get(package) is stand_in:
            del sys.modules[package]

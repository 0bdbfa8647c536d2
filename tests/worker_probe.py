"""What tests run inside an extraction worker to look at it. A job's function is imported
by the worker to run it, so this module imports nothing beyond the standard library."""

import sys


def modules_loaded(prefixes: tuple[str, ...]) -> list[str]:
    """The loaded modules whose top-level package is one of ``prefixes``."""
    return sorted(name for name in sys.modules if name.split(".")[0] in prefixes)

"""What tests run inside an extraction worker to look at it. A job's function is imported
by the worker to run it, so this module imports nothing beyond the standard library."""

import sys


def modules_loaded(prefixes: tuple[str, ...]) -> list[str]:
    """The loaded modules whose top-level package is one of ``prefixes``."""
    return sorted(name for name in sys.modules if name.split(".")[0] in prefixes)


def collector_state() -> tuple[int, tuple[int, int, int]]:
    """How many objects the worker froze out of the cyclic collector's walks, and its thresholds."""
    import gc

    return gc.get_freeze_count(), gc.get_threshold()


def registered_parsers() -> list[str]:
    """The wires of the parser registry the worker reads pages with."""
    from newswire import parsers

    return sorted(parsers.PARSERS)

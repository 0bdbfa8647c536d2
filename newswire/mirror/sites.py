"""The wire sites the mirror serves. Adding a wire: one module with a
:class:`~newswire.mirror.server.WireSite` subclass, listed here."""

from newswire.mirror.menafn import MenafnSite

#: Site classes, each built as ``cls(seed=..., articles=..., now=..., day=...)``.
WIRE_SITES = [MenafnSite]

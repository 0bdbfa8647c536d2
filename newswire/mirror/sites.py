"""The wire sites the mirror serves. Adding a wire: one module with a
:class:`~newswire.mirror.server.WireSite` subclass, listed here."""

from newswire.mirror.apnews import ApnewsSite
from newswire.mirror.businesswire import BusinesswireSite
from newswire.mirror.einpresswire import EinpresswireSite
from newswire.mirror.globenewswire import GlobenewswireSite
from newswire.mirror.menafn import MenafnSite
from newswire.mirror.prnewswire import PrnewswireSite

#: Site classes, each built as ``cls(seed=..., articles=..., now=..., day=...)``.
WIRE_SITES = [MenafnSite, ApnewsSite, EinpresswireSite, PrnewswireSite, GlobenewswireSite, BusinesswireSite]

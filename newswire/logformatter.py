"""Log lines for dropped items: one short line with the reason, not the whole item.

Scrapy's default logs every dropped item in full at WARNING, so a run with 40
soft-404s buries its real warnings under 40 page bodies. The reason is already
counted in ``newswire/drop/<reason>``.
"""

import logging

from scrapy.logformatter import LogFormatter


class NewswireLogFormatter(LogFormatter):
    def dropped(self, item, exception, response, spider=None, *args, **kwargs):
        return {"level": logging.INFO, "msg": "Dropped %(reason)s", "args": {"reason": exception}}

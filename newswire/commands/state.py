"""``scrapy state``: look at and repair the state store of scheduled runs.

    scrapy state show menafn [--limit 20]     stories held for a wire, newest first, and its last runs
    scrapy state forget menafn [--since 2026-11-20] [--until 2026-11-25]
                                              forget a wire's stories (all, or published in a range):
                                              the next run delivers them again
    scrapy state redeliver menafn/20261127T044737Z
                                              mark what that run delivered as undelivered

The store is the one the crawl uses (``-s NEWSWIRE_STATE=...``, default
``~/.local/share/newswire/state.sqlite``).
"""

from __future__ import annotations

import json

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError

from newswire.state import open_store


class Command(ScrapyCommand):
    requires_project = True
    default_settings = {"LOG_LEVEL": "WARNING"}

    def syntax(self) -> str:
        return "show|forget|redeliver <wire or run> [options]"

    def short_desc(self) -> str:
        return "Show or change what the state store remembers of earlier runs"

    def long_desc(self) -> str:
        return __doc__

    def add_options(self, parser) -> None:
        super().add_options(parser)
        parser.add_argument("--limit", type=int, default=20, help="stories to list (show)")
        parser.add_argument("--since", help="forget stories published on or after this date (ISO)")
        parser.add_argument("--until", help="forget stories published before this date (ISO)")

    def run(self, args: list[str], opts) -> None:
        if len(args) != 2 or args[0] not in ("show", "forget", "redeliver"):
            raise UsageError()
        action, target = args
        store = open_store(self.settings)
        if store is None:
            raise UsageError("the state store is off (NEWSWIRE_STATE=off)")
        try:
            if action == "show":
                summary = store.summary(target)
                print(json.dumps(summary, indent=2))
                for story in store.stories(target, opts.limit):
                    status = f"copy of {story.duplicate_of}" if story.duplicate_of else (
                        f"v{story.version} in {story.delivered_feed}" if story.version else "not delivered")
                    print(f"{story.id}\t{story.published_at}\t{status}\t{story.canonical_url}")
            elif action == "forget":
                print(f"forgot {store.forget(target, opts.since, opts.until)} stories of {target}")
            else:
                print(f"{store.redeliver(target)} stories of {target} will be delivered again by the next run")
        finally:
            store.close()

"""``python -m newswire.mirror --port 0 [--truth truth.jsonl] [--day 2 --changes changes.json]``:
serve the offline mirror.

See :mod:`newswire.mirror` for the options and what is served.
"""

from __future__ import annotations

import argparse
import sys

from . import DEFAULT_NOW, build, parse_now, serve


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m newswire.mirror",
        description="Serve a deterministic offline copy of the news wires, routed by Host header, "
                    "and optionally write the ground truth of a perfect crawl.")
    parser.add_argument("--port", type=int, required=True, help="TCP port to listen on; 0 picks a free port")
    parser.add_argument("--host", default="127.0.0.1", help="interface to bind (default: %(default)s)")
    parser.add_argument("--seed", type=int, default=1, help="generator seed (default: %(default)s)")
    parser.add_argument("--articles", type=int, default=60,
                        help="true articles per wire, at least 24 (default: %(default)s)")
    parser.add_argument("--truth", metavar="FILE", help="write the ground truth as JSON Lines before serving")
    parser.add_argument("--now", type=parse_now, default=DEFAULT_NOW, metavar="ISO",
                        help="the mirror's clock (default: 2026-11-27T12:00:00Z)")
    parser.add_argument("--day", type=int, default=1, metavar="N",
                        help="serve the site N-1 days after --now: new, updated, deleted and moved stories "
                             "(default: %(default)s)")
    parser.add_argument("--wires", metavar="LIST", type=lambda v: [w for w in v.split(",") if w],
                        help="comma-separated wires to serve (default: all)")
    parser.add_argument("--changes", metavar="FILE",
                        help="write what changed since the day before (new/updated/deleted/moved/variants) as JSON")
    parser.add_argument("--faults", action="store_true",
                        help="add MENAFN's hostile and broken pages: hangs, trickles, 12 MB pages, redirect "
                             "loops and redirects off the site, brotli/gzip bodies, wrong charsets, 503 bursts, "
                             "connection resets, control characters in JSON-LD, malformed feeds")
    parser.add_argument("--prerender", action="store_true",
                        help="render every article page before serving (what the benchmark does: a page then "
                             "costs the mirror only its sending, not its rendering)")
    parser.add_argument("--request-log", metavar="FILE",
                        help="append one line per request received: the absolute URL asked for "
                             "(https://<Host header><path?query>; the crawler's routing does not say the scheme)")
    args = parser.parse_args(argv)
    try:
        mirror = build(seed=args.seed, articles=args.articles, now=args.now, day=args.day, wires=args.wires,
                       faults=args.faults)
    except ValueError as error:
        parser.error(str(error))
    if args.truth:
        mirror.write_truth(args.truth)
    if args.changes:
        mirror.write_changes(args.changes)
    if args.prerender:
        mirror.prerender()
    serve(mirror, port=args.port, host=args.host, request_log=args.request_log)
    return 0


if __name__ == "__main__":
    sys.exit(main())

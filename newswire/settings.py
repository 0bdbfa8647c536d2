"""Scrapy settings for newswire: polite production defaults, one ordered pipeline
chain, and feeds written only by Scrapy's feed exports."""

import warnings

from scrapy.settings import default_settings as _scrapy_defaults

from newswire.items import EXPORT_FIELDS
from newswire.schema import json_schema

BOT_NAME = "newswire"
SPIDER_MODULES = ["newswire.spiders"]
NEWSPIDER_MODULE = "newswire.spiders"
COMMANDS_MODULE = "newswire.commands"

# Identify honestly; operators should put a contact address here.
USER_AGENT = "newswire/0.1 (+https://github.com/newswire/newswire; news feed crawler)"
ROBOTSTXT_OBEY = True

# Politeness: a few requests per wire at a time, adapted to the server's latency.
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 4
DOWNLOAD_DELAY = 0.25
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 0.5
AUTOTHROTTLE_MAX_DELAY = 30
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
# A page that sends its headers and then nothing, or one byte a second, is given up
# after this many seconds (tests lower it: -s DOWNLOAD_TIMEOUT=3).
DOWNLOAD_TIMEOUT = 30
# A story page is a few hundred KB at most; anything past 10 MB is not an article.
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
RETRY_ENABLED = True
# Four attempts: a wire's 503 bursts (a CDN or IIS pool restarting) last up to three answers.
RETRY_TIMES = 3
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
COOKIES_ENABLED = False

# Production runs expose nothing on the network.
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False
# Components a run never uses are not even imported (each run starts faster): the
# consoles above (remote control imports aiohttp, ~0.1 s) and the cookie middleware
# (COOKIES_ENABLED is False; it imports tldextract and its suffix list). Scrapy imports
# every key of a component dict to resolve it, a key set to None included, so they are
# left out of Scrapy's base dicts instead. Nor do three spider middlewares run, each a
# layer of async generators every discovered request and every item passes through:
# depth tracking (no DEPTH_LIMIT; a listing walk counts its own pages), Referer
# headers (no wire needs one, and a feed URL's token would travel in it) and the
# detection of response.meta copied into new requests (a debugging aid; the bases
# build every request).
_UNUSED = {"scrapy.extensions.telnet.TelnetConsole", "scrapy.extensions.remote_control.RemoteControl",
           "scrapy.downloadermiddlewares.cookies.CookiesMiddleware",
           "scrapy.spidermiddlewares.depth.DepthMiddleware", "scrapy.spidermiddlewares.referer.RefererMiddleware",
           "scrapy.spidermiddlewares.metacopy.MetaCopyDetectionMiddleware"}
EXTENSIONS_BASE = {k: v for k, v in _scrapy_defaults.EXTENSIONS_BASE.items() if k not in _UNUSED}
SPIDER_MIDDLEWARES_BASE = {k: v for k, v in _scrapy_defaults.SPIDER_MIDDLEWARES_BASE.items() if k not in _UNUSED}
DOWNLOADER_MIDDLEWARES_BASE = {
    k: v for k, v in _scrapy_defaults.DOWNLOADER_MIDDLEWARES_BASE.items() if k not in _UNUSED
}

# NEWSWIRE_MIRROR=http://127.0.0.1:PORT sends every request to the offline mirror
# (newswire.mirror) instead of the real wires; empty means the real network.
NEWSWIRE_MIRROR = ""
DOWNLOAD_HANDLERS = {
    "http": "newswire.downloader.MirrorDownloadHandler",
    "https": "newswire.downloader.MirrorDownloadHandler",
}

# Wires whose pages need a browser use this dict as their custom_settings (newswire.browser):
# scrapy-playwright with Debian's chromium, only documents loaded, a few pages at a time.
PLAYWRIGHT_SETTINGS = {
    "DOWNLOAD_HANDLERS": {
        "http": "newswire.browser.BrowserDownloadHandler",
        "https": "newswire.browser.BrowserDownloadHandler",
    },
    "PLAYWRIGHT_BROWSER_TYPE": "chromium",
    "PLAYWRIGHT_LAUNCH_OPTIONS": {
        "executable_path": "/usr/bin/chromium",
        "headless": True,
        "timeout": 30_000,
        # Without these Debian's chromium keeps trying to reach Google's hosts.
        "args": ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
    "PLAYWRIGHT_MAX_PAGES_PER_CONTEXT": 4,
    "PLAYWRIGHT_DEFAULT_NAVIGATION_TIMEOUT": 20_000,
    "PLAYWRIGHT_ABORT_REQUEST": "newswire.browser.abort_non_document",
}

# --- Hostile and broken input (newswire.middlewares, newswire.logredact) ---------------
# Requests are refused before download when they leave the wire's hosts: other schemes
# (file:, data:, ftp:), localhost, loopback/private/link-local IP literals
# (http://169.254.169.254/latest/meta-data/), hosts outside allowed_domains, and
# redirect loops. Each is counted as newswire/refused/<reason> and logged.
DOWNLOADER_MIDDLEWARES = {
    "newswire.middlewares.RefuseUnsafeRequests": 40,  # before OffsiteMiddleware (50) and robots.txt (100)
    # Scrapy's retries, with 429s waiting for the server's Retry-After (at most this long).
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "newswire.middlewares.RetryAfterMiddleware": 550,
    # Meta-refresh redirects followed as by Scrapy, without decoding every page to look.
    "scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware": None,
    "newswire.middlewares.MetaRefreshMiddleware": 580,
}
NEWSWIRE_MAX_RETRY_AFTER = 60
# Only the network: no download handler may read local files, S3 buckets or FTP servers,
# even if a URL with such a scheme got past the middleware (browser wires included).
_NO_LOCAL_HANDLERS = {"file": None, "s3": None, "ftp": None}
DOWNLOAD_HANDLERS.update(_NO_LOCAL_HANDLERS)
PLAYWRIGHT_SETTINGS["DOWNLOAD_HANDLERS"].update(_NO_LOCAL_HANDLERS)
# The whole run's deadline (newswire.middlewares.RunDeadline): a run still going after
# this many seconds is closed with finish reason closespider_timeout, which exits 2
# (newswire.verdict) so a scheduler sees it; 0 means no deadline.
NEWSWIRE_DEADLINE_SECONDS = 3600
# Extraction (parse, clean, normalise) runs in this many worker processes
# (newswire.workers) so the reactor's core keeps downloading: None = cores - 1
# (a 2-core machine: 1 worker), 0 = in the crawl process.
NEWSWIRE_EXTRACTION_WORKERS = None
# Outputs of one response processed at once. A response yields one article, or only
# requests, which need no concurrency: Scrapy starts this many asyncio tasks for every
# response (its default, 100, for nothing).
CONCURRENT_ITEMS = 1
# Real wires redirect at most three times (http -> https -> canonical slug); more is a trap.
REDIRECT_MAX_TIMES = 5
# Secrets (user:password@ in URLs, Proxy-Authorization, ?token= / ?api_key= / ?sig=
# parameters) are redacted from every log record; False only to debug on a workstation.
NEWSWIRE_REDACT_LOGS = True

# One concern per pipeline, in this order (see newswire/pipelines/__init__.py).
ITEM_PIPELINES = {
    "newswire.pipelines.page_type.PageTypePipeline": 100,
    "newswire.pipelines.validate.ValidatePipeline": 400,
    "newswire.pipelines.dedupe.DedupePipeline": 500,
    "newswire.pipelines.history.HistoryPipeline": 600,
    "newswire.pipelines.syndication.SyndicationPipeline": 700,
    # Every record that reaches the feed is checked against the item schema (Spidermon's
    # validation pipeline with the schema compiled once, newswire.monitors).
    "newswire.monitors.SchemaValidationPipeline": 800,
}

# Monitors (newswire.monitors): schema, fill rates against recent runs, retry rate.
SPIDERMON_ENABLED = True
SPIDERMON_SPIDER_CLOSE_MONITORS = ["newswire.monitors.RunMonitors"]
SPIDERMON_VALIDATION_SCHEMAS = [json_schema()]
SPIDERMON_ADD_FIELD_COVERAGE = True
SPIDERMON_FIELD_COVERAGE_SKIP_NONE = True
SPIDERMON_FIELD_COVERAGE_SKIP_FALSY = True
# Fill rates of the record's own fields only, not of the keys inside its dict values
# (an internal field such as methods = {"title": "jsonld", ...}): the monitors read
# top-level fields, and every nested key cost a stats update per record.
SPIDERMON_DICT_FIELDS_COVERAGE_LEVELS = 0

# The state store of scheduled runs (newswire.state): a path or sqlite:///path; empty for
# ~/.local/share/newswire/state.sqlite; "off" to deliver everything found every run.
NEWSWIRE_STATE = ""
# The store batches its writes; a batch is committed at the latest this many seconds
# after its first change. Crawls of several wires share the store and SQLite has one
# writer at a time: another wire's crawl waits at most about this long to write.
NEWSWIRE_STATE_COMMIT_SECONDS = 3.0
# Delivered stories published in the last 48 h are fetched again (at most every 6 h) to
# catch corrections; older ones are never fetched again.
NEWSWIRE_REVISIT_WINDOW_HOURS = 48
NEWSWIRE_REVISIT_INTERVAL_HOURS = 6
# URLs that gave no article are not fetched again for a while: 404/410/soft-404 for a
# day, downloads that failed after every retry for an hour.
NEWSWIRE_RETRY_GONE_AFTER_HOURS = 24
NEWSWIRE_RETRY_FAILED_AFTER_HOURS = 1
# Deliver syndicated copies too, with duplicate_of naming the first copy delivered.
NEWSWIRE_EMIT_DUPLICATES = False
# Python's garbage collector runs after this many new objects (generation 0) instead of
# 700: a crawl allocates many short-lived objects per request (newswire.extensions.
# CollectorThreshold); empty for the interpreter's default.
NEWSWIRE_GC_THRESHOLD = (10000, 20, 20)
# glibc malloc: blocks over 128 KB mapped on their own, over 256 KB of free heap top
# returned (newswire.extensions.MallocThresholds: a flatter crawl process on big pages).
NEWSWIRE_MALLOC_THRESHOLDS = (131072, 262144)
# Fixed clock (ISO 8601) for replays and tests; empty means the real time.
NEWSWIRE_NOW = ""

EXTENSIONS = {
    "newswire.logredact.LogRedaction": -100,  # first, so that no log line goes out unredacted
    "newswire.middlewares.RunDeadline": 0,
    # Spidermon's extension, counting field coverage in one flat pass (newswire.monitors).
    "newswire.monitors.SpidermonExtension": 500,
    "newswire.extensions.RunReport": 510,
    # Only active with -s JOBDIR=...: a JOBDIR left by a killed run is set aside.
    "newswire.extensions.JobdirGuard": 0,
    "newswire.extensions.CollectorThreshold": 0,
    "newswire.extensions.MallocThresholds": 0,
}

# One JSON Lines file per run and wire: output/menafn/20261127T044737Z.jsonl
NEWSWIRE_OUTPUT_DIR = "output"
FEEDS = {
    "%(output_dir)s/%(name)s/%(run_id)s.jsonl": {
        "format": "jsonlines",
        "encoding": "utf-8",
        "overwrite": True,
        "store_empty": True,
    }
}
FEED_EXPORT_ENCODING = "utf-8"
# Written as <name>.jsonl.part and renamed into place when the run closes (newswire.feedstorage).
FEED_STORAGES = {"": "newswire.feedstorage.AtomicFileFeedStorage", "file": "newswire.feedstorage.AtomicFileFeedStorage"}
FEED_EXPORT_FIELDS = EXPORT_FIELDS
FEED_EXPORTERS = {"jsonlines": "newswire.exporters.JsonLinesExporter"}

LOG_LEVEL = "INFO"
# Spidermon 1.27 still calls Spider.log(); the deprecation says nothing to an operator.
warnings.filterwarnings("ignore", message=r"Spider\.log\(\) is deprecated")
LOG_FORMATTER = "newswire.logformatter.NewswireLogFormatter"
# Scrapy's in-memory stats without its per-access deprecation wrapper (newswire.stats).
STATS_CLASS = "newswire.stats.StatsCollector"

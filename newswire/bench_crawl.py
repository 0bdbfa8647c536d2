"""``python -m newswire.bench crawl``: end-to-end crawl speed against a bare baseline.

Serves the mirror with ``--articles`` per wire, ``--request-log`` and ``--prerender``, then
for each wire runs (1) the production ``scrapy crawl <wire>`` — discovery, extraction, all pipelines,
feed — and (2) a bare Scrapy spider that fetches exactly the requests the mirror logged
during (1), in order, once each (feeds, sitemaps, listings, robots.txt, redirect hops,
retried 429s, article pages), and does nothing with them: the cost of Scrapy alone for
the same pages. A page the crawl had chromium render (Business Wire's JavaScript
newsroom; the mirror logs it as ``<url> browser``) is rendered by the baseline too,
through scrapy-playwright with the same launch options: fetching that page means
rendering it, so the baseline pays for the browser and the ratio measures what the
crawl adds. Each crawl is its own process. CPU time is the ``getrusage`` delta of
the children; peak memory is the largest sum of RSS over the crawl process and all its
descendants (extraction workers, a browser), sampled from ``/proc`` while it runs.

``--repeat N`` crawls each wire N times from the same state store (saved before its first
crawl, put back before each other), each crawl followed at once by its bare spider, and
reports the pair with the median ratio: on a shared VM the same work can take 40% more
CPU time from one minute to the next, and a pair timed back to back shares the spell.

The mirror renders its article pages before serving (``--prerender``). It stands in for
servers elsewhere but shares the crawl's two cores: rendering each page on request cost
it ~0.2 ms of CPU a PR Newswire page, which the crawl, busy on both cores, paid for in
wall time, while the bare spider, busy on one, did not.
"""

from __future__ import annotations

import compileall
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

BARE_SPIDER = '''
import json, scrapy
from newswire.settings import PLAYWRIGHT_SETTINGS

class BareSpider(scrapy.Spider):
    """Fetches each URL of the file once, as given: no redirects followed, no retries,
    no robots.txt of its own (the crawl's robots.txt fetches are in the file). Its
    request count and finish reason go to the ``stats`` file (it has no run verdict,
    so ``scrapy crawl`` exits 1)."""
    name = "bare"
    custom_settings = {"ITEM_PIPELINES": {}, "FEEDS": {}, "EXTENSIONS": {}, "ROBOTSTXT_OBEY": False,
                       "SPIDERMON_ENABLED": False, "DOWNLOADER_MIDDLEWARES": {},
                       "REDIRECT_ENABLED": False, "RETRY_ENABLED": False}

    def __init__(self, urls, stats, **kwargs):
        super().__init__(**kwargs)
        self.urls = [line.split() for line in open(urls) if line.strip()]
        self.stats_file = stats

    async def start(self):
        for url, *_marks in self.urls:
            yield scrapy.Request(url, callback=self.parse, dont_filter=True)

    def parse(self, response):
        pass

    def closed(self, reason):
        stats = self.crawler.stats.get_stats()
        with open(self.stats_file, "w") as out:
            json.dump({"finish_reason": reason, "requests": stats.get("downloader/request_count", 0),
                       "responses": stats.get("downloader/response_count", 0)}, out)


class BareBrowserSpider(BareSpider):
    """The same, rendering in the browser the pages the crawl's browser asked for (``<url>
    browser``) with scrapy-playwright and the crawl's launch options, as cheaply as the
    crawl does: in kept tabs (a new tab per page costs chromium a renderer process),
    as many at once as the browser context allows (PLAYWRIGHT_MAX_PAGES_PER_CONTEXT)."""
    name = "bare_browser"
    custom_settings = {**BareSpider.custom_settings, **PLAYWRIGHT_SETTINGS}

    async def start(self):
        tabs = self.settings.getint("PLAYWRIGHT_MAX_PAGES_PER_CONTEXT", 4)
        rendered = [url for url, *marks in self.urls if "browser" in marks]
        chains = [rendered[i::tabs] for i in range(tabs)]
        seen = 0  # browser pages met so far; the first ``tabs`` of them start the chains
        for url, *marks in self.urls:
            if "browser" not in marks:
                yield scrapy.Request(url, callback=self.parse, dont_filter=True)
                continue
            if seen < tabs:
                yield self.render(chains[seen], None)
            seen += 1

    def render(self, chain, tab):
        meta = {"playwright": True, "playwright_include_page": True, "chain": chain[1:],
                "playwright_page_init_callback": "newswire.browser.route_to_mirror",
                "newswire_mirror": self.settings.get("NEWSWIRE_MIRROR")}
        if tab is not None:
            meta["playwright_page"] = tab
        return scrapy.Request(chain[0], callback=self.parse_rendered, dont_filter=True, meta=meta)

    async def parse_rendered(self, response):
        tab, chain = response.meta.pop("playwright_page"), response.meta["chain"]
        if chain:
            yield self.render(chain, tab)
        else:
            await tab.close()
'''

SAMPLE_EVERY = 0.1  # seconds between /proc samples of the crawl's process tree


def _children(pid: int) -> list[int]:
    """Direct children of ``pid`` (every thread's ``children`` file: a child belongs to
    the thread that forked it)."""
    found: list[int] = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for tid in tasks:
        try:
            with open(f"/proc/{pid}/task/{tid}/children") as handle:
                found.extend(int(child) for child in handle.read().split())
        except OSError:
            continue
    return found


def _children_by_scan() -> dict[int, list[int]]:
    """ppid -> children from every ``/proc/<pid>/stat`` (kernels without ``children`` files)."""
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                stat = handle.read()
        except OSError:
            continue
        # The command name is in parentheses and may contain spaces: fields start after the last ")".
        ppid = int(stat[stat.rindex(")") + 2:].split()[1])
        tree.setdefault(ppid, []).append(int(entry))
    return tree


_HAS_CHILDREN_FILES = os.path.exists(f"/proc/{os.getpid()}/task/{os.getpid()}/children")


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0  # gone, or a zombie (no VmRSS line)


def tree_rss_kb(root: int) -> int:
    """Sum of VmRSS over ``root`` and all its descendants. Pages shared between them
    (fork's copy-on-write, a browser's shared libraries) are counted once per process,
    so this is an upper bound of the memory really used. A descendant whose parent
    exited (re-parented to init) is no longer seen."""
    scan = None if _HAS_CHILDREN_FILES else _children_by_scan()
    total, todo, seen = 0, [root], set()
    while todo:
        pid = todo.pop()
        if pid in seen:
            continue
        seen.add(pid)
        total += _rss_kb(pid)
        todo.extend(_children(pid) if scan is None else scan.get(pid, ()))
    return total


def _run(cmd: list[str], env: dict, cwd: Path, log: Path | None = None) -> dict:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    with open(log or os.devnull, "wb") as stderr:
        process = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=stderr)
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], tree_rss_kb(process.pid))
            done.wait(SAMPLE_EVERY)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    code = process.wait()
    wall = time.perf_counter() - started
    done.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # RUSAGE_CHILDREN counts every descendant that was waited for, all the way down (the
    # crawl process reaps its worker processes); a browser's CPU is included only if its
    # processes were reaped by their parents (Playwright's driver), not if orphaned.
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"code": code, "wall": wall, "cpu": cpu, "peak_mb": peak[0] / 1024}


def _cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a running process (the mirror), from ``/proc``."""
    try:
        with open(f"/proc/{pid}/stat") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _bare_crawl(spider: str, urls: Path, stats: Path, common: list[str], env: dict, work: Path) -> dict:
    bare = _run([sys.executable, "-m", "scrapy", "crawl", spider, "-a", f"urls={urls}", "-a", f"stats={stats}",
                 *common, "-s", "SPIDER_MODULES=barebench"], env, work)
    bare.update(json.loads(stats.read_text()) if stats.exists()
                else {"finish_reason": f"exit {bare['code']}", "requests": 0, "responses": 0})
    stats.unlink(missing_ok=True)
    return bare


def _snapshot(state: Path, keep: Path) -> None:
    """Copy the state store's files (``state.sqlite`` and any ``-wal``/``-shm``) to ``keep``."""
    shutil.rmtree(keep, ignore_errors=True)
    keep.mkdir()
    for path in state.parent.glob(state.name + "*"):
        shutil.copy2(path, keep / path.name)


def _restore(state: Path, keep: Path) -> None:
    """Put the state store back as ``_snapshot`` saved it (a repeat crawls from the same state)."""
    for path in state.parent.glob(state.name + "*"):
        path.unlink()
    for path in keep.iterdir():
        shutil.copy2(path, state.parent / path.name)


def bench_crawl(articles: int, wires: list[str] | None, seed: int = 11, repeat: int = 1) -> list[dict]:
    from scrapy.spiderloader import SpiderLoader
    from scrapy.utils.project import get_project_settings

    known = sorted(SpiderLoader.from_settings(get_project_settings()).list())
    if unknown := sorted(set(wires or ()) - set(known)):
        raise SystemExit(f"bench: no such wire: {', '.join(unknown)} (the wires: {', '.join(known)})")
    wires = wires or known
    root = Path(__file__).resolve().parent.parent
    # Timed as deployed: with the project's bytecode compiled (an installed package has
    # it; a checkout run with PYTHONDONTWRITEBYTECODE=1 would otherwise compile every
    # newswire module from source in the crawl and in each worker, ~0.25 s a run).
    compileall.compile_dir(str(root / "newswire"), quiet=1)
    work = Path(tempfile.mkdtemp(prefix="newswire-bench-"))
    (work / "barebench").mkdir()
    (work / "barebench" / "__init__.py").write_text(BARE_SPIDER)
    truth = work / "truth.jsonl"
    request_log = work / "requests.log"
    mirror = subprocess.Popen([sys.executable, "-m", "newswire.mirror", "--port", "0", "--articles", str(articles),
                               "--seed", str(seed), "--wires", ",".join(wires), "--truth", str(truth),
                               "--request-log", str(request_log), "--prerender"],
                              stdout=subprocess.PIPE, text=True, cwd=root)
    base = re.search(r"http://127\.0\.0\.1:\d+", mirror.stdout.readline()).group(0)
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newswire.settings",
           "PYTHONPATH": os.pathsep.join([str(root), str(work)])}
    common = ["-s", f"NEWSWIRE_MIRROR={base}", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0",
              "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16", "-s", "LOG_LEVEL=ERROR",
              # The mirror's 429 traps would otherwise add their Retry-After waits to the timings.
              "-s", "NEWSWIRE_MAX_RETRY_AFTER=0"]
    rows = []
    state = work / "state.sqlite"
    try:
        for wire in wires:
            # Each repeat crawls the wire from the state the first one started from, then
            # the bare spider fetches what that crawl fetched: a pair timed back to back,
            # so a slow spell of a shared machine slows both of its halves.
            _snapshot(state, work / "state.before")
            pairs = []
            for attempt in range(repeat):
                if attempt:
                    _restore(state, work / "state.before")
                pairs.append(_pair(wire, work, request_log, mirror.pid, common, env, plain=not attempt))
            # The pair whose ratio is the median; the plain-fetch comparison, made once, kept.
            row = sorted(pairs, key=_ratio)[len(pairs) // 2]
            row.update(plain=pairs[0]["plain"], ratios=[_ratio(pair) for pair in pairs],
                       peaks=[pair["full"]["peak_mb"] for pair in pairs],
                       delivered=[pair["articles"] for pair in pairs], codes=[pair["full"]["code"] for pair in pairs])
            rows.append(row)
    finally:
        mirror.terminate()
        mirror.wait()
        shutil.rmtree(work, ignore_errors=True)
    return rows


def _ratio(pair: dict) -> float:
    """Speed vs bare: the bare spider's wall time over the crawl's."""
    return pair["bare"]["wall"] / pair["full"]["wall"]


def _pair(wire: str, work: Path, request_log: Path, mirror_pid: int, common: list[str], env: dict,
          plain: bool) -> dict:
    """One production crawl of ``wire`` and the bare spider over the requests it sent."""
    # The mirror appends to the log with O_APPEND: emptying it here is safe, and
    # once the crawl has exited every request it sent is in it.
    request_log.write_bytes(b"")
    mirror_before = _cpu_seconds(mirror_pid)
    log = work / f"{wire}.log"
    full = _run([sys.executable, "-m", "scrapy", "crawl", wire, *common,
                 "-s", f"NEWSWIRE_OUTPUT_DIR={work / 'output'}", "-s", f"NEWSWIRE_STATE={work / 'state.sqlite'}"],
                env, work, log)
    full["mirror_cpu"] = _cpu_seconds(mirror_pid) - mirror_before
    manifests = sorted((work / "output" / wire).glob("*.manifest.json"))
    if not manifests:
        # A crawl that published nothing (it could not start, or died) times nothing
        # worth comparing: say why and stop. One that published but exited non-zero
        # (its verdict: errors over the threshold) is timed, with a note.
        tail = log.read_text(errors="replace").strip().splitlines()[-5:]
        raise SystemExit(f"bench: the {wire} crawl exited {full['code']} without a manifest; its last log lines:\n"
                         + "\n".join(tail))
    manifest = json.loads(manifests[-1].read_text())
    urls = work / f"{wire}.urls"
    urls.write_bytes(request_log.read_bytes())
    lines = [line for line in urls.read_text(encoding="latin-1").splitlines() if line.strip()]
    logged, rendered = len(lines), sum(1 for line in lines if line.endswith(" browser"))
    bare_stats = work / f"{wire}.bare.json"
    mirror_before = _cpu_seconds(mirror_pid)
    bare = _bare_crawl("bare_browser" if rendered else "bare", urls, bare_stats, common, env, work)
    bare["mirror_cpu"] = _cpu_seconds(mirror_pid) - mirror_before
    # For comparison, a wire with rendered pages is also timed against plain fetches of them.
    plain_run = _bare_crawl("bare", urls, bare_stats, common, env, work) if rendered and plain else None
    return {"wire": wire, "articles": manifest["delivered"], "pages": bare["requests"], "logged": logged,
            "rendered": rendered, "plain": plain_run, "crawl_requests": manifest["requests"],
            "full": full, "bare": bare}


def report(rows: list[dict]) -> None:
    header = (f"{'wire':<14} {'articles':>8} {'pages':>7} {'art/s':>7} {'bare p/s':>9} {'speed vs bare':>13} "
              f"{'CPU ms/art':>10} {'bare CPU ms/p':>13} {'peak MB (tree)':>14}")
    print(header)

    def line(name, articles, pages, wall, bare_wall, cpu, bare_cpu, peak_mb) -> None:
        print(f"{name:<14} {articles:>8} {pages:>7} {articles / wall:>7.1f} {pages / bare_wall:>9.1f} "
              f"{bare_wall / wall:>13.2f} {1000 * cpu / max(articles, 1):>10.1f} "
              f"{1000 * bare_cpu / max(pages, 1):>13.2f} {peak_mb:>14.0f}")

    total = {"articles": 0, "pages": 0, "wall": 0.0, "bare_wall": 0.0, "cpu": 0.0, "bare_cpu": 0.0, "peak_mb": 0.0}
    notes = []
    for row in rows:
        full, bare = row["full"], row["bare"]
        line(row["wire"], row["articles"], row["pages"], full["wall"], bare["wall"], full["cpu"], bare["cpu"],
             max(row["peaks"]))
        total["articles"] += row["articles"]
        total["pages"] += row["pages"]
        total["wall"] += full["wall"]
        total["bare_wall"] += bare["wall"]
        total["cpu"] += full["cpu"]
        total["bare_cpu"] += bare["cpu"]
        total["peak_mb"] = max(total["peak_mb"], *row["peaks"])
        if not row["pages"] == row["logged"] == row["crawl_requests"]:
            notes.append(f"{row['wire']}: the crawl counted {row['crawl_requests']} requests "
                         f"(downloader/request_count), the mirror logged {row['logged']}, the bare spider "
                         f"made {row['pages']}")
        if codes := [code for code in row["codes"] if code]:
            notes.append(f"{row['wire']}: the crawl exited {', '.join(map(str, codes))}")
        if len(set(row["delivered"])) > 1:
            notes.append(f"{row['wire']}: the repeats delivered different numbers of articles: {row['delivered']}")
        if bare["finish_reason"] != "finished":
            notes.append(f"{row['wire']}: the bare crawl ended with {bare['finish_reason']}")
    if rows:
        line("all", total["articles"], total["pages"], total["wall"], total["bare_wall"], total["cpu"],
             total["bare_cpu"], total["peak_mb"])
    print("baseline: a bare Scrapy spider (no extraction, pipelines or feed) fetching each request the production "
          "crawl sent to the mirror, once, in order, the pages the crawl rendered rendered by the browser too; "
          "speed vs bare = bare wall time / crawl wall time; "
          "peak MB = largest sum of RSS over the crawl's process tree (all row: the largest)")
    if rows and len(rows[0]["ratios"]) > 1:
        print(f"each wire crawled {len(rows[0]['ratios'])} times, each crawl followed by its bare spider; the row is "
              "the pair with the median speed vs bare, peak MB the largest of the crawls ('all': the sums of those "
              "pairs)")
        for row in rows:
            print(f"  {row['wire']}: speed vs bare " + ", ".join(f"{ratio:.2f}" for ratio in row["ratios"])
                  + "; peak MB " + ", ".join(f"{peak:.0f}" for peak in row["peaks"]))
    for row in rows:
        full, bare = row["full"], row["bare"]
        if "mirror_cpu" in full:
            # The mirror stands in for the wires' servers but runs on the same cores: what
            # it costs during each crawl, per page. The crawl is its first visitor.
            print(f"  {row['wire']}: the mirror itself spent {1000 * full['mirror_cpu'] / max(row['pages'], 1):.2f} ms "
                  f"of CPU a page during the crawl, {1000 * bare['mirror_cpu'] / max(row['pages'], 1):.2f} during the "
                  "bare spider's")
        if row.get("rendered"):
            plain = row["plain"]
            print(f"  {row['wire']}: {row['rendered']} of its {row['pages']} pages rendered by chromium in both crawls; "
                  f"against a bare spider fetching them without a browser ({row['pages'] / plain['wall']:.1f} p/s) "
                  f"the speed would be {plain['wall'] / row['full']['wall']:.2f}")
    for note in notes:
        print(f"  note: {note}")

"""Extraction in worker processes (newswire.workers): same records as in-process, a dead
worker costs no page, and a crawl script without a main guard is not run again."""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
import pytest_twisted
from scrapy.utils.test import get_crawler
from twisted.internet.defer import Deferred

from newswire.workers import ExtractionWorkers
from tests.mirror_run import MirrorProcess, crawl

ROOT = Path(__file__).resolve().parent.parent


def die_in_a_worker(text: str) -> int:
    """Kills the worker process it runs in (an out-of-memory kill, a segfault in a C
    library); in the crawl process it just works."""
    if multiprocessing.parent_process() is not None:
        os._exit(9)
    return len(text)


def in_asyncio(coroutine):
    """Await an asyncio coroutine from a Twisted-run test, as Scrapy does with callbacks."""
    return Deferred.fromFuture(asyncio.ensure_future(coroutine))


@pytest.fixture
def crawler_workers():
    crawler = get_crawler(settings_dict={"NEWSWIRE_EXTRACTION_WORKERS": 1})
    crawler.stats.open_spider()
    workers = ExtractionWorkers.for_crawler(crawler)
    yield crawler, workers
    workers.close()


@pytest_twisted.ensureDeferred
async def test_a_dead_worker_costs_no_page_and_is_counted(crawler_workers):
    crawler, workers = crawler_workers
    assert (await in_asyncio(workers.run(die_in_a_worker, "four"))) == 4
    assert crawler.stats.get_value("newswire/workers/lost") == 1
    # A fresh pool took over: the next stage runs in a worker again.
    assert (await in_asyncio(workers.run(os.getpid))) != os.getpid()


@pytest_twisted.ensureDeferred
async def test_workers_keep_dying_then_the_crawl_process_does_the_work(crawler_workers):
    crawler, workers = crawler_workers
    for _ in range(4):
        assert (await in_asyncio(workers.run(die_in_a_worker, "abc"))) == 3
    assert crawler.stats.get_value("newswire/workers/lost") == 3
    assert (await in_asyncio(workers.run(os.getpid))) == os.getpid()


def test_a_script_without_main_guard_runs_once(tmp_path):
    script = tmp_path / "unguarded.py"
    script.write_text(textwrap.dedent(f"""
        import asyncio, sys
        sys.path.insert(0, {str(ROOT)!r})
        from newswire.workers import ExtractionWorkers
        print("script body runs", flush=True)
        workers = ExtractionWorkers(1)

        def shout(text):
            return text.upper()

        async def main():
            print("worker answer", await workers.run(len, "abcd"), flush=True)
            try:  # defined in this script, which the worker does not run: an error, not a dead worker
                await workers.run(shout, "x")
            except Exception as exc:
                print("script function:", type(exc).__name__, flush=True)
            print("worker still answers", await workers.run(len, "ab"), flush=True)

        asyncio.run(main())
        workers.close()
    """))
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.count("script body runs") == 1
    assert "worker answer 4" in out.stdout
    assert "script function: AttributeError" in out.stdout
    assert "worker still answers 2" in out.stdout


def _records(outcome: dict) -> list[dict]:
    rows = [dict(record) for record in outcome["records"]]
    for row in rows:
        row.pop("crawled_at")
    return sorted(rows, key=lambda r: r["id"])


def test_workers_and_in_process_deliver_the_same_records(tmp_path):
    outcomes = {}
    for workers in (0, 1):
        folder = tmp_path / f"w{workers}"
        folder.mkdir()
        # A mirror each: its one-off faults (a 500 then a 200) must meet both crawls alike.
        mirror = MirrorProcess("--wires", "globenewswire", "--articles", "30", "--seed", "5")
        try:
            outcomes[workers] = crawl("globenewswire", mirror.url, folder, f"NEWSWIRE_EXTRACTION_WORKERS={workers}",
                                      "NEWSWIRE_NOW=2026-11-27T12:00:00Z")
        finally:
            mirror.stop()
    assert outcomes[0]["returncode"] == outcomes[1]["returncode"] == 0
    assert "Extraction runs in 1 worker process(es)" in outcomes[1]["log"]
    assert "Extraction runs in the crawl process" in outcomes[0]["log"]
    in_process, in_workers = _records(outcomes[0]), _records(outcomes[1])
    assert len(in_process) >= 25
    assert in_workers == in_process


def test_workers_exit_when_the_crawl_process_is_killed(tmp_path):
    script = tmp_path / "killed.py"
    script.write_text(textwrap.dedent(f"""
        import asyncio, os, sys, time
        sys.path.insert(0, {str(ROOT)!r})
        from newswire.workers import ExtractionWorkers
        if __name__ == "__main__":
            workers = ExtractionWorkers(1)
            print(asyncio.run(workers.run(os.getpid)), flush=True)
            time.sleep(600)
    """))
    crawl_process = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    worker = int(crawl_process.stdout.readline())
    crawl_process.send_signal(signal.SIGKILL)
    crawl_process.wait()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and _alive(worker):
        time.sleep(0.2)
    assert not _alive(worker)


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().split(") ")[-1][0] != "Z"
    except OSError:
        return False


def fail_in_a_worker(text: str) -> int:
    raise ValueError(f"no story in {text!r}")


@pytest_twisted.ensureDeferred
async def test_an_exception_comes_back_as_in_process_and_the_worker_lives_on(crawler_workers):
    crawler, workers = crawler_workers
    with pytest.raises(ValueError, match="no story in 'abc'"):
        await in_asyncio(workers.run(fail_in_a_worker, "abc"))
    # A function the worker cannot import (made here, not in a module) is an error too.
    with pytest.raises(Exception):  # noqa: B017, PT011 - pickle's own error type
        await in_asyncio(workers.run(lambda text: len(text), "abc"))
    assert (await in_asyncio(workers.run(len, "four"))) == 4
    assert crawler.stats.get_value("newswire/workers/lost") is None


@pytest_twisted.ensureDeferred
async def test_a_worker_ready_for_pages_has_not_imported_scrapy(crawler_workers):
    # Its start (imports, models) delays a crawl's first articles; Scrapy and Twisted
    # are not part of it.
    from tests.worker_probe import modules_loaded

    _crawler, workers = crawler_workers
    assert (await in_asyncio(workers.run(modules_loaded, ("scrapy", "twisted")))) == []
    assert "lxml" in (await in_asyncio(workers.run(modules_loaded, ("lxml",))))[0]


@pytest_twisted.ensureDeferred
async def test_a_ready_worker_keeps_its_models_out_of_the_collectors_walks(crawler_workers):
    from tests.worker_probe import collector_state

    _crawler, workers = crawler_workers
    frozen, threshold = await in_asyncio(workers.run(collector_state))
    assert frozen > 10000  # the modules and models loaded by the warm-up
    assert threshold == (10000, 20, 20)


@pytest_twisted.ensureDeferred
async def test_a_prestarted_worker_is_adopted_and_reads_with_the_crawls_parsers():
    from newswire import parsers, workers
    from tests.worker_probe import registered_parsers

    workers.prestart(1)
    started = workers._prestarted[0].process.pid
    # A spider module may register a parser after the worker started (it gets the
    # registry as its first job).
    parsers.PARSERS["probe-wire"] = parsers.PARSERS["menafn"]
    crawler = get_crawler(settings_dict={"NEWSWIRE_EXTRACTION_WORKERS": 1})
    crawler.stats.open_spider()
    try:
        pool = ExtractionWorkers.for_crawler(crawler)
        assert [worker.process.pid for worker in pool._workers] == [started]
        assert "probe-wire" in await in_asyncio(pool.run(registered_parsers))
        assert workers._prestarted == []
    finally:
        del parsers.PARSERS["probe-wire"]
        pool.close()


@pytest_twisted.ensureDeferred
async def test_a_prestarted_worker_that_cannot_take_the_parsers_costs_no_page(monkeypatch):
    from newswire import workers

    workers.prestart(1)
    monkeypatch.setattr(workers, "_crawl_parsers", lambda modules: b"not a pickle")
    crawler = get_crawler(settings_dict={"NEWSWIRE_EXTRACTION_WORKERS": 1})
    crawler.stats.open_spider()
    pool = ExtractionWorkers.for_crawler(crawler)
    try:
        # The worker exits on the bad registry; the page is read in the crawl process.
        assert await in_asyncio(pool.run(len, "four")) == 4
        assert crawler.stats.get_value("newswire/workers/lost") == 1
    finally:
        pool.close()


def test_only_a_spider_with_its_own_module_starts_workers_ahead():
    from newswire.commands.crawl import is_spider_module

    assert is_spider_module("menafn", ["newswire.spiders"])
    assert not is_spider_module("bare", ["newswire.spiders"])
    assert not is_spider_module("menafn", ["no_such_package"])
    assert not is_spider_module("", ["newswire.spiders"])


def slow_length(data: bytes) -> int:
    """A busy worker: pages pile up behind this one."""
    time.sleep(0.02)
    return len(data)


@pytest_twisted.ensureDeferred
async def test_pages_waiting_for_a_busy_worker_queue_outside_the_pipe_buffer(crawler_workers):
    # 60 pages of 100 KB sent at once to a worker that takes 20 ms a page: without flow
    # control all of them would sit in the pipe transport's one buffer (6 MB, copied
    # again after every write); they wait in the worker's queue instead, and every
    # page is answered, each with its own result.
    _crawler, workers = crawler_workers
    pages = [bytes([n]) * (100_000 + n) for n in range(60)]
    buffered = []

    async def watch():
        worker = workers._workers[0]
        while worker._writer is None:
            await asyncio.sleep(0.001)
        while True:
            buffered.append(worker._writer.get_write_buffer_size())
            await asyncio.sleep(0.005)

    watcher = asyncio.ensure_future(watch())
    results = await in_asyncio(asyncio.gather(*(workers.run(slow_length, page) for page in pages)))
    watcher.cancel()
    assert results == [len(page) for page in pages]
    assert buffered and max(buffered) <= workers._workers[0].WRITE_BUFFER_BYTES + 2 * 101_000

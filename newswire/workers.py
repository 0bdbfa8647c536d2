"""Extraction in worker processes, so that a crawl uses more than one core.

Scrapy runs every callback and pipeline on one thread, so a crawl is bound by one
core while extraction costs several milliseconds a page (lxml parse, metadata, ftfy,
language detection, MinHash) against about one of Scrapy's own work. Extraction —
parse, clean, normalise — is a pure function of picklable values
(``newswire.extraction.stages.extract_response``), so the spider has it run in a
worker process, one trip a page, while the reactor keeps downloading; the pipelines
that touch the state store (dedupe, history, syndication) stay in the crawl process.

``NEWSWIRE_EXTRACTION_WORKERS``: how many worker processes; ``None`` (default) means
one fewer than the machine's cores (2 cores -> 1 worker), ``0`` runs the stages in
the crawl process (same results, one core).

Each worker is a process with a pipe each way. The crawl process writes a job (the
pickled function and its arguments, in ``multiprocessing.Connection`` framing: a
4-byte length, then the bytes) through an asyncio pipe transport, which buffers
instead of blocking the reactor on a large page, and the answer comes back through
the event loop like any socket read. No thread is involved: a
``ProcessPoolExecutor`` hands each job through two threads and a queue, which cost
the crawl process about 0.2 ms of CPU a trip.

A worker that dies (killed, out of memory) costs nothing: the stage is run again in
the crawl process, counted as ``newswire/workers/lost``, and a fresh worker is started
for the next page. A worker whose crawl process dies sees its pipe close and exits.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import fcntl
import gc
import logging
import multiprocessing
import os
import pickle
import signal
import struct
import sys
import types
from typing import Any, Callable

logger = logging.getLogger(__name__)

_CRAWLER_ATTRIBUTE = "_newswire_workers"
#: After this many lost workers in one crawl the stages run in the crawl process.
MAX_WORKER_LOSSES = 3
#: ``multiprocessing.Connection``'s frame header: the payload's length, big-endian.
_HEADER = struct.Struct("!i")
#: A job's or answer's number, ahead of its pickle: a job that cannot be unpickled in
#: the worker (a function defined in ``__main__``) is still answered.
_JOB_ID = struct.Struct("!q")
#: Pipe buffer asked for (Linux allows up to /proc/sys/fs/pipe-max-size, 1 MB by default).
_PIPE_BYTES = 1 << 20
#: The job number of a prestarted worker's first job: the crawl's parsers (never answered).
_INSTALL_JOB = 0


def default_workers() -> int:
    return max((os.cpu_count() or 1) - 1, 0)


def configured_workers(settings) -> int:
    """``NEWSWIRE_EXTRACTION_WORKERS`` as a number (unset: ``default_workers()``)."""
    configured = settings.get("NEWSWIRE_EXTRACTION_WORKERS")
    return default_workers() if configured in (None, "") else int(configured)


class WorkerLost(Exception):
    """The worker process ended (killed, crashed) before answering."""


def _crawl_parsers(spider_modules: list[str]) -> bytes | list[str]:
    """What a worker needs to run the crawl's parsers: the parser registry as the crawl
    process has it (a spider module may have registered or replaced a parser:
    ``parsers.PARSERS["menafn"] = ...``), pickled, so parser classes are imported
    by reference and the worker needs neither Scrapy nor the spiders. A registry
    that cannot be pickled is rebuilt by importing the spider modules instead."""
    from newswire import parsers

    try:
        return pickle.dumps(dict(parsers.PARSERS), protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # noqa: BLE001 - any unpicklable parser: fall back
        return list(spider_modules)


def _warm_up(crawl_parsers: bytes | list[str] | None) -> None:
    """Import the extraction stack and load its models once per worker, before the first
    page arrives, and install the crawl's parsers (``_crawl_parsers``; None: a worker
    started before the crawl had them, ``prestart``, gets them as its first job)."""
    import newswire.extraction.article  # noqa: F401
    from newswire.extraction.language import _identifier
    from newswire.extraction.text import ftfy_fixer
    from newswire.state.neardup import _minhash

    # Models loaded now, while the crawl fetches its first feeds, not on the first page.
    _identifier()
    _minhash()
    ftfy_fixer()
    if crawl_parsers is not None:
        _install(crawl_parsers)


def _install(crawl_parsers: bytes | list[str]) -> None:
    from newswire import parsers

    if isinstance(crawl_parsers, bytes):
        parsers.PARSERS.clear()
        parsers.PARSERS.update(pickle.loads(crawl_parsers))
        return
    from scrapy.utils.misc import walk_modules_iter

    for name in crawl_parsers:
        for _module in walk_modules_iter(name):
            pass


def _serve(inbox, outbox, crawl_parsers: bytes | list[str]) -> None:
    """A worker's life: answer jobs until the crawl process closes the pipe (or dies,
    which closes it too)."""
    # Ctrl-C reaches the whole process group; the crawl process decides what it means
    # (Scrapy finishes the pages in flight, which still need this worker).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _warm_up(crawl_parsers)
    # The models and modules just loaded live as long as the worker: kept out of the
    # cyclic collector's walks, which run less often too (a page's values are freed
    # by reference counting; 358 collections for 5,000 AP pages before, 0.13 s).
    gc.freeze()
    gc.set_threshold(10000, 20, 20)
    while True:
        try:
            job = inbox.recv_bytes()
        except (EOFError, OSError):
            # The crawl is over (or gone). Nothing is left to write, so the interpreter's
            # teardown (~0.2 s with numpy and lxml loaded), which the crawl
            # process would wait for, is skipped.
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(0)
        (job_id,) = _JOB_ID.unpack_from(job)
        if job_id == _INSTALL_JOB:
            # Not answered: the crawl's jobs follow it in the pipe. A worker that cannot
            # take the crawl's parsers must not read pages with others: it exits, and
            # the crawl process redoes its pages and starts a worker the usual way.
            try:
                _install(pickle.loads(memoryview(job)[_JOB_ID.size:]))
            except Exception:  # noqa: BLE001 - reported, then the worker is lost
                import traceback

                traceback.print_exc()
                os._exit(1)
            continue
        try:
            func, args = pickle.loads(memoryview(job)[_JOB_ID.size:])
            answer = (True, func(*args))
        except Exception as exc:  # noqa: BLE001 - handed to the caller, as in-process
            answer = (False, exc)
        try:
            payload = pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # noqa: BLE001 - an unpicklable result or exception
            payload = pickle.dumps((False, RuntimeError(f"unpicklable answer: {exc!r}")))
        try:
            outbox.send_bytes(_JOB_ID.pack(job_id) + payload)
        except OSError:
            return


@contextlib.contextmanager
def _main_script_hidden():
    """A spawned process first runs the parent's ``__main__`` file again (as
    ``__mp_main__``). ``scrapy crawl`` and scrapyd guard theirs, but a script that starts
    a ``CrawlerProcess`` without ``if __name__ == "__main__"`` would start its crawl
    once more in every worker: workers are started with that module hidden."""
    main = sys.modules.get("__main__")
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        sys.modules["__main__"] = main


def _widen(fd: int) -> None:
    """Give a pipe 1 MB of buffer instead of Linux's 64 KB: a page's bytes (~100 KB)
    then go in one write instead of several event-loop turns."""
    with contextlib.suppress(OSError, AttributeError):
        fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, _PIPE_BYTES)


class _Answers(asyncio.Protocol):
    """Reads a worker's answers off its pipe and settles the waiting futures."""

    def __init__(self, worker: _Worker) -> None:
        self.worker = worker
        self.buffer = bytearray()

    def data_received(self, data: bytes) -> None:
        buffer = self.buffer
        buffer += data
        while len(buffer) >= _HEADER.size:
            (size,) = _HEADER.unpack_from(buffer)
            end = _HEADER.size + size
            if len(buffer) < end:
                return
            (job_id,) = _JOB_ID.unpack_from(buffer, _HEADER.size)
            ok, value = pickle.loads(memoryview(buffer)[_HEADER.size + _JOB_ID.size:end])
            del buffer[:end]
            self.worker.settle(job_id, ok, value)

    def eof_received(self) -> None:
        self.worker.lost()

    def connection_lost(self, exc) -> None:
        self.worker.lost()


class _Jobs(asyncio.BaseProtocol):
    """Flow control of a worker's job pipe: jobs beyond what the pipe and a small
    transport buffer hold wait in the worker's queue (``_Worker.feed``)."""

    def __init__(self, worker: _Worker) -> None:
        self.worker = worker
        self.paused = False

    def pause_writing(self) -> None:
        self.paused = True

    def resume_writing(self) -> None:
        self.paused = False
        self.worker.feed()


class _Worker:
    """One worker process, its pipe each way, and the jobs it has not answered yet."""

    #: Bytes the job pipe's transport may buffer beyond the pipe itself. asyncio keeps
    #: that buffer as one bytearray and moves what is left to its front after every
    #: write: with all the pages waiting for a busy worker in it (up to Scrapy's 5 MB
    #: of responses in the scraper), each page written cost a copy of megabytes.
    WRITE_BUFFER_BYTES = 256 * 1024

    def __init__(self, crawl_parsers: bytes | list[str] | None) -> None:
        context = multiprocessing.get_context("spawn")
        # "spawn", never fork: the crawl process holds a running reactor, threads and
        # an open SQLite connection that a forked child must not inherit.
        jobs_out, jobs_in = context.Pipe(duplex=False)
        answers_out, answers_in = context.Pipe(duplex=False)
        self.process = context.Process(target=_serve, args=(jobs_out, answers_in, crawl_parsers),
                                       name="newswire-extraction", daemon=True)
        with _main_script_hidden():
            self.process.start()
        jobs_out.close()
        answers_in.close()
        # Plain file objects over the pipes for the asyncio transports (closing one
        # twice is harmless, unlike a Connection).
        self._jobs = open(os.dup(jobs_in.fileno()), "wb", buffering=0)  # noqa: SIM115 - owned by the transport
        self._answers = open(os.dup(answers_out.fileno()), "rb", buffering=0)  # noqa: SIM115
        jobs_in.close()
        answers_out.close()
        for pipe in (self._jobs, self._answers):
            _widen(pipe.fileno())
        self._loop: asyncio.AbstractEventLoop | None = None
        self._attached: asyncio.Future | None = None
        self._writer: asyncio.WriteTransport | None = None
        self._reader: asyncio.ReadTransport | None = None
        self._flow: _Jobs | None = None
        self._queue: collections.deque[bytes] = collections.deque()
        self.pending: dict[int, asyncio.Future] = {}
        self.alive = True
        self.closed = False
        self._next_id = 0

    def install(self, crawl_parsers: bytes | list[str]) -> None:
        """Send a prestarted worker the crawl's parsers, ahead of every page (job numbers
        start at 1; the frame goes out with the first page)."""
        payload = pickle.dumps(crawl_parsers, protocol=pickle.HIGHEST_PROTOCOL)
        self._queue.appendleft(_HEADER.pack(_JOB_ID.size + len(payload)) + _JOB_ID.pack(_INSTALL_JOB) + payload)

    async def _attach(self) -> None:
        """Connect the pipes to the running event loop (once: the crawl has one loop)."""
        loop = asyncio.get_running_loop()
        if self._loop is None:
            self._loop = loop
            self._attached = asyncio.ensure_future(self._connect(loop))
        elif self._loop is not loop:
            raise RuntimeError("an extraction worker serves one event loop")
        await asyncio.shield(self._attached)

    async def _connect(self, loop: asyncio.AbstractEventLoop) -> None:
        self._writer, self._flow = await loop.connect_write_pipe(lambda: _Jobs(self), self._jobs)
        self._writer.set_write_buffer_limits(high=self.WRITE_BUFFER_BYTES)
        self._reader, _ = await loop.connect_read_pipe(lambda: _Answers(self), self._answers)

    async def run(self, func: Callable[..., Any], args: tuple) -> Any:
        await self._attach()
        if not self.alive:
            raise WorkerLost()
        self._next_id += 1
        job_id = self._next_id
        payload = pickle.dumps((func, args), protocol=pickle.HIGHEST_PROTOCOL)
        future = self._loop.create_future()
        self.pending[job_id] = future
        self._queue.append(_HEADER.pack(_JOB_ID.size + len(payload)) + _JOB_ID.pack(job_id) + payload)
        self.feed()
        ok, value = await future
        if ok:
            return value
        raise value

    def feed(self) -> None:
        """Hand queued jobs to the pipe's transport while it takes them."""
        while self._queue and not self._flow.paused and not self._writer.is_closing():
            self._writer.write(self._queue.popleft())

    def settle(self, job_id: int, ok: bool, value: Any) -> None:
        future = self.pending.pop(job_id, None)
        if future is not None and not future.done():
            future.set_result((ok, value))

    def lost(self) -> None:
        if not self.alive:
            return
        self.alive = False
        self._queue.clear()
        pending, self.pending = self.pending, {}
        for future in pending.values():
            if not future.done():
                future.set_exception(WorkerLost())

    def close(self) -> None:
        # A job still waiting (none is, once the engine has stopped) is answered with
        # WorkerLost, so its caller redoes it in the crawl process instead of hanging.
        self.closed = True
        self.lost()
        loop_open = self._loop is not None and not self._loop.is_closed()
        for transport, pipe in ((self._writer, self._jobs), (self._reader, self._answers)):
            if transport is not None and loop_open:
                transport.close()  # unregisters the pipe now, closes it on the next loop turn
            # Closed now: the worker must see the end of its job pipe before the join below.
            pipe.close()
        # The closed pipe ends the worker's loop; a worker stuck in a page is stopped.
        self.process.join(timeout=10)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()


_prestarted: list[_Worker] = []


def prestart(count: int) -> None:
    """Start ``count`` workers now, for the next crawl of this process to adopt.

    ``scrapy crawl`` calls it as soon as it has read its settings (``newswire.commands``),
    ~0.3 s before the crawl would start them: the spider modules, the crawler and its
    components are still to be loaded, and a worker needs ~0.6 s to be ready. In a
    1,000-article crawl pages wait for the worker at its start and the worker's queue
    is the last thing to finish, so that much earlier is that much sooner done. The
    crawl's parser registry, known only once the spiders are loaded, is the worker's
    first job (``_Worker.install``)."""
    while len(_prestarted) < count:
        _prestarted.append(_Worker(None))


def _adopt_prestarted(count: int) -> list[_Worker]:
    """Up to ``count`` prestarted workers still alive; the others are stopped."""
    adopted = [worker for worker in _prestarted if worker.process.is_alive()][:count]
    for worker in _prestarted:
        if worker not in adopted:
            worker.close()
    _prestarted.clear()
    return adopted


class ExtractionWorkers:
    """The crawl's worker processes, shared by the spider and the pipelines (``for_crawler``)."""

    def __init__(self, workers: int, crawler=None) -> None:
        self.workers = workers
        self.crawler = crawler  # for stats, which exist only once the crawl starts
        self.spider_modules = crawler.settings.getlist("SPIDER_MODULES") if crawler is not None else []
        self._losses = 0
        # Workers ``scrapy crawl`` started ahead (``prestart``) are taken and sent the
        # registry; the rest start now, so that their imports (~0.5 s) overlap the
        # crawl's own start and its first feed and listing fetches. ``ExtractionWorkers(0)``,
        # a spider's in-process default, leaves the prestarted ones for its crawl.
        self.crawl_parsers = _crawl_parsers(self.spider_modules) if workers else b""
        self._workers: list[_Worker] = _adopt_prestarted(workers) if workers else []
        self.adopted = len(self._workers)
        for worker in self._workers:
            worker.install(self.crawl_parsers)
        self._workers += [_Worker(self.crawl_parsers) for _ in range(workers - len(self._workers))]

    @classmethod
    def for_crawler(cls, crawler) -> ExtractionWorkers:
        existing = getattr(crawler, _CRAWLER_ATTRIBUTE, None)
        if existing is not None:
            return existing
        workers = configured_workers(crawler.settings)
        pool = cls(workers, crawler)
        setattr(crawler, _CRAWLER_ATTRIBUTE, pool)
        # Imported here, not at the top: a worker process imports this module to run
        # _serve and needs no Scrapy (~0.25 s of its start).
        from scrapy import signals

        crawler.signals.connect(pool.close, signal=signals.engine_stopped)
        logger.info("Extraction runs in %s", f"{workers} worker process(es), {pool.adopted} started ahead"
                    if workers else "the crawl process")
        return pool

    async def run(self, func: Callable[..., Any], *args: Any) -> Any:
        """``func(*args)`` in a worker (in this process when there are none).

        Exceptions raised by ``func`` come back as they would in-process."""
        if not self._workers:
            return func(*args)
        worker = min(self._workers, key=lambda w: len(w.pending))
        try:
            return await worker.run(func, args)
        except WorkerLost:
            if worker.closed:  # closed with the crawl, not dead: no loss to count
                return func(*args)
            if self.crawler is not None:
                self.crawler.stats.inc_value("newswire/workers/lost")
            logger.warning("An extraction worker died; running %s in the crawl process", func.__name__)
            # Every page in flight on that worker sees the loss; only the first replaces it.
            if worker in self._workers:
                self._workers.remove(worker)
                worker.close()
                self._losses += 1
                if self._losses < MAX_WORKER_LOSSES:
                    self._workers.append(_Worker(self.crawl_parsers))
                else:  # workers that keep dying (out of memory?) are not worth restarting
                    for other in self._workers:
                        other.close()
                    self._workers = []
                    logger.error("Extraction workers died %s times: extraction runs in the crawl process from now on",
                                 self._losses)
            return func(*args)

    def close(self) -> None:
        workers, self._workers = self._workers, []
        for worker in workers:
            worker.close()

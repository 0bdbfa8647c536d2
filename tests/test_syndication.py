"""Syndication across wires through the real pipelines and a real state store: one
release on two wires is delivered once with its copy recorded; a different story with
the same headline stays separate; the setting that delivers copies marks them."""

from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

from newswire.extraction.text import content_hash
from newswire.items import Article
from newswire.pipelines.history import HistoryPipeline
from newswire.pipelines.syndication import SyndicationPipeline
from newswire.state.crawl import close_state, state_of

RELEASE = [
    "Acme Robotics today announced a partnership with Horizon Labs to build warehouse robots for retailers in the Gulf.",
    "The companies will open a joint research centre in Dubai next year, employing 120 engineers, the statement said.",
    "Acme said the robots would be offered first to grocery chains in the United Arab Emirates and Saudi Arabia.",
    "Shares of Acme rose 4.2% in early trading on the Nasdaq after the announcement, the exchange said.",
]
HEADLINE = "Acme Robotics And Horizon Labs Form Partnership"


def item(wire, native, paragraphs, title=HEADLINE):
    body = "\n\n".join(paragraphs)
    return Article(id=f"{wire}:{native}", wire=wire, url=f"https://{wire}.com/{native}", canonical_url=f"https://{wire}.com/{native}",
                   title=title, body=body, content_hash=content_hash(body), published_at="2026-11-26T13:00:00Z")


class FakeSpider:
    name = "test"
    run_id = "run1"


def run_through(tmp_path, items, **settings):
    crawler = get_crawler(settings_dict={"NEWSWIRE_STATE": str(tmp_path / "state.sqlite"), "NEWSWIRE_NOW": "2026-11-27T12:00:00Z", **settings})
    crawler.stats.open_spider()
    crawler.spider = FakeSpider()
    history, syndication = HistoryPipeline.from_crawler(crawler), SyndicationPipeline.from_crawler(crawler)
    kept = []
    for one in items:
        try:
            kept.append(syndication.process_item(history.process_item(one)))
        except DropItem:
            pass
    store = state_of(crawler)
    return kept, store, crawler


def test_one_release_on_two_wires_is_delivered_once(tmp_path):
    original = item("businesswire", "20261126005123", RELEASE)
    menafn_copy = item("menafn", "1112061999", ["DUBAI--(BUSINESS WIRE)--" + RELEASE[0], *RELEASE[1:]])
    same_headline = item("einpresswire", "871234567", [
        "Acme Robotics, a different company based in Ohio, said on Wednesday it would close two factories by March.",
        "The closures will affect about 300 workers, the company said, citing weaker demand for industrial arms.",
        "The company's shares fell sharply after the announcement was made public on its website on Wednesday.",
    ])
    kept, store, crawler = run_through(tmp_path, [original, menafn_copy, same_headline])
    assert [k.id for k in kept] == ["businesswire:20261126005123", "einpresswire:871234567"]
    assert crawler.stats.get_value("newswire/drop/syndicated_copy") == 1
    copies = store.copies("businesswire:20261126005123")
    assert [c["id"] for c in copies] == ["menafn:1112061999"]
    close_state(crawler)


def test_copies_delivered_with_duplicate_of_when_asked(tmp_path):
    original = item("businesswire", "20261126005123", RELEASE)
    copy = item("menafn", "1112061999", RELEASE)
    kept, _, crawler = run_through(tmp_path, [original, copy], NEWSWIRE_EMIT_DUPLICATES=True)
    assert [(k.id, k.duplicate_of) for k in kept] == [
        ("businesswire:20261126005123", None), ("menafn:1112061999", "businesswire:20261126005123")]
    close_state(crawler)


def test_story_family_across_wire_mirrors(tmp_path):
    """GlobeNewswire's release and MENAFN's ``(MENAFN- GlobeNewswire)`` copy of it, crawled
    by the two production spiders with one state store: delivered once, copy recorded;
    the MENAFN story that only shares the headline is delivered."""

    from newswire.state.sqlite import SQLiteStateStore
    from tests.mirror_run import MirrorProcess, crawl, read_truth

    truth_path = tmp_path / "truth.jsonl"
    mirror = MirrorProcess("--wires", "menafn,globenewswire", "--articles", "40", "--seed", "3", truth=truth_path)
    try:
        runs = {wire: crawl(wire, mirror.url, tmp_path, "NEWSWIRE_NOW=2026-11-27T12:00:00Z")
                for wire in ("globenewswire", "menafn")}
    finally:
        mirror.stop()
    from newswire.mirror import build

    family = build(seed=3, articles=40, wires=["menafn", "globenewswire"]).family
    truth = {wire: {t["id"]: t for t in read_truth(truth_path, wire)} for wire in runs}
    assert truth["menafn"][family["copy"]]["body"] == truth["globenewswire"][family["original"]]["body"]
    delivered = {wire: [r["id"] for r in run["records"]] for wire, run in runs.items()}
    assert sorted(delivered["globenewswire"]) == sorted(truth["globenewswire"])
    assert sorted(delivered["menafn"]) == sorted(set(truth["menafn"]) - {family["copy"]})
    assert family["same_headline"] in delivered["menafn"]
    assert runs["menafn"]["manifest"]["dropped"]["syndicated_copy"] == 1
    store = SQLiteStateStore(tmp_path / "state.sqlite")
    assert [c["id"] for c in store.copies(family["original"])] == [family["copy"]]
    assert store.get(family["copy"]).duplicate_of == family["original"]
    store.close()
    assert runs["menafn"]["manifest"]["exit"]["code"] == 0


def test_signature_is_datasketch_minhash_of_the_shingles():
    """The signature is exactly what datasketch computes with its default hash over the
    body's 5-word shingles, so signatures stored by earlier runs stay comparable."""
    from datasketch import MinHash

    from newswire.extraction.text import fingerprint
    from newswire.state import neardup

    body = " ".join(f"Word{i % 37} shares rose {i} percent in trading" for i in range(60))
    words = fingerprint(body).split()
    plain = MinHash(num_perm=neardup.NUM_PERM, seed=1, scheme=neardup.SCHEME)
    plain.update_batch([" ".join(words[i:i + 5]).encode("utf-8") for i in range(len(words) - 4)])
    assert neardup.signature(body).tolist() == plain.hashvalues.astype("uint32").tolist()
    assert neardup.signature("too short to compare") is None

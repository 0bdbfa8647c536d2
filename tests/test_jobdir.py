from scrapy.utils.test import get_crawler

from newswire.extensions import JobdirGuard


def test_jobdir_of_a_killed_run_is_set_aside(tmp_path):
    jobdir = tmp_path / "job"
    (jobdir / "requests.queue").mkdir(parents=True)
    (jobdir / "requests.seen").write_bytes(b"\x14" + b"x" * 20)  # fingerprints flushed before a SIGKILL
    JobdirGuard.from_crawler(get_crawler(settings_dict={"JOBDIR": str(jobdir)}))
    assert not (jobdir / "requests.seen").exists()
    assert [p.name.startswith("job.unclean-") for p in tmp_path.iterdir() if p.name != "job"] == [True]


def test_cleanly_closed_jobdir_is_resumed(tmp_path):
    jobdir = tmp_path / "job"
    guard = JobdirGuard.from_crawler(get_crawler(settings_dict={"JOBDIR": str(jobdir)}))
    jobdir.mkdir(exist_ok=True)
    (jobdir / "requests.seen").write_bytes(b"")  # what the crawl wrote
    guard.spider_closed(None, "shutdown")  # a graceful stop (SIGINT) marks it
    JobdirGuard.from_crawler(get_crawler(settings_dict={"JOBDIR": str(jobdir)}))
    assert (jobdir / "requests.seen").exists()

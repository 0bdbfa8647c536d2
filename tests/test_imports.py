import subprocess
import sys
import textwrap


def run(code: str) -> str:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                          check=True).stdout.split()


def test_a_submodule_loads_without_its_packages_init_and_the_package_still_imports_whole():
    out = run("""
        import sys
        from newswire.imports import submodule
        minhash = submodule("datasketch", "minhash")
        print("scipy" in sys.modules, "datasketch" in sys.modules)
        import datasketch
        print(datasketch.MinHash is minhash.MinHash, hasattr(datasketch, "MinHashLSH"), "scipy" in sys.modules)
    """)
    assert out == ["False", "False", "True", "True", "True"]


def test_the_worker_warm_up_loads_neither_scipy_nor_rdflib():
    out = run("""
        import sys
        from newswire.workers import _crawl_parsers, _warm_up
        _warm_up(_crawl_parsers([]))
        print(*(name in sys.modules for name in ("scipy", "rdflib", "mf2py", "extruct.jsonld", "datasketch.minhash")))
    """)
    assert out == ["False", "False", "False", "True", "True"]


def test_an_imported_package_is_used_as_it_is():
    import json.decoder

    from newswire.imports import submodule
    assert submodule("json", "decoder") is json.decoder


def test_the_crawl_process_leaves_ftfy_to_the_workers():
    """Spiders, pipelines and monitors import the text helpers, never ftfy (~40 ms of
    every crawl's start); a worker's warm-up loads it before its first page."""
    out = run("""
        import sys
        import newswire.monitors, newswire.pipelines.history, newswire.pipelines.syndication
        from scrapy.spiderloader import SpiderLoader
        from scrapy.utils.project import get_project_settings
        loader = SpiderLoader.from_settings(get_project_settings())
        for name in loader.list():
            loader.load(name)
        print("ftfy" in sys.modules)
        from newswire.workers import _crawl_parsers, _warm_up
        _warm_up(_crawl_parsers([]))
        print("ftfy" in sys.modules)
    """)
    assert out == ["False", "True"]

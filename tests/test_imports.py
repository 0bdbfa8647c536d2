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

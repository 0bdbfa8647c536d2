"""Business Wire parser and spider rules beyond the fixture comparisons: the permalink line,
the Contacts printed twice, the client-rendered release read from its JSON blob, and the
newsroom that holds no release link until its script runs.

No real Business Wire page is stored in ``datasets/wire-pages``; the classic page below
is rebuilt around the text of a real release as a public scraper dumped it
(azfar-imtiaz/BusinessWire-Articles-Parsing, ``parsed_articles_demo/1.json``: GigCapital,
March 08, 2019 04:10 PM Eastern Standard Time) in the classic markup research found in
working scrapers (``#bw-news-view > article > div > div.bw-release-story``)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml import html as lxml_html
from scrapy.utils.test import get_crawler

from newswire.extraction import extract
from newswire.mirror.businesswire import BusinesswireSite
from newswire.spiders.businesswire import BusinesswireSpider

GIG_URL = "https://www.businesswire.com/news/home/20190308005002/en/GigCapital-Confirms-Receipt-Sponsor-Founder-Funds-Extend"
GIG_LEAD = (
    "GigCapital, Inc., (NYSE: GIG, GIG.U, GIG.RT, and GIG.WS) (“GigCapital”) a Technology, Media and Telecom (TMT) "
    "Private-to-Public Equity (PPE)™ corporation, today announced that the GigCapital Sponsor and Founders "
    "collectively have deposited into the GigCapital trust account (the “Trust Account”) an aggregate of "
    "$1,437,500.00, representing $0.10 per public share."
)
GIG_LAST = ("“Private-to-Public Equity (PPE)” and “Mentor-Investor” are trademarks of GigFounders, LLC, used pursuant "
            "to agreement.")
CONTACTS = "<h2>Contacts</h2><p>GigCapital:<br>Darrow Associates, Inc.<br>Jim Fanucchi<br>+1 (408) 404-5400<br>ir@gigcapitalglobal.com</p>"
GIG_PAGE = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>GigCapital, Inc. Confirms Receipt of Sponsor and Founder Funds | Business Wire</title></head>
<body><img src="/images/bwlogo_extreme.png" alt="Business Wire">
<div id="bw-news-view"><article class="bw-release"><div class="bw-release-main">
<h1 class="epi-fontLg"><b>GigCapital, Inc. Confirms Receipt of Sponsor and Founder Funds to Extend Period of Time to
Consummate Business Combination</b></h1>
<div class="bw-release-timestamp"><time>March 08, 2019 04:10 PM Eastern Standard Time</time></div>
<div class="bw-release-story">
<p>PALO ALTO, Calif.--(<a href="https://www.businesswire.com">BUSINESS WIRE</a>)--{GIG_LEAD}</p>
<p><b>About GigCapital, Inc.</b></p>
<p>GigCapital, Inc. is a Private-to-Public Equity (PPE)™ company. For more information, visit www.gigcapitalglobal.com.</p>
<p>{GIG_LAST}</p>
<p>View source version on businesswire.com: <a href="https://www.businesswire.com/news/home/20190308005002/en/">https://www.businesswire.com/news/home/20190308005002/en/</a></p>
</div>
<div class="bw-release-contact">{CONTACTS}</div></div>
<div class="bw-release-sidebar"><div id="companyInformation"><div class="bw-release-companyinfo"><h3>GigCapital, Inc.</h3></div></div>
<div class="bw-release-contacts">{CONTACTS}</div></div></article></div>
<footer><h2>Site Navigation</h2><ul><li>Home</li><li>Submit a Press Release</li></ul></footer>
<div>Accept the use of cookies <a href="#">Learn more</a> <button>I Accept</button></div></body></html>"""


def test_classic_page_from_a_real_release():
    got = extract(GIG_PAGE, GIG_URL)
    assert got["id"] == "businesswire:20190308005002"
    assert got["parser"] == "businesswire/classic" and got["page_type"] == "article"
    assert got["title"].startswith("GigCapital, Inc. Confirms Receipt") and got["title"].endswith("Business Combination")
    # 04:10 PM Eastern Standard Time, not the "005002" of the id read as 00:50:02
    assert got["published_at"] == "2019-03-08T21:10:00Z"
    assert got["dateline"] == "PALO ALTO, Calif.--(BUSINESS WIRE)"
    assert got["source"] == "GigCapital, Inc."
    assert got["original_url"] == "https://www.businesswire.com/news/home/20190308005002/en/"
    assert got["body"].startswith(f"PALO ALTO, Calif.--(BUSINESS WIRE)--{GIG_LEAD}")
    assert got["body"].endswith(GIG_LAST)
    assert not re.search(r"View source|Contacts|Fanucchi|Site Navigation|I Accept", got["body"])
    assert got["authors"] == []


def _site_page(site: BusinesswireSite, release) -> tuple[str, str]:
    url = site.url_of(release)
    response = site.handle(urlsplit(url).path, {})
    if response.status == 429:  # the release whose first request is rate-limited
        response = site.handle(urlsplit(url).path, {})
    return response.body.decode("utf-8"), url


def test_client_rendered_release_is_read_from_its_json_blob():
    site = BusinesswireSite(seed=2, articles=30)
    shell = next(r for r in site.releases if "next_data" in r.traps)
    page, url = _site_page(site, shell)
    tree = lxml_html.fromstring(page)
    assert not tree.xpath('normalize-space(//*[@id="bw-release-story"])')  # the DOM holds nothing
    got = extract(page, url)
    truth = site.truth_record(shell)
    assert got["page_type"] == "article" and got["parser"] == "businesswire/2024"
    for field in ("title", "body", "published_at", "source", "dateline", "original_url", "tickers"):
        assert got.get(field) == truth[field], field


def test_a_shell_without_its_blob_is_never_an_article_with_an_empty_body():
    site = BusinesswireSite(seed=2, articles=30)
    shell = next(r for r in site.releases if "next_data" in r.traps)
    page, url = _site_page(site, shell)
    stripped = re.sub(r'<script id="__NEXT_DATA__".*?</script>', "", page, flags=re.S)
    assert extract(stripped, url)["page_type"] != "article"


def _spider() -> BusinesswireSpider:
    crawler = get_crawler(BusinesswireSpider, settings_dict={"NEWSWIRE_STATE": "off",
                                                             "NEWSWIRE_NOW": "2026-11-27T03:00:00Z"})
    return BusinesswireSpider.from_crawler(crawler)


def test_plain_http_newsroom_has_no_release_link():
    site = BusinesswireSite(seed=2, articles=30)
    page = site.handle("/newsroom", {"language": "en", "page": "1"}).body.decode("utf-8")
    spider = _spider()
    hrefs = lxml_html.fromstring(page).xpath("//a/@href")
    assert hrefs and not [h for h in hrefs if spider.is_article_url("https://www.businesswire.com" + h)]
    assert "/news/home/" not in page
    assert BusinesswireSpider.listing_needs_browser


def test_spider_reads_a_week_of_daily_sitemaps_on_the_s3_host():
    spider = _spider()
    # 03:00 UTC is still the 26th in New York: the files are named by the Eastern day.
    assert spider.sitemaps[0].endswith("/webdmz1.vaprod.businesswire.com/home/2026-11-26.xml.gz")
    assert len(spider.sitemaps) == 7
    assert all(urlsplit(u).hostname in spider.allowed_domains for u in spider.sitemaps)


def test_article_urls():
    spider = _spider()
    assert spider.is_article_url(GIG_URL)
    assert spider.is_article_url("https://www.businesswire.com/news/home/20241031980322/en/")
    for other in ("https://www.businesswire.com/newsroom?language=en&page=2",
                  "https://www.businesswire.com/portal/site/home/news/",
                  "https://www.businesswire.com/newsroom?company=4242",
                  "https://www.businesswire.com/news/home/search/?rss=1"):
        assert not spider.is_article_url(other), other
    assert spider.parser.native_id("https://www.businesswire.com/news/home/20241031980322/en/") == "20241031980322"

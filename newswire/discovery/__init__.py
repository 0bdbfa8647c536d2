"""Discovery formats read without Scrapy: sitemaps (with Google News fields) and robots.txt."""

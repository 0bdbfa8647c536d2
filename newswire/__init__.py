"""newswire: Scrapy spiders that turn news wires into clean, deduplicated JSON Lines feeds."""

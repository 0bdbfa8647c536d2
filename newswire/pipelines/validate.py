import re

from itemadapter import ItemAdapter

from newswire.pipelines import StatsPipeline

MIN_BODY_WORDS = 25
MAX_TITLE_CHARS = 400
#: Fields a record may lack, counted when it does: a layout change shows as a rising count.
OPTIONAL_FIELDS = ("published_at", "language", "summary", "dateline")
ISO_UTC = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")


class ValidatePipeline(StatsPipeline):
    """Required fields present and sane, else drop with the reason:
    ``missing_<field>`` (id, url, title, body), ``body_too_short`` (under 25 words:
    a teaser or an empty shell), ``title_too_long`` (a paragraph taken for a title),
    ``bad_date`` (a date not in the schema's UTC form). A kept record without a
    publication date, language, summary or dateline is counted as
    ``newswire/field/<field>/missing``."""

    def process_item(self, item):
        adapter = ItemAdapter(item)
        for field in ("id", "url", "title", "body"):
            if not adapter.get(field):
                raise self.drop(f"missing_{field}", item)
        if (adapter.get("word_count") or 0) < MIN_BODY_WORDS:
            raise self.drop("body_too_short", item, f"{adapter.get('word_count')} words")
        if len(adapter["title"]) > MAX_TITLE_CHARS:
            raise self.drop("title_too_long", item)
        for field in ("published_at", "modified_at"):
            value = adapter.get(field)
            if value is not None and not ISO_UTC.match(value):
                raise self.drop("bad_date", item, f"{field}={value!r}")
        for field in OPTIONAL_FIELDS:
            if not adapter.get(field):
                self.stats.inc_value(f"newswire/field/{field}/missing")
        return item

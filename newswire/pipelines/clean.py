from newswire.extraction import clean_fields
from newswire.parsers import parser_for_wire
from newswire.pipelines import StatsPipeline, fields_of, write_back


class CleanPipeline(StatsPipeline):
    """Body furniture out (the wire's rules, then generic ones), repeated paragraphs
    out, source marker and tracking token moved into fields, mojibake and odd spaces
    repaired. Each fix is counted as ``newswire/fix/<name>``."""

    def process_item(self, item):
        fields = fields_of(item)
        self.count_fixes(clean_fields(fields, parser_for_wire(fields.get("wire"))))
        write_back(item, fields)
        return item

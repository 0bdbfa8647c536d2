from newswire.extraction.stages import clean_stage
from newswire.pipelines import StagePipeline


class CleanPipeline(StagePipeline):
    """Body furniture out (the wire's rules, then generic ones), repeated paragraphs
    out, source marker and tracking token moved into fields, mojibake and odd spaces
    repaired. Each fix is counted as ``newswire/fix/<name>``."""

    stage = clean_stage

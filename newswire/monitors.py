"""Run monitors (Spidermon), run when every crawl closes.

* every record follows the item schema (``newswire.schema.json_schema``, generated from
  ``items.py`` and checked by Spidermon's validation pipeline, ``SchemaValidationPipeline``);
* field fill rates hold against the wire's recent complete runs: a layout change shows
  up as "source missing on 100% of 12 records (filled on 98% or more in the last 3
  runs)";
* the retry rate stays under ``NEWSWIRE_MAX_RETRY_RATE`` (0.3) of the requests.

A failed monitor is counted in ``newswire/monitors/failed`` and fails the run with exit
code 7 (``newswire.verdict``); Spidermon alone would leave the exit code at 0.
"""

from __future__ import annotations

import dataclasses
import functools

from itemadapter import ItemAdapter
from spidermon import Monitor, MonitorSuite, monitors
from spidermon.contrib.scrapy.extensions import Spidermon
from spidermon.contrib.scrapy.pipelines import ItemValidationPipeline
from spidermon.contrib.scrapy.stats import ValidationStatsManager
from spidermon.contrib.validation import JSONSchemaValidator
from spidermon.contrib.validation.jsonschema.formats import format_checker
from spidermon.contrib.validation.jsonschema.validator import REQUIRED_RE
from spidermon.core.actions import Action

from newswire.items import EXPORT_FIELDS
from newswire.pipelines import fields_of
from newswire.state.crawl import state_of

#: Fill-rate checks need this many records in the run, and a field this well filled in
#: every recent run, before a drop of more than ``FILL_DROP`` counts as a failure.
MIN_RECORDS = 5
STEADY_FILL = 0.8
FILL_DROP = 0.3


def fill_rates(stats: dict) -> dict[str, float]:
    """Per exported field, the share of records with a value, from Spidermon's field
    coverage stats (``spidermon_field_coverage/Article/published_at``: 0.95)."""
    prefix = "spidermon_field_coverage/"
    rates = {}
    for key, value in stats.items():
        parts = key.split("/")
        if key.startswith(prefix) and len(parts) == 3 and parts[2] in EXPORT_FIELDS:
            rates[parts[2]] = float(value)
    return rates


class CompiledSchemaValidator(JSONSchemaValidator):
    """Spidermon's JSON Schema validator, made cheap for valid records: a record is
    first checked by the schema compiled to Python code (fastjsonschema, ~0.015 ms);
    only a record that fails goes through ``jsonschema`` (~0.2 ms, built once here
    where Spidermon builds one per record), for Spidermon's own error messages."""

    def __init__(self, schema, **kwargs) -> None:
        super().__init__(schema, **kwargs)
        import fastjsonschema
        from jsonschema.validators import validator_for

        self._fast = fastjsonschema.compile(schema)
        self._invalid = fastjsonschema.JsonSchemaValueException
        self._compiled = validator_for(schema)(schema=schema, format_checker=format_checker)

    def _validate(self, data, strict=False):
        try:
            self._fast(data)
            return
        except self._invalid:
            pass
        # As Spidermon reports an error: the field's dotted path, the schema's message.
        for error in self._compiled.iter_errors(data):
            path = list(error.absolute_path)
            required = REQUIRED_RE.search(error.message)
            if required:
                path.append(required.group(1))
            self._add_errors({".".join(str(p) for p in path): [error.message]})


class _StatNames(ValidationStatsManager):
    """Spidermon's validation stats, each stat's name built once: Spidermon slugifies
    every part of a name on every call (``spidermon/validation/items``: ~15 us of a
    record's ~50 us of validation, for its two counters)."""

    @functools.lru_cache(maxsize=256)  # noqa: B019 - one instance a crawl, kept for the crawl
    def _get_stats_name(self, *names):
        return super()._get_stats_name(*names)


class SchemaValidationPipeline(ItemValidationPipeline):
    """Spidermon's item validation pipeline (same stats, same error messages, the
    same ``SPIDERMON_VALIDATION_*`` settings), made cheap per record: its validators
    are compiled once (``CompiledSchemaValidator``), and a dataclass record is handed
    over as a shallow dict of its fields (its values are already plain JSON values)
    rather than through ``ItemAdapter.asdict``, which adapts every value recursively."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.stats = _StatNames(self.stats.stats)

    @classmethod
    def _load_jsonschema_validator(cls, schema):
        validator = super()._load_jsonschema_validator(schema)
        return CompiledSchemaValidator(validator._schema)

    def process_item(self, item):
        validators = self.find_validators(item)
        if not validators:
            return item
        record = fields_of(item) if dataclasses.is_dataclass(item) else ItemAdapter(item).asdict()
        self.stats.add_item()
        self.stats.add_fields(len(record))
        for validator in validators:
            ok, errors = validator.validate(record)
            if not ok:
                self._add_error_stats(errors)
                if self.add_errors_to_items:
                    self._add_errors_to_item(ItemAdapter(item), errors)
                if self.drop_items_with_errors:
                    self._drop_item(item, errors)
        return item


class SpidermonExtension(Spidermon):
    """Spidermon's extension (monitor suites, field coverage), with the coverage of a
    record's own fields counted in one flat pass when coverage does not descend into
    lists and dicts (``SPIDERMON_LIST_FIELDS_COVERAGE_LEVELS = 0``,
    ``SPIDERMON_DICT_FIELDS_COVERAGE_LEVELS = 0``): Spidermon reads five settings and
    recurses for every record. The stats are Spidermon's own names and counts."""

    _flat: tuple | None = None
    #: Stat names by record type and field, made once ("spidermon_item_scraped_count/Article/title").
    _keys: dict[str, dict[str, str]]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._keys = {}

    def item_scraped(self, item, response, spider):
        if self._flat is None:
            settings = self.crawler.settings
            flat = (settings.getint("SPIDERMON_LIST_FIELDS_COVERAGE_LEVELS", 0) == 0
                    and settings.get("SPIDERMON_DICT_FIELDS_COVERAGE_LEVELS", -1) in (0, "0"))
            # Spidermon skips a value equal to a skip value of the same type ("N/A", "-",
            # "", [], {}): grouped by type once, a value of any other type (a date, a
            # number) needs no comparison at all.
            skip_by_type: dict[type, list] = {}
            for candidate in self._get_skip_values_list(settings):
                skip_by_type.setdefault(type(candidate), []).append(candidate)
            self._flat = (flat, settings.getbool("SPIDERMON_FIELD_COVERAGE_SKIP_NONE", False),
                          settings.getbool("SPIDERMON_FIELD_COVERAGE_SKIP_FALSY", True), skip_by_type)
        flat, skip_none, skip_falsy, skip_by_type = self._flat
        if not flat:
            return super().item_scraped(item, response, spider)
        stats = self.crawler.stats
        stats.inc_value("spidermon_item_scraped_count")
        prefix = f"spidermon_item_scraped_count/{type(item).__name__}"
        stats.inc_value(prefix)
        keys = self._keys.setdefault(prefix, {})
        for name, value in fields_of(item).items():
            if value is None:
                if skip_none:
                    continue
            elif skip_falsy and not value:
                continue
            candidates = skip_by_type.get(type(value))
            # "in" (C, identity or ==) rules most values out; == alone decides, as in Spidermon.
            if candidates and value in candidates and any(value == candidate for candidate in candidates):
                continue
            key = keys.get(name)
            if key is None:
                key = keys[name] = f"{prefix}/{name}"
            stats.inc_value(key)
        return None


@monitors.name("Records")
class RecordsMonitor(Monitor):
    @monitors.name("every record follows the item schema")
    def test_schema(self):
        errors = self.data.stats.get("spidermon/validation/fields/errors", 0)
        prefix = "spidermon/validation/fields/errors/"
        detail = {k[len(prefix):]: v for k, v in self.data.stats.items() if k.startswith(prefix) and k.count("/") > 4}
        self.assertEqual(errors, 0, msg=f"{errors} schema errors: {detail}")

    @monitors.name("field fill rates hold against recent runs")
    def test_fill_rates(self):
        items = self.data.stats.get("item_scraped_count", 0)
        store = state_of(self.data.crawler)
        if items < MIN_RECORDS or store is None:
            return
        history = store.recent_fill_rates(self.data.crawler.spider.name)
        if not history:
            return
        current = fill_rates(self.data.stats)
        problems = []
        for field in sorted({f for run in history for f in run}):
            baseline = min(run.get(field, 0.0) for run in history)
            now = current.get(field, 0.0)
            if baseline >= STEADY_FILL and now < baseline - FILL_DROP:
                problems.append(f"{field} missing on {1 - now:.0%} of {items} records "
                                f"(filled on {baseline:.0%} or more in the last {len(history)} runs)")
        self.assertFalse(problems, msg="; ".join(problems))


@monitors.name("Requests")
class RequestsMonitor(Monitor):
    @monitors.name("retry rate is low")
    def test_retry_rate(self):
        requests = self.data.stats.get("downloader/request_count", 0)
        retries = self.data.stats.get("retry/count", 0)
        limit = self.data.crawler.settings.getfloat("NEWSWIRE_MAX_RETRY_RATE", 0.3)
        if requests:
            self.assertLessEqual(retries / requests, limit, msg=f"{retries} retries for {requests} requests")


class CountFailures(Action):
    """Records the failed monitors in the stats, where the run's verdict reads them."""

    def run_action(self):
        failed = self.result.monitors_failed_results
        self.data.crawler.stats.set_value("newswire/monitors/failed", len(failed))
        for result in failed:
            self.data.crawler.stats.set_value(f"newswire/monitors/failure/{result.monitor.name}", str(result.reason)[:300])


class RunMonitors(MonitorSuite):
    monitors = [RecordsMonitor, RequestsMonitor]
    monitors_failed_actions = [CountFailures]

"""What the benchmark scripts share: their Odoo options, and the time and
queries of a step."""

import time

from odoo.tools import config


def parse_args(parser):
    """The script's own options; the others are Odoo's (database, addons path...)."""
    own, odoo_args = parser.parse_known_args()
    config.parse_config(odoo_args + ["--log-level=warn"])
    return own


def measure(cr, func):
    """Time and queries of `func`, its writes flushed to the database included."""
    queries = cr.sql_log_count
    start = time.perf_counter()
    result = func()
    cr.flush()
    return result, time.perf_counter() - start, cr.sql_log_count - queries

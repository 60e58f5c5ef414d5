"""Date helpers for Vietnamese administrative documents.

Plain Python with no Odoo import, so that they are tested without a database.
"""

DATE_FORMAT = "%d/%m/%Y"


def format_vn_date(value):
    """Return a date as Vietnamese documents write it: dd/mm/yyyy."""
    return value.strftime(DATE_FORMAT) if value else ""


def anniversary_count(date_origin, date_celebration):
    """Years between an event and its celebration, counted as the plans do.

    A plan celebrating on 03/02/2021 the founding of 03/02/1930 writes
    "91 năm": the difference of the years, whatever the day.
    """
    if not date_origin or not date_celebration:
        return 0
    return date_celebration.year - date_origin.year


def milestone_label(name, kind, date_origin, date_celebration, anniversary_text, event_text):
    """Label of a milestone written the way emulation plans write it.

    The texts are the translated sentences, with the named placeholders
    %(name)s, and for an anniversary %(count)s, %(start)s and %(end)s.

    >>> from datetime import date
    >>> milestone_label("Founding of the Trade Union", "anniversary",
    ...                 date(1929, 7, 28), date(2021, 7, 28),
    ...                 "%(count)s years of %(name)s (%(start)s - %(end)s)", "")
    '92 years of Founding of the Trade Union (28/07/1929 - 28/07/2021)'
    """
    name = (name or "").strip()
    if not name:
        return ""
    if kind != "anniversary" or not date_origin or not date_celebration:
        return event_text % {"name": name}
    return anniversary_text % {
        "count": anniversary_count(date_origin, date_celebration),
        "name": name,
        "start": format_vn_date(date_origin),
        "end": format_vn_date(date_celebration),
    }


def ranges_overlap(start_a, end_a, start_b, end_b):
    """True when the closed date ranges [start_a, end_a] and [start_b, end_b] meet."""
    return start_a <= end_b and start_b <= end_a


def format_vn_amount(value):
    """An amount in đồng as Vietnamese documents write it: 1.490.000."""
    return f"{round(value or 0):,}".replace(",", ".")

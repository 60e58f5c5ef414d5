"""Levels of the yearly rating of task completion (xếp loại mức độ hoàn thành nhiệm vụ).

Plain Python with no Odoo import, so that they are tested without a database.
"""

# From the lowest level to the highest: the keys of `thidua.rating.level`.
RATING_LEVELS = ("incomplete", "complete", "good", "excellent")


def rating_at_least(level, minimum):
    """True when the rating `level` is `minimum` or better.

    No rating (an empty level) reaches any minimum. A minimum that is not a
    level is a mistake in the caller's rule, not a rating that fails it.

    >>> rating_at_least("excellent", "good")
    True
    >>> rating_at_least("complete", "good")
    False
    """
    if minimum not in RATING_LEVELS:
        raise ValueError(f"unknown rating level: {minimum!r}")
    if not level:
        return False
    if level not in RATING_LEVELS:
        raise ValueError(f"unknown rating level: {level!r}")
    return RATING_LEVELS.index(level) >= RATING_LEVELS.index(minimum)

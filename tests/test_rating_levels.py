import pytest

from conftest import load_tool

rating = load_tool("rating")


def test_levels_go_from_the_lowest_to_the_highest():
    assert rating.RATING_LEVELS == ("incomplete", "complete", "good", "excellent")


@pytest.mark.parametrize(
    ("level", "minimum", "expected"),
    [
        ("excellent", "excellent", True),
        ("excellent", "good", True),
        ("good", "good", True),
        ("good", "excellent", False),
        ("complete", "good", False),
        ("complete", "complete", True),
        ("incomplete", "complete", False),
        ("incomplete", "incomplete", True),
    ],
)
def test_a_level_reaches_the_minimum_and_those_below_it(level, minimum, expected):
    assert rating.rating_at_least(level, minimum) is expected


@pytest.mark.parametrize("level", [None, False, ""])
def test_no_rating_reaches_no_minimum(level):
    assert rating.rating_at_least(level, "incomplete") is False


def test_an_unknown_minimum_is_refused():
    with pytest.raises(ValueError, match="unknown rating level"):
        rating.rating_at_least("good", "very_good")


def test_an_unknown_level_is_refused():
    with pytest.raises(ValueError, match="unknown rating level"):
        rating.rating_at_least("Excellent", "good")

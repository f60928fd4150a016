"""Dates know their precision, display themselves, and sort imprecise dates after precise ones."""

from __future__ import annotations

import pytest
from pydantic_core import PydanticCustomError

from timeline.dates import PartialDate, display_span, parse_day


@pytest.mark.parametrize("raw, iso, shown, precision", [
    (2004, "2004", "2004", "year"),
    ("2012-12", "2012-12", "December 2012", "month"),
    ("2013-03-21", "2013-03-21", "21 March 2013", "day"),
])
def test_parse_and_display(raw, iso, shown, precision):
    date = PartialDate.parse(raw)
    assert (str(date), date.display(), date.precision) == (iso, shown, precision)


@pytest.mark.parametrize("raw, kind", [
    ("17/02/2014", "date_format"), ("February 2014", "date_format"), (True, "date_format"),
    ("2014-2-1", "date_format"), ("2014-02-30", "date_impossible"), ("2014-13", "date_impossible"),
    (1850, "date_range"), (2014.5, "date_format"),
])
def test_bad_dates_are_refused(raw, kind):
    with pytest.raises(PydanticCustomError) as caught:
        PartialDate.parse(raw)
    assert caught.value.type == kind


def test_less_precise_dates_sort_after_the_days_they_cover():
    days = [PartialDate.parse(d) for d in ("2014", "2014-12", "2014-12-22", "2014-02-17", "2015-01-01")]
    assert [str(d) for d in sorted(days)] == ["2014-02-17", "2014-12-22", "2014-12", "2014", "2015-01-01"]


def test_record_dates_need_a_day():
    assert str(parse_day("2026-11-28")) == "2026-11-28"
    with pytest.raises(PydanticCustomError):
        parse_day("2026-11")


@pytest.mark.parametrize("start, end, shown", [
    ("2013-08-20", "2013-08-24", "20–24 August 2013"),
    ("2013-10-30", "2013-11-02", "30 October – 2 November 2013"),
    ("2013-12-30", "2014-01-02", "30 December 2013 – 2 January 2014"),
    ("2013-10", None, "October 2013"),
])
def test_spans(start, end, shown):
    assert display_span(PartialDate.parse(start), end and PartialDate.parse(end)) == shown

"""The rating on constructed series: each of the four outcomes, and the edge cases that forbid one."""

import pytest

from kek.indicators.rating import Point, Status, growth, rate

P = Point
# CO₂ index: 100 in 1990, target 45 in 2030: -55 % in 40 years needs about -1,98 % a year.
BASE = P(1990, 100)
TARGETS = [P(2030, 45), P(2050, 15)]


def test_falling_as_fast_as_required_is_on_track():
    result = rate(BASE, [P(2010, 66)], TARGETS)  # -2,06 % a year, more than required
    assert result.status == Status.ON_TRACK
    assert result.ratio == pytest.approx(-growth(BASE, P(2010, 66)) / abs(growth(BASE, P(2030, 45))))  # d = -1
    assert result.ratio >= 0.95
    assert result.target == P(2030, 45)


def test_falling_too_slowly_is_too_slow():
    result = rate(BASE, [P(2000, 95), P(2020, 90)], TARGETS)  # -0,35 % a year
    assert result.status == Status.TOO_SLOW
    assert 0 <= result.ratio < 0.95


def test_rising_when_it_should_fall_is_the_wrong_direction():
    result = rate(BASE, [P(2020, 110)], TARGETS)
    assert result.status == Status.WRONG_DIRECTION
    assert result.ratio < 0


def test_without_values_or_target_there_is_no_rating():
    assert rate(BASE, [], TARGETS).status == Status.NOT_RATED
    assert rate(BASE, [], TARGETS).reason == "Es gibt noch keine Werte."
    assert rate(BASE, [P(2020, 50)], []).status == Status.NOT_RATED
    assert "kein Zielwert" in rate(BASE, [P(2020, 50)], []).reason


def test_a_single_value_without_baseline_cannot_be_rated():
    result = rate(None, [P(2020, 30)], [P(2050, 100)])
    assert result.status == Status.NOT_RATED
    assert "nach dem Ausgangsjahr 2020" in result.reason


def test_rising_share_measured_from_the_first_value_without_a_baseline():
    # A share of renewables from 30 % (2015) to 40 % (2020); 100 % in 2050 needs 3,5 % growth a year.
    result = rate(None, [P(2015, 30), P(2020, 40)], [P(2050, 100)])
    assert result.base == P(2015, 30)
    assert result.status == Status.ON_TRACK  # 5,9 % a year
    assert rate(None, [P(2015, 30), P(2020, 32)], [P(2050, 100)]).status == Status.TOO_SLOW
    assert rate(None, [P(2015, 30), P(2020, 28)], [P(2050, 100)]).status == Status.WRONG_DIRECTION


def test_a_reached_target_is_on_track_even_if_the_rate_has_slowed():
    result = rate(P(2000, 100), [P(2040, 40)], [P(2030, 45)])
    assert result.achieved
    assert result.status == Status.ON_TRACK
    assert result.projection == []  # the target year lies behind the latest value


def test_the_next_target_after_the_latest_value_is_the_one_rated():
    assert rate(BASE, [P(2035, 40)], TARGETS).target == P(2050, 15)


def test_zero_or_negative_values_and_a_target_equal_to_the_baseline_give_no_rating():
    assert rate(P(2015, 0), [P(2020, 5)], [P(2030, 10)]).status == Status.NOT_RATED
    assert rate(P(2015, 10), [P(2020, 12)], [P(2030, 10)]).status == Status.NOT_RATED
    assert rate(P(2015, 10), [P(2020, 12)], [P(2010, 20)]).status == Status.NOT_RATED


def test_projection_runs_from_the_latest_value_to_the_target_year_at_the_observed_rate():
    result = rate(BASE, [P(2020, 70)], TARGETS)
    assert result.projection[0] == P(2020, 70)
    assert result.projection[-1].year == 2030
    assert result.projection[-1].value == pytest.approx(70 * (1 + result.observed_rate) ** 10)

"""The pure-Python incomplete beta behind the funnel's exact ranges (bounceback.lib.beta).

Reference values were computed once with scipy.special (Boost's implementation) and are
written out here, so the suite needs no SciPy; closed forms and the binomial identity
check the same functions without any reference at all.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bounceback.lib.beta import betainc, betaincinv

# (a, b, y, the y quantile of Beta(a, b))
QUANTILES = [
    (3, 8, 0.1, 0.11582527802976303),  # the funnel's 3 of 10, low end
    (4, 7, 0.9, 0.551730832383599),  # and high end
    (1, 3, 0.1, 0.034510615394370246),
    (50, 51, 0.1, 0.4314168255937808),
    (51, 50, 0.9, 0.5685831744062192),
    (1, 50, 0.1, 0.0021049917041368028),
    (12, 1, 0.1, 0.8254041852680184),
    (0.5, 0.5, 0.25, 0.14644660940672624),
    (2.5, 7.25, 0.5, 0.23927737178921268),
    (0.2, 0.3, 0.05, 2.79307285185066e-06),
    (500, 1500, 0.1, 0.23764722753058803),
    (1, 5000, 0.9, 0.0004604109969121545),
    (30, 20, 1e-06, 0.277372821775619),
    (30, 20, 0.999999, 0.8713900581829731),
    (7, 3, 0.5, 0.7137633319772172),
]

# (a, b, x, I_x(a, b))
INTEGRALS = [
    (3, 8, 0.2, 0.32220047360000015),
    (0.5, 0.5, 0.1, 0.20483276469913345),
    (2.5, 7.25, 0.3, 0.6604822735819071),
    (10, 10, 0.5, 0.5),
    (10, 10, 0.6, 0.8139079785845882),
    (100, 300, 0.2, 0.00799453086687934),
    (0.1, 0.1, 0.999, 0.7457583434113919),
    (1.5, 40, 0.001, 0.005934009824657886),
]


@pytest.mark.parametrize("a, b, y, expected", QUANTILES)
def test_the_quantile_matches_the_reference_value(
    a: float, b: float, y: float, expected: float
) -> None:
    assert betaincinv(a, b, y) == pytest.approx(expected, rel=1e-10)


@pytest.mark.parametrize("a, b, x, expected", INTEGRALS)
def test_the_incomplete_beta_matches_the_reference_value(
    a: float, b: float, x: float, expected: float
) -> None:
    assert betainc(a, b, x) == pytest.approx(expected, rel=1e-10)


def test_large_shapes_stay_accurate_enough_for_a_long_search() -> None:
    # Fifty thousand answers: lgamma's rounding grows with the shapes, so a looser bound.
    assert betaincinv(20000, 30000, 0.5) == pytest.approx(0.3999986666562635, rel=1e-9)
    assert betainc(5000, 5000, 0.49) == pytest.approx(0.02274203232457461, rel=1e-9)


@given(
    st.floats(min_value=0.05, max_value=200),
    st.floats(min_value=0.0, max_value=1.0),
)
def test_closed_forms_hold_where_one_shape_is_one(shape: float, x: float) -> None:
    # Beta(1, b) has I_x = 1 - (1 - x)^b, and Beta(a, 1) has I_x = x^a.
    assert betainc(1, shape, x) == pytest.approx(1 - (1 - x) ** shape, abs=1e-11)
    assert betainc(shape, 1, x) == pytest.approx(x**shape, abs=1e-11)


@given(st.floats(min_value=0.0, max_value=1.0))
def test_the_arcsine_distribution_has_its_closed_form(x: float) -> None:
    # (2/pi) asin(sqrt(x)), written with atan2 so that it stays exact next to x = 1.
    expected = 2 / math.pi * math.atan2(math.sqrt(x), math.sqrt(1 - x))
    assert betainc(0.5, 0.5, x) == pytest.approx(expected, abs=1e-11)


@given(st.integers(min_value=1, max_value=60), st.data())
def test_the_low_end_of_a_range_is_where_k_or_more_of_n_has_the_tail_chance(
    n: int, data: st.DataObject
) -> None:
    # I_p(k, n - k + 1) is the chance of k or more successes in n tries at rate p: the
    # identity that makes the Clopper-Pearson range exact.
    k = data.draw(st.integers(min_value=1, max_value=n))
    tail = data.draw(st.floats(min_value=0.001, max_value=0.999))
    p = betaincinv(k, n - k + 1, tail)
    at_least_k = sum(math.comb(n, j) * p**j * (1 - p) ** (n - j) for j in range(k, n + 1))
    assert at_least_k == pytest.approx(tail, abs=1e-12)


@given(
    st.floats(min_value=0.05, max_value=5000),
    st.floats(min_value=0.05, max_value=5000),
    st.floats(min_value=1e-9, max_value=1 - 1e-9),
)
def test_the_quantile_is_where_the_incomplete_beta_crosses_the_probability(
    a: float, b: float, y: float
) -> None:
    # Not betainc(quantile) == y: next to 1 a float cannot land close enough (Beta(85, 0.25)
    # climbs by 2e-9 per step there). A few steps either side, the crossing must lie between.
    x = betaincinv(a, b, y)
    below, above = max(0.0, x - 4 * math.ulp(x)), min(1.0, x + 4 * math.ulp(x))
    slack = 1e-12 * y + 1e-15  # betainc's own rounding
    assert betainc(a, b, below) <= y + slack and betainc(a, b, above) >= y - slack


def test_the_ends_are_exact() -> None:
    assert (betainc(2, 3, 0.0), betainc(2, 3, 1.0)) == (0.0, 1.0)
    assert (betaincinv(2, 3, 0.0), betaincinv(2, 3, 1.0)) == (0.0, 1.0)


@pytest.mark.parametrize(
    "call",
    [
        lambda: betainc(0, 1, 0.5),
        lambda: betainc(1, -2, 0.5),
        lambda: betainc(1, math.inf, 0.5),
        lambda: betainc(1, 1, 1.5),
        lambda: betaincinv(1, 1, -0.1),
        lambda: betaincinv(math.nan, 1, 0.5),
    ],
)
def test_shapes_and_probabilities_out_of_range_are_refused(call: Callable[[], float]) -> None:
    with pytest.raises(ValueError):
        call()

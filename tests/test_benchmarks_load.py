"""The load benchmark's arithmetic: quantiles and one level's row."""

import pytest

from benchmarks.load import _counts, percentile, summarise


def test_the_95th_percentile_is_a_measured_value_by_nearest_rank():
    values = [float(v) for v in range(1, 21)]  # 1..20
    assert percentile(values, 0.95) == 19.0  # ceil(0.95 * 20) = the 19th
    assert percentile(values, 0.5) == 10.0
    assert percentile([300.0], 0.95) == 300.0
    assert percentile([], 0.95) is None


def test_a_level_reports_memory_per_instance_and_per_added_session():
    row = summarise(2, 10, [100.0, 200.0, 300.0], 1, [400.0, 500.0], rss_warm_mb=800.0)
    assert row == {"instances": 2, "sessions": 10, "p50_ms": 200.0, "p95_ms": 300.0,
                   "errors": 1, "rss_mb_per_instance": 450.0, "rss_mb_per_session": 10.0,
                   "changes": 3}
    assert summarise(1, 1, [], 1, [300.0], 300.0)["p50_ms"] is None  # nothing measured


def test_counts_are_sorted_whole_numbers():
    assert _counts("20,1,5") == (1, 5, 20)
    with pytest.raises(Exception, match="counts such as"):
        _counts("1,zero")

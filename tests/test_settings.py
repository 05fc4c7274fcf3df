from pathlib import Path

import pytest

from gros.settings import GISCO_DISTRIBUTION_URL, SETTINGS, SettingError, load_settings


def test_defaults_need_no_environment():
    settings = load_settings({})
    assert settings.gisco_url == GISCO_DISTRIBUTION_URL
    assert settings.nuts_year == 2024
    assert settings.nuts_scale == "03M"
    assert settings.lau_year == 2024
    assert settings.max_upload_mb == 50


def test_environment_overrides_each_setting(tmp_path: Path):
    settings = load_settings({
        "GROS_GISCO_URL": "file:///srv/gisco/",
        "GROS_NUTS_YEAR": "2021",
        "GROS_NUTS_SCALE": "10m",
        "GROS_LAU_YEAR": "2021",
        "GROS_CACHE_DIR": str(tmp_path),
        "GROS_SIMPLIFY_TOLERANCE_M": "80",
    })
    assert settings.gisco_url == "file:///srv/gisco"
    assert settings.nuts_year == 2021
    assert settings.nuts_scale == "10M"
    assert settings.lau_year == 2021
    assert settings.cache_dir == tmp_path
    assert settings.simplify_tolerance_m == 80


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("GROS_NUTS_YEAR", "2023"),
        ("GROS_NUTS_YEAR", "twenty"),
        ("GROS_NUTS_SCALE", "05M"),
        ("GROS_LAU_YEAR", "2010"),
        ("GROS_LAU_YEAR", "latest"),
        ("GROS_GISCO_URL", "ftp://example.org"),
        ("GROS_SIMPLIFY_TOLERANCE_M", "-1"),
        ("GROS_MAX_UPLOAD_MB", "lots"),
    ],
)
def test_bad_values_name_the_variable_and_the_value(variable: str, value: str):
    with pytest.raises(SettingError) as error:
        load_settings({variable: value})
    assert variable in str(error.value)
    assert repr(value) in str(error.value)


def test_every_setting_has_an_environment_variable_and_help():
    for setting in SETTINGS:
        assert setting.env.startswith("GROS_")
        assert setting.help

"""Schema migrations on SQLite and PostgreSQL: old databases come up to date, losing nothing."""

from __future__ import annotations

import dataclasses
import warnings

import pytest
import sqlalchemy as sa

from gros import cli, database, migrate, serving
from gros.store import ProjectStore
from tests.support import legacy_schema


def _schema(url: str) -> dict[str, object]:
    """Tables, columns, indexes and unique constraints as the database reports them."""
    engine = database.create_engine(url)
    try:
        inspector = sa.inspect(engine)
        with warnings.catch_warnings():  # SQLAlchemy knows no PostGIS type: "NullType" will do
            warnings.simplefilter("ignore", sa.exc.SAWarning)
            return _tables(inspector)
    finally:
        engine.dispose()


def _tables(inspector: sa.Inspector) -> dict[str, object]:
    return {
        table: {
            "columns": [(c["name"], str(c["type"]), c["nullable"])
                        for c in inspector.get_columns(table)],
            "indexes": sorted((i["name"], tuple(i["column_names"]))
                              for i in inspector.get_indexes(table)
                              if not i.get("duplicates_constraint")),
            "unique": sorted(tuple(u["column_names"])
                             for u in inspector.get_unique_constraints(table)),
        }
        for table in sorted(inspector.get_table_names())
    }


def _revision(url: str) -> str | None:
    engine = database.create_engine(url)
    try:
        with engine.connect() as connection:
            return migrate.current_revision(connection)
    finally:
        engine.dispose()


def _open(url: str) -> None:
    """Open the store at ``url`` once, as the app does on start."""
    ProjectStore(url).close()


def test_a_database_from_before_versioning_is_upgraded_losing_nothing(store_url):
    legacy_schema.create(store_url)
    legacy_schema.fill(store_url)
    store = ProjectStore(store_url)

    stored = store.get(legacy_schema.PROJECT.id)
    assert stored.project == legacy_schema.PROJECT
    assert (stored.version, stored.updated_at, stored.source) == (
        1, legacy_schema.AT, "rail.csv")
    [entry] = store.audit()
    assert (entry.at, entry.action, entry.project_id, entry.actor) == (
        legacy_schema.AT, "create", legacy_schema.PROJECT.id, "editor")
    assert entry.after["title"] == "Drielandentrein"
    [view] = store.views()
    assert (view.name, view.query) == ("Rail in the EMR", legacy_schema.VIEW_QUERY)
    assert _revision(store_url) == migrate.head()

    # It goes on as before: the next change is version 2 with its entry in the trail.
    renamed = dataclasses.replace(stored.project, title="Drielandentrein (RE18)")
    assert store.save(renamed, expected_version=1) == 2
    assert [e.version for e in store.audit()] == [2, 1]
    store.close()


def test_an_upgraded_database_has_the_schema_of_a_new_one(store_url, tmp_path, request):
    legacy_schema.create(store_url)
    _open(store_url)
    fresh = (database.SQLITE_PREFIX + str(tmp_path / "fresh.sqlite")
             if store_url.startswith("sqlite") else request.getfixturevalue("postgres").database())
    _open(fresh)
    assert _schema(store_url) == _schema(fresh)
    assert ("ix_audit_project_id", ("project_id",)) in _schema(store_url)["audit"]["indexes"]


def test_a_database_from_before_saved_views_gets_them(store_url):
    legacy_schema.create(store_url, with_views=False)
    legacy_schema.fill(store_url)
    store = ProjectStore(store_url)
    assert store.views() == []
    assert store.count() == 1
    assert _revision(store_url) == migrate.head()
    store.close()


def _write_revision(url: str, revision: str) -> None:
    engine = database.create_engine(url)
    try:
        with engine.begin() as connection:
            connection.execute(sa.text("UPDATE alembic_version SET version_num = :revision"),
                               {"revision": revision})
    finally:
        engine.dispose()


def test_a_database_from_a_newer_dashboard_is_refused_naming_it(store_url):
    _open(store_url)
    _write_revision(store_url, "9999")
    with pytest.raises(migrate.SchemaError) as refused:
        ProjectStore(store_url)
    message = str(refused.value)
    assert database.describe(store_url) in message
    assert "'9999'" in message and "update the dashboard" in message
    password = sa.make_url(store_url).password
    assert password is None or password not in message


def test_a_failed_upgrade_names_the_database_and_changes_nothing(store_url):
    legacy_schema.create(store_url)
    engine = database.create_engine(store_url)
    with engine.begin() as connection:  # the name migration 0002 gives its index
        connection.execute(sa.text("CREATE INDEX ix_audit_project_id ON saved_views (name)"))
    engine.dispose()
    with pytest.raises(migrate.SchemaError, match="ix_audit_project_id") as refused:
        ProjectStore(store_url)
    assert (f"the project database {database.describe(store_url)} could not be upgraded "
            f"from schema revision none to {migrate.head()}: ") in str(refused.value)
    assert _revision(store_url) is None  # not even the baseline was recorded
    assert "alembic_version" not in _schema(store_url)


def test_an_unreachable_server_is_refused_naming_it():
    port = serving.free_port()
    url = f"postgresql+psycopg://gros:secret@127.0.0.1:{port}/gros"
    with pytest.raises(migrate.SchemaError) as refused:
        ProjectStore(url)
    message = str(refused.value)
    assert f"postgresql+psycopg://gros:***@127.0.0.1:{port}/gros could not be opened" in message
    assert "secret" not in message


def _upgrade_command(url: str, monkeypatch: pytest.MonkeyPatch,
                     capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """``python -m gros db upgrade`` on ``url``: exit code, stdout, stderr."""
    monkeypatch.setenv("GROS_DATABASE_URL", url)
    code = cli.main(["db", "upgrade"])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_upgrade_command_brings_a_database_up_to_date(store_url, monkeypatch, capsys):
    legacy_schema.create(store_url)
    legacy_schema.fill(store_url)
    code, out, err = _upgrade_command(store_url, monkeypatch, capsys)
    assert code == 0, err
    assert f"upgraded from before versioning to {migrate.head()}" in out
    assert database.describe(store_url) in out
    code, out, _ = _upgrade_command(store_url, monkeypatch, capsys)
    assert f"already at schema revision {migrate.head()}" in out
    store = ProjectStore(store_url)
    assert store.count() == 1
    store.close()


def test_the_upgrade_command_reports_a_refusal_on_one_line(tmp_path, monkeypatch, capsys):
    url = database.SQLITE_PREFIX + str(tmp_path / "gros.sqlite")
    _open(url)
    _write_revision(url, "9999")
    code, _, err = _upgrade_command(url, monkeypatch, capsys)
    assert code == 1
    assert err.startswith("error: the project database sqlite:///")
    assert len(err.strip().splitlines()) == 1

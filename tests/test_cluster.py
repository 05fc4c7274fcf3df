"""The pieces of ``python -m gros serve``: the proxy's configuration, the kept server."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
import sqlalchemy as sa

from gros import pgcluster, proxy, serving
from gros.cluster import running_cluster


def test_the_proxy_keeps_sessions_on_their_instance_and_checks_health():
    config = proxy.haproxy_config("127.0.0.1", 8501, [9001, 9002])
    assert "bind 127.0.0.1:8501" in config
    assert "cookie GROS_INSTANCE insert indirect nocache" in config
    assert "server i1 127.0.0.1:9001 cookie i1 check" in config
    assert "server i2 127.0.0.1:9002 cookie i2 check" in config
    assert "option httpchk GET /_stcore/health" in config
    assert "timeout tunnel" in config  # open websockets are not cut after a minute


def test_haproxy_accepts_the_configuration(tmp_path):
    haproxy = proxy.find_haproxy()
    if haproxy is None:
        pytest.skip("HAProxy is not installed (apt-get install haproxy)")
    config = tmp_path / "haproxy.cfg"
    config.write_text(proxy.haproxy_config("127.0.0.1", serving.free_port(), [9001, 9002]))
    checked = subprocess.run([str(haproxy), "-c", "-f", str(config)], capture_output=True,
                             text=True, timeout=30, check=False)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_a_cluster_needs_an_instance(tmp_path):
    with pytest.raises(ValueError, match="at least one instance"), \
            running_cluster(0, {}, tmp_path):
        pass


def test_the_kept_server_keeps_its_data_between_starts():
    if pgcluster.find_binaries() is None:
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql)")
    folder = Path(tempfile.mkdtemp(prefix="gros-kept-")) / "postgresql"
    folder.parent.chmod(0o755)  # the server's user passes through (we may be root)
    try:
        with pgcluster.kept_cluster(folder) as first:
            url = first.ensure_database("gros")
            engine = sa.create_engine(url)
            with engine.begin() as connection:
                connection.exec_driver_sql("CREATE TABLE kept (n int); INSERT INTO kept VALUES (7)")
            engine.dispose()
        with pgcluster.kept_cluster(folder) as second:
            assert second.ensure_database("gros") == second.url("gros")
            engine = sa.create_engine(second.url("gros"))
            with engine.connect() as connection:
                assert connection.exec_driver_sql("SELECT n FROM kept").scalar() == 7
            engine.dispose()
        (folder.parent / "other").mkdir()
        (folder.parent / "other" / "file").write_text("not a server")
        with pytest.raises(pgcluster.ClusterError, match="neither empty nor a server"), \
                pgcluster.kept_cluster(folder.parent / "other"):
            pass
    finally:
        shutil.rmtree(folder.parent, ignore_errors=True)

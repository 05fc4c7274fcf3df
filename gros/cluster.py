"""Several dashboard instances behind one address: ``python -m gros serve --instances N``.

Starts, in order: PostgreSQL (a server of our own in ``GROS_DATA_DIR/postgresql``,
kept between starts, unless ``GROS_DATABASE_URL`` names a database), the schema and
seed once, N ``streamlit run dashboard.py`` on free localhost ports, and HAProxy
(:mod:`gros.proxy`) in front of them; stops them all, in reverse, when the block ends
(Ctrl-C for ``serve``). Every instance reads the same environment: the one database,
the shared cache folder (downloads are written atomically) and the secrets.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from gros import pgcluster, proxy, serving
from gros.database import describe
from gros.loaders import open_store
from gros.settings import load_settings

REPO = Path(__file__).resolve().parents[1]
DASHBOARD = REPO / "dashboard.py"
START_TIMEOUT_S = 180
DATABASE_NAME = "gros"


class ClusterStartError(RuntimeError):
    """Something the cluster needs is missing or did not start; says what."""


@dataclass
class Instance:
    name: str
    url: str
    process: subprocess.Popen
    log: Path


@dataclass
class Cluster:
    """A running cluster: the proxy's URL, its instances, the database they share."""

    url: str
    database_url: str
    instances: list[Instance] = field(default_factory=list)
    proxy: subprocess.Popen | None = None

    def stopped(self) -> str | None:
        """The name of a process that has exited, or None while all run."""
        for instance in self.instances:
            if instance.process.poll() is not None:
                return f"instance {instance.name} (log {instance.log})"
        if self.proxy is not None and self.proxy.poll() is not None:
            return "haproxy"
        return None


def _start(stack: ExitStack, command: list[str], env: Mapping[str, str],
           log: Path) -> subprocess.Popen:
    output = stack.enter_context(log.open("w"))
    # A session of its own: a Ctrl-C reaches us only, and we stop each in order.
    process = subprocess.Popen(command, cwd=REPO, env=dict(env), stdout=output,  # noqa: S603
                               stderr=subprocess.STDOUT, start_new_session=True)
    stack.callback(serving.stop, process)
    return process


def _database(stack: ExitStack, env: Mapping[str, str], folder: Path | None) -> str:
    settings = load_settings(env)
    if settings.database_url:
        return settings.database_url
    folder = folder or Path(settings.data_dir).expanduser() / "postgresql"
    try:
        cluster = stack.enter_context(pgcluster.kept_cluster(folder))
        return cluster.ensure_database(DATABASE_NAME)
    except pgcluster.ClusterError as exc:
        raise ClusterStartError(f"{exc}\n(or set GROS_DATABASE_URL to a PostgreSQL database)"
                                ) from None


@contextmanager
def running_cluster(instances: int, env: Mapping[str, str], folder: Path,
                    address: str = "127.0.0.1", port: int | None = None,
                    database_folder: Path | None = None, script: Path = DASHBOARD,
                    timeout_s: float = START_TIMEOUT_S) -> Iterator[Cluster]:
    """Start the database, ``instances`` Streamlit servers and HAProxy on
    ``address:port`` (a free port if None); logs and the proxy's configuration go to
    ``folder``. Everything is stopped when the block ends.

    Raises
    ------
    ClusterStartError
        If HAProxy or PostgreSQL is missing, or a process does not start.
    """
    if instances < 1:
        raise ValueError(f"expected at least one instance, got {instances}")
    haproxy = proxy.find_haproxy()
    if haproxy is None:
        raise ClusterStartError("HAProxy is not installed (apt-get install haproxy)")
    folder.mkdir(parents=True, exist_ok=True)
    with ExitStack() as stack:
        database_url = _database(stack, env, database_folder)
        env = {**env, "GROS_DATABASE_URL": database_url}
        # The schema and the seed once, before any instance opens the store.
        open_store(load_settings(env)).close()
        port = port or serving.free_port()
        cluster = Cluster(f"http://{'127.0.0.1' if address == '0.0.0.0' else address}:{port}",  # noqa: S104 - the address to reach a server listening everywhere
                          database_url)
        for index in range(1, instances + 1):
            instance_port = serving.free_port()
            log = folder / f"instance-{index}.log"
            process = _start(stack, serving.streamlit_command(script, instance_port), env, log)
            cluster.instances.append(Instance(proxy.instance_name(index),
                                              f"http://127.0.0.1:{instance_port}", process, log))
        try:
            for instance in cluster.instances:
                serving.wait_healthy(instance.url, instance.process, timeout_s,
                                     f"instance {instance.name} (log {instance.log})")
            config = folder / "haproxy.cfg"
            config.write_text(proxy.haproxy_config(
                address, port, [int(i.url.rsplit(":", 1)[1]) for i in cluster.instances]))
            cluster.proxy = _start(stack, proxy.haproxy_command(haproxy, config), env,
                                   folder / "haproxy.log")
            serving.wait_healthy(cluster.url, cluster.proxy, timeout_s,
                                 f"haproxy (log {folder / 'haproxy.log'})")
        except RuntimeError as exc:
            raise ClusterStartError(str(exc)) from None
        yield cluster


def _stop_on_sigterm() -> None:
    def handler(_signal: int, _frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, handler)


def serve(instances: int, address: str, port: int) -> int:
    """``python -m gros serve``: run until Ctrl-C (or SIGTERM), then stop everything."""
    settings = load_settings()
    folder = Path(settings.data_dir).expanduser() / "serve"
    _stop_on_sigterm()
    try:
        with running_cluster(instances, os.environ, folder, address, port) as cluster:
            print(f"Dashboard on {cluster.url} — {instances} instance(s): "
                  f"{', '.join(i.url for i in cluster.instances)}; database "
                  f"{describe(cluster.database_url)}; logs in {folder}. Ctrl-C stops.",
                  flush=True)
            try:
                while (gone := cluster.stopped()) is None:
                    time.sleep(1)
            except KeyboardInterrupt:
                print("Stopping…", file=sys.stderr)
                return 0
            print(f"error: {gone} stopped; stopping the rest", file=sys.stderr)
            return 1
    except ClusterStartError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1

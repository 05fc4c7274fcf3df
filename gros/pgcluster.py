"""A local PostgreSQL server in a folder of its own: for the tests and the scripts.

:func:`local_cluster` runs Debian's ``initdb`` and ``pg_ctl`` (from
``/usr/lib/postgresql/<version>/bin``, else the PATH) on a free localhost port, with a
superuser ``gros`` and a random password, and stops the server at the end. PostgreSQL's
tools refuse to run as root; run as root, they run as the unprivileged ``postgres``
user (or ``nobody``), who is given the folder. No system service is touched.
"""

from __future__ import annotations

import grp
import os
import pwd
import re
import secrets
import shutil
import stat
import subprocess
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

from gros.serving import free_port

DEBIAN_BINARIES = Path("/usr/lib/postgresql")
SUPERUSER = "gros"
ACCOUNTS = ("postgres", "nobody")  # who runs the server when we are root
DATABASE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
TIMEOUT_S = 120
PASSWORD_FILE = "superuser-password"  # noqa: S105 - the file name, not a password


class ClusterError(RuntimeError):
    """The local server could not be made, started or stopped; says which and why."""


def find_binaries() -> Path | None:
    """The folder of the newest installed ``initdb`` and ``pg_ctl``, or None."""
    versions = sorted((p for p in DEBIAN_BINARIES.glob("*/bin") if (p / "pg_ctl").exists()),
                      key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0)
    if versions:
        return versions[-1]
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb and shutil.which("pg_ctl") else None


def _account() -> pwd.struct_passwd | None:
    """The unprivileged user to run the server as, when we are root; None otherwise."""
    if os.geteuid() != 0:
        return None
    for name in ACCOUNTS:
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    raise ClusterError(f"running as root, and none of the users {', '.join(ACCOUNTS)} "
                       "exists to run PostgreSQL as (its tools refuse root)")


@dataclass(frozen=True)
class LocalCluster:
    """A running local server: where it lives, its port and superuser password."""

    binaries: Path
    folder: Path
    port: int
    password: str
    account: pwd.struct_passwd | None

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def url(self, database: str = "postgres") -> str:
        """The SQLAlchemy URL (psycopg 3) of ``database`` as the superuser."""
        return (f"postgresql+psycopg://{SUPERUSER}:{self.password}@127.0.0.1:{self.port}/"
                f"{database}")

    def run(self, tool: str, *arguments: str) -> str:
        """Run one of the server's tools as the server's user; returns its output.

        Raises
        ------
        ClusterError
            With the command and what it printed, if it fails.
        """
        command = [str(self.binaries / tool), *arguments]
        as_user = ({"user": self.account.pw_uid, "group": self.account.pw_gid,
                    "extra_groups": []} if self.account else {})
        result = subprocess.run(command, cwd=self.folder, capture_output=True, text=True,  # noqa: S603
                                timeout=TIMEOUT_S, check=False,
                                # Its own session: a Ctrl-C meant for us leaves the
                                # server to be stopped in order.
                                start_new_session=True,
                                env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"),
                                     "LC_ALL": "C"}, **as_user)
        if result.returncode != 0:
            raise ClusterError(f"{' '.join(command)} failed with code {result.returncode}: "
                               f"{(result.stderr or result.stdout).strip()[-2000:]}")
        return result.stdout

    def execute(self, statement: str, database: str = "postgres") -> None:
        """Run one statement outside a transaction (CREATE DATABASE needs that)."""
        engine = sa.create_engine(self.url(database), isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as connection:
                connection.exec_driver_sql(statement)
        finally:
            engine.dispose()

    def create_database(self, name: str, template: str | None = None) -> str:
        """Create database ``name`` (a copy of ``template`` if given); returns its URL."""
        for value in (name, template):
            if value is not None and not DATABASE_NAME.match(value):
                raise ValueError(f"expected a database name of a-z, 0-9 and _, got {value!r}")
        self.execute(f"CREATE DATABASE {name}" + (f" TEMPLATE {template}" if template else ""))
        return self.url(name)

    def available_extensions(self) -> set[str]:
        """The extensions this server could install (PostGIS shows here when packaged)."""
        engine = sa.create_engine(self.url())
        try:
            with engine.connect() as connection:
                return set(connection.scalars(sa.text(
                    "SELECT name FROM pg_available_extensions")))
        finally:
            engine.dispose()

    def ensure_database(self, name: str) -> str:
        """Create database ``name`` unless it exists; returns its URL."""
        engine = sa.create_engine(self.url())
        try:
            with engine.connect() as connection:
                exists = connection.scalar(sa.text(
                    "SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name})
        finally:
            engine.dispose()
        return self.url(name) if exists else self.create_database(name)

    def stop(self) -> None:
        self.run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")


def _give(path: Path, account: pwd.struct_passwd | None) -> None:
    if account is not None:
        os.chown(path, account.pw_uid, account.pw_gid)


def _initialise(cluster: LocalCluster, settings: Mapping[str, str]) -> None:
    """initdb with our superuser and password, then our settings in postgresql.conf."""
    password_file = cluster.folder / "password"
    password_file.write_text(cluster.password + "\n")
    password_file.chmod(0o600)
    _give(password_file, cluster.account)
    cluster.run("initdb", "-D", str(cluster.data), "-U", SUPERUSER, f"--pwfile={password_file}",
                "--auth=scram-sha-256", "--encoding=UTF8", "--no-locale", "--no-sync")
    password_file.unlink()
    lines = {"listen_addresses": "127.0.0.1", "unix_socket_directories": str(cluster.folder),
             **settings}
    with (cluster.data / "postgresql.conf").open("a") as conf:
        conf.write("\n# gros.pgcluster\n")
        conf.writelines(f"{name} = '{value}'\n" for name, value in lines.items())


def start_cluster(folder: Path, settings: Mapping[str, str] | None = None,
                  binaries: Path | None = None) -> LocalCluster:
    """Make a new server in the empty ``folder`` and start it on a free port.

    ``settings`` go to postgresql.conf (the tests turn fsync off). The folder must be
    one the server's user can reach when we are root (``tempfile.mkdtemp`` is).

    Raises
    ------
    ClusterError
        If PostgreSQL is not installed, or initdb or the start fails (with its log).
    """
    binaries = binaries or find_binaries()
    if binaries is None:
        raise ClusterError("PostgreSQL is not installed: no initdb in "
                           f"{DEBIAN_BINARIES}/<version>/bin or on the PATH "
                           "(apt-get install postgresql)")
    account = _account()
    _give(folder, account)
    cluster = LocalCluster(binaries, folder, free_port(), secrets.token_urlsafe(18), account)
    _initialise(cluster, settings or {})
    _start(cluster)
    return cluster


def _start(cluster: LocalCluster) -> None:
    folder = cluster.folder
    try:
        cluster.run("pg_ctl", "-D", str(cluster.data), "-l", str(folder / "server.log"), "-w",
                    "-t", str(TIMEOUT_S), "-o", f"-p {cluster.port}", "start")
    except ClusterError as exc:
        log = folder / "server.log"
        tail = log.read_text(errors="replace")[-2000:] if log.exists() else "(no log)"
        raise ClusterError(f"{exc}\nserver log {log}:\n{tail}") from None


@contextmanager
def local_cluster(settings: Mapping[str, str] | None = None) -> Iterator[LocalCluster]:
    """A new server in a temporary folder, stopped and removed when the block ends."""
    folder = Path(tempfile.mkdtemp(prefix="gros-pg-"))
    try:
        cluster = start_cluster(folder, settings)
        try:
            yield cluster
        finally:
            cluster.stop()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _check_reachable(folder: Path, account: pwd.struct_passwd | None) -> None:
    """Raise ClusterError if the server's user (when we are root) cannot pass through
    every folder above ``folder``."""
    if account is None:
        return
    groups = {g.gr_gid for g in grp.getgrall() if account.pw_name in g.gr_mem} | {account.pw_gid}
    for parent in folder.resolve().parents:
        mode = parent.stat()
        if mode.st_uid == account.pw_uid:
            allowed = mode.st_mode & stat.S_IXUSR
        elif mode.st_gid in groups:
            allowed = mode.st_mode & stat.S_IXGRP
        else:
            allowed = mode.st_mode & stat.S_IXOTH
        if not allowed:
            raise ClusterError(f"PostgreSQL runs as {account.pw_name} (its tools refuse root), "
                               f"who cannot reach {folder} through {parent}; choose a folder "
                               "it can reach (GROS_DATA_DIR, e.g. /var/lib/gros)")


@contextmanager
def kept_cluster(folder: Path, settings: Mapping[str, str] | None = None
                 ) -> Iterator[LocalCluster]:
    """The server whose data lives in ``folder``: made there on first use, started on a
    free port, stopped when the block ends; the data stays for the next start.

    The superuser's password is kept beside the data (``superuser-password``, readable
    by its owner only).
    """
    folder.mkdir(parents=True, exist_ok=True)
    _check_reachable(folder, _account())
    password_file = folder / PASSWORD_FILE
    if (folder / "data" / "PG_VERSION").exists() and password_file.exists():
        binaries = find_binaries()
        if binaries is None:
            raise ClusterError(f"PostgreSQL is not installed, but {folder} holds a server")
        cluster = LocalCluster(binaries, folder, free_port(), password_file.read_text().strip(),
                               _account())
        _start(cluster)
    elif any(folder.iterdir()):
        raise ClusterError(f"{folder} is neither empty nor a server made by gros "
                           f"(no data/PG_VERSION and {PASSWORD_FILE}); choose another folder")
    else:
        cluster = start_cluster(folder, settings)
        password_file.write_text(cluster.password + "\n")
        password_file.chmod(0o600)
    try:
        yield cluster
    finally:
        cluster.stop()

"""The reverse proxy in front of several dashboard instances: HAProxy from Debian.

Streamlit keeps a session's state in the process that serves its websocket, so a
browser must stay on one instance: HAProxy inserts a cookie (``GROS_INSTANCE``) naming
the instance on the first answer and sends every later request, the websocket
included, to that one. Instances are checked on ``/_stcore/health`` every two
seconds; one that fails stops getting new sessions (its sessions move elsewhere and
start afresh). The answer's ``X-Gros-Instance`` header says which instance answered.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

from gros.serving import HEALTH_PATH

AFFINITY_COOKIE = "GROS_INSTANCE"
INSTANCE_HEADER = "X-Gros-Instance"
# Websockets stay open as long as a tab does: the tunnel timeout is what ends idle ones.
TUNNEL_TIMEOUT = "8h"


def find_haproxy() -> Path | None:
    """Debian's ``haproxy`` (apt-get install haproxy) on the PATH or in /usr/sbin, or None."""
    found = shutil.which("haproxy") or shutil.which("haproxy", path="/usr/sbin:/usr/local/sbin")
    return Path(found) if found else None


def instance_name(index: int) -> str:
    """The name (and affinity cookie value) of the ``index``-th instance, from 1."""
    return f"i{index}"


def haproxy_config(address: str, port: int, instance_ports: Sequence[int]) -> str:
    """An HAProxy configuration: listen on ``address:port``, balance new sessions over
    the instances on localhost ``instance_ports``, keep each on its instance."""
    servers = "\n".join(
        f"    server {instance_name(i)} 127.0.0.1:{p} cookie {instance_name(i)} "
        "check inter 2s fall 2 rise 1"
        for i, p in enumerate(instance_ports, start=1))
    return f"""# Made by gros.proxy for `python -m gros serve`; rewritten at every start.
global
    maxconn 4096

defaults
    mode http
    option forwardfor
    timeout connect 5s
    timeout client 60s
    timeout server 60s
    timeout tunnel {TUNNEL_TIMEOUT}

frontend dashboard
    bind {address}:{port}
    default_backend instances

backend instances
    balance leastconn
    cookie {AFFINITY_COOKIE} insert indirect nocache httponly
    option httpchk GET {HEALTH_PATH}
    http-check expect status 200
    http-response set-header {INSTANCE_HEADER} %s
{servers}
"""


def haproxy_command(haproxy: Path, config: Path) -> list[str]:
    """HAProxy in the foreground (``-db``) with ``config``; stopped by SIGTERM."""
    return [str(haproxy), "-db", "-f", str(config)]

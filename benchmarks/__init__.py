"""Benchmark: the dashboard's map against a naive streamlit-folium baseline and the floor
of a bare Streamlit map app, in one run.

``python -m benchmarks [--json] [--quick] [--sizes 100,1000] [--no-browser]`` generates
synthetic projects inside the Euregios (fixed seed), then for each size N and each
implementation measures

* the server side in a fresh worker process (``benchmarks/server_worker.py``): the
  time to build the map and turn it into what ``st_folium`` sends to the browser,
  for the default view and after a theme filter, the bytes sent, and the worker's
  peak memory;
* the browser side (Playwright + Chromium on localhost, no basemap): a real
  Streamlit server per implementation and size, all running at once and measured in
  turns, the time from navigation until the Euregios are drawn and from a filter
  change until the map shows the new set.

The boundaries come from the settings in the environment (``GROS_GISCO_URL``,
``GROS_NUTS_SCALE``…), downloaded and cached as the dashboard would. Nothing here
imports Streamlit: it runs only in the worker and server subprocesses.

Modules: ``synthetic`` (the projects), ``baseline`` (the naive map), ``floor`` (the
bare app's parts; ``floor_app`` is the app), ``views`` (what each
implementation does on a run), ``server`` (server figures, through ``server_worker``),
``browser`` and ``steps`` (the browser measurement and its filter changes),
``summary`` (ratios, targets, the table), ``machine`` (what the run ran on), ``run``
(one run) and ``cli`` (its command line). ``lau`` is a benchmark of its own: the
municipalities download at its real size (``python -m benchmarks.lau``); ``imports``
(with the files ``import_files`` writes) what an import costs on large and hostile files
(``python -m benchmarks.imports``).
"""

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# The language of both apps in every measurement.
LANGUAGE = "en"

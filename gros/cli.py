"""Command line: ``python -m gros geodata fetch|info|lookup``, ``stats fetch|region|euregio``,
``projects …``, ``export …``.

Errors go to stderr as one clear line and a non-zero exit code; ``--json``
output is one JSON object on stdout.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any

from gros import exports, geodata_summary, gisco, importers, lau, stat_commands
from gros.i18n import LANGUAGES
from gros.migrate import SchemaError
from gros.regions import EUREGIO_IDS, CuratedDataError, UnknownNutsCodes
from gros.settings import SettingError, Settings, load_settings

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


def _progress_bar(description: str, unit: str = "B") -> gisco.Progress:
    """A progress bar on standard error, told (done, total) in ``unit``s."""
    from tqdm import tqdm

    bar: dict[str, Any] = {}

    def update(received: int, total: int | None) -> None:
        if "bar" not in bar:
            bar["bar"] = tqdm(total=total, unit=unit, unit_scale=unit == "B",
                              desc=description, file=sys.stderr, leave=False)
        bar["bar"].update(received - bar["bar"].n)

    return update


def _geodata_fetch(args: argparse.Namespace) -> int:
    settings = load_settings()
    nuts = gisco.NutsSource.from_settings(settings)
    municipal = lau.LauSource.from_settings(settings)
    for label, source, cached, fetch in (
        (f"NUTS {nuts.year} ({nuts.scale})", nuts, gisco.read_cached, gisco.fetch),
        (f"municipalities (LAU {municipal.year})", municipal, lau.read_cached, lau.fetch),
    ):
        if not args.force and cached(source) is not None:
            print(f"Already cached: {source.cache_path}")
            continue
        path = fetch(source, _progress_bar(source.filename))
        print(f"Cached {label} from {source.url} in {path}")
    return EXIT_OK


def _municipalities_or_warn(settings: Settings) -> lau.Municipalities | None:
    """The municipalities, or None with a warning when they are unavailable."""
    try:
        return lau.load(lau.LauSource.from_settings(settings))
    except gisco.GiscoError as exc:
        print(f"warning: {exc}", file=sys.stderr)
        return None


def _lau_or_warn(settings: Settings) -> None:
    """Download the municipalities when they are not cached; a warning when that fails
    (the Euregios are then drawn from their NUTS-3 regions)."""
    source = lau.LauSource.from_settings(settings)
    if source.cache_path.exists():
        return
    try:
        lau.fetch(source)
    except gisco.GiscoError as exc:
        print(f"warning: {lau.unavailable_message(source, str(exc))}", file=sys.stderr)


def geodata_info() -> dict[str, Any]:
    """What ``geodata info --json`` prints: the region layers in brief."""
    from gros.loaders import load_region_layers

    settings = load_settings()
    _lau_or_warn(settings)
    return geodata_summary.summary(load_region_layers(settings))


def _geodata_info(args: argparse.Namespace) -> int:
    info = geodata_info()
    if args.json:
        print(json.dumps(info, ensure_ascii=False))
        return EXIT_OK
    nuts = info["nuts"]
    print(f"NUTS {nuts['year']} ({nuts['scale']}) from {nuts['source']}")
    for euregio in info["euregios"]:
        print(f"  {euregio['id']:<22} {euregio['area_km2']:>9,.0f} km²  "
              f"{'/'.join(euregio['countries']):<9} {euregio['outline']:<5} "
              f"{euregio['member_count']:>3} members  {len(euregio['municipalities']):>4} "
              f"municipalities  {euregio['name']}")
    for province in info["border_provinces"]:
        print(f"  {province['nuts_id']:<5} {province['area_km2']:>9,.0f} km²  {province['name']}")
    return EXIT_OK


def _geodata_lookup(args: argparse.Namespace) -> int:
    from gros.loaders import load_region_layers
    from gros.lookup import lookup

    if not (-90 <= args.lat <= 90 and -180 <= args.lon <= 180):
        raise ValueError(f"--lat {args.lat} --lon {args.lon}: expected latitude -90 to 90 "
                         "and longitude -180 to 180 (WGS84 degrees)")
    settings = load_settings()
    municipalities = _municipalities_or_warn(settings)
    found = lookup(load_region_layers(settings), municipalities, args.lon, args.lat)
    if args.json:
        print(json.dumps(found, ensure_ascii=False))
        return EXIT_OK
    place = found["municipality"]
    where = f"{place['name']} ({place['id']}, {place['country']})" if place else "no municipality"
    print(f"{args.lat}, {args.lon}: {where}"
          f"; Euregios: {', '.join(found['euregios']) or 'none'}"
          f"; border province: {found['border_province'] or 'none'}")
    return EXIT_OK


def _layers_or_warn():
    """The region layers, or None with a warning when the boundaries are unavailable."""
    from gros.loaders import load_region_layers

    try:
        return load_region_layers(load_settings())
    except gisco.GiscoError as exc:
        print(f"warning: regions not joined, the boundaries are unavailable: {exc}",
              file=sys.stderr)
        return None


def _projects_import(args: argparse.Namespace) -> int:
    from pathlib import Path

    from gros.layers import nuts3_names, nuts3_points
    from gros.loaders import open_store

    settings = load_settings()
    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as exc:
        print(f"error: cannot read {path}: {exc.strerror}", file=sys.stderr)
        return EXIT_ERROR
    layers = _layers_or_warn()
    result = importers.read_projects(
        data, path.name, args.format, max_bytes=int(settings.max_upload_mb * 1024 * 1024),
        max_rows=settings.max_import_rows,
        crs=args.crs, nuts3_points=nuts3_points(layers) if layers is not None else None,
        nuts_names=nuts3_names(layers) if layers is not None else None,
        include_outside=args.include_outside,
        # Only where a person watches: scripts and --json read a clean standard error.
        progress=_progress_bar(path.name, unit=" rows") if sys.stderr.isatty() else None)
    for target, export in ((args.rejected_csv, result.rejected_csv),
                           (args.outside_csv, result.outside_csv)):
        if target:
            Path(target).write_bytes(export())
    report = result.to_json()
    status = EXIT_OK
    if args.dry_run:
        report["imported"] = 0
    elif result.rejected and not args.partial:
        report["imported"] = 0
        status = EXIT_ERROR
        print(f"error: {len(result.rejected_rows())} of {result.rows} rows were rejected; nothing "
              "was imported (fix them, or pass --partial to import the accepted rows)",
              file=sys.stderr)
    else:
        summary = open_store(settings).upsert_many(result.accepted, source=path.name)
        report.update(imported=len(result.accepted), created=summary.created,
                      updated=summary.updated, unchanged=summary.unchanged)
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
    else:
        from gros.import_report import report_lines

        print("\n".join(report_lines(result, args.lang)))
        print(f"imported: {report['imported']}{' (dry run)' if args.dry_run else ''}")
    return status


def _projects_list(args: argparse.Namespace) -> int:
    from gros.loaders import open_store, project_catalogue

    frame = project_catalogue(open_store(load_settings()), _layers_or_warn())
    listing = [
        {"id": row.id, "title": row.title, "themes": list(row.themes), "status": row.status,
         "geometry_type": row.geometry_type, "precision": row.precision,
         "euregios": list(row.euregios), "border_provinces": list(row.border_provinces),
         "countries": list(row.countries), "source": row.sources[0],
         "sources": list(row.sources)}
        for row in frame.itertuples()
    ]
    if args.json:
        print(json.dumps(listing, ensure_ascii=False))
    else:
        for item in listing:
            print(f"{item['id']:<45} {item['geometry_type']:<5} {','.join(item['themes']):<22} "
                  f"{item['title']}")
    return EXIT_OK


def _agenda_list(args: argparse.Namespace) -> int:
    from gros import agenda, agenda_tables

    listing = agenda_tables.listing(agenda.agenda())
    if args.json:
        print(json.dumps(listing, ensure_ascii=False))
        return EXIT_OK
    for part, rows in listing.items():
        print(f"{part} ({len(rows)})")
        for row in rows:
            kind = row.get("partner") or row.get("kind") or ",".join(row.get("borders", []))
            print(f"  {row['id']:<34} {kind:<12} {row.get('status', ''):<14} "
                  f"{row.get('title') or row.get('name')}")
    return EXIT_OK


def _projects_export(args: argparse.Namespace) -> int:
    from pathlib import Path

    from gros.loaders import open_store, project_catalogue

    frame = project_catalogue(open_store(load_settings()), _layers_or_warn())
    data = exports.export(frame, args.format)
    Path(args.out).write_bytes(data)
    print(f"Wrote {len(frame)} projects to {args.out} ({len(data):,} bytes)")
    return EXIT_OK


def _db_upgrade(args: argparse.Namespace) -> int:
    from gros import database, migrate
    from gros.store import database_url

    engine = database.create_engine(database_url(load_settings()))
    try:
        print(migrate.upgrade(engine).describe())
    finally:
        engine.dispose()
    return EXIT_OK


def _hash_password(args: argparse.Namespace) -> int:
    import getpass

    from gros.auth import hash_password

    password = getpass.getpass("Editor password: ")
    if password != getpass.getpass("Again: "):
        print("error: the two passwords differ", file=sys.stderr)
        return EXIT_ERROR
    if args.name:  # one line of [editors] per editor: the audit trail names them
        print("[editors]")
        print(f'{json.dumps(args.name)} = "{hash_password(password)}"')
    else:
        print("[editor]")
        print(f'password_hash = "{hash_password(password)}"')
    return EXIT_OK


def _serve(args: argparse.Namespace) -> int:
    from gros.cluster import serve

    return serve(args.instances, args.address, args.port)


def _bench(args: argparse.Namespace) -> int:
    # The benchmark is not part of the core: its own command line takes the options.
    from benchmarks.cli import main

    return main(args.arguments)


def _view_from_arguments(args: argparse.Namespace):
    """The view the filter options describe; same names and values as the URL."""
    from gros.view import view_from_query

    params = {name: value for name, value in (
        ("theme", args.theme), ("euregio", args.euregio), ("country", args.country),
        ("status", args.status), ("q", args.q), ("years", args.years), ("lang", args.lang),
        ("basemap", args.basemap), ("layers", args.layers), ("extent", args.extent),
        ("agenda", args.agenda),
    ) if value is not None}
    view, ignored = view_from_query(params)
    if ignored:
        raise ValueError(f"not understood: {', '.join(ignored)}")
    return view


def _export_map(args: argparse.Namespace) -> int:
    from datetime import date
    from pathlib import Path

    from gros import map_export, png
    from gros.loaders import load_region_layers, open_store, project_catalogue

    settings = load_settings()
    view = _view_from_arguments(args)
    layers = load_region_layers(settings)
    catalogue = project_catalogue(open_store(settings), layers)
    export = map_export.MapExport(map_export.export_title(view, layers, args.title), view,
                                  date.today())
    page = map_export.standalone_html(layers, catalogue, export)
    out = Path(args.out)
    if args.kind == "map":
        out.write_text(page, encoding="utf-8")
    else:
        try:
            png.render_png(page, out, args.width, args.height)
        except png.ChromiumMissing as exc:
            print(f"error: {exc}", file=sys.stderr)
            return EXIT_ERROR
    print(f"Wrote {out} ({out.stat().st_size:,} bytes)")
    return EXIT_OK


Handler = Callable[[argparse.Namespace], int]
Subcommands = argparse._SubParsersAction  # what add_subparsers returns


def _command(commands: Subcommands, name: str, help_text: str,
             handler: Handler) -> argparse.ArgumentParser:
    """A subcommand ``name`` that runs ``handler``."""
    command = commands.add_parser(name, help=help_text)
    command.set_defaults(handler=handler)
    return command


def _json_flag(command: argparse.ArgumentParser, help_text: str = "print one JSON object"
               ) -> None:
    """A ``--json`` switch on ``command``: print JSON instead of text."""
    command.add_argument("--json", action="store_true", help=help_text)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m gros",
                                     description="GROS dashboard command line")
    commands = parser.add_subparsers(dest="command", required=True)

    geodata = commands.add_parser("geodata", help="official boundaries and region layers")
    geodata_commands = geodata.add_subparsers(dest="action", required=True)
    fetch = _command(geodata_commands, "fetch",
                     "download and cache the NUTS boundaries and the municipalities",
                     _geodata_fetch)
    fetch.add_argument("--force", action="store_true", help="download even when cached")
    _json_flag(_command(geodata_commands, "info", "describe the region layers", _geodata_info))
    lookup = _command(geodata_commands, "lookup",
                      "the municipality, Euregios and border province at a point", _geodata_lookup)
    lookup.add_argument("--lat", type=float, required=True, help="latitude, WGS84 degrees")
    lookup.add_argument("--lon", type=float, required=True, help="longitude, WGS84 degrees")
    _json_flag(lookup)

    stats = commands.add_parser("stats", help="regional statistics from Eurostat")
    stats_commands = stats.add_subparsers(dest="action", required=True)
    stats_fetch = _command(stats_commands, "fetch", "download and cache the Eurostat datasets",
                           lambda args: stat_commands.fetch(args, _progress_bar))
    stats_fetch.add_argument("--force", action="store_true", help="download even when cached")
    for name, handler, argument, text in (
            ("region", stat_commands.region, "code", "a NUTS-3 code of NUTS 2024, e.g. NL423"),
            ("euregio", stat_commands.euregio, "id", f"one of {', '.join(EUREGIO_IDS)}")):
        sub = _command(stats_commands, name, f"the latest figures of a {name}", handler)
        sub.add_argument(argument, help=text)
        sub.add_argument("--lang", choices=LANGUAGES, default="en",
                         help="language of the text (default en)")
        _json_flag(sub)

    projects = commands.add_parser("projects", help="cross-border projects")
    project_commands = projects.add_subparsers(dest="action", required=True)
    do_import = _command(project_commands, "import", "import projects from a file",
                         _projects_import)
    do_import.add_argument("file", help="CSV, XLSX, GeoJSON or keep.eu export")
    do_import.add_argument("--format", choices=importers.FORMATS,
                           help="the file's format (default: from its name and content)")
    do_import.add_argument("--crs", help="coordinate system of x/y or lat/lon columns, "
                                         "e.g. EPSG:28992 (default: detect)")
    do_import.add_argument("--dry-run", action="store_true", help="check only, store nothing")
    do_import.add_argument("--partial", action="store_true",
                           help="import the accepted rows even when some are rejected")
    do_import.add_argument("--include-outside", action="store_true",
                           help="import keep.eu projects outside the area (no partner in NL, "
                                "BE or DE) too, where they can be placed")
    do_import.add_argument("--rejected-csv", metavar="FILE",
                           help="write the rejected rows, with their values, to FILE")
    do_import.add_argument("--outside-csv", metavar="FILE",
                           help="write the rows outside the area, with their values, to FILE")
    do_import.add_argument("--lang", choices=LANGUAGES, default="en",
                           help="language of the report (default en)")
    _json_flag(do_import)
    _json_flag(_command(project_commands, "list", "list the stored projects", _projects_list),
               "print a JSON list")
    export = _command(project_commands, "export", "export the stored projects", _projects_export)
    export.add_argument("--format", required=True, choices=exports.EXPORT_FORMATS)
    export.add_argument("--out", required=True, help="file to write")

    agenda_command = commands.add_parser(
        "agenda", help="the GROS agenda: action lists, border obstacles, cooperation bodies")
    _json_flag(_command(agenda_command.add_subparsers(dest="action", required=True), "list",
                        "list the action items, obstacles and cooperation bodies",
                        _agenda_list))

    db = commands.add_parser("db", help="the project database")
    _command(db.add_subparsers(dest="action", required=True), "upgrade",
             "bring the database's schema up to date (the app does it on start)", _db_upgrade)

    serving = _command(commands, "serve", "run N dashboard instances behind HAProxy, with "
                       "PostgreSQL unless GROS_DATABASE_URL names one (Ctrl-C stops all)",
                       _serve)
    serving.add_argument("--instances", type=int, default=2, help="how many (default 2)")
    serving.add_argument("--address", default="0.0.0.0",  # noqa: S104 - a server for a team
                         help="where the proxy listens (default 0.0.0.0, every interface)")
    serving.add_argument("--port", type=int, default=8501, help="the proxy's port (8501)")

    hashing = _command(commands, "hash-password",
                       "print an editor password hash for .streamlit/secrets.toml",
                       _hash_password)
    hashing.add_argument("--name", help="the editor's name: prints an [editors] line")

    export_command = commands.add_parser(
        "export", help="a map to take to a meeting: standalone HTML or PNG")
    export_kinds = export_command.add_subparsers(dest="kind", required=True)
    for kind, help_text in (("map", "a self-contained HTML map that opens offline"),
                            ("png", "a PNG picture of the map (needs Chromium)")):
        sub = _command(export_kinds, kind, help_text, _export_map)
        sub.add_argument("--out", required=True, help="file to write")
        sub.add_argument("--title", help="title shown on the map (default: from the filters)")
        for name, text in (("theme", "theme ids, comma-separated"),
                           ("euregio", "Euregio ids, comma-separated"),
                           ("country", "NL, BE, DE, comma-separated"),
                           ("status", "planned, ongoing, completed"), ("q", "free text"),
                           ("years", "YYYY-YYYY"), ("lang", "nl, de, fr or en"),
                           ("basemap", "light, osm or none"), ("layers", "layer ids"),
                           ("agenda", "a GROS partner region (NUTS id) whose action list "
                                      "the map shows"),
                           ("extent", "lon_min,lat_min,lon_max,lat_max")):
            sub.add_argument(f"--{name}", help=text)
        if kind == "png":
            sub.add_argument("--width", type=int, default=1600, help="pixels (default 1600)")
            sub.add_argument("--height", type=int, default=900, help="pixels (default 900)")

    # Everything after "bench" goes to python -m benchmarks as it is: no prefix character
    # of its own, so this parser takes none of the options (REMAINDER alone would stop
    # at the first one).
    benchmark = commands.add_parser(
        "bench", help="measure the dashboard against a naive streamlit-folium baseline "
                      "(python -m benchmarks)", prefix_chars="+", add_help=False)
    benchmark.add_argument("arguments", nargs=argparse.REMAINDER)
    benchmark.set_defaults(handler=_bench)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except (SettingError, gisco.GiscoError, CuratedDataError, UnknownNutsCodes, SchemaError,
            ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_ERROR

"""Benchmark: build time, memory, output and search at N products, against stock MkDocs.

For every N it generates a realistic site (benchmarks/generate.py) and builds it five
ways, each in a fresh process (benchmarks/build_once.py):

- ``ours``: our full configuration and hooks, Dutch and English, as ``mkdocs build`` runs
  it (the English pass in a second process: hooks/parallel_languages.py);
- ``ours_sequential``: the same in one process (``SAMEN_SEQUENTIAL_BUILD=1``), where the
  time spent in our hooks can be measured: their share is of this build's time;
- ``stock``: the same content and configuration without our hooks, Dutch and English;
- ``stock_nl``: without our hooks, Dutch only (the issue's yardstick);
- ``stock_nl_pair``: the same while a second such build runs beside it, on the other core.
  ``ours`` runs its two language passes at once, and on this machine two builds at once each
  take longer than one alone (a process that only spins on the other core costs nothing;
  another build does): ``stock_nl_pair`` against ``stock_nl`` shows what that alone costs.

What our hooks add is shown two ways: the share of the one-process build spent in their
event handlers (timed around each handler), and that build's time against ``stock``. The
second also counts what the handlers cause elsewhere (bigger pages to render and index, the
search sections we collect inside Material's plugin, files to write) and what they save.

The builds run in rounds (``--repeat`` of them, two by default): each round builds every
variant once, in an order rotated from round to round so that no variant always comes first.
This machine drifts over minutes by far more than the variants differ (the same build took
13.7 s and 26.8 s on one day), so each ratio is taken within one round, from builds close
together in time, and the table shows the median of the rounds' ratios (the JSON also their
minimum and maximum, and every round's times). The wall times in the table are each
variant's best. Before each build the disk is synced and left alone for two seconds.

It reports the best wall time per variant, CPU time (user and system, the forked English pass
included: above the wall time where the second core was used), peak memory (of the largest
process), output size, pages, the search index bytes a visitor downloads per language, and
our hooks' share of the time. With
``--search`` it measures, in Debian's Chromium, the time from the first keystroke to the
first result and the bytes downloaded for search (ours against Material's stock search);
with ``--serve`` the time until an edited product page shows in ``make serve`` (both
languages), ``make serve-fast`` (Dutch) and plain ``mkdocs serve`` (both languages). Results:
a table on stdout and JSON in benchmarks/results/.

With ``--instructions`` it also counts, under valgrind, the instructions the one-process build
and stock's bilingual build execute (cachegrind without its cache simulation, about 17 times
slower than a build; ``PYTHONHASHSEED=0``). Unlike the times, the count does not drift with
the machine: the same build gave the same count to within 0.03 %, stock's to within 1 in 10
million. It counts user-space work only, so what the kernel does for the files a build
creates is left out, and it says nothing of waiting or of the second core: it decides how
much CPU work our hooks add, the wall times the rest.

    make benchmark                      # N = 100 1000 3000, search and serve at 1000,
                                        # instructions at 100 and 1000
    .venv/bin/python benchmarks/run.py --repeat 3     # three rounds: a true median
    .venv/bin/python benchmarks/run.py --products 100 --search 100 --serve 100
    .venv/bin/python benchmarks/run.py --products 1000 --instructions 1000 --search --serve
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from generate import generate

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
PYTHON = sys.executable
VARIANTS = {
    "ours": [],
    "ours_sequential": ["--sequential"],
    "stock": ["--without-hooks"],
    "stock_nl": ["--without-hooks", "--only", "nl"],
    "stock_nl_pair": ["--without-hooks", "--only", "nl"],
}
# Built while a second, identical build runs beside it (into a folder of its own).
PAIRED_VARIANTS = {"stock_nl_pair"}
# The ratios taken within each round: name -> (numerator, denominator).
RATIOS = {
    "ours/stock_nl": ("ours", "stock_nl"),
    "ours_sequential/stock": ("ours_sequential", "stock"),
    "ours/stock": ("ours", "stock"),
    "stock_nl_pair/stock_nl": ("stock_nl_pair", "stock_nl"),
}


def _size(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())


def _search_bytes(site: Path) -> dict[str, int]:
    """Bytes of search index a visitor of each language downloads."""
    folder = site / "search"
    per_language = {lang: folder / f"search_index.{lang}.json" for lang in ("nl", "en")}
    if all(path.exists() for path in per_language.values()):
        stub = (folder / "search_index.json").stat().st_size
        return {lang: path.stat().st_size + stub for lang, path in per_language.items()}
    combined = (folder / "search_index.json").stat().st_size
    return {"nl": combined, "en": combined}  # Material: both languages for everyone


def _site(project: Path, variant: str) -> Path:
    return project / f"site-{variant}"


def _build_command(project: Path, site: Path, variant: str) -> list[str]:
    """The command that builds ``variant`` of ``project`` into ``site`` (build_once.py)."""
    return [PYTHON, str(HERE / "build_once.py"), str(project), str(site), *VARIANTS[variant]]


def build_once(project: Path, variant: str) -> dict:
    """Build one variant once in a fresh process, into its own site folder (replaced)."""
    site = _site(project, variant)
    shutil.rmtree(site, ignore_errors=True)
    # Let the disk finish writing and discarding what earlier builds left (this machine's
    # disk is mounted with `discard`), so that it does not slow down this build instead.
    os.sync()
    time.sleep(2)
    command = _build_command(project, site, variant)
    if variant not in PAIRED_VARIANTS:
        return _last_json_line(command, f"{variant} build")
    twin_site = site.with_name(site.name + "-twin")
    shutil.rmtree(twin_site, ignore_errors=True)
    twin_command = _build_command(project, twin_site, variant)
    twin = subprocess.Popen(twin_command, cwd=REPO, stdout=subprocess.DEVNULL)
    try:
        return _last_json_line(command, f"{variant} build")
    finally:
        if twin.wait() != 0:
            raise SystemExit(f"{variant}: the build beside it failed")
        shutil.rmtree(twin_site, ignore_errors=True)


def _last_json_line(command: list[str], what: str) -> dict:
    """Run ``command`` from the repository; what it prints last, as JSON."""
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"{what} failed:\n{result.stdout[-1000:]}\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def _rotated(names: list[str], by: int) -> list[str]:
    by %= len(names)
    return names[by:] + names[:by]


def build_in_rounds(project: Path, rounds: int) -> tuple[dict[str, list[dict]], list[dict]]:
    """Every variant's builds, and per round its order, times and ratios.

    Ratios come from builds of the same round, close together in time, because the machine
    drifts over minutes; the order rotates so that no variant always runs first (or last).
    """
    builds: dict[str, list[dict]] = {variant: [] for variant in VARIANTS}
    records = []
    for index in range(rounds):
        order = _rotated(list(VARIANTS), index)
        for variant in order:
            builds[variant].append(build_once(project, variant))
            wall = builds[variant][-1]["wall_s"]
            print(f"  round {index + 1}/{rounds} {variant}: {wall} s", file=sys.stderr)
        this_round = {variant: runs[-1] for variant, runs in builds.items()}
        walls = {variant: run["wall_s"] for variant, run in this_round.items()}
        records.append(
            {
                "order": order,
                "wall_s": walls,
                "cpu_s": {variant: run["cpu_s"] for variant, run in this_round.items()},
                "system_s": {variant: run["system_s"] for variant, run in this_round.items()},
                "ratios": {
                    name: round(walls[top] / walls[bottom], 3)
                    for name, (top, bottom) in RATIOS.items()
                },
            }
        )
    return builds, records


# Counted under valgrind: the pair whose wall-time ratio (what our hooks add) the drift hides.
INSTRUCTION_VARIANTS = ("ours_sequential", "stock")
_INSTRUCTIONS = re.compile(r"^==\d+== I\s+refs:\s+([\d,]+)$", re.M)


def count_instructions(project: Path, variant: str) -> int:
    """Instructions one build of ``variant`` executes in user space, as valgrind counts them.

    All in one process (build_once.py --in-process): valgrind counts a forked child apart,
    and that count includes what its parent ran before the fork.
    """
    site = project / f"site-{variant}-instructions"
    command = [
        *("valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"),
        *_build_command(project, site, variant),
        "--in-process",
    ]
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, env=env)
    shutil.rmtree(site, ignore_errors=True)
    if result.returncode != 0:
        raise SystemExit(f"{variant} under valgrind failed:\n{result.stderr[-3000:]}")
    counts = _INSTRUCTIONS.findall(result.stderr)
    if len(counts) != 1:
        raise SystemExit(f"{variant}: {len(counts)} processes counted under valgrind, not one")
    return int(counts[0].replace(",", ""))


def summarise_variant(project: Path, variant: str, runs: list[dict]) -> dict:
    """The fastest build's figures, all wall times, and what the last build wrote."""
    best = dict(min(runs, key=lambda run: run["wall_s"]))
    best["wall_s_all"] = [run["wall_s"] for run in runs]
    site = _site(project, variant)  # the last round's output: each build replaces it
    best["output_mb"] = round(_size(site) / 2**20, 1)
    best["pages"] = sum(1 for _ in site.rglob("*.html"))
    best["search_index_bytes"] = _search_bytes(site)
    best["site"] = str(site)
    return best


def summarise_ratios(records: list[dict]) -> dict[str, dict[str, float]]:
    """Median, minimum and maximum over the rounds of each ratio."""
    summary = {}
    for name in RATIOS:
        values = [record["ratios"][name] for record in records]
        summary[name] = {
            "median": round(statistics.median(values), 3),
            "min": min(values),
            "max": max(values),
        }
    return summary


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return None


def edit_to_visible(project: Path, only_dutch: bool, stock: bool = False) -> dict[str, float]:
    """Seconds from saving an edited product page until the preview serves the change: the
    Dutch page (``nl``) and, with both languages, then the English one (``en``).

    What ``make serve`` (both languages) and ``make serve-fast`` (``SAMEN_ONLY_LANGUAGE=nl``)
    run: ``samen.preview``; with ``stock=True`` plain ``mkdocs serve``, for comparison. Each
    edit waits for the one before it to be built completely, as an editor reading the page
    would.
    """
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    address = ["-a", f"127.0.0.1:{port}"]
    if only_dutch:
        env["SAMEN_ONLY_LANGUAGE"] = "nl"
    if stock:
        # With --no-livereload MkDocs would not watch the files at all.
        command = [PYTHON, "-m", "mkdocs", "serve", *address]
    else:
        command = [PYTHON, "-m", "samen.preview", *address]
    pages = {"nl": ("producten/bench-00001/", "docs/producten/bench-00001.md")}
    if not only_dutch:
        pages["en"] = ("en/producten/bench-00001/", "docs/producten/bench-00001.en.md")
    base = f"http://127.0.0.1:{port}/"
    with tempfile.TemporaryFile() as log:
        server = subprocess.Popen(
            command, cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT
        )
        try:
            deadline = time.monotonic() + 900
            while _get(base + pages["nl"][0]) is None:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit(f"{command} did not start")
                time.sleep(0.5)
            seconds = {}
            for lang, (url, path) in pages.items():
                _wait_until_built(log, stock)
                source = project / path
                marker = f"bewerkt{time.time_ns()}"
                started = time.monotonic()
                source.write_text(source.read_text(encoding="utf-8") + f"\n{marker}\n", "utf-8")
                while marker not in (_get(base + url) or ""):
                    if time.monotonic() - started > 180:
                        raise SystemExit(f"the edit of {path} never appeared")
                    time.sleep(0.1)
                seconds[lang] = round(time.monotonic() - started, 2)
            return seconds
        finally:
            server.terminate()
            server.wait(timeout=30)


def _wait_until_built(log, stock: bool) -> None:
    """Until no build runs: the last full build has said it is done."""
    done = b"Documentation built in" if stock else b"Volledige bouw klaar"
    started = b"Detected file changes"
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        log.seek(0)
        text = log.read()
        if text.rfind(done) > text.rfind(started):
            return
        time.sleep(0.2)
    raise SystemExit("the build after an edit did not finish")


def search_latency(site: Path) -> dict:
    command = ["node", str(HERE / "search_latency.mjs"), "--site", str(site)]
    return _last_json_line(command, "search_latency.mjs")


def _table(results: list[dict]) -> str:
    head = (
        "| products | ours nl+en | ours, one process | stock nl+en | stock nl "
        "| ours / stock nl | ours / stock nl+en | hooks share (one process) "
        "| one process / stock nl+en | stock nl, two at once / alone "
        "| CPU s ours / stock nl | peak MB | output MB | pages "
        "| index bytes nl / en (stock: both) |"
    )
    lines = [head, "|" + "---|" * 15]
    for r in results:
        ours, seq, stock, stock_nl = (
            r[v] for v in ("ours", "ours_sequential", "stock", "stock_nl")
        )
        ratio = {name: r["ratios"][name]["median"] for name in RATIOS}
        lines.append(
            f"| {r['products']} | {ours['wall_s']:.1f} s | {seq['wall_s']:.1f} s "
            f"| {stock['wall_s']:.1f} s | {stock_nl['wall_s']:.1f} s "
            f"| {ratio['ours/stock_nl']:.2f} | {ratio['ours/stock']:.2f} "
            f"| {seq['hooks_s'] / seq['wall_s']:.0%} | {ratio['ours_sequential/stock']:.2f} "
            f"| {ratio['stock_nl_pair/stock_nl']:.2f} "
            f"| {ours['cpu_s']:.1f} / {stock_nl['cpu_s']:.1f} "
            f"| {ours['peak_rss_mb']:.0f} "
            f"| {ours['output_mb']} | {ours['pages']} "
            f"| {ours['search_index_bytes']['nl']:,} / {ours['search_index_bytes']['en']:,} "
            f"({stock['search_index_bytes']['nl']:,}) |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark the SAMEN build at N products.")
    parser.add_argument("--products", type=int, nargs="+", default=[100, 1000, 3000])
    parser.add_argument("--search", type=int, nargs="*", default=[1000], help="N to time search at")
    parser.add_argument("--serve", type=int, nargs="*", default=[1000], help="N to time edits at")
    parser.add_argument(
        "--repeat",
        type=int,
        default=2,
        help="builds per variant: rounds, each building every variant once (best time and "
        "median ratio count)",
    )
    parser.add_argument(
        "--instructions",
        type=int,
        nargs="*",
        help="N to count instructions at, under valgrind (about 1 minute at 100 products, "
        "6 at 1000); by default 100 and 1000 where built, none with a bare --instructions",
    )
    parser.add_argument("--keep", action="store_true", help="keep the generated projects")
    parser.add_argument(
        "--out", type=Path, default=HERE / "results", help="a folder, or a .json file to write"
    )
    args = parser.parse_args()
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if args.instructions is None:
        args.instructions = [n for n in (100, 1000) if n in args.products]
    for n in sorted(set(args.instructions) - set(args.products)):
        parser.error(f"--instructions {n}: {n} is not among --products")
    if args.instructions and shutil.which("valgrind") is None:
        parser.error("--instructions needs valgrind (Debian: apt-get install valgrind)")
    workdir = Path(tempfile.mkdtemp(prefix="samen-bench-"))
    results = []
    try:
        for n in args.products:
            project = generate(workdir / f"n{n}", n)
            print(f"N={n}: {args.repeat} rounds", file=sys.stderr)
            builds, rounds = build_in_rounds(project, args.repeat)
            entry: dict = {"products": n}
            for variant, runs in builds.items():
                entry[variant] = summarise_variant(project, variant, runs)
            entry["rounds"] = rounds
            entry["ratios"] = summarise_ratios(rounds)
            if n in args.instructions:
                print(f"N={n}: counting instructions", file=sys.stderr)
                counts = {v: count_instructions(project, v) for v in INSTRUCTION_VARIANTS}
                entry["instructions"] = {
                    **counts,
                    "ratio": round(counts["ours_sequential"] / counts["stock"], 4),
                }
            if n in args.search:
                entry["search"] = {
                    "ours": search_latency(Path(entry["ours"]["site"])),
                    "stock": search_latency(Path(entry["stock"]["site"])),
                }
            if n in args.serve:
                entry["edit_visible_s"] = {
                    "serve": edit_to_visible(project, only_dutch=False),
                    "serve_fast": edit_to_visible(project, only_dutch=True),
                    "mkdocs_serve": edit_to_visible(project, only_dutch=False, stock=True),
                }
            results.append(entry)
            if not args.keep:
                for variant in VARIANTS:
                    shutil.rmtree(entry[variant]["site"], ignore_errors=True)
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    report = {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "command": " ".join([Path(sys.argv[0]).name, *sys.argv[1:]]),
        "machine": {"cpus": os.cpu_count(), "load_average": os.getloadavg()},
        "results": results,
    }
    out = args.out
    if out.suffix != ".json":  # a folder: one file per day
        out = out / f"benchmark-{dt.date.today().isoformat()}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(_table(results))
    for r in results:
        if "instructions" in r:
            counts = r["instructions"]
            print(
                f"instructions at {r['products']}: one process {counts['ours_sequential']:,}, "
                f"stock nl+en {counts['stock']:,}, ratio {counts['ratio']:.4f}"
            )
        if "search" in r:
            print(f"search at {r['products']}: {json.dumps(r['search'])}")
        if "edit_visible_s" in r:
            print(f"edit visible at {r['products']}: {json.dumps(r['edit_visible_s'])}")
    print(f"JSON: {out}")


if __name__ == "__main__":
    main()

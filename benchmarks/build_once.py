"""Build one project once, in this process, and print what it cost as JSON.

Run by benchmarks/run.py in a fresh subprocess per build, so that peak memory
(``ru_maxrss``) belongs to that build alone. Our hooks' share of the time is measured by
wrapping every event handler that lives under ``hooks/`` with a timer (a profiler would
slow the build down and distort the share). That time is complete only with
``--sequential``: in the parallel build, the English pass's hooks run in another process.
CPU time (user and system) counts this process and its children, so the forked English pass
too: where it is larger than the wall time, the build used the second core.

    python benchmarks/build_once.py <project> <site_dir> [--without-hooks] [--only nl]
        [--sequential] [--in-process]

``--in-process`` keeps all work in this process, for counting instructions under valgrind
(benchmarks/run.py ``--instructions``): valgrind counts a forked child apart, and that
count includes everything its parent ran before the fork. With ``--sequential`` the only
fork left is samen.background's, for the citation files; it writes them in a thread where
another thread runs, so an idle thread is started first.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import resource
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _is_our_hook(handler) -> bool:
    code = getattr(handler, "__code__", None)
    return code is not None and Path(code.co_filename).resolve().parent == REPO / "hooks"


def _timed(handler, totals: dict[str, float]):
    name = Path(handler.__code__.co_filename).name

    @functools.wraps(handler)
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return handler(*args, **kwargs)
        finally:
            totals[name] = totals.get(name, 0.0) + time.perf_counter() - start

    return wrapper


def _cpu_seconds() -> tuple[float, float]:
    """User and system time of this process and of its children that have been waited for."""
    usages = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    return sum(u.ru_utime for u in usages), sum(u.ru_stime for u in usages)


def build_once(project: Path, site_dir: Path, with_hooks: bool) -> dict:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    overrides: dict = {"site_dir": str(site_dir), "strict": True}
    if not with_hooks:
        overrides["hooks"] = []
    start = time.perf_counter()
    cpu_start = _cpu_seconds()  # not the imports above, which the wall time leaves out too
    config = load_config(config_file=str(project / "mkdocs.yml"), **overrides)
    totals: dict[str, float] = {}
    for event, handlers in config.plugins.events.items():
        config.plugins.events[event] = [
            _timed(h, totals) if _is_our_hook(h) else h for h in handlers
        ]
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    wall = time.perf_counter() - start
    user, system = (after - before for after, before in zip(_cpu_seconds(), cpu_start, strict=True))
    return {
        "wall_s": round(wall, 3),
        "cpu_s": round(user + system, 3),
        # System time is mostly the kernel creating files, which varies with the disk's state.
        "user_s": round(user, 3),
        "system_s": round(system, 3),
        # The larger of this process and the English pass's process, where there is one.
        "peak_rss_mb": round(
            max(
                resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
            )
            / 1024,
            1,
        ),
        "hooks_s": round(sum(totals.values()), 3),
        "hooks_by_file_s": {k: round(v, 3) for k, v in sorted(totals.items())},
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("project", type=Path)
    parser.add_argument("site_dir", type=Path)
    parser.add_argument("--without-hooks", action="store_true")
    parser.add_argument("--only", choices=["nl", "en"])
    parser.add_argument("--sequential", action="store_true", help="both languages in one process")
    parser.add_argument(
        "--in-process", action="store_true", help="no forked process (for valgrind's count)"
    )
    args = parser.parse_args()
    if args.in_process:
        threading.Thread(target=threading.Event().wait, daemon=True).start()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    if args.only:
        os.environ["SAMEN_ONLY_LANGUAGE"] = args.only
    if args.sequential:
        os.environ["SAMEN_SEQUENTIAL_BUILD"] = "1"
    os.chdir(args.project)
    result = build_once(args.project, args.site_dir, not args.without_hooks)
    print(json.dumps(result))


if __name__ == "__main__":
    main()

"""``python -m samen.preview``: the editors' preview, quick after saving a page.

``mkdocs serve`` rebuilds the whole site after every change, in one process: at 1000
products an edited product page showed after 7 s (Dutch only) to 18 s (both languages).
``--dirty`` does not help here: it logs a warning on every build, which ``strict: true``
turns into an abort, it leaves unread pages without titles, and our search index would hold
only the pages it re-rendered.

This preview builds the whole site once, keeps what that build made (config, files, nav,
Jinja environment) and serves it with MkDocs' own ``LiveReloadServer``. Then:

- When only existing pages of the site changed, it reloads and validates the content data,
  renders just those pages through MkDocs' own page pipeline (every plugin and hook event
  of a page runs), plus, when a front matter changed, the pages that list products and the
  same page in the other language (its summary box shows the Dutch front matter), and lets
  the browsers reload. A full build then runs in a second process, into a folder of its
  own, so the served site stays whole and answers at once meanwhile (MkDocs' server holds
  back every request while a build runs in the server's process); when it is done, the
  server switches to it and the browsers reload again. Saving once more while it runs
  stops it and starts it again after the quick update.
- Anything else (a new, deleted or renamed file, ``data/``, ``overrides/``,
  ``mkdocs.yml``) gets a full build in this process, as under ``mkdocs serve``; it is the
  build whose state the quick updates use.
- A problem is reported, and the site built last stays served (MkDocs' server would hold
  every request back until a build succeeds).

Both languages: mkdocs-static-i18n builds the second language inside the first one's
build, on the same config object, so at the end that object is set up for English. The
files, nav and Jinja environment of each pass are kept apart (``_Capture``), and before a
page is rendered again the config is set up for its language the way the plugin does it
at the start of a pass (``_use_language``).

    SAMEN_ONLY_LANGUAGE=nl python -m samen.preview -a 127.0.0.1:8000   # make serve-fast
    python -m samen.preview -a 127.0.0.1:8000                          # make serve

(Only Dutch or both: mkdocs-static-i18n puts the one language it builds at ``/``, and the
site's own links put English under ``/en/``, so an English-only site is not a faithful
preview. Both languages cost a longer first build, since this process builds them one
after the other.)
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import watchdog.events
from jinja2 import Environment

# Pinned to MkDocs 1.6.1 (requirements.txt): ``_populate_page``, ``_build_page`` and the
# server's epoch fields are private, and stable within this version. They are what a full
# build runs for each page, so a quick update renders a page exactly as a full build does.
from mkdocs.commands.build import _build_page, _populate_page, build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.livereload import LiveReloadServer, _serve_url, _timestamp
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from samen import build_cache
from samen.i18n import current_language
from samen.problems import ContentError
from samen.site_data import page_language

log = logging.getLogger("mkdocs.samen.preview")

LISTING_MARK = "<!-- samen:"
# How a catch-up build ends when it is stopped rather than failing: its own exit code after
# Ctrl+C or SIGTERM (main), or killed by either signal.
_STOPPED = {130, -signal.SIGINT, -signal.SIGTERM}


def _log_setup(level: int = logging.INFO) -> None:
    """The terminal output of ``mkdocs serve``: MkDocs' own formatter on the 'mkdocs' logger."""
    from mkdocs.__main__ import ColorFormatter, _enable_warnings

    logger = logging.getLogger("mkdocs")
    logger.setLevel(level)
    logger.propagate = False
    if not logger.handlers:
        stream = logging.StreamHandler()
        stream.setFormatter(ColorFormatter())
        logger.addHandler(stream)
    _enable_warnings()


@dataclass
class _Language:
    """What one language pass of the last full build made, to render its pages again."""

    lang: str
    files: Files
    nav: Navigation
    env: Environment
    doc_files: list[File]

    @classmethod
    def of(cls, lang: str, files: Files, nav: Navigation, env: Environment) -> _Language:
        # The same selection build() renders under `mkdocs serve`.
        doc_files = files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
        return cls(lang, files, nav, env, doc_files)

    def listing_pages(self) -> list[Page]:
        return [f.page for f in self.doc_files if f.page is not None and _is_listing(f.page)]


def _is_listing(page: Page) -> bool:
    """Its Markdown holds a marker that lists products, news or data."""
    return LISTING_MARK in (page.markdown or "")


class _Capture(BasePlugin):
    """Registered into each full build of this process: keeps, per language pass, the files,
    nav and Jinja environment its pages were rendered with (after every other plugin's
    handler)."""

    def __init__(self) -> None:
        super().__init__()
        self.languages: dict[str, _Language] = {}  # in the order they were built
        self._nav: tuple[Files, Navigation] | None = None  # of the pass under way

    @event_priority(-1000)
    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        self._nav = (files, nav)
        return nav

    @event_priority(-1000)
    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        assert self._nav is not None
        lang = current_language(config)
        self.languages[lang] = _Language.of(lang, *self._nav, env)
        return env


@dataclass(frozen=True)
class _PageIn:
    """A page of one language (with a fallback, one source file is a page in both)."""

    language: _Language
    page: Page

    @property
    def source(self) -> str:
        return os.path.normpath(self.page.file.abs_src_path or "")


@dataclass
class _Built:
    """What the last full build in this process made, for rendering single pages again."""

    config: MkDocsConfig
    languages: dict[str, _Language]  # in the order they were built
    pages: dict[str, list[_PageIn]] = field(default_factory=dict)  # source path -> its pages
    by_url: dict[str, list[_PageIn]] = field(default_factory=dict)  # the page in each language
    sources: set[str] = field(default_factory=set)  # every file the build read from docs/
    present: set[str] = field(default_factory=set)  # every file in docs/, also those left out

    @classmethod
    def of(cls, config: MkDocsConfig, capture: _Capture) -> _Built:
        pages: dict[str, list[_PageIn]] = {}
        by_url: dict[str, list[_PageIn]] = {}
        sources: set[str] = set()
        for language in capture.languages.values():
            for f in language.doc_files:
                if f.page is not None and f.abs_src_path:
                    page = _PageIn(language, f.page)
                    pages.setdefault(page.source, []).append(page)
                    by_url.setdefault(page_language(f.src_uri)[1], []).append(page)
            sources |= {os.path.normpath(f.abs_src_path) for f in language.files if f.abs_src_path}
        present = {
            os.path.normpath(os.path.join(folder, name))
            for folder, _, names in os.walk(config.docs_dir)
            for name in names
        }
        return cls(config, capture.languages, pages, by_url, sources, present)

    def same_page_elsewhere(self, page: _PageIn) -> list[_PageIn]:
        """The page in the other languages (of ``x.md``: ``x.en.md``, or its fallback)."""
        _, uri = page_language(page.page.file.src_uri)
        return [other for other in self.by_url.get(uri, []) if other.language is not page.language]

    def move_to(self, site_dir: Path) -> None:
        """The site now lives in ``site_dir`` (a full build in another process made it)."""
        old = self.config.site_dir
        self.config.site_dir = str(site_dir)
        for language in self.languages.values():
            for file in language.files:
                # Where a page is written is `abs_dest_path`, which MkDocs caches and
                # mkdocs-static-i18n sets itself: moved along, not worked out again.
                inside = os.path.relpath(file.abs_dest_path, old)
                file.dest_dir = str(site_dir)
                file.abs_dest_path = os.path.normpath(os.path.join(site_dir, inside))


def _use_language(config: MkDocsConfig, lang: str) -> None:
    """Set the config up for ``lang``, as mkdocs-static-i18n does at the start of its pass
    (theme language, language switcher, the language's own overrides in mkdocs.yml)."""
    plugin = config.plugins.get("i18n")
    if plugin is None or plugin.current_language == lang:
        return
    plugin.current_language = lang
    # Without the lines it logs for each override: a full build has said them already.
    plugin_log = logging.getLogger("mkdocs.plugins.mkdocs_static_i18n")
    level = plugin_log.level
    plugin_log.setLevel(logging.WARNING)
    try:
        plugin.reconfigure_mkdocs_config(config)
    finally:
        plugin_log.setLevel(level)
    # The plugin puts its sitemap template in front of the theme's folders on every call;
    # only the first of equal folders is ever read.
    config.theme.dirs[:] = list(dict.fromkeys(config.theme.dirs))


def _is_scratch(path: str) -> bool:
    """Editors' swap, backup and autosave files (``.x.swp``, ``x~``, Emacs' ``#x#``); MkDocs
    leaves hidden files out of the site anyway."""
    name = os.path.basename(path)
    return (
        name.startswith(".") or name.endswith("~") or (name.startswith("#") and name.endswith("#"))
    )


class _Server(LiveReloadServer):
    """MkDocs' server, which also tells the preview which paths changed."""

    def __init__(self, *args, on_change, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._on_change = on_change

    def watch(self, path: str, func: None = None, *, recursive: bool = True) -> None:
        first = os.path.abspath(path) not in self._watched_paths
        super().watch(path, func, recursive=recursive)
        if first:
            handler = watchdog.events.FileSystemEventHandler()
            handler.on_any_event = self._on_change  # type: ignore[method-assign]
            self.observer.schedule(handler, os.path.abspath(path), recursive=recursive)

    def keep_serving_last_build(self) -> None:
        """After a failed build: answer the requests it held back with the site built last."""
        with self._epoch_cond:
            self._wanted_epoch = self._visible_epoch
            self._epoch_cond.notify_all()

    def reload_browsers(self) -> None:
        """What the build loop does after a build, for a build that ran outside it."""
        with self._epoch_cond:
            if self._wanted_epoch != self._visible_epoch:
                return  # a build is starting; the reload after it shows this too
            self._wanted_epoch = self._visible_epoch = _timestamp()
            self._epoch_cond.notify_all()


class Preview:
    def __init__(self, config_file: str | None, dev_addr: str | None) -> None:
        self.config_file = config_file
        self.dev_addr = dev_addr
        self.folder = Path(tempfile.mkdtemp(prefix="samen_preview_"))
        self.generation = 0
        self.root = self._new_folder()
        self.retired: Path | None = None
        self.built: _Built | None = None
        self.needs_full = True
        self.lock = threading.RLock()  # one build or update at a time, and the switch of folders
        self.changes_lock = threading.Lock()
        self.changes: set[str] = set()
        self.catch_up: subprocess.Popen | None = None
        self.serve_url = ""
        self.server: _Server | None = None

    # -- folders and config ------------------------------------------------------------

    def _new_folder(self) -> Path:
        self.generation += 1
        path = self.folder / f"site-{self.generation}"
        path.mkdir()
        return path

    def _switch_to(self, target: Path) -> None:
        """Serve ``target`` from now on; the folder served before it is kept one switch longer
        (a browser may still be reading from it), the one before that removed."""
        previous, self.root = self.root, target
        if self.server is not None:
            self.server.root = str(target)
        if self.retired is not None and self.retired != target:
            shutil.rmtree(self.retired, ignore_errors=True)
        self.retired = previous if previous != target else None

    def get_config(self, site_dir: Path) -> MkDocsConfig:
        kwargs = {"dev_addr": self.dev_addr} if self.dev_addr else {}
        config = load_config(config_file=self.config_file, site_dir=str(site_dir), **kwargs)
        if self.serve_url:
            config.site_url = self.serve_url
        return config

    def _relative(self, path: str) -> str:
        assert self.built is not None
        docs = self.built.config.docs_dir
        try:
            return Path(path).relative_to(docs).as_posix()
        except ValueError:
            return os.path.relpath(path)

    # -- watching ----------------------------------------------------------------------

    def on_change(self, event: watchdog.events.FileSystemEvent) -> None:
        if event.is_directory:
            return
        with self.changes_lock:
            self.changes.add(os.path.normpath(event.src_path))
            dest = getattr(event, "dest_path", "")
            if dest:
                self.changes.add(os.path.normpath(dest))

    def _take_changes(self) -> set[str]:
        with self.changes_lock:
            changes, self.changes = self.changes, set()
        return changes

    def _quick_pages(self, changes: set[str]) -> tuple[list[_PageIn] | None, str]:
        """The pages to render again, or None and why the whole site must be built."""
        assert self.built is not None
        pages: list[_PageIn] = []
        for path in sorted(changes):
            if _is_scratch(path):
                continue
            exists = os.path.exists(path)
            rendered_as = self.built.pages.get(path)
            if rendered_as and os.path.isfile(path):
                pages.extend(rendered_as)
            elif path in self.built.sources:
                what = "gewijzigd (geen pagina)" if exists else "verwijderd"
                return None, f"{what}: {self._relative(path)}"
            elif path in self.built.present:
                # e.g. an English page while only Dutch is built: its data is validated too
                what = "gewijzigd (niet in dit voorbeeld)" if exists else "verwijderd"
                return None, f"{what}: {self._relative(path)}"
            elif not exists:
                continue  # came and went between two looks: an editor's temporary file
            elif path.startswith(os.path.join(os.path.normpath(self.built.config.docs_dir), "")):
                return None, f"nieuw bestand: {self._relative(path)}"
            else:
                return None, f"gewijzigd: {self._relative(path)}"
        return pages, ""

    # -- the builder the server calls --------------------------------------------------

    def builder(self, config: MkDocsConfig | None = None) -> None:
        with self.lock:
            try:
                self._update(config)
            except Abort:
                if config is not None:
                    raise  # the first build: the preview does not start, as `mkdocs serve`
                # The problem has been reported above. MkDocs' server would hold every request
                # back until a build succeeds; the site built last is served instead.
                if self.server is not None:
                    self.server.keep_serving_last_build()
                log.error(
                    "Niet bijgewerkt: het voorbeeld toont de vorige versie. Herstel de fout en "
                    "bewaar opnieuw."
                )

    def _update(self, config: MkDocsConfig | None) -> None:
        changes = self._take_changes()
        if config is not None or self.needs_full or self.built is None:
            self._stop_catch_up()
            again = config is None and self.built is not None
            self._full(config, "na een fout" if again else "")
            return
        pages, reason = self._quick_pages(changes)
        if pages == []:
            log.info("Geen pagina gewijzigd.")
            return
        self._stop_catch_up()
        if pages is None:
            self._full(None, reason)
            return
        try:
            self._quick(pages)
        except BaseException:
            with self.changes_lock:  # render them again once the error is fixed
                self.changes |= {page.source for page in pages}
            raise
        self._start_catch_up()

    def _full(self, config: MkDocsConfig | None, reason: str = "") -> None:
        if reason:
            log.info(f"Volledige bouw ({reason})")
        target = self._new_folder()
        if config is None:
            config = self.get_config(target)
        else:
            config.site_dir = str(target)
        capture = _Capture()
        config.plugins["samen-preview"] = capture
        start = time.monotonic()
        try:
            build(config, serve_url=self.serve_url or None)
        except BaseException:
            self.needs_full = True  # the state kept is older than the files now
            shutil.rmtree(target, ignore_errors=True)
            raise
        self.built = _Built.of(config, capture)
        self.needs_full = False
        self._switch_to(target)
        log.info(f"Volledige bouw klaar ({time.monotonic() - start:.1f} s).")

    def _quick(self, saved: list[_PageIn]) -> None:
        built = self.built
        assert built is not None
        start = time.monotonic()
        docs_dir = Path(built.config.docs_dir)
        try:
            build_cache.load(docs_dir.parent, docs_dir)
        except ContentError as error:
            # What hooks/load_content.py makes a full build show, and stop with.
            log.error("\n" + error.report())
            raise Abort("Aborted with a BuildError!") from None
        before = {id(p.page): dict(p.page.meta) for p in saved}
        try:
            self._populate(saved)
            changed = [p for p in saved if dict(p.page.meta) != before[id(p.page)]]
            # A new front matter shows in the listings, and in the page's summary box in the
            # other language too (a product's facts are in its Dutch front matter).
            also = self._also_rendered(saved, changed)
            self._populate(also)
            for page in saved + also:
                self._render(page)
        except Exception as error:
            self.needs_full = True
            log.error(f"Bijwerken mislukt: {error}")
            raise Abort("Aborted with an error while updating a page") from None
        names = ", ".join(sorted({self._relative(p.source) for p in saved}))
        listings = sum(1 for p in also if _is_listing(p.page))
        extra = f" en {listings} overzichtspagina's" if listings else ""
        log.info(
            f"Bijgewerkt: {names}{extra} ({time.monotonic() - start:.1f} s); volledige bouw volgt"
        )

    def _also_rendered(self, saved: list[_PageIn], changed: list[_PageIn]) -> list[_PageIn]:
        assert self.built is not None
        if not changed:
            return []
        seen = {id(p.page) for p in saved}
        also: list[_PageIn] = []
        candidates = [other for p in changed for other in self.built.same_page_elsewhere(p)]
        candidates += [
            _PageIn(language, page)
            for language in self.built.languages.values()
            for page in language.listing_pages()
        ]
        for page in candidates:
            if id(page.page) not in seen:
                seen.add(id(page.page))
                also.append(page)
        return also

    def _populate(self, pages: list[_PageIn]) -> None:
        assert self.built is not None
        for page in pages:
            _use_language(self.built.config, page.language.lang)
            _populate_page(page.page, self.built.config, page.language.files)

    def _render(self, page: _PageIn) -> None:
        assert self.built is not None
        language = page.language
        _use_language(self.built.config, language.lang)
        _build_page(
            page.page,
            self.built.config,
            language.doc_files,
            language.nav,
            language.env,
            excluded=page.page.file.inclusion.is_excluded(),
        )

    # -- the full build after a quick update ------------------------------------------

    def _start_catch_up(self) -> None:
        assert self.built is not None
        target = self._new_folder()
        command = [sys.executable, "-m", "samen.preview", "--build-into", str(target)]
        command += ["--site-url", self.serve_url]
        if self.built.config.config_file_path:
            command += ["-f", self.built.config.config_file_path]
        process = subprocess.Popen(command)
        self.catch_up = process
        threading.Thread(
            target=self._finish_catch_up, args=(process, target, time.monotonic()), daemon=True
        ).start()

    def _finish_catch_up(self, process: subprocess.Popen, target: Path, start: float) -> None:
        code = process.wait()
        with self.lock:
            if self.catch_up is not process:  # stopped: a newer change came first
                shutil.rmtree(target, ignore_errors=True)
                return
            self.catch_up = None
            if code in _STOPPED:  # Ctrl+C reached it too: the preview is stopping
                shutil.rmtree(target, ignore_errors=True)
                return
            if code != 0:
                shutil.rmtree(target, ignore_errors=True)
                # What this process keeps is still the site as it was built plus the pages
                # updated since, so the next save can be quick again (and retries this).
                log.error(
                    "De volledige bouw is mislukt (zie de meldingen hierboven); het voorbeeld "
                    "toont de bijgewerkte pagina's. Herstel de fout en bewaar opnieuw."
                )
                return
            assert self.built is not None
            self._switch_to(target)
            self.built.move_to(target)
            if self.server is not None:
                self.server.reload_browsers()
            log.info(f"Volledige bouw klaar ({time.monotonic() - start:.1f} s); browsers herladen")

    def _stop_catch_up(self) -> None:
        process, self.catch_up = self.catch_up, None
        if process is not None and process.poll() is None:
            log.info("Volledige bouw gestopt: er is iets nieuws bewaard.")
            process.terminate()
            process.wait()

    # -- serving -----------------------------------------------------------------------

    def serve(self) -> None:
        config = self.get_config(self.root)
        config.plugins.on_startup(command="serve", dirty=False)
        host, port = config.dev_addr
        mount_path = urlsplit(config.site_url or "/").path
        config.site_url = self.serve_url = _serve_url(host, port, mount_path)
        server = _Server(
            builder=self.builder,
            host=host,
            port=port,
            root=str(self.root),
            mount_path=mount_path,
            on_change=self.on_change,
        )
        self.server = server

        def error_page(code: int) -> bytes | None:
            page = self.root / f"{code}.html"
            return page.read_bytes() if code in (404, 500) and page.is_file() else None

        server.error_handler = error_page
        try:
            self.builder(config)
            server.watch(config.docs_dir)
            if config.config_file_path:
                server.watch(config.config_file_path)
            if config.theme.custom_dir:
                server.watch(config.theme.custom_dir)
            server = config.plugins.on_serve(server, config=config, builder=self.builder)
            for item in config.watch:
                server.watch(item)
            try:
                server.serve()
            except KeyboardInterrupt:
                log.info("Shutting down...")
            finally:
                server.shutdown()
        finally:
            with self.lock:
                self._stop_catch_up()
            config.plugins.on_shutdown()
            shutil.rmtree(self.folder, ignore_errors=True)


def build_into(config_file: str | None, site_dir: str, site_url: str) -> int:
    """The full build after a quick update, in its own process: as the preview builds."""
    config = load_config(config_file=config_file, site_dir=site_dir)
    config.site_url = site_url
    # A build like `mkdocs build`: this process has no server threads, so the English pass
    # may run in a forked process of its own (hooks/parallel_languages.py).
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config, serve_url=site_url)
    except Abort as error:
        print(error.format_message(), file=sys.stderr)
        return 1
    except KeyboardInterrupt:  # Ctrl+C reaches this process too; the preview says it stops
        return 130
    finally:
        config.plugins.on_shutdown()
    return 0


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m samen.preview",
        description="Voorbeeld van de site, snel bijgewerkt na het bewaren van een pagina.",
    )
    parser.add_argument("-f", "--config-file", help="mkdocs.yml (standaard: die in deze map)")
    parser.add_argument("-a", "--dev-addr", help="IP:POORT, standaard 127.0.0.1:8000")
    parser.add_argument("--build-into", help=argparse.SUPPRESS)
    parser.add_argument("--site-url", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    # Stopped by another program (the preview stopping its catch-up build, a test, the
    # benchmark): end as after Ctrl+C, so that what this process started is stopped too (the
    # catch-up build's English pass, hooks/parallel_languages.py; the preview's catch-up
    # build) and the temporary folders are removed.
    signal.signal(signal.SIGTERM, _interrupt)
    if args.build_into:
        try:
            # Warnings and errors only: the preview's own lines say when this starts and ends.
            _log_setup(logging.WARNING)
            return build_into(args.config_file, args.build_into, args.site_url)
        except KeyboardInterrupt:  # stopped while starting up: the preview says it stopped
            return 130
    _log_setup()
    try:
        Preview(args.config_file, args.dev_addr).serve()
    except Abort as error:  # the first build failed, as `mkdocs serve` would
        print(error.format_message(), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""samen.background: work beside the build, in a forked process or else in a thread."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from samen import background
from samen.background import Background, BackgroundWorkFailed


def _record_pid(path: Path):
    return lambda: path.write_text(str(os.getpid()), encoding="utf-8")


def _fail() -> None:
    raise ValueError("kapot")


@pytest.fixture
def only_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    """As while a build runs alone (mkdocs build): no other thread in the process."""
    monkeypatch.setattr(background.threading, "active_count", lambda: 1)


@pytest.fixture
def server_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    """As under a server (the preview, mkdocs serve): other threads run."""
    monkeypatch.setattr(background.threading, "active_count", lambda: 3)


def test_alone_the_work_runs_in_a_process_of_its_own(only_thread: None, tmp_path: Path) -> None:
    out = tmp_path / "pid"
    Background(_record_pid(out), "test").wait()
    assert int(out.read_text(encoding="utf-8")) != os.getpid()


def test_beside_other_threads_the_work_runs_in_a_thread(
    server_threads: None, tmp_path: Path
) -> None:
    out = tmp_path / "pid"
    work = Background(_record_pid(out), "test")
    work.wait()
    assert int(out.read_text(encoding="utf-8")) == os.getpid()
    assert not [t for t in threading.enumerate() if t.name.startswith("test")]  # ended


@pytest.mark.parametrize("mode", ["only_thread", "server_threads"])
def test_a_failure_is_raised_by_wait(
    mode: str, request: pytest.FixtureRequest, capfd: pytest.CaptureFixture[str]
) -> None:
    request.getfixturevalue(mode)
    work = Background(_fail, "test")
    with pytest.raises(BackgroundWorkFailed) as failed:
        work.wait()
    if mode == "only_thread":  # the process printed its traceback
        assert "ValueError: kapot" in capfd.readouterr().err
    else:
        assert isinstance(failed.value.__cause__, ValueError)
    work.wait()  # waited for once: nothing more to raise


def test_abandon_stops_a_process_at_once(only_thread: None) -> None:
    work = Background(lambda: time.sleep(60), "test")
    started = time.monotonic()
    work.abandon()
    assert time.monotonic() - started < 10

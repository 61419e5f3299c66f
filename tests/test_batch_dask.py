"""The same batch on a Dask cluster (``--scheduler``): a LocalCluster of two worker processes on
loopback; outputs, change log and failures must match a local run byte for byte."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleanup.cli import app

from .conftest import fixture_glossary_paths

distributed = pytest.importorskip("distributed")

GLOSSARY = ["--no-default-glossary"] + [arg for p in fixture_glossary_paths() for arg in ("-g", str(p))]
ARTICLE = "By Guan察者网 Liu Bai，open and普惠 trade. Deputy Minion Houston spoke.\n"


@pytest.fixture(scope="module")
def scheduler():  # type: ignore[no-untyped-def]
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    )
    try:
        yield cluster.scheduler_address
    finally:
        cluster.close()


def files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file() and not p.name.startswith(".")}


def test_dask_run_matches_local_run(scheduler: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for i in range(40):
        path = Path("in") / f"d{i % 3}" / f"f{i:02d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(ARTICLE * (1 + i % 5), encoding="utf-8")
    Path("in/notes.md").write_text("`Minion Houston` and Minion Houston\n", encoding="utf-8")
    Path("in/bad.txt").write_bytes(b"binary \x00 data")
    Path("in/c.jsonl").write_text('{"text": "Minion Houston"}\n{bad\n', encoding="utf-8")
    runner = CliRunner()
    local = runner.invoke(app, ["fix", "in", "-o", "local", "--changelog", "local.jsonl", "-q", "-j", "1", *GLOSSARY])
    remote = runner.invoke(app, ["fix", "in", "-o", "remote", "--changelog", "remote.jsonl", "-q", "--scheduler", scheduler, *GLOSSARY])
    assert local.exit_code == remote.exit_code == 2  # the binary file and the bad line
    assert remote.stderr == local.stderr
    assert "in/bad.txt: binary file" in remote.stderr and "in/c.jsonl:2: not valid JSON" in remote.stderr
    assert files(Path("remote")) == files(Path("local")) and len(files(Path("local"))) == 42
    assert Path("remote.jsonl").read_bytes() == Path("local.jsonl").read_bytes()
    checked = runner.invoke(app, ["check", "in", "--format", "json", "-q", "--scheduler", scheduler, *GLOSSARY])
    assert checked.stdout == runner.invoke(app, ["check", "in", "--format", "json", "-q", *GLOSSARY]).stdout


def test_unreachable_scheduler_is_one_line() -> None:
    result = CliRunner().invoke(app, ["check", "-", "--scheduler", "tcp://127.0.0.1:9", *GLOSSARY], input="text")
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("cleanup: error: cannot reach the Dask scheduler at tcp://127.0.0.1:9")

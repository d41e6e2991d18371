from __future__ import annotations

import json
from pathlib import Path

import pytest

from crosscheck.cli import main

FIRST = (
    "Harbor Bridge Reopens\n\n"
    "The city reopened the Harbor Bridge on Monday after eight months of repairs, officials said. "
    "The repairs cost $12 million, according to the transport department."
)
SECOND = (
    "The city reopened the Harbor Bridge on Monday after eight months of repairs, officials said. "
    "The repairs cost $15 million, according to the transport department."
)


@pytest.fixture(autouse=True)
def hashing_encoder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CROSSCHECK_ENCODER", "hashing")


def write(path: Path, content: str) -> Path:
    path.write_text(content, encoding="utf-8")
    return path


def test_ingest_then_check_prints_the_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    article = write(tmp_path / "bridge.txt", FIRST)
    jsonl = write(
        tmp_path / "more.jsonl",
        json.dumps({"id": "wire-1", "source": "Wire", "text": SECOND}) + "\n" + "not json\n",
    )
    code = main(
        [
            "ingest",
            str(article),
            str(jsonl),
            "--source",
            "Daily",
            "--published-at",
            "2026-05-05",
            "--data-dir",
            str(data),
        ]
    )
    out = capsys.readouterr().out
    assert code == 1  # one line of the JSONL was not an article
    assert "corpus: 2 articles" in out

    draft = write(tmp_path / "draft.txt", SECOND)
    assert main(["check", str(draft), "--json", "--data-dir", str(data)]) == 0
    report = json.loads(capsys.readouterr().out)
    cost = next(claim for claim in report["claims"] if "$15 million" in claim["text"])
    assert cost["status"] == "contested"
    verdicts = {match["article_id"]: match["verdict"] for match in cost["matches"]}
    assert verdicts == {"bridge": "diverge", "wire-1": "agree"}

    assert main(["check", str(draft), "--data-dir", str(data)]) == 0
    assert "contested" in capsys.readouterr().out


def test_ingest_reports_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        ["ingest", str(tmp_path / "absent.txt"), "--source", "X", "--data-dir", str(tmp_path / "d")]
    )
    assert code == 1
    assert "not a file" in capsys.readouterr().out


def test_openapi_command_writes_the_spec(tmp_path: Path) -> None:
    target = tmp_path / "spec.yaml"
    assert main(["openapi", "--output", str(target)]) == 0
    assert "openapi: 3.1.0" in target.read_text(encoding="utf-8")


def test_the_evaluation_is_not_a_subcommand_of_the_shipped_cli(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["eval", "--ci"])
    assert exit_info.value.code == 2
    assert "invalid choice: 'eval'" in capsys.readouterr().err

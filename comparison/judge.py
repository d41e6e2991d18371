"""Optional NLI model judge: the probability that one text contradicts another.

The comparator consults it for pairs with no structured fact (number, date, entity...) to
compare. The model is a local cross-encoder directory (never downloaded) whose
``config.json`` names a "contradiction" label in ``id2label``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import torch
from transformers import AutoConfig, AutoModelForSequenceClassification, AutoTokenizer

from comparison.model import NliJudge

__all__ = ["CrossEncoderJudge", "JudgeLoadError", "NliJudge", "load_judge"]

DEFAULT_CONTRADICTION_LABEL = "contradiction"


class JudgeLoadError(Exception):
    """The NLI model directory is missing, unreadable or has no contradiction label."""


class CrossEncoderJudge:
    """An NLI cross-encoder loaded once from a local directory."""

    def __init__(
        self,
        model_path: str | Path,
        contradiction_label: str | None = None,
        device: str = "cpu",
    ) -> None:
        path = _existing_model_dir(model_path)
        config = _load_config(path)
        label = contradiction_label or DEFAULT_CONTRADICTION_LABEL
        self.contradiction_index = find_label_index(config.id2label, label, path)
        self._device = torch.device(device)
        self._tokenizer, self._model = _load_tokenizer_and_model(path, self._device)

    def contradiction_probability(self, premise: str, hypothesis: str) -> float:
        encoded = self._tokenizer(premise, hypothesis, truncation=True, return_tensors="pt")
        encoded = encoded.to(self._device)
        with torch.inference_mode():
            logits = self._model(**encoded).logits[0]
        probabilities = torch.softmax(logits.float(), dim=-1)
        return float(probabilities[self.contradiction_index])


def load_judge(path: str | Path | None) -> NliJudge | None:
    """The judge at ``path``, or ``None`` when no path is configured."""
    if path is None or str(path).strip() == "":
        return None
    return CrossEncoderJudge(path)


def find_label_index(id2label: dict[int, str], label: str, path: Path) -> int:
    """The class index whose name is ``label`` (case-insensitive)."""
    wanted = label.casefold()
    for index, name in id2label.items():
        if str(name).casefold() == wanted:
            return int(index)
    names = ", ".join(str(name) for name in id2label.values())
    raise JudgeLoadError(f"NLI model at {path} has no '{label}' label (labels: {names})")


def _existing_model_dir(model_path: str | Path) -> Path:
    path = Path(model_path)
    if not (path / "config.json").is_file():
        raise JudgeLoadError(f"NLI model directory {path} does not exist or has no config.json")
    return path


def _load_config(path: Path) -> Any:
    try:
        return AutoConfig.from_pretrained(path, local_files_only=True)
    except (OSError, ValueError) as error:
        raise JudgeLoadError(f"cannot read NLI model config at {path}: {error}") from error


def _load_tokenizer_and_model(path: Path, device: torch.device) -> tuple[Any, Any]:
    try:
        tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
        model = AutoModelForSequenceClassification.from_pretrained(path, local_files_only=True)
    except (OSError, ValueError) as error:
        raise JudgeLoadError(f"cannot load NLI model at {path}: {error}") from error
    model.to(device)
    model.eval()
    return tokenizer, model

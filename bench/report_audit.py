"""Audit check reports on BASIL: write the flags to label, or score a labelled file (``-h``)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the evaluation package

from evaluation.audit_cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

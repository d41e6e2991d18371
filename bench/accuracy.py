"""Score the comparison engine on the gold pairs and public sets through the HTTP API (``-h``)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the evaluation package

from evaluation.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

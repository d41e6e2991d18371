"""Score the comparison engine on the gold pairs and public sets (see ``-h``)."""

import sys

from crosscheck.evaluation import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""`python -m numcheck` runs the same CLI as the `numcheck` console script."""

import sys

from numcheck.cli import main

sys.exit(main())

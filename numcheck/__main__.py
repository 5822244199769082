"""`python -m numcheck` runs the same CLI as the `numcheck` console script."""

import sys

try:
    from numcheck.cli import main
except KeyboardInterrupt:  # Ctrl-C while the CLI's modules load: quiet, as in `main`
    sys.exit(130)

sys.exit(main())

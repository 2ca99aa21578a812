"""``python -m mapper.evaluate CORPUS.xml``: the same as ``mapper evaluate``."""

import sys

from mapper.evaluate.cli import main

sys.exit(main())

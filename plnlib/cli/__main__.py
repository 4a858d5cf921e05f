import sys

from plnlib.cli import main

sys.exit(main())

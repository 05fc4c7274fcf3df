import sys

from gros.cli import main

sys.exit(main())

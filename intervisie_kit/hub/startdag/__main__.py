"""``python -m intervisie_kit.hub.startdag``: the startdag service (as ``intervisie-kit hub-startdag``)."""

import sys

from .app import main

sys.exit(main())

"""Allow ``python -m parallax``."""

from parallax.cli import main

raise SystemExit(main())

"""Message catalogues: one module per area, each with ``MESSAGES = {key: (French, English)}``."""

"""Streamlit glue: session state (language, filters), the cached store, loaders, shared widgets.

Pages import from here and from ``analytics``; nothing in ``analytics`` imports this package.
"""

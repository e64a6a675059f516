"""Workload and participation analytics for French towns that involve their residents.

This package never imports Streamlit: the store boundary, the demo town, the importers, the
indicator catalogue and each page's computations live here and are shared by the app and the CLI.
"""

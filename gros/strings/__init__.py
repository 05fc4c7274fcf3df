"""The user-interface strings, one module per part of the dashboard."""

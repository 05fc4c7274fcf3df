"""GROS dashboard core: boundaries, regions, projects and map builders.

This package never imports streamlit; pages in ``pages/`` call into it.
"""

__version__ = "0.1.0"

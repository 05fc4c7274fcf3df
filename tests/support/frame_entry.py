"""The frame as AppTest's entry point, run as a running server runs it.

AppTest starts every run afresh, and with a ``pages/`` folder beside the entry point
Streamlit would take each run for an old-style multipage app and run the chosen page
without the frame (a server does that only until its first navigation, which
``pages._ui.frame`` handles). An entry point elsewhere keeps AppTest on the frame.
"""

import runpy
from pathlib import Path

runpy.run_path(str(Path(__file__).resolve().parents[2] / "dashboard.py"), run_name="__main__")

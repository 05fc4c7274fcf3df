"""The dashboard's pages; ``dashboard.py`` is the frame that lists and runs them."""

from pages._ui.frame import enter_through_frame

enter_through_frame()

"""The map above the fold: a compact head on the map page, and a map as tall as the
window leaves it, on a laptop (1366 × 768), a beamer (1280 × 720) or a big screen.

Streamlit gives a component a height in pixels, fixed when the script runs; the window's
height is known only in the browser. So a small script of ours (no data in it) sets the
map's frame to the height between its top and the window's bottom, again whenever the
window or the page above the map changes size; the map inside follows its frame (see
``FRAME_FILL_CSS`` in :mod:`gros.maps`). Pans and zooms do not rerun anything.
"""

from __future__ import annotations

import json

import streamlit as st

MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
SMALLEST_MAP_PX = 320

# The map page's head in less height: a smaller title, the theme chips on fewer lines.
COMPACT_HEAD_CSS = """
<style>
[data-testid="stMainBlockContainer"] { padding: 3.2rem 2rem 1rem 2rem; }
[data-testid="stMainBlockContainer"] h1 { font-size: 1.7rem; padding: 0 0 0.1rem 0; }
[data-testid="stMainBlockContainer"] [data-testid="stButtonGroup"] button {
  min-height: 1.75rem; padding: 0.05rem 0.6rem; font-size: 0.85rem; }
</style>
"""

# Our own script: it reads only sizes and writes only the map frame's height.
FILL_JS = """
<script>
(function () {
  const doc = window.document;
  const wanted = {selector: %(selector)s, reserve: %(reserve)d, smallest: %(smallest)d};
  doc.grosFill = wanted;  // the latest page's wish; the listeners below read it
  if (doc.grosFillOn) { doc.grosFillNow(); return; }
  doc.grosFillOn = true;
  doc.grosFillNow = function () {
    const want = doc.grosFill;
    doc.querySelectorAll(want.selector).forEach(function (frame) {
      const top = frame.getBoundingClientRect().top + window.scrollY;
      const height = Math.max(want.smallest,
                              Math.floor(window.innerHeight - top - want.reserve));
      if (frame.style.getPropertyValue("height") !== height + "px") {
        frame.style.setProperty("height", height + "px", "important");
      }
    });
  };
  // At most once a frame, however many changes come: Streamlit adds elements one by one.
  let pending = false;
  const later = function () {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(function () { pending = false; doc.grosFillNow(); });
  };
  window.addEventListener("resize", later);
  new ResizeObserver(later).observe(doc.body);
  new MutationObserver(later).observe(doc.body, {childList: true, subtree: true});
  doc.grosFillNow();
})();
</script>
"""


def compact_head() -> None:
    """The map page's title and chips in less height (our CSS, no data)."""
    st.markdown(COMPACT_HEAD_CSS, unsafe_allow_html=True)


def map_fills_window(reserve_px: int = 12) -> None:
    """Make the page's map frame reach down to ``reserve_px`` above the window's bottom."""
    script = FILL_JS % {"selector": json.dumps(MAP_FRAME), "reserve": reserve_px,
                        "smallest": SMALLEST_MAP_PX}
    st.html(script, unsafe_allow_javascript=True)

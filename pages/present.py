"""Presentation mode: the map fills the screen; arrow keys step through the saved views."""

import streamlit as st
from streamlit_folium import st_folium

from gros import i18n, map_export, maps, saved_views
from gros.filters import apply_filter
from gros.gisco import ATTRIBUTION
from gros.store import SavedView
from gros.text import markdown_escape
from gros.view import view_from_query
from pages._ui import cached, layout, live, state, url

SLIDE_KEY = state.PRESENT_SLIDE
# Hides Streamlit's own furniture: the sidebar, header and toolbar (our CSS, no data).
CHROME_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stHeader"], [data-testid="stToolbar"], footer { display: none !important; }
[data-testid="stMainBlockContainer"] { padding: 0.6rem 1.5rem 0 1.5rem; max-width: 100%; }
[data-testid="stMainBlockContainer"] h1 { font-size: 1.9rem; padding: 0; }
[data-testid="stMainBlockContainer"] h3 { font-size: 1.15rem; padding: 0; font-weight: 500; }
[data-testid="stCaptionContainer"] { font-size: 1.05rem; }
</style>
"""
# Arrow keys and Escape press the on-screen buttons, wherever the focus is.
KEYS_JS = """
<script>
const doc = window.document;
if (!doc.grosPresentKeys) {
  doc.grosPresentKeys = true;
  doc.addEventListener("keydown", (event) => {
    const wanted = {ArrowRight: "gros-next", ArrowLeft: "gros-previous",
                    Escape: "gros-exit"}[event.key];
    if (!wanted) return;
    const button = doc.querySelector(`.st-key-${wanted} button`);
    if (button && !button.disabled) { event.preventDefault(); button.click(); }
  });
}
</script>
"""

lang = url.current_language()
live.watch_store()
st.markdown(CHROME_CSS, unsafe_allow_html=True)
# Our own script, no data in it; it runs in the page itself, so no frame is drawn.
st.html(KEYS_JS, unsafe_allow_javascript=True)
layers = cached.region_layers(lang)
store = cached.store()
slides = store.views() or [SavedView(i18n.t("meeting.current", lang),
                                     saved_views.query_for(url.current_view(lang), None))]

if SLIDE_KEY not in st.session_state:
    requested = st.query_params.get("slide", "1")
    st.session_state[SLIDE_KEY] = int(requested) - 1 if requested.isdigit() else 0
index = max(0, min(st.session_state[SLIDE_KEY], len(slides) - 1))


def _go(step: int) -> None:
    st.session_state[SLIDE_KEY] = max(0, min(index + step, len(slides) - 1))


def _leave() -> None:
    st.session_state.pop(SLIDE_KEY, None)
    st.query_params.clear()
    st.query_params["lang"] = lang


slide = slides[index]
view, _ignored = view_from_query({**slide.query, "lang": slide.query.get("lang", lang)})
st.query_params.from_dict({"mode": "present", "slide": str(index + 1), "lang": lang})

top = st.columns([8, 1, 1, 1], vertical_alignment="center")
top[0].title(markdown_escape(slide.name))
top[1].button(":material/arrow_back:", key=state.PRESENT_PREVIOUS, on_click=_go, args=(-1,),
              disabled=index == 0,
              help=i18n.t("present.previous", lang), width="stretch")
top[2].button(":material/arrow_forward:", key=state.PRESENT_NEXT, on_click=_go, args=(1,),
              disabled=index >= len(slides) - 1, help=i18n.t("present.next", lang),
              width="stretch")
top[3].button(":material/close:", key=state.PRESENT_EXIT, on_click=_leave,
              help=i18n.t("present.exit", lang),
              width="stretch")

if layers is not None:
    catalogue = cached.catalogue(layers)
    shown = apply_filter(catalogue, view.filter)
    st.subheader(markdown_escape(
        f"{map_export.describe_filter(view, layers)} · "
        f"{map_export.view_figures(shown, view.language)} · "
        f"{index + 1} / {len(slides)}"))
    region_map = maps.build_region_map(layers, basemap=view.basemap, language=view.language,
                                       visible=view.layers, projects=shown,
                                       agenda_themes=view.filter.themes)
    lon_min, lat_min, lon_max, lat_max = map_export.view_extent(shown, layers, view)
    region_map.fit_bounds([[lat_min, lon_min], [lat_max, lon_max]])
    st_folium(region_map, height=720, use_container_width=True, returned_objects=[],
              key=state.present_map(index))
st.caption(f"{ATTRIBUTION} · {i18n.t('meeting.sources', lang)}")
# The map reaches down to the sources line: the whole screen, whatever its size.
layout.map_fills_window(reserve_px=44)

/* Loaded before Leaflet on maps with projects: Leaflet then places its panes and markers
 * with left/top instead of 3D transforms (its L_DISABLE_3D switch).
 *
 * Each element moved by a 3D transform is a layer of its own for the browser's
 * compositor, and a map at its overview holds hundreds of cluster bubbles: every frame of
 * the page, a click in the sidebar included, spent 15-20 ms arranging them (Chromium's
 * "Layerize", 53 ms of one filter change at 10,000 projects, 5 ms without). What it costs:
 * the map zooms without animation.
 */
window.L_DISABLE_3D = true;

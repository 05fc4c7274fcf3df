/* The project layer of the GROS dashboard.
 *
 * Projects coloured by their main theme: points as canvas circles in a marker
 * cluster, rail links and other lines and areas as vector shapes. Every project of
 * the catalogue is built once; a filter then only chooses which of them are shown,
 * so a filter change downloads and rebuilds nothing.
 *
 * Data (made by gros.maps.project_data): {"colours": [..], "labels": [..],
 *   "points": [[lat, lon, theme, "title", position], ..],
 *   "shapes": [GeoJSON features with properties t (title), k (theme), g (kind),
 *              i (position)], "count": number of projects}.
 * A selection is a base64 bitmap over the positions (bit i of byte i >> 3, least
 * significant bit first), or null for every project. Titles and labels arrive
 * HTML-escaped: they are text, never markup.
 */
(function () {
  "use strict";

  // Above this many shapes, one canvas draws them faster than an SVG element each.
  var SVG_SHAPE_LIMIT = 2000;

  // The newline keeps the title on a line of its own in the tooltip's text, which is
  // what a click reports back to the dashboard (gros.maps.clicked_project).
  function tip(title, label) {
    return "<b>" + title + "</b>\n<br>" + label;
  }

  function decode(selection) {
    var text = atob(selection), bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    return bytes;
  }

  function ProjectLayer(parent, options) {
    this.radius = options.radius || 7;
    this.shapes = L.featureGroup();
    this.cluster = L.markerClusterGroup({maxClusterRadius: 40, showCoverageOnHover: false,
                                         chunkedLoading: true});
    this.layers = null;  // position -> Leaflet layer, once the data is there
    this.wanted = null;  // the selection asked for
    this.shown = undefined;
    // Added empty and at once, so the map's click handlers reach their projects.
    parent.addLayer(this.shapes);
    parent.addLayer(this.cluster);
  }

  ProjectLayer.prototype.setData = function (data) {
    var colours = data.colours, labels = data.labels, layers = new Array(data.count);
    var isPoint = new Uint8Array(data.count);
    var points = new L.Canvas({padding: 0.5});
    for (var i = 0; i < data.points.length; i++) {
      var p = data.points[i];
      var marker = L.circleMarker([p[0], p[1]], {renderer: points, radius: this.radius,
        color: "#ffffff", weight: 1.5, fillColor: colours[p[2]], fillOpacity: 0.95});
      marker.bindTooltip(tip(p[3], labels[p[2]]));
      layers[p[4]] = marker;
      isPoint[p[4]] = 1;
    }
    var renderer = data.shapes.length > SVG_SHAPE_LIMIT ? new L.Canvas({padding: 0.5})
                                                         : undefined;
    L.geoJSON(data.shapes, {
      style: function (f) {
        var line = f.properties.g === "line", colour = colours[f.properties.k];
        return {color: colour, weight: line ? 5 : 2, opacity: 0.95, fillColor: colour,
                fillOpacity: line ? 0 : 0.35, renderer: renderer,
                className: "gros-project gros-project-" + f.properties.g};
      },
      onEachFeature: function (f, layer) {
        var normal = layer.options.weight;
        layer.bindTooltip(tip(f.properties.t, labels[f.properties.k]), {sticky: true});
        layer.on("mouseover", function () { layer.setStyle({weight: normal + 3}); });
        layer.on("mouseout", function () { layer.setStyle({weight: normal}); });
        layers[f.properties.i] = layer;
      }
    });
    this.layers = layers;
    this.isPoint = isPoint;
    this.show(this.wanted);
  };

  // Show the projects of `selection` (see above); before the data has arrived, the
  // selection waits for it.
  ProjectLayer.prototype.show = function (selection) {
    this.wanted = selection;
    if (this.layers === null || selection === this.shown) return;
    this.shown = selection;
    var bits = selection === null ? null : decode(selection);
    var points = [], shapes = [];
    for (var i = 0; i < this.layers.length; i++) {
      if (bits === null || (bits[i >> 3] & (1 << (i & 7)))) {
        var layer = this.layers[i];
        if (layer === undefined) continue;
        (this.isPoint[i] ? points : shapes).push(layer);
      }
    }
    this.cluster.clearLayers();
    this.shapes.clearLayers();
    for (var j = 0; j < shapes.length; j++) this.shapes.addLayer(shapes[j]);
    this.cluster.addLayers(points);
  };

  // How many projects the map holds now: markers inside clusters count one each.
  ProjectLayer.prototype.count = function () {
    var top = this.cluster._topClusterLevel;
    return (top ? top._childCount : 0) + this.cluster._nonPointGroup.getLayers().length
      + this.shapes.getLayers().length;
  };

  ProjectLayer.prototype.fail = function (map, message) {
    var box = L.control({position: "topright"});
    box.onAdd = function () {
      var div = L.DomUtil.create("div", "gros-error");
      div.textContent = message;  // text, never markup
      return div;
    };
    box.addTo(map);
  };

  window.GrosProjects = {
    // The project layer of `map` (made on first use), inside `parent` (default: map).
    layer: function (map, options, parent) {
      if (!map.grosProjects) {
        map.grosProjects = new ProjectLayer(parent || map, options || {});
      }
      return map.grosProjects;
    },
    // Fetch the catalogue's data from `url` once, then show the selection asked for.
    load: function (map, url, options, failure) {
      var layer = this.layer(map, options);
      fetch(url).then(function (response) {
        if (!response.ok) throw new Error(response.status + " " + response.statusText);
        return response.json();
      }).then(function (data) { layer.setData(data); }).catch(function (error) {
        layer.fail(map, failure + " (" + url + ": " + error.message + ")");
      });
      return layer;
    },
    show: function (map, selection) {
      this.layer(map).show(selection);
    }
  };
})();

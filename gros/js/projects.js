/* The project layer of the GROS dashboard.
 *
 * Projects coloured by their main theme: points as canvas circles, in clusters made once
 * for every filter (gros/js/clusters.js); rail links and other lines and areas as SVG
 * shapes, or, when there are thousands, drawn by one canvas of their own
 * (gros/js/shapes.js). Every shape of the catalogue is built once, a point's marker
 * when it is first drawn on its own, a tooltip when it is first wanted; a filter then
 * only chooses which projects are shown, so a filter change downloads and rebuilds
 * nothing, and only what lies in view is drawn.
 *
 * Data (made by gros.maps.PreparedProjects.data): {"colours": [..], "labels": [..],
 *   "points": [[lat, lon, theme, "title", position, ended], ..],
 *   "shapes": [GeoJSON features with properties t (title), k (theme), g (kind),
 *              i (position), e (1: ended), s (1: a schematic line)],
 *   "count": number of projects}.
 * An ended project is drawn pale, and its shape beneath those still running, so a
 * stretch served by an ended and a current service shows the current one. A schematic
 * line (straight from station to station, not the track) is dashed.
 * A selection is a base64 bitmap over the positions (bit i of byte i >> 3, least
 * significant bit first), or null for every project. Titles and labels arrive
 * HTML-escaped: they are text, never markup.
 */
(function () {
  "use strict";

  // Above this many shapes, one canvas draws them faster than an SVG element each.
  var SVG_SHAPE_LIMIT = 2000;
  var CLUSTER_RADIUS = 20;  // pixels
  // Points still together at the map's last zoom level share a place: fan them out.
  var FAN_RADIUS = 18;  // pixels
  var PANE = "grosProjects";
  var ENDED_OPACITY = 0.4, SCHEMATIC_DASH = "10 7";

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

  // A cluster's count, written the way the map's language writes numbers ("1,2K" in
  // Dutch). Making a number format costs about as much as drawing a cluster: one per
  // language and style, made once.
  var formats = {};
  function formatted(count, locale) {
    var compact = count >= 10000, key = (locale || "") + (compact ? "/compact" : "");
    if (!formats[key]) {
      formats[key] = new Intl.NumberFormat(locale || undefined,
        compact ? {notation: "compact", maximumFractionDigits: 1} : {});
    }
    return formats[key].format(count);
  }

  // The look of Leaflet.markercluster's default clusters (MarkerCluster.Default.css):
  // a ring and a disc by size, the count in the middle.
  var BUBBLE_RADIUS = 20, BUBBLE_INNER_RADIUS = 15;
  var BUBBLE_FONT = '12px "Helvetica Neue", Arial, Helvetica, sans-serif';
  var BUBBLE_COLOURS = {
    small: ["rgba(181, 226, 140, 0.6)", "rgba(110, 204, 57, 0.6)"],
    medium: ["rgba(241, 211, 87, 0.6)", "rgba(240, 194, 12, 0.6)"],
    large: ["rgba(253, 156, 115, 0.6)", "rgba(241, 128, 23, 0.6)"]
  };

  // A cluster as a DOM marker with the stylesheet's classes, for a map whose shapes are
  // SVG: those lie above the points' canvas, and would hide a cluster drawn there.
  function bubbleIcon(count, label) {
    return L.divIcon({html: "<div><span>" + label + "</span></div>",
                      className: "marker-cluster marker-cluster-" + bubbleSize(count),
                      iconSize: L.point(2 * BUBBLE_RADIUS, 2 * BUBBLE_RADIUS)});
  }

  function bubbleSize(count) {
    return count < 10 ? "small" : count < 100 ? "medium" : "large";
  }

  // A cluster drawn on the points' canvas, like its single points: a filter or a move
  // then redraws one canvas instead of making, styling and removing a DOM element per
  // cluster. Leaflet's canvas finds it under the pointer (a circle of its radius).
  var Bubble = L.CircleMarker.extend({
    initialize: function (latlng, count, locale, renderer) {
      L.CircleMarker.prototype.initialize.call(this, latlng, {radius: BUBBLE_RADIUS,
        stroke: false, fill: true, renderer: renderer});
      this.count = count;
      this.label = formatted(count, locale);
      this.colours = BUBBLE_COLOURS[bubbleSize(count)];
    },

    _updatePath: function () {
      var renderer = this._renderer;
      if (!renderer._drawing || this._empty()) return;
      var ctx = renderer._ctx, p = this._point;
      ctx.beginPath();
      ctx.arc(p.x, p.y, BUBBLE_RADIUS, 0, 2 * Math.PI);
      ctx.fillStyle = this.colours[0];
      ctx.fill();
      ctx.beginPath();
      ctx.arc(p.x, p.y, BUBBLE_INNER_RADIUS, 0, 2 * Math.PI);
      ctx.fillStyle = this.colours[1];
      ctx.fill();
      ctx.fillStyle = "#000";
      ctx.font = BUBBLE_FONT;
      ctx.textAlign = "center";
      ctx.textBaseline = "middle";
      ctx.fillText(this.label, p.x, p.y);
    }
  });

  function ProjectLayer(map, parent, options) {
    // A pane of their own above the boundaries: without tiles the countries are an
    // opaque background, and a canvas below it would hide every point.
    if (!map.getPane(PANE)) map.createPane(PANE).style.zIndex = 450;
    this.map = map;
    this.radius = options.radius || 7;
    this.locale = options.locale || null;  // a BCP 47 tag such as "nl-NL"
    this.maxZoom = map.getMaxZoom();
    this.shapes = L.featureGroup();
    this.points = L.featureGroup();
    this.layers = null;  // position -> Leaflet layer, once the data is there
    this.wanted = null;  // the selection asked for
    this.shown = undefined;
    this.bits = null;  // the selection shown, decoded
    this.tree = null;
    this.stale = false;  // a selection shown but not drawn yet
    this.pointCount = 0;
    this.shapeCount = 0;
    // Added empty and at once, so the map's click handlers reach their projects.
    parent.addLayer(this.shapes);
    parent.addLayer(this.points);
    this.shapes.on("add", this.endedBeneath, this);
    map.on("moveend", this.draw, this);
  }

  ProjectLayer.prototype.setData = function (data) {
    var colours = data.colours, labels = data.labels, count = data.count;
    // A point's marker is made when it is first drawn on its own (most points are in
    // clusters); until then the clusters need only its place.
    this.colours = colours;
    this.labels = labels;
    this.pointRows = new Array(count);
    var layers = new Array(count), features = new Array(data.points.length);
    for (var i = 0; i < data.points.length; i++) {
      var p = data.points[i];
      this.pointRows[p[4]] = p;
      features[i] = {type: "Feature", properties: {i: p[4]},
                     geometry: {type: "Point", coordinates: [p[1], p[0]]}};
    }
    this.tree = new GrosClusterTree(features, count, {radius: CLUSTER_RADIUS,
      minZoom: this.map.getMinZoom(), maxZoom: this.maxZoom});
    // Many shapes are drawn by one canvas of our own (gros/js/shapes.js), which draws
    // the points too; a few shapes are SVG elements, added and removed.
    this.onCanvas = data.shapes.length > SVG_SHAPE_LIMIT;
    if (this.onCanvas) {
      this.canvas = new GrosShapeCanvas({padding: 0.5, pane: PANE, tip: function (p) {
        return tip(p.t, labels[p.k]);
      }});
      var ids = this.canvas.setShapes(data.shapes, colours);
      this.shapeOf = new Int32Array(count).fill(-1);
      for (var s = 0; s < data.shapes.length; s++) {
        this.shapeOf[data.shapes[s].properties.i] = ids[s];
      }
      this.renderer = this.canvas;
      this.shapes.addLayer(this.canvas);
    } else {
      this.renderer = new L.Canvas({padding: 0.5, pane: PANE});
      this.addSvgShapes(data.shapes, layers);
    }
    // Clusters go on the points' canvas, unless SVG shapes would lie above it there.
    this.bubblesOnCanvas = this.onCanvas || data.shapes.length === 0;
    this.layers = layers;
    this.show(this.wanted);
  };

  ProjectLayer.prototype.addSvgShapes = function (shapes, layers) {
    var renderer = new L.SVG({pane: PANE}), colours = this.colours;
    for (var j = 0; j < shapes.length; j++) {
      var f = shapes[j], look = GrosShapeCanvas.lookOf(f.properties, colours[f.properties.k]);
      // Straight to the shape: no GeoJSON layer group around it, which would be dropped.
      var layer = L.GeoJSON.geometryToLayer(f, {
        color: look.colour, weight: look.weight, opacity: look.opacity,
        fillColor: look.colour, fillOpacity: look.fill, renderer: renderer,
        dashArray: look.dashed ? SCHEMATIC_DASH : null,
        className: "gros-project gros-project-" + f.properties.g
          + (look.ended ? " gros-project-ended" : "")
          + (look.dashed ? " gros-project-schematic" : "")});
      if (layer === null) continue;
      layer.feature = f;
      layer.ended = look.ended;
      // The tooltip is made on the first hover or click, before anyone reads it.
      layer.on("click", this.tooltipOf, this);
      layer.on("mouseover", this.highlight, this);
      layer.on("mouseout", this.unhighlight);
      layers[f.properties.i] = layer;
    }
  };

  ProjectLayer.prototype.tooltipOf = function (event) {
    var layer = event.target, properties = layer.feature.properties;
    if (!layer.getTooltip()) {
      layer.bindTooltip(tip(properties.t, this.labels[properties.k]), {sticky: true});
    }
    return layer;
  };

  ProjectLayer.prototype.highlight = function (event) {
    var layer = event.target;
    if (!layer.getTooltip()) this.tooltipOf(event).openTooltip(event.latlng);
    if (layer.normalWeight === undefined) layer.normalWeight = layer.options.weight;
    layer.setStyle({weight: layer.normalWeight + 3});
  };

  ProjectLayer.prototype.unhighlight = function (event) {
    var layer = event.target;
    if (layer.normalWeight !== undefined) layer.setStyle({weight: layer.normalWeight});
  };

  // The marker of the point at `position`, made on first use.
  ProjectLayer.prototype.marker = function (position) {
    var marker = this.layers[position];
    if (marker === undefined) {
      var p = this.pointRows[position];
      marker = L.circleMarker([p[0], p[1]], {renderer: this.renderer, radius: this.radius,
        color: "#ffffff", weight: 1.5, fillColor: this.colours[p[2]],
        fillOpacity: p[5] ? ENDED_OPACITY : 0.95, opacity: p[5] ? ENDED_OPACITY : 1});
      marker.bindTooltip(tip(p[3], this.labels[p[2]]));
      marker.home = marker.getLatLng();
      this.layers[position] = marker;
    }
    return marker;
  };

  // Show the projects of `selection` (see above); before the data has arrived, the
  // selection waits for it.
  ProjectLayer.prototype.show = function (selection) {
    this.wanted = selection;
    if (this.layers === null || selection === this.shown) return;
    this.shown = selection;
    var bits = selection === null ? null : decode(selection);
    var points = 0, shapes = this.onCanvas ? new Uint8Array(this.canvas.count) : [];
    for (var i = 0; i < this.layers.length; i++) {
      if (bits === null || (bits[i >> 3] & (1 << (i & 7)))) {
        if (this.pointRows[i] !== undefined) points++;
        else if (this.onCanvas) {
          if (this.shapeOf[i] >= 0) shapes[this.shapeOf[i]] = 1;
        } else if (this.layers[i] !== undefined) shapes.push(this.layers[i]);
      }
    }
    this.showShapes(shapes);
    this.bits = bits;
    this.pointCount = points;
    // Drawn at the end of the script that asked (a microtask, before anything else
    // runs): a filter's script fits the map to the filter next, whose move draws the
    // selection once, at its new view, instead of once here and once there.
    this.stale = true;
    var layer = this;
    Promise.resolve().then(function () { if (layer.stale) layer.draw(); });
  };

  // `shapes`: on the canvas, a flag per shape; else the Leaflet layers to show.
  ProjectLayer.prototype.showShapes = function (shapes) {
    if (this.onCanvas) {
      this.canvas.show(shapes);
      this.shapeCount = this.canvas.shownCount;
      return;
    }
    this.shapeCount = shapes.length;
    this.shapes.clearLayers();
    for (var i = 0; i < shapes.length; i++) this.shapes.addLayer(shapes[i]);
    this.endedBeneath();
  };

  // Ended shapes beneath the others. Leaflet draws a group's layers in the order they
  // were made when the group reaches the map, so this runs then too (see the constructor).
  ProjectLayer.prototype.endedBeneath = function () {
    this.shapes.eachLayer(function (layer) {
      if (layer.ended && layer._map) layer.bringToBack();
    });
  };

  // Draw the clusters and points in view at the current zoom.
  ProjectLayer.prototype.draw = function () {
    if (this.tree === null) return;
    this.stale = false;
    var map = this.map, zoom = map.getZoom(), bounds = map.getBounds().pad(0.25);
    var level = this.tree.level(zoom);
    var items = this.tree.visible(level, this.bits, this.shown, [bounds.getWest(),
      bounds.getSouth(), bounds.getEast(), bounds.getNorth()]);
    this.points.clearLayers();
    for (var i = 0; i < items.length; i++) {
      var item = items[i];
      if (item.position !== undefined) {
        var marker = this.marker(item.position);
        marker.setLatLng(marker.home);
        this.points.addLayer(marker);
      } else if (zoom >= this.maxZoom) {
        this.fan(level, item);
      } else {
        this.points.addLayer(this.clusterMarker(level, item));
      }
    }
  };

  // A bubble for a group of `level`; a click zooms in to where its points part.
  ProjectLayer.prototype.clusterMarker = function (level, item) {
    var tree = this.tree, bits = this.bits, map = this.map;
    var latlng = L.latLng(item.lat, item.lon);
    var marker = this.bubblesOnCanvas
      ? new Bubble(latlng, item.count, this.locale, this.renderer)
      : L.marker(latlng, {icon: bubbleIcon(item.count, formatted(item.count, this.locale))});
    marker.on("click", function () {
      map.setView(latlng, Math.min(tree.partingZoom(level, item.group, bits),
                                   map.getMaxZoom()));
    });
    return marker;
  };

  // Points in one place even at the last zoom level: around that place, in a circle.
  ProjectLayer.prototype.fan = function (level, item) {
    var leaves = this.tree.leaves(level, item.group, this.bits);
    var map = this.map, centre = map.latLngToLayerPoint(L.latLng(item.lat, item.lon));
    var radius = Math.max(FAN_RADIUS, leaves.length * (this.radius + 2) / Math.PI);
    for (var i = 0; i < leaves.length; i++) {
      var angle = 2 * Math.PI * i / leaves.length;
      var marker = this.marker(leaves[i]);
      marker.setLatLng(map.layerPointToLatLng(
        centre.add(L.point(Math.cos(angle) * radius, Math.sin(angle) * radius))));
      this.points.addLayer(marker);
    }
  };

  // How many projects the map holds now (the points in its clusters included).
  ProjectLayer.prototype.count = function () {
    return this.pointCount + this.shapeCount;
  };

  ProjectLayer.prototype.fail = function (message) {
    var box = L.control({position: "topright"});
    box.onAdd = function () {
      var div = L.DomUtil.create("div", "gros-error");
      div.textContent = message;  // text, never markup
      return div;
    };
    box.addTo(this.map);
  };

  window.GrosProjects = {
    // The project layer of `map` (made on first use), inside `parent` (default: map).
    layer: function (map, options, parent) {
      if (!map.grosProjects) {
        map.grosProjects = new ProjectLayer(map, parent || map, options || {});
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
        layer.fail(failure + " (" + url + ": " + error.message + ")");
      });
      return layer;
    },
    show: function (map, selection) {
      this.layer(map).show(selection);
    }
  };
})();

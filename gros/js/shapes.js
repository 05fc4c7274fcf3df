/* Many project shapes on one canvas, drawn in batches (gros/js/projects.js uses it when
 * a catalogue holds more lines and areas than SVG draws quickly).
 *
 * Leaflet draws one canvas path per layer: with tens of thousands of lines and areas, a
 * filter change restyles every layer and each redraw strokes every shape on its own.
 * This renderer keeps the shapes as typed arrays in Web Mercator units (0..1), draws the
 * shown ones of each look as one path (one fill and one stroke per look), leaves out what
 * lies outside the view and vertices less than a pixel apart, and finds the shape under
 * the pointer itself. It is also the renderer of the layer's point markers, which it
 * draws above the shapes: one canvas then takes the pointer's events for both.
 *
 * Shapes are GeoJSON features (LineString, MultiLineString, Polygon, MultiPolygon) with
 * the properties of gros.prepared.PreparedProjects.data: t (title), k (theme), g (kind),
 * i (position), e (1: ended), s (1: schematic line).
 */
(function () {
  "use strict";

  var HIT_TOLERANCE = 3;  // pixels around a line's stroke that still count as on it
  var HOVER_EXTRA_WEIGHT = 3;
  var HOVER_EVERY_MS = 32;  // as Leaflet's own canvas: a pointer test per frame or so
  var MIN_STEP = 1;  // pixels: closer vertices are not drawn
  // A view with more shapes than this draws their strokes as hairlines, one pixel of
  // the canvas wide. There the map's lines cover one another whatever their width, and
  // painting a wider stroke costs four times as much: at 100,000 projects (40,081 shapes
  // in view, zoom 7, software rendering) 410-430 ms a frame with 5- and 2-pixel strokes,
  // 85-115 ms with hairlines. On a screen of two pixels per CSS pixel a 1-pixel stroke
  // is two of the screen's, as slow as any wide one (40,000 short lines: 1,700-2,000 ms,
  // against 130-150 ms half as wide). Zoomed in, with fewer shapes in view, strokes have
  // their own width again.
  var DENSE_VIEW_SHAPES = 5000;
  var ENDED_OPACITY = 0.4, ENDED_FILL = 0.15, SCHEMATIC_DASH = [10, 7];

  // Web Mercator units of a longitude and latitude (gros/js/clusters.js).
  var unitX = GrosClusterTree.mercator.x, unitY = GrosClusterTree.mercator.y;

  // The rings or lines of a geometry as arrays of [lon, lat]; null for another type.
  function partsOf(geometry) {
    switch (geometry && geometry.type) {
      case "LineString": return [geometry.coordinates];
      case "MultiLineString": case "Polygon": return geometry.coordinates;
      case "MultiPolygon": return [].concat.apply([], geometry.coordinates);
      default: return null;
    }
  }

  // How a shape is drawn: by its kind, theme colour, and whether it ended or is schematic.
  function lookOf(properties, colour) {
    var line = properties.g === "line", ended = properties.e === 1;
    return {line: line, colour: colour, ended: ended, dashed: properties.s === 1,
            weight: line ? 5 : 2, opacity: ended ? ENDED_OPACITY : 0.95,
            fill: line ? 0 : ended ? ENDED_FILL : 0.35};
  }

  // The squared distance from (px, py) to the segment (ax, ay)-(bx, by).
  function segmentDistance2(px, py, ax, ay, bx, by) {
    var dx = bx - ax, dy = by - ay, length2 = dx * dx + dy * dy, t = 0;
    if (length2 > 0) t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length2));
    var x = ax + t * dx - px, y = ay + t * dy - py;
    return x * x + y * y;
  }

  var ShapeCanvas = L.Canvas.extend({
    // options.tip(properties): the tooltip's HTML for a shape (its text already escaped).
    options: {denseViewShapes: DENSE_VIEW_SHAPES},

    initialize: function (options) {
      L.Canvas.prototype.initialize.call(this, options);
      this.count = 0;
      this.looks = [];
      this.batches = [];  // per look: the shown shapes, in the data's order
      this.shownCount = 0;
      this.hairlines = false;  // the view's strokes drawn as hairlines (DENSE_VIEW_SHAPES)
      this.hovered = -1;
      this._hoverTimer = null;
      this._lastMove = null;
      this._tooltip = null;  // the tooltip of the shape last under the pointer or clicked
    },

    // Keep `features` (see above), coloured by `colours` (theme -> colour); none shown
    // yet. Returns each feature's shape number (for show), -1 where it has no line or area.
    setShapes: function (features, colours) {
      var n = features.length, looks = {}, xy = [], starts = [], firstPart = [0];
      this.properties = new Array(n);
      this.look = new Int32Array(n);
      this.box = new Float64Array(4 * n);
      var kept = 0, ids = new Int32Array(n).fill(-1);
      for (var j = 0; j < n; j++) {
        var f = features[j], parts = partsOf(f.geometry);
        if (parts === null) continue;  // no line or area: nothing to draw
        ids[j] = kept;
        var west = Infinity, south = Infinity, east = -Infinity, north = -Infinity;
        for (var p = 0; p < parts.length; p++) {
          starts.push(xy.length);
          for (var v = 0; v < parts[p].length; v++) {
            var x = unitX(parts[p][v][0]), y = unitY(parts[p][v][1]);
            xy.push(x, y);
            if (x < west) west = x;
            if (x > east) east = x;
            if (y < south) south = y;
            if (y > north) north = y;
          }
        }
        firstPart.push(starts.length);
        var look = lookOf(f.properties, colours[f.properties.k]);
        var key = [look.line, look.colour, look.ended, look.dashed].join("|");
        if (!(key in looks)) looks[key] = this.looks.push(look) - 1;
        this.properties[kept] = f.properties;
        this.look[kept] = looks[key];
        this.box.set([west, south, east, north], 4 * kept);
        kept++;
      }
      starts.push(xy.length);
      this.count = kept;
      this.xy = Float64Array.from(xy);
      this.partStart = Int32Array.from(starts);
      this.firstPart = Int32Array.from(firstPart);
      // Ended services beneath those still running, so that a stretch served by both
      // shows the current one; otherwise in the order the looks first appear.
      this.order = this.looks.map(function (look, index) { return index; });
      var self = this;
      this.order.sort(function (a, b) {
        return (self.looks[b].ended - self.looks[a].ended) || (a - b);
      });
      this.show(new Uint8Array(kept));
      return ids;
    },

    // Show the shapes whose flag in `shown` (one byte per shape, in the order given to
    // setShapes) is set, and draw them.
    show: function (shown) {
      var sizes = new Int32Array(this.looks.length), total = 0, s;
      for (s = 0; s < this.count; s++) if (shown[s]) sizes[this.look[s]]++;
      this.batches = Array.prototype.map.call(sizes, function (size) {
        return new Int32Array(size);
      });
      var filled = new Int32Array(this.looks.length);
      for (s = 0; s < this.count; s++) {
        if (shown[s]) {
          var look = this.look[s];
          this.batches[look][filled[look]++] = s;
          total++;
        }
      }
      this.shownCount = total;
      this.shown = shown;
      if (this.hovered >= 0 && !shown[this.hovered]) this.hoverShape(-1);
      this.redrawAll();
    },

    redrawAll: function () {
      this._fullRedraw = true;
      if (this._map && !this._redrawRequest) {
        this._redrawRequest = L.Util.requestAnimFrame(this._redraw, this);
      }
    },

    _redraw: function () {
      // Drawn now (a move of the map draws at once): a frame asked for earlier would
      // only draw the same again.
      if (this._redrawRequest) L.Util.cancelAnimFrame(this._redrawRequest);
      if (this._fullRedraw) this._redrawBounds = null;
      this._fullRedraw = false;
      L.Canvas.prototype._redraw.call(this);
    },

    // The shapes first, then the markers Leaflet draws on this canvas.
    _draw: function () {
      if (this.count > 0 && this._map) {
        var ctx = this._ctx, bounds = this._redrawBounds || this._bounds;
        ctx.save();
        if (this._redrawBounds) {
          var size = bounds.getSize();
          ctx.beginPath();
          ctx.rect(bounds.min.x, bounds.min.y, size.x, size.y);
          ctx.clip();
        }
        this._drawShapes(ctx, bounds);
        ctx.restore();
      }
      L.Canvas.prototype._draw.call(this);
    },

    // Layer pixels of the current zoom: unit * scale - origin.
    _frame: function () {
      var map = this._map;
      return {scale: map.options.crs.scale(map.getZoom()), origin: map.getPixelOrigin()};
    },

    _drawShapes: function (ctx, bounds) {
      var frame = this._frame(), scale = frame.scale, ox = frame.origin.x, oy = frame.origin.y;
      var reach = 10 / scale;  // the widest stroke, in units
      var west = (bounds.min.x + ox) / scale - reach, east = (bounds.max.x + ox) / scale + reach;
      var north = (bounds.min.y + oy) / scale - reach, south = (bounds.max.y + oy) / scale + reach;
      // Round caps and joins (SVG's look) cost half as much again to paint here.
      ctx.lineCap = "butt";
      ctx.lineJoin = "bevel";
      var inView = this._inView(west, south, east, north);
      // Decided for the whole view: a redraw of a part of it (a marker's) keeps the width.
      if (!this._redrawBounds) this.hairlines = inView.total > this.options.denseViewShapes;
      var hairline = this.hairlineWidth(ctx);
      for (var o = 0; o < this.order.length; o++) {
        var look = this.looks[this.order[o]], shapes = inView.byLook[o];
        if (shapes.length === 0) continue;
        ctx.beginPath();
        for (var b = 0; b < shapes.length; b++) this._trace(ctx, shapes[b], scale, ox, oy);
        this._paint(ctx, look, this.hairlines ? hairline : look.weight);
      }
      if (this.hovered >= 0) {
        var hovered = this.looks[this.look[this.hovered]];
        ctx.beginPath();
        this._trace(ctx, this.hovered, scale, ox, oy);
        this._paint(ctx, hovered,
                    (this.hairlines ? hairline : hovered.weight) + HOVER_EXTRA_WEIGHT);
      }
    },

    // One pixel of the canvas's own in CSS pixels: Leaflet draws a retina screen's
    // canvas at twice the size, scaled (L.Canvas).
    hairlineWidth: function (ctx) {
      var scale = ctx.getTransform ? ctx.getTransform().a : 1;
      return scale > 0 ? 1 / scale : 1;
    },

    // The shown shapes whose box meets the given one (units): per look in the drawing
    // order, each in the data's order, and how many in all.
    _inView: function (west, south, east, north) {
      var byLook = [], total = 0, box = this.box;
      for (var o = 0; o < this.order.length; o++) {
        var batch = this.batches[this.order[o]], found = [];
        for (var b = 0; b < batch.length; b++) {
          var at = 4 * batch[b];
          if (box[at] <= east && box[at + 2] >= west && box[at + 1] <= south
              && box[at + 3] >= north) found.push(batch[b]);
        }
        byLook.push(found);
        total += found.length;
      }
      return {byLook: byLook, total: total};
    },

    _isArea: function (s) {
      return !this.looks[this.look[s]].line;
    },

    _trace: function (ctx, s, scale, ox, oy) {
      var xy = this.xy, closed = this._isArea(s);
      for (var p = this.firstPart[s]; p < this.firstPart[s + 1]; p++) {
        var start = this.partStart[p], end = this.partStart[p + 1];
        if (end - start < 4) continue;  // fewer than two vertices
        var lastX = xy[start] * scale - ox, lastY = xy[start + 1] * scale - oy;
        ctx.moveTo(lastX, lastY);
        for (var v = start + 2; v < end; v += 2) {
          var x = xy[v] * scale - ox, y = xy[v + 1] * scale - oy;
          if (v + 2 < end && Math.abs(x - lastX) < MIN_STEP && Math.abs(y - lastY) < MIN_STEP) {
            continue;
          }
          ctx.lineTo(x, y);
          lastX = x;
          lastY = y;
        }
        if (closed) ctx.closePath();
      }
    },

    _paint: function (ctx, look, weight) {
      if (look.fill > 0) {
        ctx.globalAlpha = look.fill;
        ctx.fillStyle = look.colour;
        // Non-zero: the data's outer rings all turn one way and holes the other
        // (gros.prepared), so areas that overlap stay filled where an even-odd fill
        // of the shared path would cut them open.
        ctx.fill("nonzero");
      }
      ctx.globalAlpha = look.opacity;
      ctx.strokeStyle = look.colour;
      ctx.lineWidth = weight;
      ctx.setLineDash(look.dashed ? SCHEMATIC_DASH : []);
      ctx.stroke();
      ctx.globalAlpha = 1;
    },

    // The shown shape at `point` (layer pixels), the topmost drawn; -1 for none.
    shapeAt: function (point) {
      if (!this._map || this.shownCount === 0) return -1;
      var frame = this._frame(), scale = frame.scale;
      var ux = (point.x + frame.origin.x) / scale, uy = (point.y + frame.origin.y) / scale;
      for (var o = this.order.length - 1; o >= 0; o--) {
        var lookIndex = this.order[o], batch = this.batches[lookIndex];
        var reach = (this.looks[lookIndex].weight / 2 + HIT_TOLERANCE) / scale;
        for (var b = batch.length - 1; b >= 0; b--) {
          var s = batch[b], box = 4 * s;
          if (ux < this.box[box] - reach || ux > this.box[box + 2] + reach
              || uy < this.box[box + 1] - reach || uy > this.box[box + 3] + reach) continue;
          if (this._near(s, ux, uy, reach)) return s;
        }
      }
      return -1;
    },

    // Whether (ux, uy) lies within `reach` of shape s's lines, or inside its area.
    _near: function (s, ux, uy, reach) {
      var xy = this.xy, inside = false, reach2 = reach * reach, closed = this._isArea(s);
      for (var p = this.firstPart[s]; p < this.firstPart[s + 1]; p++) {
        var start = this.partStart[p], end = this.partStart[p + 1];
        for (var v = start; v + 2 < end + (closed ? 2 : 0); v += 2) {
          var w = v + 2 < end ? v + 2 : start;  // a ring closes on its first vertex
          var ax = xy[v], ay = xy[v + 1], bx = xy[w], by = xy[w + 1];
          if (segmentDistance2(ux, uy, ax, ay, bx, by) <= reach2) return true;
          if (closed && ((ay > uy) !== (by > uy))
              && ux < (bx - ax) * (uy - ay) / (by - ay) + ax) inside = !inside;
        }
      }
      return inside;
    },

    // Mark shape s (or -1: none) as the one under the pointer, with its tooltip.
    hoverShape: function (s, latlng) {
      var map = this._map;
      if (s !== this.hovered) {
        if (this._tooltip && map) map.closeTooltip(this._tooltip);
        this.hovered = s;
        if (s >= 0) this._tooltip = this._tooltipOf(s);
        this.redrawAll();
      }
      // The pointer's look: a hand over a shape, or over a marker (Leaflet's part).
      if (this._container && (s >= 0 || !this._hoveredLayer)) {
        L.DomUtil[s >= 0 ? "addClass" : "removeClass"](this._container, "leaflet-interactive");
      }
      if (s >= 0 && latlng && map) map.openTooltip(this._tooltip, latlng);  // sticky
    },

    _tooltipOf: function (s) {
      return L.tooltip({sticky: true}).setContent(this.options.tip(this.properties[s]));
    },

    _destroyContainer: function () {
      clearTimeout(this._hoverTimer);
      this._hoverTimer = null;
      L.Canvas.prototype._destroyContainer.call(this);
    },

    // The pointer: the markers as Leaflet's canvas handles them; where none is, a shape.
    _onMouseMove: function (e) {
      L.Canvas.prototype._onMouseMove.call(this, e);
      // At most one test per HOVER_EVERY_MS, and always one for the pointer's last place.
      this._lastMove = e;
      if (this._hoverTimer) return;
      this._hoverTest();
      this._hoverTimer = setTimeout(L.Util.bind(function () {
        this._hoverTimer = null;
        if (this._lastMove !== null) this._hoverTest();
      }, this), HOVER_EVERY_MS);
    },

    _hoverTest: function () {
      var map = this._map, e = this._lastMove;
      this._lastMove = null;
      if (!map || map.dragging.moving() || map._animatingZoom) return;
      var s = this._hoveredLayer ? -1 : this.shapeAt(map.mouseEventToLayerPoint(e));
      this.hoverShape(s, map.mouseEventToLatLng(e));
    },

    _handleMouseOut: function (e) {
      L.Canvas.prototype._handleMouseOut.call(this, e);
      if (e.type === "mouseout") {
        this._lastMove = null;
        this.hoverShape(-1);
      }
    },

    // A click on a marker goes to it; else to this layer, carrying the tooltip of the
    // shape it hit (what streamlit-folium reports back), or to the map.
    _onClick: function (e) {
      var map = this._map, point = map.mouseEventToLayerPoint(e), marker = null;
      for (var order = this._drawFirst; order; order = order.next) {
        var layer = order.layer;
        if (layer.options.interactive && layer._containsPoint(point)
            && (!(e.type === "click" || e.type === "preclick") || !map._draggableMoved(layer))) {
          marker = layer;
        }
      }
      if (marker) {
        this._fireEvent([marker], e);
        return;
      }
      var s = this.shapeAt(point);
      if (s >= 0 && !((e.type === "click" || e.type === "preclick")
                      && map._draggableMoved(this))) {
        // A tap without a hover first (a touch screen) shows the shape's tooltip too.
        if (s !== this.hovered) this.hoverShape(s, map.mouseEventToLatLng(e));
        this._fireEvent([this], e);
      } else {
        this._fireEvent(false, e);
      }
    }
  });

  ShapeCanvas.lookOf = lookOf;  // the same looks for shapes drawn as SVG
  window.GrosShapeCanvas = ShapeCanvas;
})();

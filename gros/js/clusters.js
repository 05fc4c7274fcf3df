/* Clusters of the project points that a filter thins out without clustering again
 * (gros/js/projects.js draws them).
 *
 * Every point of the catalogue is grouped once, zoom level by zoom level, the way
 * Supercluster groups points (greedily, each group of a level made of the groups of the
 * level below that lie within a radius, at their weighted centre). Supercluster builds
 * one index per set of points, and at 100,000 projects a new index took a tenth of a
 * second and more on each filter change; it keeps no link from a point to its group.
 * This tree keeps, per level, the group of every point: a filter then only counts, in
 * each group, the points it keeps. A group left with one point shows that point, a
 * group with more a bubble at their centre, a group with none nothing; and the groups
 * stay where they were from one filter to the next. KDBush finds the neighbours.
 *
 * Points are GeoJSON Point features whose properties.i is the project's position; a
 * selection is a bitmap over the positions (bit i of byte i >> 3), or null for all.
 */
(function () {
  "use strict";

  var TILE = 256;  // pixels: a zoom level's world is TILE * 2^zoom pixels wide
  var NODE_SIZE = 64;  // KDBush's own default

  // Web Mercator units (0..1) of a longitude and latitude, as Leaflet's EPSG:3857 at
  // zoom 0 divided by the tile size; the shapes' canvas uses them too.
  var MAX_SIN = Math.sin(85.0511287798 * Math.PI / 180);
  var mercator = {
    x: function (lon) { return lon / 360 + 0.5; },
    y: function (lat) {
      var s = Math.max(-MAX_SIN, Math.min(MAX_SIN, Math.sin(lat * Math.PI / 180)));
      return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
    }
  };

  function isChosen(bits, i) {
    return bits === null || (bits[i >> 3] & (1 << (i & 7))) !== 0;
  }

  // One level's groups from the groups below (x, y, weight): `up` holds, for each group
  // below, the group it went into.
  function groupLevel(below, radius, near) {
    var n = below.x.length, tree = new KDBush(n, NODE_SIZE, Float64Array);
    for (var a = 0; a < n; a++) tree.add(below.x[a], below.y[a]);
    tree.finish();
    var done = new Uint8Array(n), up = new Int32Array(n), x = [], y = [], weight = [];
    for (a = 0; a < n; a++) {
      if (done[a]) continue;
      done[a] = 1;
      var group = x.length, w = below.weight[a];
      var sumX = below.x[a] * w, sumY = below.y[a] * w, total = w;
      up[a] = group;
      var found = tree.withinInto(below.x[a], below.y[a], radius, near);
      for (var j = 0; j < found; j++) {
        var b = near[j];
        if (done[b]) continue;
        done[b] = 1;
        w = below.weight[b];
        sumX += below.x[b] * w;
        sumY += below.y[b] * w;
        total += w;
        up[b] = group;
      }
      x.push(sumX / total);
      y.push(sumY / total);
      weight.push(total);
    }
    return {x: Float64Array.from(x), y: Float64Array.from(y),
            weight: Float64Array.from(weight), up: up};
  }

  // `points` (see above) among `count` positions; options: radius (pixels), minZoom,
  // maxZoom (the last level that groups points: the map's last zoom level).
  function ClusterTree(points, count, options) {
    this.minZoom = options.minZoom;
    this.maxZoom = options.maxZoom;
    var n = points.length;
    this.positions = new Int32Array(n);
    this.lon = new Float64Array(count);
    this.lat = new Float64Array(count);
    var below = {x: new Float64Array(n), y: new Float64Array(n),
                 weight: new Float64Array(n).fill(1)};
    var groupOf = new Int32Array(count).fill(-1);  // each position's group below
    var near = new Uint32Array(n);  // the neighbours a search finds
    for (var p = 0; p < n; p++) {
      var i = points[p].properties.i, at = points[p].geometry.coordinates;
      this.positions[p] = i;
      this.lon[i] = at[0];
      this.lat[i] = at[1];
      below.x[p] = mercator.x(at[0]);
      below.y[p] = mercator.y(at[1]);
      groupOf[i] = p;
    }
    this.levels = {};  // zoom -> {pointAt: each position's group, size: groups}
    for (var z = this.maxZoom; z >= this.minZoom; z--) {
      var level = groupLevel(below, options.radius / (TILE * Math.pow(2, z)), near);
      var pointAt = new Int32Array(count).fill(-1);
      for (p = 0; p < n; p++) {
        i = this.positions[p];
        pointAt[i] = level.up[groupOf[i]];
      }
      this.levels[z] = {pointAt: pointAt, size: level.x.length};
      below = level;
      groupOf = pointAt;
    }
    this.last = null;  // the counts last made, kept for the next move of the map
  }

  ClusterTree.prototype.level = function (zoom) {
    return Math.max(this.minZoom, Math.min(this.maxZoom, Math.round(zoom)));
  };

  // Per group of level z: how many chosen points it holds, their summed place, and one
  // of them. Made once per selection and level (`key` names the selection).
  ClusterTree.prototype.counts = function (z, bits, key) {
    if (this.last && this.last.z === z && this.last.key === key) return this.last;
    var level = this.levels[z], pointAt = level.pointAt, positions = this.positions;
    var number = new Int32Array(level.size), one = new Int32Array(level.size);
    var lon = new Float64Array(level.size), lat = new Float64Array(level.size);
    for (var p = 0; p < positions.length; p++) {
      var i = positions[p];
      if (!isChosen(bits, i)) continue;
      var k = pointAt[i];
      number[k]++;
      lon[k] += this.lon[i];
      lat[k] += this.lat[i];
      one[k] = i;
    }
    this.last = {z: z, key: key, number: number, one: one, lon: lon, lat: lat};
    return this.last;
  };

  // The groups of level z with chosen points inside box = [west, south, east, north]:
  // for one point {position}, for more {group, count, lon, lat} (at their centre).
  ClusterTree.prototype.visible = function (z, bits, key, box) {
    var found = this.counts(z, bits, key), shown = [];
    for (var k = 0; k < found.number.length; k++) {
      var n = found.number[k];
      if (n === 0) continue;
      var i = found.one[k];
      var lon = n === 1 ? this.lon[i] : found.lon[k] / n;
      var lat = n === 1 ? this.lat[i] : found.lat[k] / n;
      if (lon < box[0] || lat < box[1] || lon > box[2] || lat > box[3]) continue;
      shown.push(n === 1 ? {position: i} : {group: k, count: n, lon: lon, lat: lat});
    }
    return shown;
  };

  // The chosen positions in group k of level z.
  ClusterTree.prototype.leaves = function (z, k, bits) {
    var pointAt = this.levels[z].pointAt, positions = this.positions, found = [];
    for (var p = 0; p < positions.length; p++) {
      var i = positions[p];
      if (pointAt[i] === k && isChosen(bits, i)) found.push(i);
    }
    return found;
  };

  // The first zoom level at which the chosen points of group k of level z part; the one
  // after the last level when they share one place.
  ClusterTree.prototype.partingZoom = function (z, k, bits) {
    var leaves = this.leaves(z, k, bits);
    for (var deeper = z + 1; deeper <= this.maxZoom; deeper++) {
      var pointAt = this.levels[deeper].pointAt, first = pointAt[leaves[0]];
      for (var l = 1; l < leaves.length; l++) {
        if (pointAt[leaves[l]] !== first) return deeper;
      }
    }
    return this.maxZoom + 1;
  };

  ClusterTree.mercator = mercator;
  window.GrosClusterTree = ClusterTree;
})();

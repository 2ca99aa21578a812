"""The map page's own JavaScript: label decluttering, layout for the frame's size, accessible
names. ``{map}`` in a script is the map's variable; no article text is ever part of a script
(data reaches scripts only as ``safe.script_json``)."""

# Place labels, in priority order: a label that would overlap a label already shown, or hide
# under a panel (title, legend, timeline, layer control), is moved to the left of its marker,
# else above or below it; if it still collides everywhere it is hidden (its popup still names
# it). Labels also keep off other markers.
DECLUTTER = """
(function (map) {
  var PANELS = '.mp-panel, .leaflet-control-layers, .leaflet-control-zoom';
  var MARKS = '.mapper-place, path.mapper-mentioned';
  function hits(r, rects) {
    return rects.some(function (k) {
      return r.left < k.right && r.right > k.left && r.top < k.bottom && r.bottom > k.top;
    });
  }
  function declutter() {
    var frame = map.getContainer().getBoundingClientRect();
    var out = function (r) { return r.left < frame.left || r.right > frame.right; };
    var labels = Array.prototype.slice.call(document.querySelectorAll('.leaflet-tooltip.mp-label'));
    var prio = function (el) { var m = el.className.match(/mp-prio-(\\d)/); return m ? +m[1] : 9; };
    labels.sort(function (a, b) { return prio(a) - prio(b); });
    var panels = Array.prototype.slice.call(document.querySelectorAll(PANELS))
      .filter(function (el) { return el.offsetWidth; })
      .map(function (el) { return el.getBoundingClientRect(); });
    // Markers too (inset a little, so that a label never collides with its own marker).
    var marks = Array.prototype.slice.call(document.querySelectorAll(MARKS)).map(function (el) {
      var r = el.getBoundingClientRect();
      return {left: r.left + 3, right: r.right - 3, top: r.top + 3, bottom: r.bottom - 3};
    });
    panels = panels.concat(marks);
    var kept = [];
    var bad = function (r) { return out(r) || hits(r, kept) || hits(r, panels); };
    labels.forEach(function (el) {
      el.style.visibility = '';
      el.style.marginLeft = '';
      el.style.marginTop = '';
      el.classList.remove('mp-flipped');
      var r = el.getBoundingClientRect();
      var w = r.width, h = r.height;
      // right of the marker, else left of it, else above or below it (centred)
      var moves = [[-(w + 30), 0, true], [-(w / 2 + 8), -(h + 2), false],
                   [-(w / 2 + 8), h + 2, false]];
      for (var i = 0; bad(r) && i < moves.length; i++) {
        el.style.marginLeft = moves[i][0] + 'px';
        el.style.marginTop = moves[i][1] + 'px';
        el.classList.toggle('mp-flipped', moves[i][2]);
        r = el.getBoundingClientRect();
      }
      if (bad(r)) {
        el.style.visibility = 'hidden';
      } else {
        kept.push(r);
      }
    });
    // Basemap names (seas, lakes, rivers, towns) give way to everything above, then to each
    // other in the order drawn.
    document.querySelectorAll('.mp-ctx > div').forEach(function (el) {
      el.style.visibility = '';
      var r = el.getBoundingClientRect();
      if (bad(r)) {
        el.style.visibility = 'hidden';
      } else {
        kept.push(r);
      }
    });
  }
  map.on('zoomend moveend overlayadd overlayremove mapper:labels', declutter);
  document.addEventListener('toggle', function () { setTimeout(declutter, 0); }, true);
  map.whenReady(function () { setTimeout(declutter, 0); });
})({map});
"""
# Panels that depend on the map's size (a browser window or a notebook cell's frame): a short map
# starts with the legend folded, the timeline sits below the title, and the map is fitted to
# BOUNDS with room left for the panels as drawn, not for fixed pixel guesses.
LAYOUT = """
(function (map, bounds) {
  function box(sel) {
    var el = document.querySelector(sel);
    return el && el.offsetWidth ? el.getBoundingClientRect() : null;
  }
  // The title keeps clear of the layer control: when they would meet (a long title, long
  // journey names, a narrow frame), it moves beside the zoom buttons and wraps in the room left.
  function fitTitle(frame) {
    var t = document.querySelector('.mp-title'), lc = box('.leaflet-control-layers');
    if (!t) return;
    t.style.left = t.style.transform = t.style.maxWidth = t.style.textAlign = '';
    t.style.boxSizing = '';
    var r = t.getBoundingClientRect();
    if (!lc || r.right <= lc.left - 8 || r.top >= lc.bottom || r.bottom <= lc.top) return;
    var zoom = box('.leaflet-control-zoom');
    var left = zoom ? zoom.right - frame.left + 10 : 10;
    t.style.left = left + 'px';
    t.style.transform = 'none';
    t.style.textAlign = 'left';
    t.style.boxSizing = 'border-box';
    t.style.maxWidth = Math.max(140, lc.left - frame.left - left - 10) + 'px';
  }
  function layout() {
    var size = map.getSize(), frame = map.getContainer().getBoundingClientRect();
    fitTitle(frame);
    var title = box('.mp-title'), tl = document.getElementById('mp-timeline');
    if (title && tl) {
      tl.style.top = Math.max(84, title.bottom - frame.top + 8) + 'px';
    }
    return size;
  }
  function padding(size) {
    var title = box('.mp-title'), legend = box('#mp-legend');
    var layers = box('.leaflet-control-layers'), frame = map.getContainer().getBoundingClientRect();
    var top = title ? title.bottom - frame.top + 14 : 24;
    // The timeline's button sits below the title at the left: routes start below it too.
    var timeline = box('#mp-timeline');
    if (timeline) top = Math.max(top, timeline.bottom - frame.top + 14);
    var right = 24;
    // Labels run to the right of their markers: leave them room beside the panels too.
    [legend, layers].forEach(function (r) {
      if (r) right = Math.max(right, frame.right - r.left + 70);
    });
    return {
      paddingTopLeft: [48, Math.min(top, size.y * 0.3)],
      paddingBottomRight: [Math.min(right, size.x * 0.4), 48],
      maxZoom: 11, animate: false
    };
  }
  var legend = document.querySelector('#mp-legend details');
  var size = map.getSize();
  if (legend && (size.y < 640 || size.x < 700)) legend.open = false;
  // A phone or a small frame: the layer control starts folded to its button (a tap or Enter
  // opens it, a tap on the map or Escape folds it again).
  var lc = document.querySelector('.leaflet-control-layers');
  if (lc && (size.x < 700 || size.y < 500)) {
    lc.classList.remove('leaflet-control-layers-expanded');
    var fold = function () { lc.classList.remove('leaflet-control-layers-expanded'); };
    map.on('click', fold);
    lc.addEventListener('keydown', function (e) { if (e.key === 'Escape') fold(); });
  }
  size = layout();
  if (bounds) {
    var b = L.latLngBounds(bounds);
    if (b.getNorthEast().equals(b.getSouthWest())) {
      map.setView(b.getCenter(), 7, {animate: false});
    } else {
      map.fitBounds(b, padding(size));
    }
  }
  map.on('resize', layout);
})({map}, BOUNDS);
"""

# Accessible names: every drawn line or area with a tooltip is named by its tooltip's text (the
# tooltip HTML is parsed inertly, never inserted); markers are named by their icon's label.
# Before printing, the legend opens (closed <details> do not print).
A11Y = """
(function (map) {
  function text(html) {
    return new DOMParser().parseFromString(String(html), 'text/html').body.textContent;
  }
  function name(l) {
    var t = l.getTooltip && l.getTooltip();
    if (!t || !l._path) return;
    var c = t.getContent();
    var label = typeof c === 'string' ? text(c) : (c && c.textContent) || '';
    if (label) {
      l._path.setAttribute('aria-label', label.trim());
      l._path.setAttribute('role', 'img');
    }
  }
  function visit(l) { name(l); if (l.eachLayer) l.eachLayer(visit); }
  map.whenReady(function () { map.eachLayer(visit); });
  map.on('layeradd', function (e) { visit(e.layer); });
  window.addEventListener('beforeprint', function () {
    var legend = document.querySelector('#mp-legend details');
    if (legend) legend.open = true;
  });
})({map});
"""

# The timeline: a click (or Enter) on an entry flies to its stop and opens the stop's popup; the
# play button hides every leg, then reveals them one by one in time order, marking the current
# entry; at the end every leg is shown and the panel has the class ``mp-played``. D.rows[i] is
# the i-th entry: ``m`` the variable of its stop's marker, ``leg`` an index into D.legs (the leg
# arriving there) or null; D.legs[k] is ``g`` (its layer group) and ``l`` (its layers).
TIMELINE = """
(function (map, D) {
  var panel = document.getElementById('mp-timeline');
  if (!panel) return;
  var items = Array.prototype.slice.call(panel.querySelectorAll('li[data-i]'));
  var btn = panel.querySelector('.mp-play');
  var get = function (n) { return n ? window[n] : null; };
  function setLeg(k, on) {
    var e = D.legs[k], g = e && get(e.g);
    if (!g) return;
    e.l.map(get).filter(Boolean).forEach(function (l) {
      if (on && !g.hasLayer(l)) g.addLayer(l);
      if (!on && g.hasLayer(l)) g.removeLayer(l);
    });
  }
  function mark(i) {
    items.forEach(function (li) { li.classList.toggle('mp-current', +li.dataset.i === i); });
    panel.dataset.step = i;
  }
  function go(i, open) {
    var r = D.rows[i], m = r && get(r.m);
    mark(i);
    if (!m) return;
    map.closePopup();
    if (open) {
      var done = false;
      var openIt = function () { if (!done) { done = true; m.openPopup(); } };
      map.once('moveend', openIt);
      setTimeout(openIt, 1500);
      map.flyTo(m.getLatLng(), Math.max(map.getZoom(), 6), {duration: 0.8});
    } else if (!map.getBounds().pad(-0.15).contains(m.getLatLng())) {
      map.panTo(m.getLatLng());
    }
  }
  items.forEach(function (li) {
    li.addEventListener('click', function () { stop(true); go(+li.dataset.i, true); });
    li.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); li.click(); }
    });
  });
  // Filters by status and mode: an entry and the leg arriving at it show when both match.
  var fs = panel.querySelector('.mp-f-status'), fm = panel.querySelector('.mp-f-mode');
  function shown(i) {
    var r = D.rows[i];
    return (!fs || !fs.value || fs.value === r.s) && (!fm || !fm.value || fm.value === r.md);
  }
  function showAll() {
    D.rows.forEach(function (r, i) {
      if (r.leg !== null) setLeg(r.leg, shown(i));
    });
    items.forEach(function (li) { li.hidden = !shown(+li.dataset.i); });
  }
  [fs, fm].forEach(function (f) {
    if (f) f.addEventListener('change', function () { stop(false); showAll(); });
  });
  // Where the map started (after the layout script has fitted it): play starts from there.
  var home = null;
  map.whenReady(function () {
    setTimeout(function () { home = [map.getCenter(), map.getZoom()]; }, 0);
  });
  var timer = null;
  function stop(restore) {
    if (timer === null) return;
    clearTimeout(timer);
    timer = null;
    if (restore) showAll();
    btn.textContent = '\\u25b6 Play the journeys';
    btn.setAttribute('aria-pressed', 'false');
  }
  function play() {
    if (timer !== null) { stop(true); return; }
    panel.classList.remove('mp-played');
    D.legs.forEach(function (_, k) { setLeg(k, false); });
    map.closePopup();
    if (home) map.setView(home[0], home[1], {animate: false});
    btn.textContent = '\\u25a0 Stop';
    btn.setAttribute('aria-pressed', 'true');
    var i = 0;
    (function step() {
      if (i >= D.rows.length) {
        stop(true);
        panel.classList.add('mp-played');
        return;
      }
      while (i < D.rows.length - 1 && !shown(i)) i += 1;
      var r = D.rows[i];
      if (shown(i)) {
        if (r.leg !== null) setLeg(r.leg, true);
        go(i, false);
      }
      i += 1;
      timer = setTimeout(step, D.delay);
    })();
  }
  if (btn) btn.addEventListener('click', play);
})({map}, DATA);
"""

# The optional OpenStreetMap layer says so when its tiles cannot load (offline, blocked).
TILE_NOTE = """
(function (map, tiles) {
  var shown = false;
  tiles.on('tileerror', function () {
    if (shown) return;
    shown = true;
    var note = L.control({position: 'bottomleft'});
    note.onAdd = function () {
      var div = L.DomUtil.create('div', 'mp-panel mp-tilenote');
      div.setAttribute('role', 'status');
      div.textContent = 'OpenStreetMap tiles cannot load (offline?): ' +
        'choose Natural Earth (offline) in the layer list.';
      return div;
    };
    note.addTo(map);
    map.once('baselayerchange', function () { note.remove(); shown = false; });
  });
})({map}, TILES);
"""

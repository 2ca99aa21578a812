"""The map page's stylesheet: panels, popups, markers, labels, phone and print layouts."""

from __future__ import annotations

from mapper.render.style import PLACES_ONLY_COLOR, ROLE_COLORS

PAGE_CSS = """
.folium-map { background: #cfe0ec; }
.mp-panel { position: absolute; z-index: 1000; background: rgba(255,255,255,0.94);
  border-radius: 6px; box-shadow: 0 1px 5px rgba(0,0,0,0.35); font: 12px/1.35 system-ui,
  -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: #263238; }
.mp-title { top: 10px; left: 50%; transform: translateX(-50%); max-width: 60%;
  padding: 6px 14px; text-align: center; }
.mp-title .mp-h { font-size: 15px; font-weight: 650; }
.mp-title .mp-sub, .mp-title .mp-src { color: #546e7a; font-size: 11.5px; }
.mp-title .mp-src { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.mp-legend { bottom: 24px; right: 10px; padding: 6px 10px; max-height: 60%; overflow: auto;
  max-width: 330px; }
.mp-timeline { top: 84px; left: 10px; padding: 6px 10px; max-width: 360px;
  max-height: 55%; overflow: auto; }
.mp-panel summary { font-weight: 650; cursor: pointer; font-size: 13px; }
.mp-panel h5 { margin: 7px 0 2px; font-size: 11px; text-transform: uppercase;
  letter-spacing: .04em; color: #607d8b; }
.mp-panel ul { list-style: none; margin: 0; padding: 0; }
.mp-panel li { margin: 2px 0; display: flex; align-items: center; gap: 6px; }
.mp-panel li svg { flex: none; }
.mp-note { margin: 4px 0 0; color: #607d8b; font-size: 11px; }
.mp-key { display: inline-flex; width: 38px; justify-content: center; }
.mp-key .mp-pin { position: static; margin: 0; }
.mp-area { display: inline-block; width: 34px; height: 10px; margin: 0 2px;
  background: rgba(96,125,139,0.25); border: 1px solid rgba(96,125,139,0.6); }
ol.mp-tl { margin: 4px 0 0; padding: 0; list-style: none; }
ol.mp-tl li { display: block; border-left: 2px solid #cfd8dc; padding: 1px 0 4px 8px; }
ol.mp-tl li[data-i] { cursor: pointer; border-radius: 0 4px 4px 0; }
ol.mp-tl li[data-i]:hover, ol.mp-tl li[data-i]:focus { background: #eef3f6; outline: none; }
ol.mp-tl li[data-i]:focus-visible { box-shadow: 0 0 0 2px #1e88e5; }
ol.mp-tl li.mp-current { border-left-color: #263238; background: #fff8d6; }
.mp-tl-bar { margin: 4px 0 2px; display: flex; flex-wrap: wrap; gap: 4px 8px;
  align-items: center; }
.mp-tilenote { position: static; padding: 4px 8px; max-width: 260px; }
.mp-filter { font-size: 11px; color: #546e7a; }
.mp-filter select { font-size: 11px; }
.mp-play { font: 600 12px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  border: 1px solid #90a4ae; border-radius: 4px; background: #fff; padding: 2px 8px;
  cursor: pointer; color: #263238; }
.mp-play[aria-pressed="true"] { background: #263238; color: #fff; }
.mp-when { font-variant-numeric: tabular-nums; color: #37474f; }
.mp-muted { color: #78909c; font-size: 11px; }
.mp-sw { display: inline-block; width: 10px; height: 10px; border-radius: 2px;
  margin-right: 5px; vertical-align: -1px; }
.mp-badge { font-size: 10px; padding: 0 5px; border-radius: 8px; background: #eceff1; }
.mp-badge.mp-confirmed { background: #c8e6c9; } .mp-badge.mp-reported { background: #bbdefb; }
.mp-badge.mp-speculated { background: #ffe0b2; } .mp-badge.mp-planned { background: #e1bee7; }
.mp-pop { font: 12px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  max-height: min(440px, calc(100vh - 200px)); overflow: auto; }
.mp-pop h4 { margin: 0 0 4px; font-size: 14px; }
.mp-kv { border-collapse: collapse; margin-bottom: 4px; }
.mp-kv th { text-align: left; color: #607d8b; font-weight: 500; padding: 1px 8px 1px 0;
  vertical-align: top; white-space: nowrap; }
.mp-kv td { padding: 1px 0; }
ul.mp-roles { list-style: none; margin: 4px 0; padding: 0; }
ul.mp-roles li { margin: 2px 0; }
details.mp-details { margin-top: 4px; border-top: 1px solid #eceff1; padding-top: 2px; }
details.mp-details summary { cursor: pointer; color: #607d8b; font-size: 11px; }
.mp-ev ol { margin: 2px 0 0; padding-left: 18px; max-height: 180px; overflow: auto; }
.mp-ev li { margin-bottom: 3px; }
.mp-ev mark { background: #fff176; padding: 0 1px; }
.mp-pin { box-sizing: border-box; border-radius: 50%; border: 2px solid #fff;
  box-shadow: 0 0 0 1px rgba(0,0,0,.45), 0 1px 3px rgba(0,0,0,.4); }
.mp-pin.mp-origin, .mp-pin.mp-destination { width: 18px; height: 18px; }
.mp-pin.mp-origin::after, .mp-pin.mp-destination::after { content: ""; display: block;
  width: 6px; height: 6px; margin: 4px; background: #fff; border-radius: 50%; }
.mp-pin.mp-destination::after { border-radius: 1px; }
.mp-pin.mp-stop, .mp-pin.mp-implied { width: 14px; height: 14px; }
.mp-pin.mp-corridor { width: 11px; height: 11px; border-radius: 1px; transform: rotate(45deg); }
.mp-pin.mp-mentioned { width: 9px; height: 9px; border-width: 1px; }
.mp-pin.mp-mentioned.mp-only { width: 16px; height: 16px; border-width: 2px; }
.mp-notes li { display: list-item; margin: 2px 0 2px 14px; list-style: disc; }
.leaflet-tooltip.mp-label { background: transparent; border: 0; box-shadow: none; padding: 0 2px;
  font: 600 12px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  color: #1c262b; text-shadow: -1px -1px 0 #fff, 1px -1px 0 #fff, -1px 1px 0 #fff,
  1px 1px 0 #fff, 0 0 3px #fff; }
.leaflet-tooltip.mp-label::before { display: none; }
.leaflet-tooltip.mp-label.mp-minor { font-weight: 500; font-size: 11px; color: #546e7a; }
.mp-arrow { display: block; overflow: visible; }
.leaflet-container path:focus, .leaflet-container .leaflet-interactive:focus { outline: none; }
.leaflet-container .leaflet-control-attribution { font-size: 10px; }
.leaflet-control-scale-line { font-size: 10px; line-height: 1.3; padding: 0 3px; }
.leaflet-control-layers { font: 12.5px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial,
  sans-serif; color: #263238; }
.leaflet-control-layers label { margin: 1px 0; max-width: 300px; white-space: nowrap;
  overflow: hidden; text-overflow: ellipsis; }
@media (max-width: 1000px) {
  /* A notebook cell or a small window: the title moves beside the zoom buttons, clear of the
     layer control, and everything is a little smaller. */
  .mp-title { left: 54px; transform: none; max-width: calc(100% - 370px); text-align: left;
    padding: 4px 10px; }
  .mp-title .mp-h { font-size: 13px; }
  .mp-title .mp-src { display: none; }
  .leaflet-control-layers { font-size: 11.5px; line-height: 1.3; }
  .leaflet-control-layers label { max-width: 320px; }
  .mp-legend { max-height: 45%; }
  .mp-timeline { max-height: 45%; max-width: 300px; }
}
@media (max-width: 640px) {
  /* A phone: the title runs between the zoom buttons and the folded layer button, two lines at
     most; the timeline folds below it, the legend folds above the attribution. */
  .mp-title { top: 10px; left: 54px !important; right: 58px; max-width: none !important;
    transform: none !important; text-align: left !important; padding: 3px 8px; }
  .mp-title .mp-h { font-size: 12.5px; display: -webkit-box; -webkit-line-clamp: 2;
    -webkit-box-orient: vertical; overflow: hidden; }
  .mp-title .mp-sub { font-size: 10.5px; overflow: hidden; text-overflow: ellipsis;
    white-space: nowrap; }
  .mp-timeline { max-width: calc(100% - 40px); max-height: 48%; }
  .mp-legend { max-width: calc(100% - 40px); max-height: 40%; bottom: 28px; }
  .leaflet-control-layers-expanded { max-width: calc(100vw - 80px); }
  .leaflet-control-layers label { max-width: calc(100vw - 110px); }
  .leaflet-control-scale { display: none; }
}
.mp-jkey { position: relative; display: inline-flex; width: 38px; height: 16px;
  align-items: center; }
.mp-jkey .mp-arrow { position: absolute; left: 11px; top: 0; }
@media print {
  /* Pins, keys and swatches are backgrounds: print them; controls do not print. */
  * { -webkit-print-color-adjust: exact !important; print-color-adjust: exact !important; }
  .leaflet-control-zoom, .leaflet-control-layers, .mp-timeline { display: none !important; }
  .mp-panel { box-shadow: none; border: 1px solid #90a4ae; }
  .mp-legend { max-height: none; overflow: visible; }
  .leaflet-popup { display: none; }
}
"""


def role_css() -> str:
    """Marker colours from ``ROLE_COLORS``: filled when named, hollow and dashed when inferred."""
    out = [f".mp-pin.mp-mentioned.mp-only {{ background: {PLACES_ONLY_COLOR}; }}"]
    for role, color in ROLE_COLORS.items():
        out.append(f".mp-pin.mp-{role} {{ background: {color}; }}")
        out.append(
            f".mp-pin.mp-{role}.mp-inferred {{ background: #fff; border: 2px dashed {color}; }}"
        )
        out.append(f".mp-pin.mp-{role}.mp-inferred::after {{ background: {color}; margin: 4px; }}")
    out.append(".mp-pin.mp-inferred::after { margin: 4px !important; }")
    return "\n".join(out)

"""The one path by which text reaches folium, branca and Jinja.

folium renders a popup's HTML, a tooltip, a ``DivIcon`` and every ``MacroElement``'s script output
a second time as a Jinja template, so ``{{ ... }}`` or ``{% ... %}`` in an article would run inside
mapper's process. Everything the map builds from article text goes through this module:

- ``esc`` HTML-escapes text and writes the characters that templates and JavaScript template
  literals give meaning to (``{ } \\ ` $``) as HTML entities, so they read as written in the page
  and are inert to Jinja and to ``${...}``;
- ``inert`` does the same to a whole HTML fragment (already escaped) as a second guard;
- ``popup``, ``tooltip``, ``div_icon``, ``layer_name``, ``PageHtml`` and ``page`` (the page's
  ``<title>``) are the only places that hand HTML to folium; ``script_json`` is the only way
  data reaches a script;
- ``framed`` wraps a finished page into the fragment that ``--embed`` writes.

``tests/test_template_injection.py`` checks that no other module builds these folium objects.
"""

from __future__ import annotations

import html
import json
import re

import folium
from branca.element import Element, Figure
from jinja2 import Template

# Characters that start a Jinja tag or an interpolation, or escape inside a JS template literal.
_INERT = str.maketrans(
    {"{": "&#123;", "}": "&#125;", "\\": "&#92;", "`": "&#96;", "$": "&#36;"}
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def esc(text: object) -> str:
    """``text`` as HTML text that Jinja, JavaScript template literals and the browser all take
    literally: HTML-escaped, template characters as entities, control characters dropped."""
    return inert(html.escape(_CONTROL.sub("", str(text)), quote=True))


def inert(fragment: str) -> str:
    """An HTML fragment with its template characters written as entities (idempotent)."""
    return fragment.translate(_INERT)


def popup(fragment: str, **options) -> folium.Popup:
    """A folium popup whose HTML is never evaluated as a template."""
    return folium.Popup(inert(fragment), **options)


def tooltip(fragment: str, **options) -> folium.Tooltip:
    """A folium tooltip whose HTML is never evaluated as a template."""
    return folium.Tooltip(inert(fragment), **options)


def div_icon(fragment: str, **options) -> folium.DivIcon:
    """A folium ``DivIcon`` whose HTML is never evaluated as a template."""
    return folium.DivIcon(html=inert(fragment), **options)


def layer_name(fragment: str) -> str:
    """A layer-control name (HTML) that is never evaluated as a template."""
    return inert(fragment)


def feature_group(fragment: str, **options) -> folium.FeatureGroup:
    """A layer whose name in the layer control is never evaluated as a template."""
    return folium.FeatureGroup(name=layer_name(fragment), **options)


def script_json(value: object) -> str:
    """``value`` as a JavaScript literal for a script that folium renders as a template: JSON
    with ``<``, ``>``, ``&`` and braces inside strings written as ``\\u`` escapes."""
    text = json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    # Outside strings JSON never has "{{", "{%" or "{#"; inside them the escapes read the same.
    text = re.sub(r"\{(?=[{%#])", r"\\u007b", text)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


class PageHtml(Element):
    """HTML put in the page's header or body as it is, after ``inert`` for article panels.

    ``trusted=True`` is for mapper's own assets (Leaflet, CSS), which hold braces and are never
    built from article text; branca writes them once, without templating them again.
    """

    _template = Template("{{ this.content }}")

    def __init__(self, content: str, trusted: bool = False) -> None:
        super().__init__()
        self._name = "MapperHtml"
        self.content = content if trusted else inert(content)


class RenderedScript(Element):
    """A script already rendered by its own template (its data through ``script_json``), put
    in the page as it is, the way branca writes plain text: without one trailing newline.
    Never compiled as a template again."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text[:-1] if text.endswith("\n") else text

    def render(self, **kwargs) -> str:
        return self.text


class _Page(Figure):
    """branca's page with ``lang`` and a ``<title>`` that is escaped text."""

    _template = Template(
        "<!DOCTYPE html>\n"
        '<html lang="{{ this.lang }}">\n'
        "<head>\n"
        "{% if this.title %}<title>{{ this.title }}</title>{% endif %}"
        '{% if this.article_id %}<meta name="mapper-article" content="{{ this.article_id }}">'
        "{% endif %}"
        "    {{ this.header.render(**kwargs) }}\n"
        "</head>\n"
        "<body>\n"
        "    {{ this.html.render(**kwargs) }}\n"
        "</body>\n"
        "<script>\n"
        "    {{ this.script.render(**kwargs) }}\n"
        "</script>\n"
        "</html>\n"
    )


def page(title: str, lang: str = "en", article_id: str = "") -> Figure:
    """The HTML page a map is drawn in: ``<html lang>``, the escaped ``title`` and the digest of
    the article it maps (hex digits only; see :mod:`mapper.naming`)."""
    fig = _Page()
    fig.title = esc(title)
    fig.lang = esc(lang)
    fig.article_id = re.sub(r"[^0-9a-f]", "", article_id)
    return fig


# The embedded map's frame: its scripts may run and open links in a new tab, but never reach
# the host page (no allow-same-origin: the frame's origin is opaque).
FRAME_SANDBOX = "allow-scripts allow-popups allow-popups-to-escape-sandbox"


def framed(page_html: str, title: str, height: str) -> str:
    """An HTML fragment that shows the complete page ``page_html`` (built by this module's
    paths) in an ``<iframe srcdoc>``: the page is one attribute value, quotes and angle
    brackets written as entities, so nothing of it is markup in the host page, and its styles
    and scripts stay inside the frame. ``title`` is the frame's accessible name (escaped)."""
    doc = html.escape(page_html, quote=True)
    box = f"position:relative;display:block;width:100%;height:{esc(height)};margin:0;padding:0"
    return (
        f'<div class="mapper-embed" style="{box}">'
        f'<iframe title="{esc(title)}" srcdoc="{doc}" sandbox="{FRAME_SANDBOX}"'
        ' referrerpolicy="no-referrer"'
        ' style="display:block;width:100%;height:100%;border:0;margin:0;padding:0"></iframe>'
        "</div>\n"
    )


__all__ = [
    "PageHtml",
    "div_icon",
    "esc",
    "feature_group",
    "framed",
    "inert",
    "layer_name",
    "page",
    "popup",
    "script_json",
    "tooltip",
]

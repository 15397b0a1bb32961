"""What "no executable form" means, checked the way a browser parses the page.

The rendered HTML is parsed with html5lib (the WHATWG parsing algorithm that
browsers implement), so markup that only turns dangerous after the browser's
own repairs (mutation XSS) is seen as the browser would see it.
"""

import json
import re

import html5lib

from website.stylesheet import site_stylesheet

# Elements that run code, load other documents or change how the page is read.
FORBIDDEN_ELEMENTS = {
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "svg",
    "math",
    "style",
    "base",
    "template",
    "noscript",
    "portal",
    "xmp",
    "plaintext",
    "listing",
}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset", "background", "ping"}
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:", "livescript:")
# Browsers drop tabs, newlines and control characters inside a scheme ("java\tscript:").
_IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20\x7f-\x9f]")

NAMESPACE = re.compile(r"^\{[^}]*\}")

# Structured data (hamleh/structured_data.py): a data block, which browsers never run.
JSON_LD_TYPE = "application/ld+json"
# Text that could end the element or switch the parser into its "escaped" states.
_SCRIPT_BREAKERS = ("</script", "<!--")


def _local_name(tag):
    return NAMESPACE.sub("", tag) if isinstance(tag, str) else ""


def executable_findings(html, *, allowed_script_prefix="/static/"):
    """Every place in `html` where a browser could run code; an empty list means safe."""
    document = html5lib.parse(html, namespaceHTMLElements=True)
    findings = []
    for element in document.iter():
        name = _local_name(element.tag)
        if not name:
            continue
        namespace = element.tag[1 : element.tag.index("}")] if element.tag.startswith("{") else ""
        if namespace and namespace != "http://www.w3.org/1999/xhtml":
            findings.append(f"foreign element <{name}> ({namespace})")
        # The one <style> the CSP allows by its hash: the site's own stylesheet, to the byte.
        is_site_stylesheet = name == "style" and element.text == site_stylesheet()
        if name in FORBIDDEN_ELEMENTS and not is_site_stylesheet:
            findings.append(f"<{name}>")
        if name == "script" and is_json_ld(element):
            problem = json_data_block_problem(element)
            if problem:
                findings.append(f"JSON-LD block {problem}: {(element.text or '')[:60]!r}")
        elif name == "script":
            src = element.get("src", "")
            if not src.startswith(allowed_script_prefix) or (element.text or "").strip():
                findings.append(f"script not from our static files: src={src!r} text={(element.text or '')[:60]!r}")
        if name == "meta" and element.get("http-equiv", "").lower() == "refresh":
            findings.append("<meta http-equiv=refresh>")
        preloads = {"import", "prefetch", "preload", "modulepreload"}
        off_site = not element.get("href", "").startswith("/")
        if name == "link" and element.get("rel", "").lower() in preloads and off_site:
            findings.append(f"<link rel={element.get('rel')}> off-site")
        for attribute, value in element.attrib.items():
            attribute_name = _local_name(attribute).lower()
            if attribute_name.startswith("on"):
                findings.append(f"event handler {attribute_name}= on <{name}>")
            if attribute_name in URL_ATTRIBUTES:
                scheme = _IGNORED_IN_SCHEME.sub("", value).lower()
                if scheme.startswith(DANGEROUS_SCHEMES):
                    findings.append(f"{attribute_name}={value[:60]!r} on <{name}>")
            if attribute_name == "style" and re.search(r"expression\(|url\(|javascript:", value, re.IGNORECASE):
                findings.append(f"style with code on <{name}>")
    return findings


def is_json_ld(element):
    """A `<script>` whose type makes it a JSON-LD data block (browsers strip the spaces around a type)."""
    return element.get("type", "").strip().lower() == JSON_LD_TYPE


def json_data_block_problem(element):
    """Why a JSON-LD `<script>` is not an inert data block, or None when it is one.

    It must load nothing, hold valid JSON and no text that could close the element or
    start a comment: escaped the way `json_script` does it, an injected value cannot.
    """
    if element.get("src") is not None:
        return "with a src"
    text = element.text or ""
    if any(breaker in text.lower() for breaker in _SCRIPT_BREAKERS):
        return "with markup that could end it"
    try:
        json.loads(text)
    except ValueError:
        return "that is not JSON"
    return None

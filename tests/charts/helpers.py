"""Reading the charts back as XML, so tests check geometry rather than strings."""

import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def find_all(root: ET.Element, tag: str) -> list[ET.Element]:
    return list(root.iter(f"{SVG}{tag}"))


def texts(root: ET.Element) -> list[str]:
    return [node.text or "" for node in find_all(root, "text")]


def number(node: ET.Element, attribute: str) -> float:
    return float(node.attrib[attribute])

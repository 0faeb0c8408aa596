#!/usr/bin/env python3
"""Write a scenario's orders of battle (and fill its scenario template) from
the unit tables in tools/oobgen/<scenario>.py and the places of its map.

    python3 tools/oobgen/gen.py gela          # or sicily, salerno, all
    python3 tools/oobgen/gen.py --check all   # the files on disk are what it writes

It refuses a unit whose attack or defence is not the ratings formula's
(tools/oobgen/oob.py `ratings`, docs/oob.md).

Why a generator: setup hexes depend on the generated map (rerunning
`landfall mapgen` can move Niscemi by a hex), so units are placed "near" a
named place, beach, drop zone or edge and this tool picks the nearest legal
hex: land, enterable by the unit's movement class, under the stacking limit,
not holding enemy units. The RON it writes is ordinary, hand-editable data;
rerun the tool after regenerating a map. Deterministic: ties in distance go
to the smaller (col, row).

The template `tools/oobgen/<scenario>.scenario.ron` becomes
`scenarios/<scenario>/scenario.ron` with these tokens replaced:
  {{beach:ID}}            the hexes of beach ID
  {{beach_except:ID:P}}   the hexes of beach ID except that of place P
  {{coast_between:A:B}}   coastal land hexes from the last hex of beach A to
                          the first hex of beach B (the gap between them)
"""

import importlib.util
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

# Movement classes of the unit types (scenarios/common/unit_types.ron).
TYPE_CLASS = {
    "infantry": "Foot", "motorised": "Motorised", "mechanised": "Motorised",
    "armour": "Tracked", "airborne": "Foot", "glider": "Foot", "commando": "Foot",
    "artillery": "Motorised", "coastal": "Foot", "garrison": "Foot",
    "hq": "Motorised", "recon": "Motorised",
}


def parse_terrain_classes():
    """terrain id -> set of classes that may enter it (from terrain.ron)."""
    text = open(os.path.join(ROOT, "scenarios/common/terrain.ron")).read()
    out = {}
    for m in re.finditer(r'"(\w+)": \(\s*name: "[^"]*",\s*move_cost: \{([^}]*)\}', text):
        out[m.group(1)] = set(re.findall(r"(Foot|Motorised|Tracked):", m.group(2)))
    return out


class Map:
    """The parts of a generated map.ron the placement needs."""

    def __init__(self, path):
        text = open(path).read()
        self.width = int(re.search(r"\bwidth: (\d+)", text).group(1))
        self.height = int(re.search(r"\bheight: (\d+)", text).group(1))
        legend = re.search(r"legend: \{(.*?)\}", text, re.S).group(1)
        self.legend = dict(re.findall(r"'(.)': \"(\w+)\"", legend))
        rows = re.search(r"rows: \[(.*?)\]", text, re.S).group(1)
        self.rows = re.findall(r'"([^"]*)"', rows)
        assert len(self.rows) == self.height, "rows/height mismatch"
        self.anchors = {}  # id -> list of hexes
        for m in re.finditer(r'\(id: "([^"]+)", name: "((?:[^"\\]|\\.)*)", kind: (\w+), hex: \((\d+), (\d+)\)', text):
            self.anchors[m.group(1)] = [(int(m.group(4)), int(m.group(5)))]
        for m in re.finditer(r'\(id: "([^"]+)", name: "(?:[^"\\]|\\.)*", hexes: \[([^\]]*)\]', text):
            self.anchors[m.group(1)] = [(int(a), int(b)) for a, b in re.findall(r"\((\d+), (\d+)\)", m.group(2))]
        for m in re.finditer(r'\(id: "([^"]+)", name: "(?:[^"\\]|\\.)*", hex: \((\d+), (\d+)\)\)', text):
            self.anchors[m.group(1)] = [(int(m.group(2)), int(m.group(3)))]

    def terrain(self, h):
        c, r = h
        return self.legend[self.rows[r][c]]

    def on_map(self, h):
        return 0 <= h[0] < self.width and 0 <= h[1] < self.height

    def hexes(self):
        for r in range(self.height):
            for c in range(self.width):
                yield (c, r)

    def neighbours(self, h):
        q, r = cube(h)
        for dq, dr in ((1, 0), (1, -1), (0, -1), (-1, 0), (-1, 1), (0, 1)):
            n = offset((q + dq, r + dr))
            if self.on_map(n):
                yield n

    def coastal(self, h):
        return self.terrain(h) != "sea" and any(self.terrain(n) == "sea" for n in self.neighbours(h))


def cube(h):
    """Odd-q offset (col, row) -> axial (q, r), as src/hex/coord.rs."""
    c, r = h
    return c, r - (c - (c & 1)) // 2


def offset(a):
    q, r = a
    return q, r + (q - (q & 1)) // 2


def distance(a, b):
    (q1, r1), (q2, r2) = cube(a), cube(b)
    dq, dr = q1 - q2, r1 - r2
    return (abs(dq) + abs(dr) + abs(dq + dr)) // 2


def load_data(name):
    spec = importlib.util.spec_from_file_location(name, os.path.join(HERE, name + ".py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


class Placer:
    def __init__(self, m, stacking, classes):
        self.m, self.stacking, self.classes = m, stacking, classes
        self.steps = {}  # hex -> (side, steps)

    def anchor(self, near):
        if isinstance(near, tuple):
            return near
        near, _, shift = near.partition("@")
        ident, _, index = near.partition("#")
        if ident not in self.m.anchors:
            sys.exit(f"unknown place/beach/drop zone/edge `{ident}` in the map")
        hexes = self.m.anchors[ident]
        c, r = hexes[int(index)] if index else hexes[len(hexes) // 2]
        if shift:
            dc, dr = (int(x) for x in shift.split(","))
            c, r = c + dc, r + dr
        return (c, r)

    def place(self, u, side):
        start = self.anchor(u["near"])
        cls = u.get("class") or TYPE_CLASS[u["type"]]
        best = None
        for h in self.m.hexes():
            t = self.m.terrain(h)
            if cls not in self.classes.get(t, set()):
                continue
            held = self.steps.get(h)
            if held and (held[0] != side or held[1] + u["steps"] > self.stacking):
                continue
            key = (distance(h, start), h)
            if best is None or key < best:
                best = key
        if best is None:
            sys.exit(f"no legal hex for {u['id']}")
        h = best[1]
        held = self.steps.get(h, (side, 0))
        self.steps[h] = (side, held[1] + u["steps"])
        return h


def q(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def entry(e, placer):
    kind, ident = e[0], e[1]
    if kind == "EdgeNear":
        # The hex of edge `ident` nearest to anchor e[2]: a road from Caltagirone
        # enters at the north edge above Caltagirone, not at its first hex.
        target = placer.anchor(e[2])
        ident = min(placer.m.anchors[ident], key=lambda h: (distance(h, target), h))
        kind = "Hex"
    if kind == "Hex":
        if isinstance(ident, str):
            ident = placer.anchor(ident)  # the hex of a place: a landing off a beach
        return f"Hex(({ident[0]}, {ident[1]}))"
    return f"{kind}({q(ident)})"


def unit_ron(u, setup, placer):
    lines = [
        "        (",
        f"            id: {q(u['id'])},",
        f"            name: {q(u['name'])},",
        f"            nation: {q(u['nation'])},",
        f"            parent: {q(u['parent'])},",
        f"            type: {q(u['type'])},",
        f"            size: {u['size']},",
        f"            steps: {u['steps']}, attack: {u['attack']}, defence: {u['defence']}, movement: {u['movement']},",
    ]
    if u.get("class"):
        lines.append(f"            class: Some({u['class']}),")
    if setup is not None:
        lines.append(f"            setup: Some(({setup[0]}, {setup[1]})),")
    a = u.get("arrival")
    if a:
        parts = [f"turn: {a['turn']}", f"at: {entry(a['at'], placer)}"]
        if a.get("alternatives"):
            parts.append("alternatives: [" + ", ".join(entry(x, placer) for x in a["alternatives"]) + "]")
        if a.get("night"):
            parts.append("night: true")
        if a.get("glider"):
            parts.append("glider: true")
        lines.append("            arrival: Some((" + ", ".join(parts) + ")),")
    if u.get("note"):
        lines.append(f"            note: {q(u['note'])},")
    lines.append("        ),")
    return "\n".join(lines)


def oob_ron(side, header, formations, units, setups, placer):
    out = [f"// {line}" if line else "//" for line in header]
    out.append("// Generated by tools/oobgen/gen.py from tools/oobgen/*.py; hand edits are")
    out.append("// fine, but rerunning the tool overwrites them. Scale: docs/oob.md.")
    out.append("(")
    out.append(f"    side: {side},")
    out.append("    formations: [")
    for f in formations:
        parent = f"Some({q(f['parent'])})" if f.get("parent") else "None"
        out.append(f"        (id: {q(f['id'])}, name: {q(f['name'])}, size: {f['size']}, parent: {parent}),")
    out.append("    ],")
    out.append("    units: [")
    for u in units:
        if u.get("comment"):
            out.append(f"        // {u['comment']}")
        out.append(unit_ron(u, setups.get(u["id"]), placer))
    out.append("    ],")
    out.append(")")
    return "\n".join(out) + "\n"


def fill_template(text, m):
    def beach(match):
        return ", ".join(f"({c}, {r})" for c, r in m.anchors[match.group(1)])

    def coast_between(match):
        a, b = m.anchors[match.group(1)][-1], m.anchors[match.group(2)][0]
        # Coastal land hexes no farther from both ends than they are apart.
        span = distance(a, b)
        hexes = [h for h in m.hexes() if m.coastal(h) and distance(h, a) <= span and distance(h, b) <= span]
        return ", ".join(f"({c}, {r})" for c, r in sorted(hexes))

    def beach_except(match):
        skip = set(m.anchors[match.group(2)])
        return ", ".join(f"({c}, {r})" for c, r in m.anchors[match.group(1)] if (c, r) not in skip)

    text = re.sub(r"\{\{beach:(\w+)\}\}", beach, text)
    text = re.sub(r"\{\{beach_except:(\w+):(\w+)\}\}", beach_except, text)
    text = re.sub(r"\{\{coast_between:(\w+):(\w+)\}\}", coast_between, text)
    return text


def check_ratings(name, data):
    """Every unit's attack and defence must be the formula's (oob.ratings,
    docs/oob.md): no hand-tuned counter and no per-scenario bonus."""
    from oob import composition, quality, ratings
    wrong = []
    for u in data.ALLIED_UNITS + data.AXIS_UNITS:
        r = ratings(u)
        if r != (u["attack"], u["defence"]):
            wrong.append(f"  {u['id']}: {u['attack']}/{u['defence']}, the formula gives {r[0]}/{r[1]}"
                         f" ({composition(u)}, quality {quality(u)})")
    if wrong:
        sys.exit(f"{name}: ratings that do not follow the formula (docs/oob.md):\n" + "\n".join(wrong))


def generate(name, check=False):
    data = load_data(name)
    check_ratings(name, data)
    out_dir = os.path.join(ROOT, "scenarios", name)
    m = Map(os.path.join(out_dir, "map.ron"))
    placer = Placer(m, data.STACKING, parse_terrain_classes())
    setups = {}
    # Axis first (they are in place), then Allied units already ashore.
    for side, units in (("Axis", data.AXIS_UNITS), ("Allied", data.ALLIED_UNITS)):
        for u in units:
            if u.get("near") is not None:
                setups[u["id"]] = placer.place(u, side)
    outputs = {}
    for side, forms, units, fname in (
        ("Allied", data.ALLIED_FORMATIONS, data.ALLIED_UNITS, "oob_allied.ron"),
        ("Axis", data.AXIS_FORMATIONS, data.AXIS_UNITS, "oob_axis.ron"),
    ):
        outputs[fname] = oob_ron(side, data.HEADER[side], forms, units, setups, placer)
    template = os.path.join(HERE, name + ".scenario.ron")
    with open(template) as f:
        outputs["scenario.ron"] = fill_template(f.read(), m)
    stale = []
    for fname, text in outputs.items():
        path = os.path.join(out_dir, fname)
        if check:
            with open(path) as f:
                if f.read() != text:
                    stale.append(f"scenarios/{name}/{fname}")
        else:
            with open(path, "w") as f:
                f.write(text)
    if stale:
        sys.exit("not what tools/oobgen/gen.py writes (rerun it): " + ", ".join(stale))
    counts = {s: len(u) for s, u in (("allied", data.ALLIED_UNITS), ("axis", data.AXIS_UNITS))}
    print(f"{name}: {counts['allied']} Allied, {counts['axis']} Axis units; {len(setups)} placed")


def main(argv):
    args = argv[1:]
    check = "--check" in args
    names = [a for a in args if a != "--check"] or ["all"]
    if names == ["all"]:
        names = ["gela", "sicily", "salerno"]
    for n in names:
        generate(n, check)


if __name__ == "__main__":
    main(sys.argv)

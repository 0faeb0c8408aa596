"""Small constructors for the unit tables in tools/oobgen/<scenario>.py."""


def F(ident, name, size, parent=None):
    """A formation (army, corps, division)."""
    return {"id": ident, "name": name, "size": size, "parent": parent}


def U(ident, name, nation, parent, utype, size, steps, attack, defence, movement,
      near=None, arrive=None, note="", cls=None, comment=None, comp=None, quality=None):
    """A unit. `near`: place/beach/drop zone/edge id ("id#i" = i-th hex of a
    beach or edge, "id@dc,dr" = offset from it) or an explicit (col, row)
    where it sets up; `arrive`: an A(...) schedule instead. `comp`: its steps
    by arm, [(arm, steps), ...], when not the type's default arm; `quality`:
    a QUALITY key when not the nation's and type's default. `attack` and
    `defence` must be what `ratings` gives (gen.py checks)."""
    return {"id": ident, "name": name, "nation": nation, "parent": parent, "type": utype,
            "size": size, "steps": steps, "attack": attack, "defence": defence,
            "movement": movement, "near": near, "arrival": arrive, "note": note,
            "class": cls, "comment": comment, "comp": comp, "quality": quality}


def A(turn, at, alternatives=(), night=False, glider=False):
    """An arrival: `at` and each alternative is (kind, id), kind one of Beach,
    Port, Drop, Edge (or ("Hex", (c, r)))."""
    return {"turn": turn, "at": at, "alternatives": list(alternatives), "night": night, "glider": glider}


def beach(i):
    return ("Beach", i)


def port(i):
    return ("Port", i)


def drop(i):
    return ("Drop", i)


def edge(i):
    return ("Edge", i)


def at_place(place):
    """The hex of a place (a landing where the map has no beach)."""
    return ("Hex", place)


def edge_near(edge_id, anchor):
    """The hex of map edge `edge_id` nearest to place `anchor` (an entry road)."""
    return ("EdgeNear", edge_id, anchor)


# ------------------------------------------------------------------ ratings
#
# One formula for every counter (docs/oob.md, "The ratings formula"; issue 18):
#
#     attack  = round(sum over the unit's steps of the arm's attack  x quality)
#     defence = round(sum over the unit's steps of the arm's defence x quality)
#
# men: the steps (one step ~ a battalion of 700-1,000 men, or 30-40 tanks);
# weapons: the arm of each step, its firepower per step in tenths of a point;
# quality: training and morale, a percentage. Rounded half up, never below 1.
# The sources for each row are in docs/oob.md; gen.py refuses a unit whose
# ratings differ from the formula.

# arm: (attack per step, defence per step) in tenths of a point
ARMS = {
    "rifle": (20, 20),            # infantry battalion with its MGs, mortars, AT guns, share of the divisional guns
    "italian_rifle": (15, 20),    # binary-division battalion: WW1 75/27 guns, 47/32 AT guns, few mortars
    "panzergrenadier": (23, 23),  # German (or US armoured) infantry: twice the MGs, own infantry guns and PaK
    "light": (20, 17),            # parachute, glider, Ranger, Commando, goums: no guns heavier than mortars
    "machine_gun": (10, 25),      # a heavy machine-gun battalion: holds ground, cannot take it
    "mobile_group": (40, 30),     # Italian motorised battalion group with a light-tank company and 47 mm guns
    "tank": (30, 20),             # a tank battalion or regiment's share: 30-50 medium tanks
    "heavy_tank": (50, 50),       # the Tiger company: 88 mm gun, 100 mm armour (17 tanks)
    "recon": (20, 20),            # armoured cars, half-tracks, motorcycle troops
    "field_artillery": (20, 10),  # 105 mm / 75 mm battalions: supports attacks from range, weak alone
    "medium_artillery": (25, 10), # corps 155 mm / 4.5-5.5 in regiments
    "coastal": (10, 20),          # fixed coastal positions, old guns, no transport
    "fortress": (10, 30),         # naval-base batteries and naval infantry behind fixed defences
    "hq": (10, 10),               # a corps headquarters and its escort
}

# quality: percent
QUALITY = {
    "regular": 100,   # US, British, Canadian, French, German line formations
    "elite": 130,     # Rangers, Commandos, SAS, goums, Fallschirmjaeger
    "italian": 67,    # Italian field divisions and army troops in 1943
    "coastal": 50,    # Italian coastal divisions and naval-base garrisons: over-age reservists
}

DEFAULT_ARM = {
    "infantry": "rifle", "motorised": "rifle", "mechanised": "panzergrenadier",
    "armour": "tank", "airborne": "light", "glider": "light", "commando": "light",
    "artillery": "field_artillery", "coastal": "coastal", "garrison": "fortress",
    "recon": "recon", "hq": "hq",
}


def composition(u):
    """The unit's steps by arm: [(arm, steps), ...]."""
    comp = u.get("comp")
    if comp:
        return comp
    arm = DEFAULT_ARM[u["type"]]
    if arm == "rifle" and u["nation"] == "IT":
        arm = "italian_rifle"
    return [(arm, u["steps"])]


def quality(u):
    if u.get("quality"):
        return u["quality"]
    if u["nation"] == "IT":
        return "coastal" if u["type"] in ("coastal", "garrison") else "italian"
    return "elite" if u["type"] == "commando" else "regular"


def ratings(u):
    """(attack, defence) from the formula."""
    comp = composition(u)
    if sum(n for _, n in comp) != u["steps"]:
        raise ValueError(f"{u['id']}: composition {comp} is not {u['steps']} steps")
    q = QUALITY[quality(u)]
    a = sum(n * ARMS[arm][0] for arm, n in comp)
    d = sum(n * ARMS[arm][1] for arm, n in comp)
    return max(1, (a * q + 500) // 1000), max(1, (d * q + 500) // 1000)

"""Small constructors for the unit tables in tools/oobgen/<scenario>.py."""


def F(ident, name, size, parent=None):
    """A formation (army, corps, division)."""
    return {"id": ident, "name": name, "size": size, "parent": parent}


def U(ident, name, nation, parent, utype, size, steps, attack, defence, movement,
      near=None, arrive=None, note="", cls=None, comment=None):
    """A unit. `near`: place/beach/drop zone/edge id ("id#i" = i-th hex of a
    beach or edge, "id@dc,dr" = offset from it) or an explicit (col, row)
    where it sets up; `arrive`: an A(...) schedule instead."""
    return {"id": ident, "name": name, "nation": nation, "parent": parent, "type": utype,
            "size": size, "steps": steps, "attack": attack, "defence": defence,
            "movement": movement, "near": near, "arrival": arrive, "note": note,
            "class": cls, "comment": comment}


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


def edge_near(edge_id, anchor):
    """The hex of map edge `edge_id` nearest to place `anchor` (an entry road)."""
    return ("EdgeNear", edge_id, anchor)

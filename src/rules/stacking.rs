//! Stacking: at most `rules.stacking_steps` steps of one side may end a move,
//! retreat, advance or arrival in one hex. Units may pass through friendly
//! stacks freely; the limit is checked where they stop and at setup (the
//! scenario validator warns about over-stacked setups).

use super::{GameView, Rejection, RejectionKind};
use crate::hex::{Hex, OffsetCoord};
use crate::scenario::UnitId;

/// May `unit` end its move in `hex` without over-stacking?
pub fn check_entry(view: &GameView, unit: UnitId, hex: Hex) -> Result<(), Rejection> {
    let def = view.def(unit);
    let limit = view.scenario.rules.stacking_steps;
    let here = view
        .units_at(hex)
        .iter()
        .filter(|&&u| u != unit && view.def(u).side == def.side)
        .map(|&u| view.unit(u).steps)
        .sum::<u32>();
    let steps = view.unit(unit).steps;
    if here + steps > limit {
        return Err(Rejection::new(
            RejectionKind::Stacking,
            format!(
                "{} ({steps} steps) cannot stop at {}: {here} steps are already there and the limit is {limit}",
                def.name,
                OffsetCoord::from_hex(hex)
            ),
        ));
    }
    Ok(())
}

/// Steps that `side` could still add to `hex`.
#[must_use]
pub fn room(view: &GameView, side: crate::scenario::Side, hex: Hex) -> u32 {
    view.scenario
        .rules
        .stacking_steps
        .saturating_sub(view.steps_at(hex, side))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{builder::TestScenario, Side};

    #[test]
    fn stacking_limit_refuses_the_tenth_step() {
        let t = TestScenario::new(&["ccc"])
            .rules(|r| r.stacking_steps = 6)
            .unit("a", Side::Allied, "infantry", (0, 0))
            .unit("b", Side::Allied, "infantry", (1, 0))
            .unit("c", Side::Allied, "infantry", (1, 0))
            .build();
        let v = t.view();
        let a = t.scenario.unit_id("a").unwrap();
        let err = check_entry(&v, a, OffsetCoord(1, 0).to_hex()).unwrap_err();
        assert_eq!(err.kind, RejectionKind::Stacking);
        assert_eq!(
            err.reason,
            "a (3 steps) cannot stop at (1,0): 6 steps are already there and the limit is 6"
        );
        assert!(check_entry(&v, a, OffsetCoord(2, 0).to_hex()).is_ok());
        assert_eq!(room(&v, Side::Allied, OffsetCoord(1, 0).to_hex()), 0);
    }
}

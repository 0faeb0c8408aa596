//! Hexsides: the edge shared by two adjacent hexes.

use hexx::{EdgeDirection, Hex};

/// The side between two adjacent hexes, in a canonical form so that both hexes
/// name the same side: the owning hex and one of the first three directions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Hexside {
    x: i32,
    y: i32,
    dir: u8,
}

impl Hexside {
    /// The side of `hex` facing `dir`.
    #[must_use]
    pub fn new(hex: Hex, dir: EdgeDirection) -> Self {
        if dir.index() < 3 {
            Self {
                x: hex.x,
                y: hex.y,
                dir: dir.index(),
            }
        } else {
            let n = hex.neighbor(dir);
            Self {
                x: n.x,
                y: n.y,
                dir: dir.const_neg().index(),
            }
        }
    }

    /// The side between two hexes, or `None` if they are not adjacent.
    #[must_use]
    pub fn between(a: Hex, b: Hex) -> Option<Self> {
        a.neighbor_direction(b).map(|d| Self::new(a, d))
    }

    /// The two hexes this side separates.
    #[must_use]
    pub fn hexes(self) -> (Hex, Hex) {
        let d = EdgeDirection::ALL_DIRECTIONS[self.dir as usize];
        let hex = Hex::new(self.x, self.y);
        (hex, hex.neighbor(d))
    }
}

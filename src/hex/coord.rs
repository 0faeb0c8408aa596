//! Offset coordinates as designers write them: `(col, row)`.

use hexx::{Hex, HexOrientation, OffsetHexMode};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Hex orientation used by every Landfall map.
pub const ORIENTATION: HexOrientation = HexOrientation::Flat;
/// Offset mode: odd columns are shoved half a hex south.
pub const LAYOUT_MODE: OffsetHexMode = OffsetHexMode::Odd;

/// A hex as printed on the map: column (west→east), row (north→south).
///
/// Serialized in RON as a tuple `(col, row)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct OffsetCoord(pub i32, pub i32);

impl OffsetCoord {
    /// Column (west→east).
    #[must_use]
    pub const fn col(self) -> i32 {
        self.0
    }
    /// Row (north→south).
    #[must_use]
    pub const fn row(self) -> i32 {
        self.1
    }
    /// The axial hex for these offset coordinates.
    #[must_use]
    pub fn to_hex(self) -> Hex {
        Hex::from_offset_coordinates([self.0, self.1], LAYOUT_MODE, ORIENTATION)
    }
    /// The offset coordinates of an axial hex.
    #[must_use]
    pub fn from_hex(hex: Hex) -> Self {
        let [c, r] = hex.to_offset_coordinates(LAYOUT_MODE, ORIENTATION);
        Self(c, r)
    }
}

impl fmt::Display for OffsetCoord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "({},{})", self.0, self.1)
    }
}

impl From<Hex> for OffsetCoord {
    fn from(h: Hex) -> Self {
        Self::from_hex(h)
    }
}

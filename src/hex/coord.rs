//! Offset coordinates as designers write them: `(col, row)`.

use hexx::{Hex, HexOrientation, OffsetHexMode};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Hex orientation used by every Landfall map.
pub const ORIENTATION: HexOrientation = HexOrientation::Flat;
/// Offset mode: odd columns are shoved half a hex south.
pub const LAYOUT_MODE: OffsetHexMode = OffsetHexMode::Odd;

/// Largest offset coordinate (in absolute value) [`OffsetCoord::to_hex`]
/// keeps: far beyond the largest map (`scenario::limits::MAX_MAP_SIDE`, 1000)
/// and far below `i32` overflow in axial arithmetic.
pub const MAX_COORD: i32 = 1 << 24;

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
    ///
    /// Coordinates beyond ±[`MAX_COORD`] are clamped to it: such a hex is
    /// off every map either way, and clamping keeps hexx's conversions and
    /// axial arithmetic (neighbours, distances) clear of `i32` overflow on
    /// hostile input such as a replay naming `(2147483647, -2147483648)`.
    #[must_use]
    pub fn to_hex(self) -> Hex {
        let [c, r] = [self.0, self.1].map(|v| v.clamp(-MAX_COORD, MAX_COORD));
        Hex::from_offset_coordinates([c, r], LAYOUT_MODE, ORIENTATION)
    }
    /// The offset coordinates of an axial hex (clamped like [`Self::to_hex`]).
    #[must_use]
    pub fn from_hex(hex: Hex) -> Self {
        let h = Hex::new(
            hex.x.clamp(-2 * MAX_COORD, 2 * MAX_COORD),
            hex.y.clamp(-2 * MAX_COORD, 2 * MAX_COORD),
        );
        let [c, r] = h.to_offset_coordinates(LAYOUT_MODE, ORIENTATION);
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

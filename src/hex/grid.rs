//! A rectangular map of `width × height` hexes stored flat, row-major.

use super::OffsetCoord;
use hexx::Hex;

/// The shape of a map: which hexes exist and where each is stored.
///
/// Per-hex data lives in plain `Vec`s indexed by [`HexGrid::index`], which is
/// far faster than hash maps in the inner loops of movement and supply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HexGrid {
    /// Number of columns.
    pub width: u32,
    /// Number of rows.
    pub height: u32,
}

impl HexGrid {
    /// A grid of `width` columns and `height` rows.
    #[must_use]
    pub const fn new(width: u32, height: u32) -> Self {
        Self { width, height }
    }

    /// Number of hexes.
    #[must_use]
    pub const fn len(&self) -> usize {
        self.width as usize * self.height as usize
    }

    /// True for a grid without hexes.
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether the offset coordinate lies on the map.
    #[must_use]
    pub fn contains_offset(&self, c: OffsetCoord) -> bool {
        c.0 >= 0 && c.1 >= 0 && (c.0 as u32) < self.width && (c.1 as u32) < self.height
    }

    /// The storage index of a hex, or `None` off the map.
    #[must_use]
    pub fn index(&self, hex: Hex) -> Option<usize> {
        self.offset_index(OffsetCoord::from_hex(hex))
    }

    /// The storage index of an offset coordinate, or `None` off the map.
    #[must_use]
    pub fn offset_index(&self, c: OffsetCoord) -> Option<usize> {
        self.contains_offset(c)
            .then(|| c.1 as usize * self.width as usize + c.0 as usize)
    }

    /// The hex stored at `index`.
    #[must_use]
    pub fn hex_at(&self, index: usize) -> Hex {
        self.offset_at(index).to_hex()
    }

    /// The offset coordinate stored at `index`.
    #[must_use]
    pub fn offset_at(&self, index: usize) -> OffsetCoord {
        let w = self.width as usize;
        OffsetCoord((index % w) as i32, (index / w) as i32)
    }

    /// Every hex, row by row from the north-west corner.
    pub fn hexes(&self) -> impl Iterator<Item = Hex> + '_ {
        (0..self.len()).map(|i| self.hex_at(i))
    }
}

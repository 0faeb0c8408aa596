//! Far zoom: blocks that would cover each other join. Below the full
//! counter's size a hex shows one block (`units.rs`), enlarged so that it
//! stays legible; when the map is zoomed out so far that neighbouring blocks
//! would overlap, a block of a side that lies within one block's width of a
//! block of the same side kept before it is not drawn, and its units are
//! counted on the kept one. Blocks of the two sides never join (the front
//! must stay visible).

use bevy::math::Vec2;

/// One stack's top block: where it stands (world units), its side's index
/// and how many units it holds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Block {
    /// Centre of its hex, world units.
    pub at: Vec2,
    /// `Side::index()` of its units.
    pub side: usize,
    /// Units in the stack.
    pub units: usize,
}

/// For each block (in the order given: the caller puts the larger stacks
/// first, then by unit id, so the result is the same every frame), the
/// index of the block that stands for it — itself when it is drawn — and
/// the units each drawn block then counts.
#[must_use]
pub fn join(blocks: &[Block], width: f32) -> (Vec<usize>, Vec<usize>) {
    let mut stands_for = Vec::with_capacity(blocks.len());
    let mut counts = vec![0; blocks.len()];
    let mut kept: Vec<usize> = Vec::new();
    for (i, b) in blocks.iter().enumerate() {
        let near = kept.iter().copied().find(|&k| {
            let d = (blocks[k].at - b.at).abs();
            blocks[k].side == b.side && d.x < width && d.y < width
        });
        let k = near.unwrap_or_else(|| {
            kept.push(i);
            i
        });
        stands_for.push(k);
        counts[k] += b.units;
    }
    (stands_for, counts)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(x: f32, side: usize, units: usize) -> Block {
        Block {
            at: Vec2::new(x, 0.0),
            side,
            units,
        }
    }

    #[test]
    fn overlapping_blocks_of_a_side_join_and_count_their_units() {
        let blocks = [
            block(0.0, 0, 3),
            block(20.0, 0, 1),
            block(25.0, 1, 2),
            block(100.0, 0, 1),
        ];
        let (stands_for, counts) = join(&blocks, 50.0);
        // The second Allied block joins the first; the Axis block next to
        // them stays (sides never join); the far one stays.
        assert_eq!(stands_for, vec![0, 0, 2, 3]);
        assert_eq!(counts, vec![4, 0, 2, 1]);
    }

    #[test]
    fn blocks_that_do_not_overlap_all_stay() {
        let blocks = [block(0.0, 0, 1), block(60.0, 0, 2), block(120.0, 0, 1)];
        let (stands_for, counts) = join(&blocks, 50.0);
        assert_eq!(stands_for, vec![0, 1, 2]);
        assert_eq!(counts, vec![1, 2, 1]);
    }
}

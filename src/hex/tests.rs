use super::*;

fn h(c: i32, r: i32) -> Hex {
    OffsetCoord(c, r).to_hex()
}

#[test]
fn offset_axial_round_trip() {
    for c in -5..20 {
        for r in -5..20 {
            assert_eq!(
                OffsetCoord::from_hex(OffsetCoord(c, r).to_hex()),
                OffsetCoord(c, r)
            );
        }
    }
}

#[test]
fn odd_columns_sit_half_a_hex_south() {
    // Even column (2,2): its east neighbours are (3,1) and (3,2).
    let mut n: Vec<OffsetCoord> = h(2, 2).all_neighbors().map(OffsetCoord::from_hex).to_vec();
    n.sort();
    assert_eq!(
        n,
        vec![
            OffsetCoord(1, 1),
            OffsetCoord(1, 2),
            OffsetCoord(2, 1),
            OffsetCoord(2, 3),
            OffsetCoord(3, 1),
            OffsetCoord(3, 2)
        ]
    );
    // Odd column (3,2): its east neighbours are (4,2) and (4,3).
    let mut n: Vec<OffsetCoord> = h(3, 2).all_neighbors().map(OffsetCoord::from_hex).to_vec();
    n.sort();
    assert_eq!(
        n,
        vec![
            OffsetCoord(2, 2),
            OffsetCoord(2, 3),
            OffsetCoord(3, 1),
            OffsetCoord(3, 3),
            OffsetCoord(4, 2),
            OffsetCoord(4, 3)
        ]
    );
}

#[test]
fn distance_between_offsets() {
    assert_eq!(h(0, 0).unsigned_distance_to(h(0, 5)), 5);
    assert_eq!(h(0, 0).unsigned_distance_to(h(4, 0)), 4);
    assert_eq!(h(0, 0).unsigned_distance_to(h(3, 3)), 5);
    assert_eq!(h(2, 2).unsigned_distance_to(h(3, 2)), 1);
}

#[test]
fn ring_has_six_r_hexes() {
    assert_eq!(h(5, 5).ring(1).count(), 6);
    assert_eq!(h(5, 5).ring(3).count(), 18);
    assert!(h(5, 5)
        .ring(2)
        .all(|x| x.unsigned_distance_to(h(5, 5)) == 2));
}

#[test]
fn hexside_is_shared_by_both_hexes() {
    let a = h(3, 2);
    for b in a.all_neighbors() {
        assert_eq!(Hexside::between(a, b), Hexside::between(b, a));
        let (x, y) = Hexside::between(a, b).unwrap().hexes();
        assert!((x == a && y == b) || (x == b && y == a));
    }
    assert_eq!(Hexside::between(h(0, 0), h(5, 5)), None);
}

#[test]
fn grid_index_round_trip() {
    let g = HexGrid::new(7, 5);
    for i in 0..g.len() {
        assert_eq!(g.index(g.hex_at(i)), Some(i));
    }
    assert_eq!(g.index(h(7, 0)), None);
    assert_eq!(g.index(h(-1, 0)), None);
}

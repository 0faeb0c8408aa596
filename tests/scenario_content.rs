//! The shipped scenario data: the shared tables parse into the schema types,
//! and every shipped scenario loads without errors. (The loader's own error
//! handling is tested beside the loader; this file tests the content.)

use landfall::scenario::schema::{CrtFile, MoveClass, TerrainFile, UnitTypesFile};
use std::path::Path;

fn read(path: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

#[test]
fn terrain_table_has_the_map_generator_ids_and_costs() {
    let t: TerrainFile = ron::from_str(&read("scenarios/common/terrain.ron")).expect("terrain.ron parses");
    let ids: Vec<&str> = t.terrain.keys().map(String::as_str).collect();
    assert_eq!(
        ids,
        ["city", "clear", "forest", "hills", "marsh", "mountain", "rough", "sea", "town", "volcano"]
    );
    for (id, spec) in &t.terrain {
        if spec.water {
            assert!(spec.move_cost.is_empty(), "{id}");
        } else {
            assert!(spec.move_cost.contains_key(&MoveClass::Foot), "{id}: foot may enter");
        }
    }
    assert!(t.terrain["volcano"].move_cost.get(&MoveClass::Motorised).is_none());
    assert_eq!(t.terrain["mountain"].combat_shift, -2);
}

#[test]
fn unit_types_cover_every_arm() {
    let u: UnitTypesFile = ron::from_str(&read("scenarios/common/unit_types.ron")).expect("unit_types.ron parses");
    for id in [
        "infantry", "armour", "mechanised", "motorised", "airborne", "glider", "commando", "artillery",
        "coastal", "garrison", "hq", "recon",
    ] {
        assert!(u.types.contains_key(id), "{id}");
    }
    assert!(u.types["coastal"].static_unit && u.types["coastal"].no_zoc);
    assert!(u.types["armour"].armour && u.types["infantry"].infantry);
}

#[test]
fn crt_has_ten_d6_columns_and_scatter_in_36ths() {
    let c: CrtFile = ron::from_str(&read("scenarios/common/crt.ron")).expect("crt.ron parses");
    assert_eq!(c.die, 6);
    assert_eq!(c.columns.first().map(|c| c.odds), Some((1, 3)));
    assert_eq!(c.columns.last().map(|c| c.odds), Some((7, 1)));
    assert_eq!(c.columns.len(), 10);
    assert_eq!(c.scatter.distance_day.iter().sum::<u32>(), c.scatter.out_of);
    assert_eq!(c.scatter.distance_night.iter().sum::<u32>(), c.scatter.out_of);
}

//! The map generator on the real data: determinism, and that the committed
//! maps put named places where they are on the ground.

use landfall::hex::OffsetCoord;
use landfall::mapgen::{self, projection::BBox, Region};
use landfall::scenario::schema::MapFile;

fn generate(region: Region, hex_km: f64, bbox: Option<BBox>) -> mapgen::Generated {
    let opts = mapgen::Options {
        region,
        hex_km,
        bbox,
        data_root: mapgen::default_data_root(),
    };
    mapgen::generate(&opts).expect("mapgen runs on the bundled data")
}

fn committed(name: &str) -> MapFile {
    let path = format!("{}/scenarios/{name}/map.ron", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("committed map exists");
    ron::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn is_land(m: &MapFile, c: OffsetCoord) -> bool {
    m.rows
        .get(c.1 as usize)
        .and_then(|r| r.chars().nth(c.0 as usize))
        .is_some_and(|ch| ch != '.')
}

fn place(m: &MapFile, id: &str) -> OffsetCoord {
    m.places
        .iter()
        .find(|p| p.id == id)
        .unwrap_or_else(|| panic!("place {id} missing"))
        .hex
}

fn hex_distance(a: OffsetCoord, b: OffsetCoord) -> u32 {
    a.to_hex().unsigned_distance_to(b.to_hex())
}

fn coastal(m: &MapFile, c: OffsetCoord) -> bool {
    c.to_hex()
        .all_neighbors()
        .iter()
        .any(|&n| !is_land(m, OffsetCoord::from_hex(n)))
}

#[test]
fn same_inputs_give_byte_identical_ron() {
    let a = generate(Region::Salerno, 2.0, None);
    let b = generate(Region::Salerno, 2.0, None);
    let header = vec!["test".to_owned()];
    let ra = mapgen::ron_out::to_ron(&a.map, &header).expect("ron");
    let rb = mapgen::ron_out::to_ron(&b.map, &header).expect("ron");
    assert_eq!(ra, rb);
    // And the RON reads back as the same map.
    let back: MapFile = ron::from_str(&ra).expect("generated RON parses");
    assert_eq!(mapgen::ron_out::to_ron(&back, &header).expect("ron"), ra);
}

#[test]
fn committed_maps_match_the_generator() {
    // Rerunning the documented commands reproduces the committed maps
    // (ignoring the comment header).
    let strip = |s: &str| -> String {
        s.lines()
            .filter(|l| !l.starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let gela = BBox {
        west: 14.08,
        south: 36.90,
        east: 14.58,
        north: 37.28,
    };
    // The sub-maps of "Baytown" and "Race for Messina" (their hand work
    // is in overlay.ron beside them).
    let baytown = BBox {
        west: 15.45,
        south: 37.90,
        east: 15.75,
        north: 38.33,
    };
    let messina = BBox {
        west: 14.25,
        south: 37.35,
        east: 15.75,
        north: 38.35,
    };
    for (name, region, km, bbox) in [
        ("sicily", Region::Sicily, 5.0, None),
        ("salerno", Region::Salerno, 2.0, None),
        ("gela", Region::Sicily, 2.0, Some(gela)),
        ("baytown", Region::Sicily, 2.0, Some(baytown)),
        ("messina", Region::Sicily, 5.0, Some(messina)),
    ] {
        let path = format!("{}/scenarios/{name}/map.ron", env!("CARGO_MANIFEST_DIR"));
        let on_disk = std::fs::read_to_string(&path).expect("committed map");
        let fresh = mapgen::ron_out::to_ron(&generate(region, km, bbox).map, &[]).expect("ron");
        assert!(
            strip(&on_disk) == strip(&fresh),
            "{path} differs from a fresh mapgen run"
        );
    }
}

#[test]
fn sicily_has_its_places_where_they_belong() {
    let m = committed("sicily");
    assert_eq!((m.width, m.height), (69, 38));
    let land = m
        .rows
        .iter()
        .flat_map(|r| r.chars())
        .filter(|&c| c != '.')
        .count();
    // Sicily (25,700 km²) plus the Calabrian shore and islands, in hexes of
    // 21.65 km² (5 km across flats): about 1,200.
    assert!((1150..=1260).contains(&land), "{land} land hexes");
    let (w, h) = (m.width as i32, m.height as i32);
    let palermo = place(&m, "palermo");
    assert!(
        palermo.0 < w / 3 && palermo.1 < h / 4,
        "Palermo in the north-west: {palermo}"
    );
    let messina = place(&m, "messina");
    assert!(
        messina.0 > w * 9 / 10 && messina.1 < h / 6,
        "Messina at the north-east tip: {messina}"
    );
    let gela = place(&m, "gela");
    assert!(
        coastal(&m, gela) && gela.1 > h * 2 / 3,
        "Gela on the south coast: {gela}"
    );
    // Syracuse–Messina is 126 km as the crow flies (37.07N 15.28E to
    // 38.19N 15.55E); in 5 km hexes that is 25 hexes, and the hex metric
    // adds up to 15 %.
    let d = hex_distance(place(&m, "syracuse"), messina);
    assert!((25..=29).contains(&d), "Syracuse–Messina {d} hexes");
    for p in &m.places {
        assert!(is_land(&m, p.hex), "{} at {} is in the sea", p.id, p.hex);
    }
}

/// Is `c` on a main or secondary road of `m`?
fn on_road(m: &MapFile, c: OffsetCoord) -> bool {
    use landfall::scenario::schema::RoadClass;
    m.roads
        .iter()
        .any(|r| r.class != RoadClass::Rail && r.path.contains(&c))
}

#[test]
fn bridges_and_road_towns_sit_on_their_lines() {
    // Issue 20: the Malati bridge ended in a field beside the road and
    // Lentini beside the SS114 (src/mapgen/snap.rs).
    let m = committed("sicily");
    let malati = place(&m, "malati_bridge");
    assert!(
        m.bridges.iter().any(|&(a, b)| a == malati || b == malati),
        "Malati bridge at {malati} is on no bridge"
    );
    let lentini = place(&m, "lentini");
    assert!(on_road(&m, lentini), "Lentini at {lentini} is on no road");
    let s = committed("salerno");
    let calore = place(&s, "calore_bridge");
    assert!(
        s.bridges.iter().any(|&(a, b)| a == calore || b == calore),
        "Calore bridge at {calore} is on no bridge"
    );
}

#[test]
fn sicily_landings_strait_and_edges() {
    let m = committed("sicily");
    let beaches: Vec<&str> = m.beaches.iter().map(|b| b.id.as_str()).collect();
    assert_eq!(
        beaches,
        [
            "joss_licata",
            "dime_gela",
            "cent_scoglitti",
            "bark_west",
            "bark_south",
            "bark_east",
            "acid_north_avola",
            "acid_south_cassibile"
        ]
    );
    for b in &m.beaches {
        assert!(!b.hexes.is_empty() && b.capacity == 3 * b.hexes.len() as u32);
        for &h in &b.hexes {
            assert!(is_land(&m, h) && coastal(&m, h), "beach {} hex {h}", b.id);
        }
    }
    let drops: Vec<&str> = m.drop_zones.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(
        drops,
        [
            "husky_no_1_505th_pir",
            "ladbroke_ponte_grande",
            "husky_no_2_farello",
            "fustian_primosole",
            "fallschirmjaeger_drops_catania"
        ]
    );
    let messina = m
        .places
        .iter()
        .find(|p| p.id == "messina")
        .expect("messina");
    assert!(messina.evacuation && messina.port_capacity == 6);
    assert_eq!(m.places.iter().filter(|p| p.evacuation).count(), 1);
    // One strait hexside joins Sicily and Calabria, a few hexes from Messina.
    assert_eq!(m.straits.len(), 1);
    let (a, b) = m.straits[0];
    assert_eq!(hex_distance(a, b), 1);
    assert!(hex_distance(a, messina.hex) <= 3);
    let reggio = m
        .edges
        .iter()
        .find(|e| e.id == "reggio")
        .expect("reggio edge");
    assert!(reggio.hexes.contains(&place(&m, "reggio_calabria")));
    assert!(m
        .rivers
        .iter()
        .any(|r| r.name == "Simeto" && !r.sides.is_empty()));
    assert!(!m.bridges.is_empty());
}

#[test]
fn salerno_has_its_beaches_drops_and_edges() {
    let m = committed("salerno");
    let beaches: Vec<&str> = m.beaches.iter().map(|b| b.id.as_str()).collect();
    assert_eq!(
        beaches,
        [
            "uncle",
            "sugar",
            "roger",
            "red",
            "green",
            "yellow",
            "blue",
            "maiori_rangers",
            "vietri_commandos"
        ]
    );
    let drops: Vec<&str> = m.drop_zones.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(drops, ["82nd_airborne_dz_paestum", "509th_pib_dz_avellino"]);
    for id in ["north", "east", "south"] {
        assert!(m.edges.iter().any(|e| e.id == id), "edge {id}");
    }
    for p in &m.places {
        assert!(is_land(&m, p.hex), "{} at {} is in the sea", p.id, p.hex);
    }
    // Salerno is west of Battipaglia, Paestum south of both, Avellino north.
    let (salerno, batt) = (place(&m, "salerno"), place(&m, "battipaglia"));
    assert!(salerno.0 < batt.0);
    assert!(place(&m, "paestum").1 > batt.1 && place(&m, "avellino").1 < salerno.1);
    assert!(m
        .places
        .iter()
        .any(|p| p.id == "montecorvino_airfield" && p.airfield));
}

#[test]
fn gela_map_covers_the_dime_battlefield() {
    let m = committed("gela");
    assert_eq!((m.width, m.height), (25, 20));
    for id in [
        "gela",
        "niscemi",
        "ponte_olivo_airfield",
        "piano_lupo",
        "acate_biscari",
        "biazzo_ridge",
    ] {
        assert!(is_land(&m, place(&m, id)), "{id}");
    }
    assert!(m.beaches.iter().any(|b| b.id == "dime_gela"));
    assert!(m.drop_zones.iter().any(|d| d.id == "husky_no_1_505th_pir"));
    assert!(m.straits.is_empty());
}

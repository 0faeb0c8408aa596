//! Checks the window screenshots written by `.ci/screenshots.sh`: every PNG
//! in `$LANDFALL_SCREENSHOTS` must be a full 1280×720 frame with enough
//! distinct colours to be a drawn screen (a blank or black window has one or
//! two). Without the variable (plain `cargo test`) there is nothing to check.

use std::collections::BTreeSet;
use std::path::Path;

/// A rendered map or menu has hundreds of colours (terrain shading, text
/// anti-aliasing); a blank clear-colour frame has one.
const MIN_COLOURS: usize = 200;

fn distinct_colours(path: &Path) -> (u32, u32, usize) {
    let img = image::open(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .to_rgb8();
    let colours: BTreeSet<[u8; 3]> = img.pixels().map(|p| p.0).collect();
    (img.width(), img.height(), colours.len())
}

#[test]
fn screenshots_are_full_frames_and_not_blank() {
    let Ok(dir) = std::env::var("LANDFALL_SCREENSHOTS") else {
        eprintln!("LANDFALL_SCREENSHOTS not set: no screenshots to check (run .ci/screenshots.sh)");
        return;
    };
    let mut pngs: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "png"))
        .collect();
    pngs.sort();
    assert!(
        pngs.len() >= 3,
        "expected at least 3 screenshots in {dir}, found {}",
        pngs.len()
    );
    for p in &pngs {
        let (w, h, n) = distinct_colours(p);
        eprintln!("{}: {w}×{h}, {n} colours", p.display());
        assert_eq!((w, h), (1280, 720), "{} has the wrong size", p.display());
        assert!(
            n >= MIN_COLOURS,
            "{} looks blank: only {n} distinct colours",
            p.display()
        );
    }
}

#[test]
fn a_blank_frame_fails_the_colour_check() {
    let dir = std::env::temp_dir().join(format!("landfall-blank-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("blank.png");
    image::RgbImage::from_pixel(1280, 720, image::Rgb([23, 36, 54]))
        .save(&path)
        .unwrap();
    assert_eq!(distinct_colours(&path), (1280, 720, 1));
    std::fs::remove_dir_all(&dir).unwrap();
}

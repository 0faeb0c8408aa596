//! Writing a generated map as RON that a designer can read and hand-edit:
//! one terrain row, elevation row, river, road or place per line.

use crate::scenario::schema::MapFile;
use ron::ser::PrettyConfig;

/// The map as RON, preceded by `//` comment lines (`header`, one per line).
/// Deterministic: the same map gives the same bytes.
pub fn to_ron(map: &MapFile, header: &[String]) -> Result<String, ron::Error> {
    let config = PrettyConfig::new()
        .depth_limit(2)
        .indentor("    ")
        .struct_names(false)
        .separate_tuple_members(false);
    let body = ron::ser::to_string_pretty(map, config)?;
    let mut out = String::new();
    for line in header {
        out.push_str("// ");
        out.push_str(line);
        out.push('\n');
    }
    out.push_str(&body);
    out.push('\n');
    Ok(out)
}

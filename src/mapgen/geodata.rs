//! Reading the geographic inputs of one region (`assets/geodata/<region>/`):
//! the GeoJSON layers and the 16-bit elevation grid. Everything stays in WGS84
//! lon/lat here; [`super::projection`] turns it into map kilometres.

use super::MapgenError;
use geo::{LineString, Point, Polygon};
use serde_json::{Map as JsonMap, Value};
use std::path::{Path, PathBuf};

/// One GeoJSON feature reduced to what mapgen reads: its geometry and its
/// properties (kept as JSON so each layer picks the fields it needs).
#[derive(Debug, Clone)]
pub struct Feature<G> {
    /// Geometry in lon/lat.
    pub geometry: G,
    /// The `properties` object.
    pub props: JsonMap<String, Value>,
}

impl<G> Feature<G> {
    /// A string property, or `""` when missing or not a string.
    #[must_use]
    pub fn str(&self, key: &str) -> &str {
        self.props.get(key).and_then(Value::as_str).unwrap_or("")
    }
    /// A boolean property, false when missing.
    #[must_use]
    pub fn flag(&self, key: &str) -> bool {
        self.props
            .get(key)
            .and_then(Value::as_bool)
            .unwrap_or(false)
    }
}

/// The elevation grid: metres above sea per pixel, row 0 = north.
#[derive(Debug, Clone)]
pub struct Elevation {
    /// West edge of the grid, degrees.
    pub west: f64,
    /// North edge of the grid, degrees.
    pub north: f64,
    /// Pixel size in degrees (both axes).
    pub pixel_deg: f64,
    /// Columns.
    pub cols: usize,
    /// Rows.
    pub rows: usize,
    /// Metres, row-major.
    pub metres: Vec<u16>,
}

impl Elevation {
    /// Bilinear sample at a lon/lat; 0 outside the grid.
    #[must_use]
    pub fn sample(&self, lon: f64, lat: f64) -> f64 {
        // Pixel centres sit at west + (i + 0.5) * pixel_deg.
        let fx = (lon - self.west) / self.pixel_deg - 0.5;
        let fy = (self.north - lat) / self.pixel_deg - 0.5;
        if fx < -0.5 || fy < -0.5 || fx > self.cols as f64 - 0.5 || fy > self.rows as f64 - 0.5 {
            return 0.0;
        }
        let x0 = fx.floor().clamp(0.0, (self.cols - 1) as f64) as usize;
        let y0 = fy.floor().clamp(0.0, (self.rows - 1) as f64) as usize;
        let x1 = (x0 + 1).min(self.cols - 1);
        let y1 = (y0 + 1).min(self.rows - 1);
        let tx = (fx - x0 as f64).clamp(0.0, 1.0);
        let ty = (fy - y0 as f64).clamp(0.0, 1.0);
        let at = |x: usize, y: usize| f64::from(self.metres[y * self.cols + x]);
        let top = at(x0, y0) * (1.0 - tx) + at(x1, y0) * tx;
        let bottom = at(x0, y1) * (1.0 - tx) + at(x1, y1) * tx;
        top * (1.0 - ty) + bottom * ty
    }
}

/// All inputs of one region.
#[derive(Debug, Clone)]
pub struct GeoData {
    /// Land polygons (GSHHG).
    pub land: Vec<Polygon<f64>>,
    /// Rivers: `name` (may be null), `class` major/minor.
    pub rivers: Vec<Feature<LineString<f64>>>,
    /// Areas: `class` plain/marsh/volcano.
    pub terrain: Vec<Feature<Polygon<f64>>>,
    /// Points: `name`, `kind`, `population_1936_class`, `port`, `airfield`.
    pub towns: Vec<Feature<Point<f64>>>,
    /// Roads: `class` main/secondary/rail/ferry.
    pub roads: Vec<Feature<LineString<f64>>>,
    /// Beach lines (`kind: beach`).
    pub beaches: Vec<Feature<LineString<f64>>>,
    /// Drop zone points (`kind: drop`).
    pub drops: Vec<Feature<Point<f64>>>,
    /// The elevation grid.
    pub elevation: Elevation,
}

impl GeoData {
    /// Reads every layer from `dir` (e.g. `assets/geodata/sicily`).
    pub fn load(dir: &Path) -> Result<Self, MapgenError> {
        let mut land = Vec::new();
        for f in read_layer(&dir.join("land.geojson"))? {
            land.extend(polygons(&f.0, &f.2)?);
        }
        let mut terrain = Vec::new();
        for (geom, props, path) in read_layer(&dir.join("terrain.geojson"))? {
            for p in polygons(&geom, &path)? {
                terrain.push(Feature {
                    geometry: p,
                    props: props.clone(),
                });
            }
        }
        let lines = |name: &str| -> Result<Vec<Feature<LineString<f64>>>, MapgenError> {
            let mut out = Vec::new();
            for (geom, props, path) in read_layer(&dir.join(name))? {
                for l in line_strings(&geom, &path)? {
                    out.push(Feature {
                        geometry: l,
                        props: props.clone(),
                    });
                }
            }
            Ok(out)
        };
        let rivers = lines("rivers.geojson")?;
        let roads = lines("roads.geojson")?;
        let mut towns = Vec::new();
        for (geom, props, path) in read_layer(&dir.join("towns.geojson"))? {
            towns.push(Feature {
                geometry: point(&geom, &path)?,
                props,
            });
        }
        let mut beaches = Vec::new();
        let mut drops = Vec::new();
        for (geom, props, path) in read_layer(&dir.join("landings.geojson"))? {
            match props.get("kind").and_then(Value::as_str) {
                Some("beach") => {
                    for l in line_strings(&geom, &path)? {
                        beaches.push(Feature {
                            geometry: l,
                            props: props.clone(),
                        });
                    }
                }
                Some("drop") => drops.push(Feature {
                    geometry: point(&geom, &path)?,
                    props,
                }),
                other => {
                    return Err(MapgenError::Data {
                        path,
                        message: format!("landing feature of unknown kind {other:?}"),
                    })
                }
            }
        }
        let elevation = read_elevation(dir)?;
        Ok(Self {
            land,
            rivers,
            terrain,
            towns,
            roads,
            beaches,
            drops,
            elevation,
        })
    }
}

type RawFeature = (geojson::Geometry, JsonMap<String, Value>, PathBuf);

fn read_layer(path: &Path) -> Result<Vec<RawFeature>, MapgenError> {
    let text = std::fs::read_to_string(path).map_err(|e| MapgenError::Io {
        path: path.to_owned(),
        message: e.to_string(),
    })?;
    let gj: geojson::GeoJson = text
        .parse()
        .map_err(|e: geojson::Error| MapgenError::Data {
            path: path.to_owned(),
            message: e.to_string(),
        })?;
    let geojson::GeoJson::FeatureCollection(fc) = gj else {
        return Err(MapgenError::Data {
            path: path.to_owned(),
            message: "expected a FeatureCollection".into(),
        });
    };
    fc.features
        .into_iter()
        .map(|f| {
            let geom = f.geometry.ok_or_else(|| MapgenError::Data {
                path: path.to_owned(),
                message: "feature without geometry".into(),
            })?;
            Ok((geom, f.properties.unwrap_or_default(), path.to_owned()))
        })
        .collect()
}

fn to_geo(g: &geojson::Geometry, path: &Path) -> Result<geo::Geometry<f64>, MapgenError> {
    geo::Geometry::<f64>::try_from(g.clone()).map_err(|e| MapgenError::Data {
        path: path.to_owned(),
        message: e.to_string(),
    })
}

fn wrong(path: &Path, want: &str) -> MapgenError {
    MapgenError::Data {
        path: path.to_owned(),
        message: format!("expected {want} geometry"),
    }
}

fn polygons(g: &geojson::Geometry, path: &Path) -> Result<Vec<Polygon<f64>>, MapgenError> {
    match to_geo(g, path)? {
        geo::Geometry::Polygon(p) => Ok(vec![p]),
        geo::Geometry::MultiPolygon(mp) => Ok(mp.0),
        _ => Err(wrong(path, "Polygon")),
    }
}

fn line_strings(g: &geojson::Geometry, path: &Path) -> Result<Vec<LineString<f64>>, MapgenError> {
    match to_geo(g, path)? {
        geo::Geometry::LineString(l) => Ok(vec![l]),
        geo::Geometry::MultiLineString(ml) => Ok(ml.0),
        _ => Err(wrong(path, "LineString")),
    }
}

fn point(g: &geojson::Geometry, path: &Path) -> Result<Point<f64>, MapgenError> {
    match to_geo(g, path)? {
        geo::Geometry::Point(p) => Ok(p),
        _ => Err(wrong(path, "Point")),
    }
}

fn read_elevation(dir: &Path) -> Result<Elevation, MapgenError> {
    let meta_path = dir.join("elevation.json");
    let meta_text = std::fs::read_to_string(&meta_path).map_err(|e| MapgenError::Io {
        path: meta_path.clone(),
        message: e.to_string(),
    })?;
    let meta: Value = serde_json::from_str(&meta_text).map_err(|e| MapgenError::Data {
        path: meta_path.clone(),
        message: e.to_string(),
    })?;
    let num = |k: &str| {
        meta.get(k)
            .and_then(Value::as_f64)
            .ok_or_else(|| MapgenError::Data {
                path: meta_path.clone(),
                message: format!("missing number `{k}`"),
            })
    };
    let png_path = dir.join("elevation.png");
    let img = image::ImageReader::open(&png_path)
        .map_err(|e| MapgenError::Io {
            path: png_path.clone(),
            message: e.to_string(),
        })?
        .decode()
        .map_err(|e| MapgenError::Data {
            path: png_path.clone(),
            message: e.to_string(),
        })?
        .into_luma16();
    let (cols, rows) = (img.width() as usize, img.height() as usize);
    if cols as f64 != num("cols")? || rows as f64 != num("rows")? || cols == 0 || rows == 0 {
        return Err(MapgenError::Data {
            path: png_path,
            message: format!("image is {cols}x{rows}, elevation.json disagrees"),
        });
    }
    Ok(Elevation {
        west: num("west")?,
        north: num("north")?,
        pixel_deg: num("pixel_deg")?,
        cols,
        rows,
        metres: img.into_raw(),
    })
}

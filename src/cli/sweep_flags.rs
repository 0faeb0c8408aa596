//! The flags every sweep over seeds takes (`landfall balance`,
//! `landfall arena`): one definition, flattened into both commands.

use std::path::PathBuf;

/// Seeds, threads, shards, AI levels and output shared by the sweeps.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct SweepFlags {
    /// First seed (seeds are FIRST, FIRST+1, ...).
    #[arg(long, default_value_t = 1)]
    pub first_seed: u64,
    /// Worker threads (default: all cores).
    #[arg(long, value_name = "J")]
    pub jobs: Option<usize>,
    /// Play only shard K of M (1-based); join the files with `merge`.
    #[arg(long, value_name = "K/M")]
    pub shard: Option<String>,
    /// Read the AI levels from this file instead of the built-in
    /// `scenarios/common/ai.ron` (for tuning the AI).
    #[arg(long, value_name = "FILE")]
    pub ai_levels: Option<PathBuf>,
    /// Print JSON on stdout (every game and the report).
    #[arg(long)]
    pub json: bool,
}

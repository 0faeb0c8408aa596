//! What the arena's games add up to: per pairing, the first player's wins,
//! draws and losses, its score (wins + draws/2, over both sides in a
//! ladder) with a 95% Wilson interval, its score on each side and its mean
//! VP margin; for a ladder, an Elo-style rating per level.

use super::stats::{self, PairScore};
use super::Bout;
use crate::scenario::Side;
use serde::{Deserialize, Serialize};

/// One pairing, from its first player's side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pairing {
    /// First player (the Allies in a match).
    pub first: String,
    /// Second player.
    pub second: String,
    /// Games between them (both sides, in a ladder).
    pub games: u32,
    /// First player's wins.
    pub wins: u32,
    /// Draws (unfinished games count here too).
    pub draws: u32,
    /// First player's losses.
    pub losses: u32,
    /// First player's score: (wins + draws/2) / games.
    pub score: f64,
    /// 95% Wilson interval of the score.
    pub interval: (f64, f64),
    /// First player's score in the games it played as the Allies (`None`:
    /// it never did).
    pub as_allied: Option<f64>,
    /// ... and as the Axis.
    pub as_axis: Option<f64>,
    /// First player's mean VP margin (its VP minus the other's).
    pub margin: f64,
}

/// A level's Elo-style rating.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rating {
    /// Level name.
    pub name: String,
    /// Rating (the anchor level is 1500).
    pub elo: f64,
}

/// Everything the arena reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Games played.
    pub games: usize,
    /// One entry per pairing, in the order asked.
    pub pairings: Vec<Pairing>,
    /// Ladder only: a rating per level, in the order of the levels.
    pub ratings: Vec<Rating>,
    /// Commands refused over all games (should stay 0).
    pub rejected_commands: usize,
}

/// Sum up the games between `first` and `second` (in either role).
#[must_use]
pub fn pairing(first: &str, second: &str, bouts: &[Bout]) -> Pairing {
    let mut p = Pairing {
        first: first.into(),
        second: second.into(),
        games: 0,
        wins: 0,
        draws: 0,
        losses: 0,
        score: 0.0,
        interval: (0.0, 1.0),
        as_allied: None,
        as_axis: None,
        margin: 0.0,
    };
    let mut margin = 0i64;
    let mut by_side = [(0.0, 0u32); 2];
    for b in bouts {
        // A level may play itself: the first player is the Allies then.
        let side = if (b.allied.as_str(), b.axis.as_str()) == (first, second) {
            Side::Allied
        } else if (b.axis.as_str(), b.allied.as_str()) == (first, second) {
            Side::Axis
        } else {
            continue;
        };
        let s = b.score(side);
        p.games += 1;
        match s {
            x if x >= 1.0 => p.wins += 1,
            x if x <= 0.0 => p.losses += 1,
            _ => p.draws += 1,
        }
        margin += b.margin(side);
        by_side[side.index()].0 += s;
        by_side[side.index()].1 += 1;
    }
    if p.games > 0 {
        let n = f64::from(p.games);
        let score = f64::from(p.wins) + f64::from(p.draws) / 2.0;
        p.score = score / n;
        p.interval = stats::wilson(score, n, stats::Z95);
        p.margin = margin as f64 / n;
    }
    let mean = |(s, n): (f64, u32)| (n > 0).then(|| s / f64::from(n));
    p.as_allied = mean(by_side[Side::Allied.index()]);
    p.as_axis = mean(by_side[Side::Axis.index()]);
    p
}

/// The report of a match (`allied` against `axis`) or a ladder (every pair
/// of `players`, first the earlier one), with ratings anchored on `anchor`
/// for a ladder.
#[must_use]
pub fn report(players: &[String], ladder: bool, anchor: &str, bouts: &[Bout]) -> Report {
    let mut pairings = Vec::new();
    for (i, a) in players.iter().enumerate() {
        for b in &players[i + 1..] {
            pairings.push(pairing(a, b, bouts));
        }
        if !ladder {
            break;
        }
    }
    let ratings = if ladder {
        let index = |n: &str| players.iter().position(|p| p == n).unwrap_or(0);
        let pairs: Vec<PairScore> = pairings
            .iter()
            .map(|p| PairScore {
                a: index(&p.first),
                b: index(&p.second),
                games: f64::from(p.games),
                score_a: f64::from(p.wins) + f64::from(p.draws) / 2.0,
            })
            .collect();
        let elo = stats::ratings(players.len(), &pairs, index(anchor), 1500.0);
        players
            .iter()
            .zip(elo)
            .map(|(name, elo)| Rating {
                name: name.clone(),
                elo,
            })
            .collect()
    } else {
        Vec::new()
    };
    Report {
        games: bouts.len(),
        pairings,
        ratings,
        rejected_commands: bouts.iter().map(|b| b.rejected_commands).sum(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ai::selfplay::PerSide;

    fn bout(allied: &str, axis: &str, winner: Option<Side>, vp: (i64, i64)) -> Bout {
        Bout {
            allied: allied.into(),
            axis: axis.into(),
            finished: true,
            winner,
            vp: PerSide {
                allied: vp.0,
                axis: vp.1,
            },
            turns_played: 10,
            evacuated_steps: 0,
            rejected_commands: 0,
            state_hash: String::new(),
        }
    }

    #[test]
    fn side_swapped_score_counts_both_games_of_a_seed() {
        // Seed 1: hard wins as the Allies, draws as the Axis.
        // Seed 2: hard wins as the Allies, loses as the Axis.
        let bouts = [
            bout("hard", "easy", Some(Side::Allied), (30, 10)),
            bout("easy", "hard", None, (12, 10)),
            bout("hard", "easy", Some(Side::Allied), (25, 5)),
            bout("easy", "hard", Some(Side::Allied), (40, 0)),
        ];
        let p = pairing("hard", "easy", &bouts);
        assert_eq!((p.games, p.wins, p.draws, p.losses), (4, 2, 1, 1));
        assert!((p.score - 2.5 / 4.0).abs() < 1e-12);
        assert_eq!(p.as_allied, Some(1.0));
        assert_eq!(p.as_axis, Some(0.25));
        // Margins from hard's side: +20, -2, +20, -40.
        assert!((p.margin - (-2.0 / 4.0)).abs() < 1e-12);
        let mirror = [bout("normal", "normal", Some(Side::Allied), (9, 1))];
        let m = pairing("normal", "normal", &mirror);
        assert_eq!((m.games, m.wins, m.as_allied), (1, 1, Some(1.0)));
        let q = pairing("easy", "hard", &bouts);
        assert!(
            (q.score + p.score - 1.0).abs() < 1e-12,
            "scores add up to 1"
        );
        assert_eq!((q.wins, q.losses), (p.losses, p.wins));
    }

    #[test]
    fn a_match_reports_one_pairing_and_no_ratings() {
        let bouts = [
            bout("normal", "runaway", Some(Side::Allied), (50, 10)),
            bout("normal", "runaway", None, (20, 20)),
        ];
        let players = ["normal".to_string(), "runaway".to_string()];
        let r = report(&players, false, "normal", &bouts);
        assert_eq!(r.pairings.len(), 1);
        assert!(r.ratings.is_empty());
        let p = &r.pairings[0];
        assert_eq!((p.first.as_str(), p.wins, p.draws), ("normal", 1, 1));
        assert_eq!((p.as_allied, p.as_axis), (Some(0.75), None));
    }

    #[test]
    fn a_ladder_rates_every_level() {
        let mut bouts = Vec::new();
        for _ in 0..3 {
            bouts.push(bout("a", "b", Some(Side::Allied), (1, 0)));
            bouts.push(bout("b", "a", Some(Side::Axis), (0, 1)));
        }
        bouts.push(bout("a", "b", Some(Side::Axis), (0, 1)));
        bouts.push(bout("b", "a", Some(Side::Allied), (1, 0)));
        let players = ["a".to_string(), "b".to_string()];
        let r = report(&players, true, "b", &bouts);
        assert_eq!(r.pairings.len(), 1);
        assert!((r.pairings[0].score - 0.75).abs() < 1e-12);
        assert!((r.ratings[1].elo - 1500.0).abs() < 1e-6);
        assert!(
            (r.ratings[0].elo - 1500.0 - 190.85).abs() < 0.01,
            "{:?}",
            r.ratings
        );
    }
}

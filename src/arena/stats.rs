//! The arena's statistics: a score's 95% confidence interval (Wilson) and
//! Elo-style ratings fitted to pairwise scores (Bradley–Terry). Pure
//! functions on counts; floats are fine here: they only report, nothing in
//! the rules or the AI depends on them, and the same counts always give the
//! same bits (fixed iteration count, fixed order).

/// The normal quantile of a two-sided 95% interval.
pub const Z95: f64 = 1.959_963_984_540_054;

/// Wilson score interval of a proportion: `score` successes (a draw counts
/// a half) out of `n`, at `z` (use [`Z95`]). `(0, 1)` when `n` is 0.
#[must_use]
pub fn wilson(score: f64, n: f64, z: f64) -> (f64, f64) {
    if n <= 0.0 {
        return (0.0, 1.0);
    }
    let p = (score / n).clamp(0.0, 1.0);
    let z2 = z * z;
    let denominator = 1.0 + z2 / n;
    let centre = p + z2 / (2.0 * n);
    let half = z * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt();
    (
        ((centre - half) / denominator).max(0.0),
        ((centre + half) / denominator).min(1.0),
    )
}

/// Elo difference that makes `score` (0..1) the expected score:
/// `400 log10(s / (1 - s))`; 0.75 → +190.8.
#[must_use]
pub fn elo_difference(score: f64) -> f64 {
    400.0 * (score / (1.0 - score)).log10()
}

/// The expected score of a player rated `diff` Elo above its opponent.
#[must_use]
pub fn expected_score(diff: f64) -> f64 {
    1.0 / (1.0 + 10f64.powf(-diff / 400.0))
}

/// One pairing's result: players `a` and `b` (indices), games played,
/// `a`'s score (wins + draws/2).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PairScore {
    /// First player.
    pub a: usize,
    /// Second player.
    pub b: usize,
    /// Games between them.
    pub games: f64,
    /// `a`'s score over those games.
    pub score_a: f64,
}

/// Elo-style ratings of `players` players from pairwise scores: the
/// maximum-likelihood Bradley–Terry strengths (Zermelo's iteration, a fixed
/// 2,000 rounds), as Elo with `anchor` rated `anchor_elo`. A player with a
/// perfect or a null total score would get an infinite rating, so each
/// player's total is kept half a game away from both ends. Players without
/// games get `anchor_elo`.
#[must_use]
pub fn ratings(players: usize, pairs: &[PairScore], anchor: usize, anchor_elo: f64) -> Vec<f64> {
    let mut games = vec![0.0; players];
    let mut wins = vec![0.0; players];
    for p in pairs {
        games[p.a] += p.games;
        games[p.b] += p.games;
        wins[p.a] += p.score_a;
        wins[p.b] += p.games - p.score_a;
    }
    for i in 0..players {
        if games[i] > 0.0 {
            wins[i] = wins[i].clamp(0.5, (games[i] - 0.5).max(0.5));
        }
    }
    let mut gamma = vec![1.0f64; players];
    for _ in 0..2000 {
        for i in 0..players {
            if games[i] <= 0.0 {
                continue;
            }
            let mut denominator = 0.0;
            for p in pairs {
                let other = if p.a == i {
                    p.b
                } else if p.b == i {
                    p.a
                } else {
                    continue;
                };
                denominator += p.games / (gamma[i] + gamma[other]);
            }
            if denominator > 0.0 {
                gamma[i] = wins[i] / denominator;
            }
        }
        // Keep the scale fixed (only ratios matter).
        let g = gamma[anchor.min(players.saturating_sub(1))];
        if g > 0.0 {
            for x in &mut gamma {
                *x /= g;
            }
        }
    }
    gamma
        .iter()
        .enumerate()
        .map(|(i, g)| {
            if games[i] > 0.0 {
                anchor_elo + 400.0 * g.log10()
            } else {
                anchor_elo
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-4
    }

    #[test]
    fn wilson_matches_the_published_values() {
        // 8 of 10: 0.4902 .. 0.9433 (Wilson 1927; Newcombe 1998, table I).
        let (lo, hi) = wilson(8.0, 10.0, Z95);
        assert!(close(lo, 0.490_162) && close(hi, 0.943_318), "{lo} {hi}");
        let (lo, hi) = wilson(0.0, 10.0, Z95);
        assert!(close(lo, 0.0) && close(hi, 0.277_533), "{lo} {hi}");
        let (lo, hi) = wilson(10.0, 10.0, Z95);
        assert!(close(lo, 0.722_467) && close(hi, 1.0), "{lo} {hi}");
        let (lo, hi) = wilson(50.0, 100.0, Z95);
        assert!(close(lo, 0.403_832) && close(hi, 0.596_168), "{lo} {hi}");
        assert_eq!(wilson(0.0, 0.0, Z95), (0.0, 1.0));
    }

    #[test]
    fn elo_difference_of_three_to_one_is_191() {
        assert!(close(elo_difference(0.75), 190.848_502));
        assert!(close(elo_difference(0.5), 0.0));
        assert!(close(expected_score(190.848_502), 0.75));
    }

    #[test]
    fn ratings_of_two_players_follow_their_score() {
        let r = ratings(
            2,
            &[PairScore {
                a: 0,
                b: 1,
                games: 100.0,
                score_a: 75.0,
            }],
            1,
            1500.0,
        );
        assert!(
            close(r[1], 1500.0) && close(r[0] - r[1], 190.848_502),
            "{r:?}"
        );
    }

    #[test]
    fn ratings_of_a_consistent_ladder_are_transitive() {
        // A beats B 3:1, B beats C 3:1; A–C as Elo predicts (0.9).
        let pair = |a, b, s| PairScore {
            a,
            b,
            games: 1000.0,
            score_a: s * 1000.0,
        };
        let r = ratings(
            3,
            &[pair(0, 1, 0.75), pair(1, 2, 0.75), pair(0, 2, 0.9)],
            1,
            1500.0,
        );
        assert!((r[0] - r[1] - 190.85).abs() < 1.0, "{r:?}");
        assert!((r[1] - r[2] - 190.85).abs() < 1.0, "{r:?}");
        assert!(close(r[1], 1500.0));
    }

    #[test]
    fn a_perfect_score_gives_a_finite_rating() {
        let r = ratings(
            2,
            &[PairScore {
                a: 0,
                b: 1,
                games: 10.0,
                score_a: 10.0,
            }],
            1,
            1500.0,
        );
        // Kept half a game away: 9.5 of 10 → 400 log10(19) = 511.5.
        assert!((r[0] - 1500.0 - 511.5).abs() < 0.1, "{r:?}");
    }
}

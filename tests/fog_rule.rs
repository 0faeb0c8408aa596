//! Fog of war is a rule (issue 16): over real games on Gela, with orders
//! chosen from what the acting side sees (move ranges computed on its fogged
//! view, so columns do run into hidden enemies) and the chooser's legal and
//! garbage commands, no refusal names a unit the side cannot see (other than
//! one the order itself names), every
//! refusal is the one the side's own view gives (or the neutral "cannot be
//! carried out"), and every `Contact` event is about one of the side's own
//! units, stopped on a hex of the path it was given.

mod play;

use landfall::command::{acting_side, Command, Event};
use landfall::hex::OffsetCoord;
use landfall::rules::{fog, movement, GameView};
use landfall::scenario::UnitId;
use landfall::sim::state::Status;
use landfall::sim::Game;

struct Tally {
    refusals: usize,
    contacts: usize,
}

fn play_fogged(seed: u64, commands: usize, tally: &mut Tally) {
    let mut g = Game::new(play::gela(), seed);
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    for _ in 0..commands {
        if g.is_over() {
            break;
        }
        let Some(side) = acting_side(g.phase()) else {
            break;
        };
        let s = g.scenario().clone();
        let mut seen = fog::visible_state(&s, g.state(), side);
        seen.sync_index(&s);
        let hidden: Vec<UnitId> = g
            .state()
            .units
            .iter()
            .filter(|u| u.status == Status::OnMap && seen.unit(u.id).status != Status::OnMap)
            .map(|u| u.id)
            .collect();
        let r = next();
        let command = if r % 3 == 0 {
            play::choose(
                &g,
                (
                    (r >> 8) as u8,
                    (r >> 16) as u32,
                    (r >> 24) as u32,
                    (r >> 40) as u32,
                ),
            )
        } else {
            // A move chosen on the fogged view, often through hidden units.
            let view = GameView::new(&s, &seen);
            let own: Vec<UnitId> = view.side_units(side).map(|u| u.id).collect();
            let pick = own.get((r >> 8) as usize % own.len().max(1)).copied();
            let path = pick.and_then(|unit| {
                let reach = movement::reachable(&view, unit);
                let dests = reach.destinations();
                let far = dests.get((r >> 20) as usize % dests.len().max(1))?;
                Some((unit, reach.path_to(far.0)?))
            });
            match path {
                Some((unit, p)) => Command::Move {
                    unit,
                    path: p.into_iter().map(OffsetCoord::from_hex).collect(),
                },
                None => Command::EndPhase,
            }
        };
        match g.execute(command.clone()) {
            Err(refusal) => {
                tally.refusals += 1;
                let as_seen = command.validate(&GameView::new(&s, &seen)).err();
                assert!(
                    as_seen.as_ref() == Some(&refusal)
                        || refusal.reason == "the order cannot be carried out",
                    "seed {seed}: {refusal:?} is not the refusal the side's view gives ({as_seen:?})"
                );
                // A unit the order itself names may be named back ("… belongs
                // to the Axis"); any other hidden unit may not.
                let named: Vec<UnitId> = match &command {
                    Command::Move { unit, .. }
                    | Command::Evacuate { unit }
                    | Command::Demolish { unit, .. }
                    | Command::Repair { unit, .. }
                    | Command::Embark { unit, .. } => vec![*unit],
                    Command::Attack {
                        attackers, support, ..
                    } => attackers
                        .iter()
                        .chain(&support.artillery)
                        .copied()
                        .collect(),
                    Command::EndPhase | Command::AllotGunfire { .. } => vec![],
                };
                for &h in hidden.iter().filter(|h| !named.contains(h)) {
                    let name = &s.unit(h).name;
                    assert!(
                        !refusal.reason.contains(name.as_str()),
                        "seed {seed}: refusal names the hidden {name}: {}",
                        refusal.reason
                    );
                }
            }
            Ok(events) => {
                for e in &events {
                    if let Event::Contact { unit, at, .. } = e {
                        tally.contacts += 1;
                        assert_eq!(s.unit(*unit).side, side);
                        let Command::Move { path, .. } = &command else {
                            panic!("a contact from {command:?}");
                        };
                        assert!(path.contains(at) || g.state().unit(*unit).at == Some(*at));
                    }
                }
            }
        }
    }
}

#[test]
fn refusals_and_contacts_reveal_nothing_the_side_cannot_see() {
    let mut tally = Tally {
        refusals: 0,
        contacts: 0,
    };
    for seed in 0..6 {
        play_fogged(seed, 400, &mut tally);
    }
    // The games did exercise the rule.
    assert!(tally.refusals > 0, "no refusal in the games");
    assert!(tally.contacts > 0, "no column ran into a hidden enemy");
    eprintln!("{} refusals, {} contacts", tally.refusals, tally.contacts);
}

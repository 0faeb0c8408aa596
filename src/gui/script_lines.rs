//! Reading a script file (`--script`): one action a line, `#` comments,
//! errors that name the line. The actions are described in `script.rs`,
//! which runs them.

use crate::hex::OffsetCoord;
use crate::play::PlaySide;
use std::path::Path;

/// One scripted UI action.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Choose the side on the start screen.
    Side(PlaySide),
    /// Press Play on the start screen.
    Start,
    /// Centre the camera on a hex.
    Center(OffsetCoord),
    /// Set the camera scale.
    Zoom(f32),
    /// Put the pointer on a hex.
    Hover(OffsetCoord),
    /// Left click on a hex.
    Click(OffsetCoord),
    /// Right click on a hex.
    RightClick(OffsetCoord),
    /// Select a unit by its scenario id and centre the camera on it.
    SelectUnit(String),
    /// Select the first unit (by id) of the acting side that can move, and
    /// centre on it.
    SelectAny,
    /// Put the pointer on the farthest hex the selected unit can reach.
    HoverReach,
    /// Combat phase: select the first unit (by id) that can attack, centre
    /// on it and hover the enemy it can attack.
    AttackAny,
    /// Put the pointer on the hex of a unit, by its scenario id.
    HoverUnit(String),
    /// As `AttackAny`, preferring the first attack that artillery in range
    /// can support, and commit every such gun.
    AttackGuns,
    /// F5 (`reload_from DIR`: read DIR instead of the scenario in play).
    Reload(Option<std::path::PathBuf>),
    /// End the phase.
    EndPhase,
    /// Press End phase through the check (as the button and Enter do).
    PressEndPhase,
    /// Tab: next unit that can still act.
    Tab,
    /// U: toggle the supply overlay.
    Supply,
    /// Counter palette.
    ColourBlind(crate::render::vision::ColourVision),
    /// UI scale.
    UiScale(f32),
    /// Undo.
    Undo,
    /// Toggle the help overlay.
    Help,
    /// Let frames pass.
    Wait(u32),
    /// Replay viewer: show the game after the first N recorded commands.
    Seek(usize),
    /// Hold until a person is to act.
    AwaitTurn,
    /// The enemy-turn replay's bar.
    EnemyReplay(super::enemy_turn::ReplayInput),
}

/// A parsed script.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Script(pub Vec<Action>);

fn hex_arg(arg: Option<&str>) -> Result<OffsetCoord, String> {
    let a = arg.ok_or("expected a hex as col,row")?;
    let (c, r) = a
        .trim_matches(|ch| ch == '(' || ch == ')')
        .split_once(',')
        .ok_or_else(|| format!("`{a}` is not col,row"))?;
    let c = c
        .trim()
        .parse()
        .map_err(|_| format!("`{c}` is not a column number"))?;
    let r = r
        .trim()
        .parse()
        .map_err(|_| format!("`{r}` is not a row number"))?;
    Ok(OffsetCoord(c, r))
}

impl Script {
    /// Parse script text; errors name the line.
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut actions = Vec::new();
        for (i, raw) in text.lines().enumerate() {
            let line = raw.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let mut words = line.split_whitespace();
            let verb = words.next().unwrap_or("");
            let arg = words.next();
            let err = |e: String| format!("line {}: {e}", i + 1);
            let action = match verb {
                "side" => Action::Side(match arg {
                    Some("allied") => PlaySide::Allied,
                    Some("axis") => PlaySide::Axis,
                    Some("both") => PlaySide::Both,
                    _ => return Err(err("side takes allied, axis or both".into())),
                }),
                "start" => Action::Start,
                "center" => Action::Center(hex_arg(arg).map_err(err)?),
                "zoom" => Action::Zoom(
                    arg.and_then(|a| a.parse().ok()).filter(|z: &f32| *z > 0.0).ok_or_else(|| err("zoom takes a positive number".into()))?,
                ),
                "hover" => Action::Hover(hex_arg(arg).map_err(err)?),
                "click" | "select" => Action::Click(hex_arg(arg).map_err(err)?),
                "rclick" => Action::RightClick(hex_arg(arg).map_err(err)?),
                "select_unit" => Action::SelectUnit(arg.ok_or_else(|| err("select_unit takes a unit id".into()))?.to_string()),
                "select_any" => Action::SelectAny,
                "hover_reach" => Action::HoverReach,
                "attack_any" => Action::AttackAny,
                "attack_guns" => Action::AttackGuns,
                "reload" => Action::Reload(None),
                "reload_from" => Action::Reload(Some(
                    arg.ok_or_else(|| err("reload_from takes a directory".into()))?.into(),
                )),
                "hover_unit" => Action::HoverUnit(arg.ok_or_else(|| err("hover_unit takes a unit id".into()))?.to_string()),
                "end_phase" => Action::EndPhase,
                "press_end_phase" => Action::PressEndPhase,
                "tab" => Action::Tab,
                "supply" => Action::Supply,
                "colour_blind" => Action::ColourBlind(
                    crate::render::vision::ColourVision::parse(arg.unwrap_or("")).map_err(err)?,
                ),
                "ui_scale" => Action::UiScale(
                    arg.and_then(|a| a.parse().ok())
                        .filter(|x: &f32| (1.0..=2.0).contains(x))
                        .ok_or_else(|| err("ui_scale takes a number from 1.0 to 2.0".into()))?,
                ),
                "undo" => Action::Undo,
                "help" => Action::Help,
                "seek" => Action::Seek(arg.and_then(|a| a.parse().ok()).ok_or_else(|| err("seek takes a command count".into()))?),
                "wait" => Action::Wait(arg.and_then(|a| a.parse().ok()).ok_or_else(|| err("wait takes a number of frames".into()))?),
                "await_turn" => Action::AwaitTurn,
                "enemy_replay" => {
                    use super::enemy_turn::ReplayInput as R;
                    Action::EnemyReplay(match arg {
                        Some("open") => R::Open,
                        Some("back") => R::Back,
                        Some("forward") => R::Forward,
                        Some("play") => R::Play,
                        Some("close") => R::Close,
                        _ => return Err(err("enemy_replay takes open, back, forward, play or close".into())),
                    })
                }
                other => {
                    return Err(err(format!(
                        "unknown action `{other}` (known: side, start, center, zoom, hover, click, select, rclick, select_unit, select_any, hover_reach, attack_any, hover_unit, end_phase, press_end_phase, tab, supply, colour_blind, ui_scale, undo, help, seek, wait, await_turn, enemy_replay, attack_guns, reload, reload_from)"
                    )))
                }
            };
            actions.push(action);
        }
        Ok(Self(actions))
    }

    /// Read and parse a script file.
    pub fn load(path: &Path) -> Result<Self, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read script {}: {e}", path.display()))?;
        Self::parse(&text).map_err(|e| format!("{}: {e}", path.display()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_action_and_skips_comments() {
        let s = Script::parse("# demo\nside axis\nstart\ncenter 3,4\nzoom 0.5\nselect (2,1)\nhover 3,1\nclick 3,1 # go\nrclick 0,0\nselect_unit us_1rgr\nselect_any\nhover_reach\nattack_any\nhover_unit de_hg\nend_phase\nundo\nhelp\nseek 12\nwait 7\n").unwrap();
        assert_eq!(
            s.0,
            vec![
                Action::Side(PlaySide::Axis),
                Action::Start,
                Action::Center(OffsetCoord(3, 4)),
                Action::Zoom(0.5),
                Action::Click(OffsetCoord(2, 1)),
                Action::Hover(OffsetCoord(3, 1)),
                Action::Click(OffsetCoord(3, 1)),
                Action::RightClick(OffsetCoord(0, 0)),
                Action::SelectUnit("us_1rgr".into()),
                Action::SelectAny,
                Action::HoverReach,
                Action::AttackAny,
                Action::HoverUnit("de_hg".into()),
                Action::EndPhase,
                Action::Undo,
                Action::Help,
                Action::Seek(12),
                Action::Wait(7),
            ]
        );
    }

    #[test]
    fn errors_name_the_line() {
        assert_eq!(
            Script::parse("start\n\njump 1,2")
                .unwrap_err()
                .split(':')
                .next(),
            Some("line 3")
        );
        assert_eq!(
            Script::parse("click 1;2").unwrap_err(),
            "line 1: `1;2` is not col,row"
        );
        assert_eq!(
            Script::parse("wait x").unwrap_err(),
            "line 1: wait takes a number of frames"
        );
    }

    #[test]
    fn parses_the_view_actions() {
        let s =
            Script::parse("colour_blind tritanopia\nui_scale 1.5\ntab\nsupply\npress_end_phase\n")
                .unwrap();
        assert_eq!(
            s.0,
            vec![
                Action::ColourBlind(crate::render::vision::ColourVision::Tritanopia),
                Action::UiScale(1.5),
                Action::Tab,
                Action::Supply,
                Action::PressEndPhase,
            ]
        );
        assert!(Script::parse("ui_scale 3").is_err());
        assert!(Script::parse("colour_blind mauve").is_err());
    }
}

#!/usr/bin/env bash
# Window screenshots under Xvfb with the Mesa (lavapipe) Vulkan driver:
#   1. the start screen,
#   2. turn 1 with a unit selected and its move range shown (Sicily when its
#      scenario is complete, else Gela),
#   3. an attack preview on Gela (odds, shifts, outcome distribution),
#   4. the replay viewer on a two-turn Gela game recorded first,
#   5. Sicily's opening at the default zoom (the camera's opening view; the
#      log states the counters' on-screen size and this script checks it),
#   6. the same in the deuteranopia palette,
#   7. Sicily zoomed far out: counters as blocks with stack counts,
#   8. the supply overlay on Gela,
#   9. the "units could still move" question on Gela,
#  10. the computer thinking on its own thread (progress bar) on Gela,
#  11. the enemy turn replayed as the Allies saw it (Gela, a few steps in),
#  12. a step of the guided first game (`--tutorial`),
#  13. an attack with artillery in support (Gela, hot seat, turn 2),
#  14. F5 on a copy of Gela with two mistakes: the reload diagnostics over
#      the game in play.
# Each run drives the real window with a `--script`, saves a PNG with Bevy's
# screenshot API and exits. The PNGs stay in target/screenshots/ for review;
# tests/gui_screenshots.rs then checks that none is blank.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v xvfb-run >/dev/null || need+=(xvfb xauth)
[ -e /usr/share/vulkan/icd.d/lvp_icd.x86_64.json ] || ls /usr/share/vulkan/icd.d/lvp_icd*.json >/dev/null 2>&1 || need+=(mesa-vulkan-drivers)
ldconfig -p | grep -q libvulkan.so.1 || need+=(libvulkan1)
ls /usr/lib/*/dri/swrast_dri.so >/dev/null 2>&1 || need+=(libgl1-mesa-dri)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq xvfb xauth mesa-vulkan-drivers libvulkan1 libgl1-mesa-dri
fi

# LANDFALL_BIN: a binary already built (e.g. copied out of a target dir that
# other checkouts share, where target/release/landfall may be theirs).
bin=${LANDFALL_BIN:-target/release/landfall}
[ -n "${LANDFALL_BIN:-}" ] || cargo build --release --quiet
out=target/screenshots
scripts=target/screenshots/scripts
mkdir -p "$out" "$scripts"
rm -f "$out"/*.png

shot() { # name scenario-or-empty script-file [extra play flags]; after=N: frames before the shot (40)
  local name=$1 scenario=$2 script=$3 extra=${4:-}
  echo "-- $name"
  # shellcheck disable=SC2086
  xvfb-run -a -s "-screen 0 1280x720x24" env WGPU_BACKEND=vulkan \
    timeout 180 "$bin" play $scenario $extra \
      --screenshot "$out/$name.png" --script "$script" --after-frames "${after:-40}" \
      > "$out/$name.log" 2>&1 || { echo "landfall failed for $name:"; tail -30 "$out/$name.log"; exit 1; }
  [ -s "$out/$name.png" ] || { echo "no screenshot written for $name"; exit 1; }
}

cat > "$scripts/start.txt" <<'S'
# The start screen as it opens: nothing to do but wait for it to draw.
wait 10
S
shot 01-start "" "$scripts/start.txt"

if "$bin" validate scenarios/sicily >/dev/null 2>&1; then
  cat > "$scripts/move.txt" <<'S'
# Sicily, turn 1: select the first Allied unit (by id) that can move, show
# its move range and enemy zones of control, hover its farthest destination.
zoom 0.7
select_any
hover_reach
S
  range_scenario=scenarios/sicily
else
  echo "(scenarios/sicily does not validate yet: move-range shot on Gela)"
  cat > "$scripts/move.txt" <<'S'
# Gela, turn 1: select the first Allied unit that can move, show its move
# range and the enemy zones of control, hover its farthest destination.
zoom 0.7
select_any
hover_reach
S
  range_scenario=scenarios/gela
fi
shot 02-move-range "$range_scenario" "$scripts/move.txt"

cat > "$scripts/attack.txt" <<'S'
# Gela, turn 1: end the Allied movement phase, select the first unit that
# can attack and hover its target: the odds panel shows every shift and the
# outcome distribution.
zoom 0.6
end_phase
attack_any
S
shot 03-attack-preview scenarios/gela "$scripts/attack.txt"

# 4. The replay viewer on a short recorded Gela game, 30 commands in.
"$bin" simulate scenarios/gela --seed 1 --turns 2 \
  --record "$out/gela.replay.ron" > "$out/gela.replay.log" 2>&1
cat > "$scripts/replay.txt" <<'S'
# Replay viewer: show the recorded game after 30 commands.
zoom 0.7
seek 30
wait 10
S
shot 04-replay-viewer "scenarios/gela --replay $out/gela.replay.ron" "$scripts/replay.txt"

# 5-7. Sicily (or Gela while Sicily does not validate) as it opens.
opening=scenarios/gela
"$bin" validate scenarios/sicily >/dev/null 2>&1 && opening=scenarios/sicily
cat > "$scripts/opening.txt" <<'S'
# The camera's opening view: no zoom, no centring.
wait 10
S
shot 05-opening "$opening" "$scripts/opening.txt"
px=$(sed -n 's/.*counters \([0-9]*\) px on screen.*/\1/p' "$out/05-opening.log" | tail -1)
echo "   counters at the opening zoom: ${px:-?} px on screen"
[ -n "$px" ] && [ "$px" -ge 30 ] || { echo "counters are not legible at the opening zoom (${px:-?} px < 30)"; exit 1; }
shot 06-colour-blind "$opening" "$scripts/opening.txt" "--colour-blind deuteranopia"
cat > "$scripts/far.txt" <<'S'
# Zoomed far out: one block per hex with the unit size and stack count.
zoom 4
wait 5
S
shot 07-far-zoom "$opening" "$scripts/far.txt"

cat > "$scripts/supply.txt" <<'S'
# Gela, turn 1, hot seat: the supply overlay (U) for both sides.
zoom 2.2
supply
wait 5
S
shot 08-supply scenarios/gela "$scripts/supply.txt" "--side both"

cat > "$scripts/prompt.txt" <<'S'
# Gela, turn 1: Tab selects the first unit that can still move; End phase
# asks before ending the phase with units unmoved.
tab
press_end_phase
wait 5
S
shot 09-end-phase-prompt scenarios/gela "$scripts/prompt.txt"

cat > "$scripts/thinking.txt" <<'S'
# Gela, seed 1: End phase (nothing can attack, so the Axis moves next);
# shot a few frames later, while the computer's commands are shown.
zoom 0.8
end_phase
S
after=3 shot 10-computer-thinking scenarios/gela "$scripts/thinking.txt" "--seed 1"

cat > "$scripts/enemy.txt" <<'S'
# Gela, seed 1: end the Allied phase, wait for the Axis turn to end, open
# the replay of what the Allies saw, pause it and step on twice.
zoom 0.8
end_phase
await_turn
wait 10
enemy_replay open
enemy_replay play
enemy_replay forward
enemy_replay forward
wait 10
S
shot 11-enemy-turn scenarios/gela "$scripts/enemy.txt" "--seed 1"

cat > "$scripts/tutorial.txt" <<'S'
# The guided first game: select the Rangers (step 1 done), show their move
# range and hover a destination (step 2).
select_unit us_1rgr
hover_reach
wait 5
S
shot 12-tutorial "" "$scripts/tutorial.txt" "--tutorial --seed 1"

cat > "$scripts/artillery.txt" <<'S'
# Gela, hot seat: on to the Allied movement phase of turn 2 (the US 1st
# Division's artillery has landed at Gela), move the guns to Farello
# airfield, end the phase; pick the first attack they can support and
# commit them: the preview shows the artillery shift and the tick.
end_phase
end_phase
end_phase
end_phase
select_unit us_1id_divarty
click 11,12
wait 30
end_phase
zoom 0.6
attack_guns
wait 5
S
shot 13-attack-artillery scenarios/gela "$scripts/artillery.txt" "--side both"

# 14. A copy of Gela with two mistakes (an unknown unit type in each OOB).
broken="$out/broken"
rm -rf "$broken"; mkdir -p "$broken"
cp -r scenarios/gela scenarios/common "$broken/"
sed -i '0,/type: "infantry"/s//type: "infantery"/' "$broken/gela/oob_allied.ron"
sed -i '0,/type: "artillery"/s//type: "artilery"/' "$broken/gela/oob_axis.ron"
cat > "$scripts/reload.txt" <<S
# Gela in play; F5 reads the broken copy: every diagnostic is listed and
# the game stays.
reload_from $broken/gela
wait 5
S
shot 14-reload-diagnostics scenarios/gela "$scripts/reload.txt"

echo "-- checking the screenshots are not blank"
# The check needs no window stack: the fast core build (already built by CI step 1) suffices.
LANDFALL_SCREENSHOTS="$out" cargo test --no-default-features --quiet --test gui_screenshots -- --nocapture
ls -l "$out"/*.png

#!/usr/bin/env bash
# Window screenshots under Xvfb with the Mesa (lavapipe) Vulkan driver:
#   1. the start screen,
#   2. turn 1 with a unit selected and its move range shown (Sicily when its
#      scenario is complete, else Gela),
#   3. an attack preview on Gela (odds, shifts, outcome distribution).
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

cargo build --release --quiet
out=target/screenshots
scripts=target/screenshots/scripts
mkdir -p "$out" "$scripts"
rm -f "$out"/*.png

shot() { # name scenario-or-empty script-file
  local name=$1 scenario=$2 script=$3
  echo "-- $name"
  # shellcheck disable=SC2086
  xvfb-run -a -s "-screen 0 1280x720x24" env WGPU_BACKEND=vulkan \
    timeout 180 target/release/landfall play $scenario \
      --screenshot "$out/$name.png" --script "$script" --after-frames 40 \
      > "$out/$name.log" 2>&1 || { echo "landfall failed for $name:"; tail -30 "$out/$name.log"; exit 1; }
  [ -s "$out/$name.png" ] || { echo "no screenshot written for $name"; exit 1; }
}

cat > "$scripts/start.txt" <<'S'
# The start screen as it opens: nothing to do but wait for it to draw.
wait 10
S
shot 01-start "" "$scripts/start.txt"

if target/release/landfall validate scenarios/sicily >/dev/null 2>&1; then
  cat > "$scripts/move.txt" <<'S'
# Sicily, turn 1: select the first unit ashore at Gela and show its move range.
zoom 0.9
select_unit us_1id_26rct
hover_unit us_1id_26rct
S
  range_scenario=scenarios/sicily
else
  echo "(scenarios/sicily does not validate yet: move-range shot on Gela)"
  cat > "$scripts/move.txt" <<'S'
# Gela, turn 1: select the 26th RCT on the beach and show its move range,
# the enemy zones of control and the cheapest path to a hex inland.
zoom 0.7
center 8,11
select_unit us_1id_26rct
hover 9,9
S
  range_scenario=scenarios/gela
fi
shot 02-move-range "$range_scenario" "$scripts/move.txt"

cat > "$scripts/attack.txt" <<'S'
# Gela, turn 1: end the Allied movement phase, pick the 1st Rangers next to
# Gela as attackers and hover the Italian coastal battalion in the town.
zoom 0.6
center 9,10
end_phase
select_unit us_1rgr
hover_unit it_429_coastal
S
shot 03-attack-preview scenarios/gela "$scripts/attack.txt"

echo "-- checking the screenshots are not blank"
LANDFALL_SCREENSHOTS="$out" cargo test --release --quiet --test gui_screenshots
ls -l "$out"/*.png

#!/bin/bash
# Builds the .deb packages from this build, checks their declared dependencies and contents,
# unpacks the program package into a scratch root (dpkg -x, no root needed) and runs lqs from there.
set -euo pipefail
cpack=$1 build=$2 work=$3
for tool in dpkg-deb dpkg-shlibdeps; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool is missing (apt install dpkg-dev)"; exit 77; }
done
rm -rf "$work" && mkdir -p "$work"
"$cpack" --config "$build/CPackConfig.cmake" -G DEB -B "$work" >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; exit 1; }
deb=$(ls "$work"/liquidscope_*.deb)
dev=$(ls "$work"/liquidscope-dev_*.deb)

depends=$(dpkg-deb -f "$deb" Depends)
echo "liquidscope Depends: $depends"
for lib in libtiff libtbb libsqlite3 libc6; do
  grep -q "$lib" <<<"$depends" || { echo "FAIL: Depends lacks $lib"; exit 1; }
done
contents=$(dpkg-deb -c "$deb")  # (no `| grep -q`: with pipefail its early exit fails the pipe)
grep -q './usr/bin/lqs$' <<<"$contents" || { echo "FAIL: no /usr/bin/lqs in $deb"; exit 1; }
grep -q 'hicolor/scalable/apps/liquidscope.svg' <<<"$contents" || { echo "FAIL: no icon"; exit 1; }
if grep -q './usr/bin/liquidscope$' <<<"$contents"; then
  grep -q 'applications/liquidscope.desktop' <<<"$contents" || { echo "FAIL: GUI without desktop entry"; exit 1; }
fi
grep -q libtbb-dev <<<"$(dpkg-deb -f "$dev" Depends)" || { echo "FAIL: liquidscope-dev Depends lacks libtbb-dev"; exit 1; }
grep -q 'cmake/LiquidEngine/LiquidEngineConfig.cmake' <<<"$(dpkg-deb -c "$dev")" || { echo "FAIL: no CMake package"; exit 1; }

root=$work/root
dpkg -x "$deb" "$root"
lqs=$root/usr/bin/lqs
export LIQUID_ENGINE_HOME=$work/engine-home
grep -q '^lqs [0-9]' <<<"$("$lqs" --version)"
"$lqs" sample "$work/s.tif" --frames 4 --size 32,32
"$lqs" run magnify "$work/s.tif" -o "$work/m.tif" --set magnification=2
grep -q '"method": "magnify"' <<<"$("$lqs" provenance "$work/m.tif")"
echo "ok: $(basename "$deb") and $(basename "$dev") install into a scratch root and run"

#!/usr/bin/env bash
# Builds the volume core (wasm/src/*.c) with Debian's emscripten into
# packages/core/src/wasm/generated/fovea-volume.{mjs,wasm}, or into the folder given as $1.
# The output is byte-for-byte reproducible: CI (and a test) rebuild it and compare.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:-$here/../packages/core/src/wasm/generated}"

if ! command -v emcc >/dev/null 2>&1; then
  echo "wasm/build.sh: emcc not found; install emscripten (bash scripts/setup, or apt-get install emscripten)" >&2
  exit 127
fi
# Debian's emcc needs its JS dependencies (acorn, terser) from the system node path, first even
# when a package manager has set NODE_PATH (pnpm does).
export NODE_PATH="/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}"

mkdir -p "$out"
# Compile from inside src with relative paths so no absolute path reaches the output.
cd "$here/src"
emcc fill.c reslice.c stats.c \
  -O3 -msimd128 \
  -sMODULARIZE -sEXPORT_ES6 -sENVIRONMENT=web,worker \
  -sEXPORT_NAME=createFoveaVolumeModule \
  -sALLOW_MEMORY_GROWTH -sMAXIMUM_MEMORY=4GB -sINITIAL_MEMORY=1MB -sTOTAL_STACK=256KB \
  -sMEMORY_GROWTH_GEOMETRIC_STEP=0 \
  -sFILESYSTEM=0 -sASSERTIONS=0 \
  -sEXPORTED_FUNCTIONS=_malloc,_free,_fovea_fill_i16,_fovea_fill_f32,_fovea_widen_i16_f32,_fovea_blend_f32,_fovea_slab,_fovea_reslice,_fovea_minmax_i16,_fovea_minmax_f32,_fovea_histogram \
  -o "$out/fovea-volume.mjs"
# emcc marks the .wasm executable; a data file should not be.
chmod 644 "$out/fovea-volume.wasm"

#!/bin/bash
# On the GPU machine, from the bundle of packaging/gpu-bundle.sh: devices, every test binary (CUDA
# and NVIDIA OpenCL implementations included), the acceptance table, and benchmarks.
set -u
here=$(cd "$(dirname "$0")" && pwd)
out=${OUT:-/tmp/lqs-gpu-check}
mkdir -p "$out"
export LIQUID_ENGINE_HOME=$(mktemp -d) LQS_REFS_DIR=$here/refs LQS_EXE=$here/lqs
printf '#!/bin/bash\nexec %s/run.sh lqs "$@"\n' "$here" >"$here/lqs" && chmod +x "$here/lqs"
lqs="$here/lqs"
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader
"$lqs" info
echo "== tests"
for t in "$here"/bin/*_tests; do
  name=$(basename "$t")
  "$here/run.sh" "$name" >"$out/$name.log" 2>&1
  echo "$name: $(tail -2 "$out/$name.log" | tr '\n' ' ')"
done
echo "== acceptance"
bash "$here/tools/acceptance.sh" "$lqs" >"$out/acceptance.log" 2>&1
tail -1 "$out/acceptance.log"; grep FAIL "$out/acceptance.log"
echo "== benchmarks (median seconds per implementation)"
cd "$(mktemp -d)"
"$lqs" sample img.tif --frames 1 --size 2000,2000 >/dev/null
"$lqs" sample k.tif --frames 1 --size 9,9 >/dev/null
bench() { echo "-- $*"; "$lqs" bench "$@" 2>&1 | tee -a "$out/bench.log"; }
bench magnify --shape 10,300,300 --set magnification=5 --repeat 5
bench conv2d img.tif k.tif --repeat 5
bench nlm --shape 1,500,500 --repeat 3
bench esrrf --shape 4,512,512 --repeat 3
echo "== esrrf throughput, end to end from host frames (frames/s)"
"$lqs" sample s512.tif --frames 200 --size 512,512 >/dev/null
"$lqs" sample s2048.tif --frames 20 --size 2048,2048 >/dev/null
for impl in $("$lqs" methods --json | python3 -c "import json,sys; print(' '.join(i.replace(' ','~') for m in json.load(sys.stdin)['methods'] if m['name']=='esrrf' for i in m['implementations'] if not i.startswith('cpu:unthreaded')))"); do
  impl=${impl//\~/ }
  for f in s512 s2048; do
    frames=$([[ $f == s512 ]] && echo 200 || echo 20)
    s=$("$lqs" run esrrf $f.tif -o "$PWD/out.tif" --impl "$impl" --json 2>/dev/null | python3 -c "import json,sys; print(json.load(sys.stdin)['seconds'])" 2>/dev/null)
    [[ -n $s ]] && echo "$impl $f: $s s, $(python3 -c "print(round($frames/$s,1))") frames/s"
  done
done
echo "== CUDA kernel times apart from copies (LQS_CUDA_TIMING)"
cuda=$("$lqs" methods --json | python3 -c "import json,sys; print(next(i for m in json.load(sys.stdin)['methods'] if m['name']=='magnify' for i in m['implementations'] if i.startswith('cuda:')))" 2>/dev/null)
if [[ -n $cuda ]]; then
  "$lqs" sample s300.tif --frames 10 --size 300,300 >/dev/null
  for i in 1 2 3; do LQS_CUDA_TIMING=1 "$lqs" run magnify s300.tif -o "$PWD/m.tif" --set magnification=5 --impl "$cuda" --json 2>&1 | tr '\n' ' '; echo; done
fi
echo "== streaming: a stack 4x larger than --max-memory (peak RSS)"
if [[ -n $cuda ]]; then
  "$lqs" sample long.tif --frames 2048 --size 512,512 >/dev/null
  ls -l long.tif
  python3 - "$lqs" run esrrf long.tif -o "$PWD/long_sr.tif" --impl "$cuda" --max-memory 512M \
    --set frames_per_timepoint=256 --json <<'PY'
import resource, subprocess, sys, time
start = time.time()
done = subprocess.run(sys.argv[1:])
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(f"exit {done.returncode}, {time.time() - start:.1f} s, peak RSS {peak / 1024:.0f} MiB")
PY
fi
echo "== crossover table"
"$here/run.sh" lqs_crossover_bench | tee "$out/crossover.md"

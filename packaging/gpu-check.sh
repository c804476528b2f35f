#!/bin/bash
# On the GPU machine, from the bundle of packaging/gpu-bundle.sh: devices, every test binary (CUDA
# and NVIDIA OpenCL implementations included), the acceptance table, and benchmarks.
# Usage: gpu-check.sh [SECTION...]   sections: tests acceptance bench throughput kernels streaming
#                                     crossover setup nlm simd (default: all but nlm and simd)
# With bin/lqs_old in the bundle (LQS_BASELINE=BUILD_DIR for gpu-bundle.sh), `setup` times it too,
# in the same run, as the baseline.
set -u
here=$(cd "$(dirname "$0")" && pwd)
out=${OUT:-/tmp/lqs-gpu-check}
mkdir -p "$out"
export LIQUID_ENGINE_HOME=$(mktemp -d) LQS_REFS_DIR=$here/refs LQS_EXE=$here/lqs
printf '#!/bin/bash\nexec %s/run.sh lqs "$@"\n' "$here" >"$here/lqs" && chmod +x "$here/lqs"
lqs="$here/lqs"
work=$(mktemp -d)
cd "$work"
implementation() {  # the first implementation of method $1 whose name starts with $2
  "$lqs" methods --json | python3 -c "import json,sys; print(next((i for m in json.load(sys.stdin)['methods'] if m['name']=='$1' for i in m['implementations'] if i.startswith('$2')), ''))"
}
peak_rss() {  # runs a command, prints its exit code, wall time and peak RSS
  python3 - "$@" <<'PY'
import resource, subprocess, sys, time
start = time.time()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(f"exit {done.returncode}, {time.time() - start:.1f} s, peak RSS {peak / 1024:.0f} MiB")
PY
}
bench() { echo "-- $*"; "$lqs" bench "$@" 2>&1 | tee -a "$out/bench.log"; }

section_tests() {
  for t in "$here"/bin/*_tests; do
    name=$(basename "$t")
    "$here/run.sh" "$name" >"$out/$name.log" 2>&1
    echo "$name: $(tail -2 "$out/$name.log" | tr '\n' ' ')"
  done
}
section_acceptance() {
  bash "$here/tools/acceptance.sh" "$lqs" >"$out/acceptance.log" 2>&1
  tail -1 "$out/acceptance.log"; grep FAIL "$out/acceptance.log"
}
section_bench() {
  "$lqs" sample img.tif --frames 1 --size 2000,2000 >/dev/null
  "$lqs" sample k.tif --frames 1 --size 9,9 >/dev/null
  bench magnify --shape 10,300,300 --set magnification=5 --repeat 5
  bench conv2d img.tif k.tif --repeat 5
  bench nlm --shape 1,500,500 --repeat 3
  bench esrrf --shape 4,512,512 --repeat 3
}
section_throughput() {  # eSRRF end to end from host frames (frames/s)
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
}
section_kernels() {  # CUDA kernel times apart from the copies (LQS_CUDA_TIMING), warm clocks: last runs of a bench
  for run in "magnify --shape 10,300,300 --set magnification=5" "magnify --shape 10,1000,1000 --set magnification=5" \
             "nlm --shape 1,500,500"; do
    echo "-- $run"
    # shellcheck disable=SC2086
    LQS_CUDA_TIMING=1 "$lqs" bench $run --repeat 10 2>&1 | grep -E "cuda kernel|^cuda" | tail -4
  done
}
section_streaming() {  # a stack 4x larger than --max-memory: peak RSS against a 10-frame baseline
  cuda=$(implementation esrrf cuda:)
  [[ -z $cuda ]] && { echo "no CUDA device"; return; }
  "$lqs" sample short.tif --frames 10 --size 512,512 >/dev/null
  "$lqs" sample long.tif --frames 8192 --size 512,512 >/dev/null
  ls -l long.tif
  echo "baseline (10 frames in memory): $(peak_rss "$lqs" run esrrf short.tif -o "$PWD/short_sr.tif" --impl "$cuda")"
  echo "8 GiB stack, --max-memory 2G:   $(peak_rss "$lqs" run esrrf long.tif -o "$PWD/long_sr.tif" --impl "$cuda" --max-memory 2G --set frames_per_timepoint=512)"
}
section_crossover() { "$here/run.sh" lqs_crossover_bench ${CROSSOVER_METHODS:-} | tee "$out/crossover.md"; }
# NLM's two filters (docs/benchmarks-nlm.md): lqs at 500^2 defaults and at the paper's Fig. 2b step
# (1000^2, patch 50, distance 50, sigma 1, h 0.1), kernel times beside; NanoPyx on the same machine
# when its wheels came along (.whl, installed into /tmp/site by the caller).
section_nlm() {
  local big="--shape 1,1000,1000 --set patch_size=50 --set patch_distance=50 --set sigma=1 --set h=0.1"
  local nvidia nvidia_patchwise
  nvidia=$(implementation nlm "opencl:NVIDIA") nvidia_patchwise=$(implementation nlm "opencl-patchwise:NVIDIA")
  for weights in gaussian uniform; do
    bench nlm --shape 1,500,500 --set patch_weights=$weights --impl cuda --impl "$nvidia" --impl "$nvidia_patchwise" \
      --impl cpu:tbb-patchwise --repeat 5
    # shellcheck disable=SC2086
    LQS_CUDA_TIMING=1 "$lqs" bench nlm --shape 1,500,500 --set patch_weights=$weights --impl cuda-patchwise --repeat 10 2>&1 | grep -E "cuda kernel" | tail -2
    # shellcheck disable=SC2086
    bench nlm $big --set patch_weights=$weights --impl cuda-patchwise --impl "$nvidia_patchwise" --repeat 3
    # shellcheck disable=SC2086
    LQS_CUDA_TIMING=1 "$lqs" bench nlm $big --set patch_weights=$weights --impl cuda-patchwise --repeat 2 2>&1 | grep -E "cuda kernel" | tail -1
  done
  if [[ -x $here/bin/lqs_old ]]; then  # the baseline build knows the uniform filter only
    echo "-- lqs_old (uniform): nlm 500^2 and $big on cuda-patchwise"
    "$here/run.sh" lqs_old bench nlm --shape 1,500,500 --impl cuda-patchwise --repeat 5 2>&1 | tail -1
    # shellcheck disable=SC2086
    "$here/run.sh" lqs_old bench nlm $big --impl cuda-patchwise --repeat 3 2>&1 | tail -1
  fi
  python3 -c "import nanopyx" 2>/dev/null || { echo "no NanoPyx here"; return; }
  for job in "nlm_500 OpenCL 3" "nlm_500 Threaded 3" "nlm_500 Unthreaded 3" "nlm_1000_p50_d50 OpenCL 1"; do
    # shellcheck disable=SC2086
    timeout 300 python3 "$here/tools/nanopyx_job.py" $job 2>/dev/null | tail -1
  done
}
# What the device layer saves (docs/benchmarks.md): the runs of one process's bench (the first pays
# the set-up), and new processes' start with the OpenCL program cache cold, then warm (NVIDIA's own
# cache off, so only ours counts).
bench_runs_of() {  # $1: the bundled executable (lqs or lqs_old)
  local exe=$1
  runs() { "$here/run.sh" "$exe" bench "$@" --json 2>/dev/null |
    python3 -c "import json,sys; [print(f'  {r[\"implementation\"]}: runs', ' '.join(f'{x:.4f}' for x in r['runs'])) for r in json.load(sys.stdin)['results']]"; }
  echo "-- $exe: bench esrrf 20x2048x2048 x5 (cuda), magnify x5 catmull-rom 10x512x512 and 10x1000x1000, conv2d 9x9 2000^2, nlm 4x500x500"
  runs esrrf --shape 20,2048,2048 --impl cuda --repeat 5
  runs magnify --shape 10,512,512 --set magnification=5 --set interpolation=catmull-rom --impl cuda --impl opencl --repeat 5
  runs magnify --shape 10,1000,1000 --set magnification=5 --set interpolation=catmull-rom --impl cuda --repeat 5
  runs conv2d img.tif k.tif --impl cuda --impl opencl --repeat 5
  runs nlm --shape 4,500,500 --impl cuda --impl opencl --repeat 3
}
program_cache_of() {  # $1: the bundled executable
  local exe=$1 nvidia home
  nvidia=$("$here/run.sh" "$exe" methods --json | python3 -c "import json,sys; print(next((i for m in json.load(sys.stdin)['methods'] if m['name']=='nlm' for i in m['implementations'] if i.startswith('opencl:') and 'NVIDIA' in i), ''))")
  [[ -z $nvidia ]] && { echo "  no NVIDIA OpenCL device"; return; }
  home=$(mktemp -d)
  for attempt in cold warm warm; do
    local start end
    start=$(date +%s.%N)
    LIQUID_ENGINE_HOME=$home CUDA_CACHE_DISABLE=1 "$here/run.sh" "$exe" run nlm nlm.tif -o "$PWD/nlm_out.tif" --impl "$nvidia" >/dev/null 2>&1
    end=$(date +%s.%N)
    echo "  $exe: new process, nlm 1x256x256 on $nvidia, program cache $attempt: $(python3 -c "print(f'{$end-$start:.3f}')") s wall"
  done
}
setup_inputs() {
  "$lqs" sample img.tif --frames 1 --size 2000,2000 >/dev/null
  "$lqs" sample k.tif --frames 1 --size 9,9 >/dev/null
  "$lqs" sample nlm.tif --frames 1 --size 256,256 >/dev/null
}
section_programcache() {
  setup_inputs
  for exe in lqs lqs_old; do [[ -x $here/bin/$exe ]] && program_cache_of "$exe"; done
}
section_setup() {
  setup_inputs
  for exe in lqs lqs_old; do [[ -x $here/bin/$exe ]] && bench_runs_of "$exe"; done
  section_programcache
  echo "-- --impl forms"
  for impl in cuda cuda:0 opencl:0 opencl:1 no-such; do
    echo "  lqs run esrrf --impl $impl: exit $("$lqs" run esrrf nlm.tif -o "$PWD/sr.tif" --impl "$impl" >/dev/null 2>&1; echo $?)"
  done
  "$lqs" run esrrf nlm.tif -o "$PWD/sr.tif" --impl no-such 2>&1 | head -3
}

# eSRRF and SRRF file to file (docs/benchmarks-esrrf.md): every implementation's wall time over 5
# new processes on a 100x100x100 stack, its largest difference to cpu:tbb, and NanoPyx beside it
# when its wheels came along.
wall_median() {  # runs the command 5 times: median wall seconds
  python3 - "$@" <<'PY'
import statistics, subprocess, sys, time
times = []
for _ in range(5):
    start = time.time(); subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    times.append(time.time() - start)
print(f"median {statistics.median(times):.3f} s (min {min(times):.3f}, max {max(times):.3f})")
PY
}
section_simd() {
  "$here/run.sh" srrf_tests >"$out/srrf_tests.log" 2>&1; echo "srrf_tests: $(tail -2 "$out/srrf_tests.log" | tr '\n' ' ')"
  "$lqs" sample e100.tif --frames 100 --size 100,100 >/dev/null
  for method in esrrf srrf; do
    "$lqs" run $method e100.tif -o "$PWD/$method.cpu_tbb.tif" --impl cpu:tbb >/dev/null 2>&1
    for impl in cpu:simd cpu:tbb cuda "$(implementation $method opencl:NVIDIA)"; do
      [[ -z $impl ]] && continue
      echo "$method $impl: $(wall_median "$lqs" run $method e100.tif -o "$PWD/$method.out.tif" --impl "$impl")," \
        "max |difference| to cpu:tbb $(python3 -c "import numpy as np, tifffile; a = tifffile.imread('$method.out.tif'); b = tifffile.imread('$method.cpu_tbb.tif'); print(float(np.abs(a - b).max()), 'of', float(np.abs(b).max()))")"
    done
  done
  python3 -c "import nanopyx" 2>/dev/null || { echo "no NanoPyx here"; return; }
  for job in "esrrf Threaded" "srrf Threaded" "esrrf OpenCL" "srrf OpenCL"; do
    # shellcheck disable=SC2086
    timeout 200 python3 "$here/tools/nanopyx_file_job.py" ${job% *} e100.tif ${job#* } 3 2>/dev/null | tail -1
  done
}

nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader
"$lqs" info
for section in ${@:-tests acceptance bench throughput kernels streaming crossover setup}; do
  echo "== $section"
  "section_$section"
done

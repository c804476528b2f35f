# Times NanoPyx's eSRRF or SRRF file to file on the stack lqs reads, for side-by-side benchmarks
# (packaging/gpu-check.sh simd): python3 nanopyx_file_job.py esrrf|srrf FILE RUN_TYPE REPEAT
import json, sys, time
import numpy as np, tifffile
import nanopyx
method, path, rt, repeat = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
def job():
    x = tifffile.imread(path).astype(np.float32)
    if method == "esrrf":
        r = nanopyx.eSRRF(x, magnification=5, radius=1.5, sensitivity=1, _force_run_type=rt)
    else:
        # NanoPyx's SRRF gives the radiality of every frame; lqs's order 1 is their mean
        r = np.mean(nanopyx.SRRF(x, magnification=5, ringRadius=0.5, _force_run_type=rt), axis=0)
    out = np.asarray(r[0] if method == "esrrf" else r, dtype=np.float32)
    tifffile.imwrite(path + f".{method}.npx.tif", out)
times = []
for i in range(repeat + 1):
    t0 = time.perf_counter(); job(); dt = time.perf_counter() - t0
    if i: times.append(dt)
    else: first = dt
print(json.dumps({"method": method, "run_type": rt, "first": first, "seconds": times, "median": float(np.median(times))}), flush=True)

"""Makes the second pair of NLM references, at non-default parameters, with NanoPyx itself.

Run in a scratch venv (`pip install nanopyx==2.1.5 tifffile`), never as part of the build:
    python make_nlm_refs.py OUTPUT_DIR
Writes nlm_p5_gaussian.tif (NanoPyx's threaded run: Gaussian patch weights) and nlm_p5_uniform.tif
(its unthreaded run: uniform weights) for img_noisy.tif at patch 5, distance 6, h 0.05, sigma 0.02.
"""
import os
import sys

import numpy as np
import tifffile
from nanopyx.core.transform._le_nlm_denoising import NLMDenoising

here = os.path.dirname(os.path.abspath(__file__))
image = tifffile.imread(os.path.join(here, "img_noisy.tif")).astype(np.float32)
if image.ndim == 2:
    image = image[np.newaxis]
params = dict(patch_size=5, patch_distance=6, h=0.05, sigma=0.02)
for name, run_type in (("gaussian", "Threaded"), ("uniform", "Unthreaded")):
    out = NLMDenoising(testing=True, verbose=False).run(image, run_type=run_type, **params)
    tifffile.imwrite(os.path.join(sys.argv[1], f"nlm_p5_{name}.tif"), np.asarray(out, dtype=np.float32))
    print(name, run_type, out.shape, float(np.mean(out)))

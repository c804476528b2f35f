#!/usr/bin/python3
"""Writes the fuzzers' seed corpus: one small valid file of every kind the readers accept.

Run with Debian's python3 (python3-tifffile, python3-numpy): /usr/bin/python3 make_corpus.py
"""
import json
import pathlib

import numpy
import tifffile

here = pathlib.Path(__file__).resolve().parent / "corpus"
rng = numpy.random.default_rng(9)


def stack(dtype, frames=2, rows=12, cols=10):
    info = numpy.iinfo(dtype) if numpy.dtype(dtype).kind in "iu" else None
    low, high = (info.min, info.max) if info else (-1e3, 1e3)
    return rng.uniform(low, high, (frames, rows, cols)).astype(dtype)


def write_tiffs(folder):
    folder.mkdir(parents=True, exist_ok=True)
    for dtype in ("uint8", "int8", "uint16", "int16", "uint32", "int32", "float32", "float64"):
        tifffile.imwrite(folder / f"{dtype}_strips.tif", stack(dtype), rowsperstrip=4, metadata=None)
    tifffile.imwrite(folder / "single_frame.tif", stack("uint16", frames=1)[0], metadata=None)
    tifffile.imwrite(folder / "big_endian.tif", stack("uint16"), byteorder=">", metadata=None)
    tifffile.imwrite(folder / "tiled.tif", stack("float32", rows=40, cols=36), tile=(16, 16), metadata=None)
    tifffile.imwrite(folder / "deflate.tif", stack("uint16"), compression="zlib", metadata=None)
    tifffile.imwrite(folder / "deflate_tiled.tif", stack("uint8", rows=40, cols=36), tile=(16, 16),
                     compression="zlib", metadata=None)
    tifffile.imwrite(folder / "bigtiff.tif", stack("float32"), bigtiff=True, metadata=None)
    tifffile.imwrite(folder / "imagej.tif", stack("float32", frames=3), imagej=True,
                     resolution=(1 / 0.1, 1 / 0.1), metadata={"axes": "TYX", "unit": "um"})
    tifffile.imwrite(folder / "imagej_uint16.tif", stack("uint16", frames=3), imagej=True,
                     metadata={"axes": "TYX"})
    tifffile.imwrite(folder / "ome.ome.tif", stack("uint16", frames=3), ome=True,
                     metadata={"axes": "TYX", "PhysicalSizeX": 0.1, "PhysicalSizeXUnit": "µm"})
    # ImageJ's layout for stacks over 4 GB: one IFD, the other frames' data right after frame 0's.
    frames = stack("uint16", frames=3)
    contiguous = folder / "imagej_contiguous.tif"
    tifffile.imwrite(contiguous, frames[0], rowsperstrip=frames.shape[1], metadata=None,
                     description="ImageJ=1.54f\nimages=3\nslices=3\nunit=um\n")
    with open(contiguous, "ab") as out:
        out.write(frames[1:].tobytes())
    tifffile.imwrite(folder / "resolution_cm.tif", stack("uint8", frames=1), resolution=(1e4, 1e4),
                     resolutionunit="CENTIMETER", metadata=None)


def write_workflows(folder):
    folder.mkdir(parents=True, exist_ok=True)
    examples = {
        "chain.json": {"steps": [
            {"method": "srrf", "inputs": ["raw.tif"], "output": "srrf.tif",
             "params": {"magnification": 5, "ring_radius": 0.5, "do_intensity_weighting": True}},
            {"method": "frc", "inputs": ["srrf.tif"], "params": {"pixel_size": "0.1"}}]},
        "one.json": {"steps": [{"method": "gaussian-blur", "inputs": ["/data/a.tif"], "output": "b.tif",
                                "params": {"sigma": 1.5e0}}]},
        "unicode.json": {"steps": [{"method": "nlm-denoise", "inputs": ["dossier/é.tif"], "output": "x.tif"}]},
    }
    for name, document in examples.items():
        (folder / name).write_text(json.dumps(document, indent=1, ensure_ascii=False))


def write_assignments(folder):
    folder.mkdir(parents=True, exist_ok=True)
    examples = {
        "all.txt": "sigma=2.5\noffset=-1e300\nmagnification=4\nframes=1000000\n"
                   "do_intensity_weighting=off\ninterpolation=Bicubic\n",
        "one.txt": "sigma=0\n",
        "bad.txt": "magnification=2.5\n",
    }
    for name, text in examples.items():
        (folder / name).write_text(text)


write_tiffs(here / "tiff")
write_workflows(here / "workflow")
write_assignments(here / "parameters")

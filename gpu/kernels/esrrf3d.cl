/* eSRRF 3D on OpenCL: the same per-voxel functions as the CPU loops (esrrf3d.h). Volumes are
 * addressed as (slice * rows + row, col) in a 2D range. */
#include "esrrf3d.h"

__kernel void gradient_3d(__global const float* volume, __global float* gc, __global float* gr, __global float* gs,
                          int slices, int rows) {
  const int line = get_global_id(0), c = get_global_id(1), cols = get_global_size(1);
  const int i = line * cols + c;
  float x, y, z;
  lqs_gradient_3d(volume, slices, rows, cols, line / rows, line % rows, c, &x, &y, &z);
  gc[i] = x;
  gr[i] = y;
  gs[i] = z;
}

__kernel void magnify_3d(__global const float* volume, __global float* out, int rows, int cols, int mxy, int mz) {
  const int line = get_global_id(0), cM = get_global_id(1), rowsM = rows * mxy;
  out[line * get_global_size(1) + cM] = lqs_magnified_3d(volume, rows, cols, mxy, mz, line / rowsM, line % rowsM, cM);
}

__kernel void unit_gradient(__global float* gx, __global float* gy, __global float* gz) {
  const int i = get_global_id(0) * get_global_size(1) + get_global_id(1);
  float x = gx[i], y = gy[i], z = gz[i];
  lqs_unit_gradient(&x, &y, &z);
  gx[i] = x;
  gy[i] = y;
  gz[i] = z;
}

__kernel void converge_3d(__global const float* gx, __global const float* gy, __global const float* gz,
                          __global const float* intensity, __global const float* offsets, __global float* out, int slices, int rows, int cols,
                          int mxy, int mz, float radius, float radiusZ, float sensitivity, int intensityWeighting) {
  const int line = get_global_id(0), cM = get_global_id(1), rowsM = rows * mxy;
  const int i = line * get_global_size(1) + cM;
  const float rgc = lqs_esrrf3d_voxel(gx, gy, gz, offsets, slices, rows, cols, mxy, mz, radius, radiusZ, sensitivity,
                                      line / rowsM, line % rowsM, cM);
  out[i] = intensityWeighting ? rgc * intensity[i] : rgc;
}

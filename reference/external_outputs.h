/* contenders (issue 7): scoring outputs computed anywhere (another framework,
 * another language) against the MPFR references, from raw float32 files. */
#ifndef ACTBENCH_EXTERNAL_OUTPUTS_H
#define ACTBENCH_EXTERNAL_OUTPUTS_H

#include <stddef.h>

#include "accuracy.h"

/* Reads a raw little-endian float32 file (x86-64: native).  Returns 0, or -1
 * with a one-line reason in err: unreadable, empty, size not a multiple of 4. */
int f32_file_read(const char *path, float **out, size_t *n, char *err, size_t err_size);
/* Writes n floats; 0, or -1 with a reason in err. */
int f32_file_write(const char *path, const float *x, size_t n, char *err, size_t err_size);

/* The standard elementwise input set of the sweep: cfg->samples inputs of
 * the full range, cfg->samples typical ones, then the special values, with
 * the seeds accuracy_run uses.  *out is malloc'd; returns the count, 0 when
 * out of memory. */
size_t external_standard_inputs(const accuracy_config *cfg, float **out);

typedef struct external_score {
    size_t count;
    size_t correctly_rounded;
    size_t nonfinite_errors; /* NaN or inf where a number was due, or the reverse */
    double max_ulp, mean_ulp; /* mean over the finite errors */
    float worst_x, worst_y, worst_expected;
} external_score;

/* Scores y[i] as act(x[i]) (an elementwise activation, TF defaults). */
void external_score_outputs(actbench_act act, const float *x, const float *y, size_t n,
                            external_score *s);

#endif

/* contenders (issue 7): outputs computed elsewhere, scored like a kernel's. */
#include "external_outputs.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reference.h"
#include "ulp.h"

int f32_file_read(const char *path, float **out, size_t *n, char *err, size_t err_size)
{
    *out = NULL;
    *n = 0;
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, err_size, "cannot read '%s': %s", path, strerror(errno));
        return -1;
    }
    long size = fseek(f, 0, SEEK_END) == 0 ? ftell(f) : -1;
    if (size <= 0 || size % 4 != 0 || fseek(f, 0, SEEK_SET) != 0) {
        snprintf(err, err_size, "'%s' is not raw float32 data (%ld bytes: empty, unreadable or "
                 "not a multiple of 4)", path, size);
        fclose(f);
        return -1;
    }
    float *x = malloc((size_t)size);
    if (!x || fread(x, 1, (size_t)size, f) != (size_t)size) {
        snprintf(err, err_size, "cannot read '%s' (%s)", path, x ? "short read" : "out of memory");
        free(x);
        fclose(f);
        return -1;
    }
    fclose(f);
    *out = x;
    *n = (size_t)size / 4;
    return 0;
}

int f32_file_write(const char *path, const float *x, size_t n, char *err, size_t err_size)
{
    FILE *f = fopen(path, "wb");
    int ok = f && fwrite(x, sizeof *x, n, f) == n;
    if (f && fclose(f) != 0)
        ok = 0;
    if (!ok)
        snprintf(err, err_size, "cannot write '%s': %s", path, strerror(errno));
    return ok ? 0 : -1;
}

size_t external_standard_inputs(const accuracy_config *cfg, float **out)
{
    const size_t special_cap = 128 * SPECIAL_ROW_LENGTH; /* as accuracy.c's build_set */
    float *x = malloc((2 * cfg->samples + special_cap) * sizeof *x);
    *out = x;
    if (!x)
        return 0;
    /* accuracy.c seeds domain d with seed + 0x1000 d */
    domain_inputs(DOMAIN_FULL, cfg->samples, cfg->seed + 0x1000u * DOMAIN_FULL, x);
    domain_inputs(DOMAIN_TYPICAL, cfg->samples, cfg->seed + 0x1000u * DOMAIN_TYPICAL, x + cfg->samples);
    return 2 * cfg->samples + special_inputs(x + 2 * cfg->samples, special_cap);
}

void external_score_outputs(actbench_act act, const float *x, const float *y, size_t n,
                            external_score *s)
{
    const float alpha = actbench_activation(act)->default_alpha;
    double *err = malloc((n ? n : 1) * sizeof *err);
    float *cr = malloc((n ? n : 1) * sizeof *cr);
    memset(s, 0, sizeof *s);
    if (!err || !cr) {
        free(err);
        free(cr);
        s->max_ulp = NAN;
        return;
    }
#pragma omp parallel for schedule(dynamic, 64)
    for (size_t i = 0; i < n; i++) {
        ref_value r = ref_elementwise(act, x[i], alpha);
        err[i] = ulp_error(y[i], r.exact);
        cr[i] = r.rounded;
    }
    /* Serial, in input order, as accuracy.c: reproducible to the last digit. */
    ulp_tally t = {0};
    for (size_t i = 0; i < n; i++)
        ulp_tally_add(&t, err[i], y[i] == cr[i] || (isnan(y[i]) && isnan(cr[i])));
    s->count = n;
    s->nonfinite_errors = t.nonfinite;
    s->correctly_rounded = t.correctly_rounded;
    s->max_ulp = t.max;
    s->mean_ulp = ulp_tally_mean(&t);
    if (n) {
        s->worst_x = x[t.worst];
        s->worst_y = y[t.worst];
        s->worst_expected = cr[t.worst];
    }
    free(err);
    free(cr);
}

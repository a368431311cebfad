/* The accuracy sweep: for each activation, build each domain's inputs and
 * their MPFR references once (in parallel, the expensive part), then run
 * every chosen kernel of that activation on them and score each output. */
#include "accuracy.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <omp.h>

#include "reference.h"
#include "ulp.h"

const char *accuracy_domain_name(accuracy_domain d)
{
    static const char *const names[DOMAIN_ALL] = {"full", "typical", "special", "exhaustive",
                                                  "rows-uniform", "rows-wide", "rows-neginf"};
    return (unsigned)d < DOMAIN_ALL ? names[d] : "?";
}

int ulp_hist_bin(double ulp)
{
    if (ulp == 0)
        return 0;
    if (ulp <= 0.5)
        return 1;
    if (ulp <= 1)
        return 2;
    if (isinf(ulp))
        return ULP_HIST_BINS - 1;
    if (ulp > 0x1p24)
        return ULP_HIST_BINS - 2;
    int e;
    double m = frexp(ulp, &e); /* ulp = m 2^e, m in [0.5, 1): in (2^(e-1), 2^e] unless m = 0.5 */
    int k = m == 0.5 ? e - 2 : e - 1; /* ulp in (2^k, 2^(k+1)] */
    return 3 + k;
}

const char *ulp_hist_name(int bin)
{
    static char names[ULP_HIST_BINS][40];
    static int made;
    if (!made) { /* first call comes before any threads: reports only */
        snprintf(names[0], sizeof names[0], "hist_0");
        snprintf(names[1], sizeof names[1], "hist_0_0.5");
        snprintf(names[2], sizeof names[2], "hist_0.5_1");
        for (int k = 0; k <= 23; k++)
            snprintf(names[3 + k], sizeof names[3 + k], "hist_%lu_%lu", 1ul << k, 2ul << k);
        snprintf(names[ULP_HIST_BINS - 2], sizeof names[0], "hist_16777216_up");
        snprintf(names[ULP_HIST_BINS - 1], sizeof names[0], "hist_inf");
        made = 1;
    }
    return (unsigned)bin < ULP_HIST_BINS ? names[bin] : "?";
}

int accuracy_within_bound(const accuracy_record *r)
{
    /* Special inputs pass or fail one by one against the bound.  Reference-
     * tier (libm) kernels and contenders (issue 7: other libraries, plugins)
     * promise nothing there: their failures are the findings, reported, not
     * a broken promise. */
    if (r->domain == DOMAIN_SPECIAL)
        return r->kernel->tier == ACTBENCH_TIER_REFERENCE ||
               r->kernel->tier == ACTBENCH_TIER_CONTENDER || r->special_failures == 0;
    return r->max_ulp <= r->kernel->ulp_bound;
}

double accuracy_special_tolerance(const actbench_kernel *k)
{
    /* Reference-tier (libm) bounds are measured worst cases, often millions
     * of ULP, and contenders declare none: judged against those, no special
     * value could fail.  Hold them to a faithful result (1 ULP) instead, so a
     * flushed subnormal or a missed saturation shows up in the table. */
    if (k->tier == ACTBENCH_TIER_REFERENCE || k->tier == ACTBENCH_TIER_CONTENDER || !isfinite(k->ulp_bound))
        return 1.0;
    return k->ulp_bound;
}

/* One domain's inputs for one activation, with their references. */
typedef struct input_set {
    float *x;
    ref_value *ref;
    size_t n;
    size_t *lengths; /* row-wise: row lengths; NULL for elementwise */
    size_t n_rows;
} input_set;

static void free_set(input_set *s)
{
    free(s->x);
    free(s->ref);
    free(s->lengths);
    memset(s, 0, sizeof *s);
}

/* Fills s with domain d's inputs for act and computes their references. */
static int build_set(const actbench_activation_info *info, accuracy_domain d,
                     const accuracy_config *cfg, input_set *s)
{
    const size_t special_cap = 128;
    const uint64_t seed = cfg->seed + 0x1000u * (uint64_t)d;
    size_t cap = d == DOMAIN_SPECIAL ? special_cap * SPECIAL_ROW_LENGTH : cfg->samples;
    memset(s, 0, sizeof *s);
    s->x = malloc((cap ? cap : 1) * sizeof *s->x);
    s->ref = malloc((cap ? cap : 1) * sizeof *s->ref);
    if (!s->x || !s->ref)
        goto oom;

    if (!info->rowwise) {
        s->n = d == DOMAIN_SPECIAL ? special_inputs(s->x, cap) : (domain_inputs(d, cap, seed, s->x), cap);
#pragma omp parallel for schedule(dynamic, 64)
        for (size_t i = 0; i < s->n; i++)
            s->ref[i] = ref_elementwise(info->act, s->x[i], info->default_alpha);
        return 0;
    }

    s->lengths = malloc((cap ? cap : 1) * sizeof *s->lengths);
    size_t *offsets = malloc((cap ? cap : 1) * sizeof *offsets);
    if (!s->lengths || !offsets) {
        free(offsets);
        goto oom;
    }
    s->n_rows = d == DOMAIN_SPECIAL ? special_rows(s->x, s->lengths, special_cap)
                                    : domain_rows(d, cap, seed, s->x, s->lengths, cap);
    for (size_t r = 0; r < s->n_rows; r++) {
        offsets[r] = s->n;
        s->n += s->lengths[r];
    }
#pragma omp parallel for schedule(dynamic, 1)
    for (size_t r = 0; r < s->n_rows; r++)
        ref_row(info->act, s->x + offsets[r], s->lengths[r], s->ref + offsets[r]);
    free(offsets);
    return 0;
oom:
    free_set(s);
    return -1;
}

static void run_kernel(const actbench_kernel *k, const input_set *s, float *y)
{
    actbench_params p = actbench_default_params(k->act);
    if (!s->lengths) {
        k->fn(s->x, y, s->n, &p);
        return;
    }
    for (size_t r = 0, off = 0; r < s->n_rows; off += s->lengths[r++]) {
        p.row_length = s->lengths[r];
        k->fn(s->x + off, y + off, s->lengths[r], &p);
    }
}

/* Row length of the row holding element i (row-wise sets), else 0. */
static size_t row_length_at(const input_set *s, size_t i, size_t *index_in_row)
{
    *index_in_row = 0;
    if (!s->lengths)
        return 0;
    for (size_t r = 0, off = 0; r < s->n_rows; off += s->lengths[r++])
        if (i < off + s->lengths[r]) {
            *index_in_row = i - off;
            return s->lengths[r];
        }
    return 0;
}

/* Scores y against the set's references; appends special records for
 * DOMAIN_SPECIAL.  err is scratch space for s->n errors. */
static void score(const actbench_kernel *k, accuracy_domain d, const input_set *s,
                  const float *y, double *err, accuracy_record *rec, special_record *specials,
                  size_t *n_specials)
{
#pragma omp parallel for schedule(static)
    for (size_t i = 0; i < s->n; i++)
        err[i] = ulp_error(y[i], s->ref[i].exact);

    memset(rec, 0, sizeof *rec);
    rec->kernel = k;
    rec->domain = d;
    rec->count = s->n;
    ulp_tally t = {0};
    rec->binades = calloc(BINADE_SLOTS, sizeof *rec->binades);
    double *binade_sum = calloc(BINADE_SLOTS, sizeof *binade_sum);
    const double tolerance = accuracy_special_tolerance(k);
    /* Serial, in input order: the same inputs give the same figures, to the
     * last digit, whatever the thread count. */
    for (size_t i = 0; i < s->n; i++) {
        float cr = s->ref[i].rounded;
        ulp_tally_add(&t, err[i], y[i] == cr || (isnan(y[i]) && isnan(cr)));
        rec->hist[ulp_hist_bin(err[i])]++;
        if (rec->binades && binade_sum) {
            unsigned b = binade_slot(s->x[i]);
            binade_record *br = &rec->binades[b];
            if (br->count++ == 0 || err[i] > br->max_ulp)
                br->max_ulp = err[i];
            if (isfinite(err[i])) {
                br->finite++;
                binade_sum[b] += err[i];
            }
        }
        if (d == DOMAIN_SPECIAL) {
            special_record *sp = &specials[(*n_specials)++];
            sp->kernel = k;
            sp->x = s->x[i];
            sp->y = y[i];
            sp->expected = cr;
            sp->ulp = err[i];
            sp->row_length = row_length_at(s, i, &sp->index);
            sp->pass = err[i] <= tolerance;
            rec->special_failures += !sp->pass;
        }
    }
    if (rec->binades && binade_sum)
        for (unsigned b = 0; b < BINADE_SLOTS; b++)
            rec->binades[b].mean_ulp = rec->binades[b].finite ? binade_sum[b] / (double)rec->binades[b].finite : 0.0;
    free(binade_sum);
    rec->nonfinite_errors = t.nonfinite;
    rec->correctly_rounded = t.correctly_rounded;
    rec->max_ulp = t.max;
    rec->mean_ulp = ulp_tally_mean(&t);
    if (s->n) {
        size_t index;
        rec->worst_x = s->x[t.worst];
        rec->worst_y = y[t.worst];
        rec->worst_expected = s->ref[t.worst].rounded;
        rec->worst_row_length = row_length_at(s, t.worst, &index);
    }
}

int accuracy_run(const accuracy_config *cfg, const actbench_kernel *const *kernels,
                 size_t n_kernels, accuracy_results *out)
{
    memset(out, 0, sizeof *out);
    out->shards = 1;
    double start = omp_get_wtime();
    out->records = calloc(n_kernels * DOMAIN_COUNT + 1, sizeof *out->records);
    out->specials = calloc(n_kernels * 128 * SPECIAL_ROW_LENGTH + 1, sizeof *out->specials);
    if (!out->records || !out->specials)
        goto oom;

    for (int a = 0; a < ACTBENCH_ACT_COUNT; a++) {
        const actbench_activation_info *info = actbench_activation((actbench_act)a);
        size_t chosen = 0;
        for (size_t k = 0; k < n_kernels; k++)
            chosen += kernels[k]->act == info->act;
        if (!chosen)
            continue;
        for (int d = 0; d < DOMAIN_COUNT; d++) {
            input_set s;
            if (build_set(info, (accuracy_domain)d, cfg, &s))
                goto oom;
            float *y = malloc((s.n ? s.n : 1) * sizeof *y);
            double *err = malloc((s.n ? s.n : 1) * sizeof *err);
            if (!y || !err) {
                free(y);
                free(err);
                free_set(&s);
                goto oom;
            }
            for (size_t k = 0; k < n_kernels; k++) {
                if (kernels[k]->act != info->act)
                    continue;
                run_kernel(kernels[k], &s, y);
                score(kernels[k], (accuracy_domain)d, &s, y, err, &out->records[out->n_records++],
                      out->specials, &out->n_specials);
            }
            free(y);
            free(err);
            free_set(&s);
        }
    }
    /* Records come out by activation, then domain; reports want them by
     * kernel, then domain: a stable reorder. */
    for (size_t i = 1; i < out->n_records; i++) {
        accuracy_record r = out->records[i];
        size_t j = i;
        while (j > 0 && out->records[j - 1].kernel->act == r.kernel->act &&
               out->records[j - 1].kernel > r.kernel) {
            out->records[j] = out->records[j - 1];
            j--;
        }
        out->records[j] = r;
    }
    out->seconds = omp_get_wtime() - start;
    return 0;
oom:
    accuracy_results_free(out);
    return -1;
}

void accuracy_results_free(accuracy_results *r)
{
    for (size_t i = 0; r->records && i < r->n_records; i++)
        free(r->records[i].binades);
    free(r->records);
    free(r->specials);
    memset(r, 0, sizeof *r);
}

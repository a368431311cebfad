/* The exhaustive pass: all 2^32 inputs of each chosen elementwise
 * activation in blocks of 64K consecutive bit patterns, one block per
 * thread at a time (OpenMP, dynamic), every chosen kernel of the activation
 * scored on the block against one shared filtered reference; row-wise
 * activations on sampled rows against MPFR.
 *
 * Determinism: blocks are fixed in the input space, a block's errors are
 * summed in input order, and block sums go into exact sums; counts are
 * integers and maxima break ties by the smaller bit pattern.  So thread
 * count, shard count and merge order change nothing in the figures. */
#include "exhaustive.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <omp.h>

#include "filtered.h"
#include "reference.h"
#include "ulp.h"

/* ---- exact sums ------------------------------------------------------- */

void exact_sum_add(exact_sum *s, double x)
{
    int i = 0;
    for (int j = 0; j < s->n; j++) {
        double y = s->p[j];
        if (fabs(x) < fabs(y)) {
            double t = x;
            x = y;
            y = t;
        }
        double hi = x + y, lo = y - (hi - x);
        if (lo != 0.0)
            s->p[i++] = lo;
        x = hi;
    }
    /* Partials never overlap, so more than EXACT_SUM_PARTIALS of them needs
     * values spread over more than 2^1000 in ratio: sums of ULP errors do
     * not.  Should it happen, the two smallest are rounded together. */
    if (i == EXACT_SUM_PARTIALS) {
        s->p[1] += s->p[0];
        memmove(s->p, s->p + 1, (size_t)(--i) * sizeof s->p[0]);
    }
    s->p[i++] = x;
    s->n = i;
}

double exact_sum_value(const exact_sum *s)
{
    /* Python's math.fsum: add from the largest partial down until the sum
     * becomes inexact, then correct a half-way case by the next partial. */
    int n = s->n;
    double hi = 0.0, lo = 0.0;
    if (n > 0) {
        hi = s->p[--n];
        while (n > 0) {
            double x = hi, y = s->p[--n];
            hi = x + y;
            double yr = hi - x;
            lo = y - yr;
            if (lo != 0.0)
                break;
        }
        if (n > 0 && ((lo < 0 && s->p[n - 1] < 0) || (lo > 0 && s->p[n - 1] > 0))) {
            double y = lo * 2, x = hi + y, yr = x - hi;
            if (y == yr)
                hi = x;
        }
    }
    return hi;
}

/* ---- accumulators ----------------------------------------------------- */

static void acc_init(exhaustive_acc *a, const actbench_kernel *k, accuracy_domain d)
{
    memset(a, 0, sizeof *a);
    a->kernel = k;
    a->domain = d;
    a->max_ulp = -1;
    for (int b = 0; b < BINADE_SLOTS; b++)
        a->binades[b].max_ulp = -1;
}

static void take_max(exhaustive_acc *a, double ulp, uint64_t key, float x, float y, float want,
                     uint64_t row_length)
{
    if (ulp > a->max_ulp || (ulp == a->max_ulp && key < a->worst_key)) {
        a->max_ulp = ulp;
        a->worst_key = key;
        a->worst_x = x;
        a->worst_y = y;
        a->worst_expected = want;
        a->worst_row_length = row_length;
    }
}

static void sum_merge(exact_sum *into, const exact_sum *from)
{
    for (int i = 0; i < from->n; i++)
        exact_sum_add(into, from->p[i]);
}

static void acc_merge(exhaustive_acc *into, const exhaustive_acc *from)
{
    into->count += from->count;
    into->finite += from->finite;
    into->correctly_rounded += from->correctly_rounded;
    into->nonfinite += from->nonfinite;
    into->mpfr += from->mpfr;
    into->nan_checked += from->nan_checked;
    if (from->max_ulp >= 0)
        take_max(into, from->max_ulp, from->worst_key, from->worst_x, from->worst_y,
                 from->worst_expected, from->worst_row_length);
    sum_merge(&into->sum, &from->sum);
    for (int i = 0; i < ULP_HIST_BINS; i++)
        into->hist[i] += from->hist[i];
    for (int b = 0; b < BINADE_SLOTS; b++) {
        exhaustive_binade *t = &into->binades[b];
        const exhaustive_binade *f = &from->binades[b];
        if (!f->count)
            continue;
        t->count += f->count;
        t->finite += f->finite;
        if (f->max_ulp > t->max_ulp)
            t->max_ulp = f->max_ulp;
        sum_merge(&t->sum, &f->sum);
    }
}

/* ---- inputs ------------------------------------------------------------ */

static float from_bits(uint32_t u)
{
    float f;
    memcpy(&f, &u, sizeof f);
    return f;
}

static uint32_t to_bits(float f)
{
    uint32_t u;
    memcpy(&u, &f, sizeof u);
    return u;
}

/* NaN payloads checked (with each sign): quiet and signalling, lowest and
 * highest, alternating bits, a few arbitrary ones.  Every NaN is one class
 * for an activation (the result must be NaN), so these stand for all 2^24-2. */
static const uint32_t nan_payloads[EXHAUSTIVE_NAN_INPUTS / 2] = {
    0x400000, 0x400001, 0x7fffff, 0x000001, 0x3fffff, 0x200000, 0x555555, 0x2aaaaa,
    0x000100, 0x600000, 0x0f0f0f, 0x700000, 0x012345, 0x6789ab, 0x1fffff, 0x7ffffe,
};

/* The inputs of block b: its 64K bit patterns; the blocks of exponent 255
 * hold the infinity and the NaN representatives (first block of each sign)
 * or nothing. */
static size_t block_inputs(uint32_t b, float *x)
{
    if (((b >> 7) & 0xff) != 0xff) {
        for (uint32_t i = 0; i < (1u << EXHAUSTIVE_BLOCK_BITS); i++)
            x[i] = from_bits(b << EXHAUSTIVE_BLOCK_BITS | i);
        return 1u << EXHAUSTIVE_BLOCK_BITS;
    }
    if (b & 0x7f)
        return 0;
    uint32_t sign = b << EXHAUSTIVE_BLOCK_BITS & 0x80000000u;
    size_t n = 0;
    x[n++] = from_bits(sign | 0x7f800000u);
    for (size_t i = 0; i < EXHAUSTIVE_NAN_INPUTS / 2; i++)
        x[n++] = from_bits(sign | 0x7f800000u | nan_payloads[i]);
    return n;
}

/* ---- the elementwise pass --------------------------------------------- */

/* A thread's buffers: the block's inputs, their prepared references, one
 * kernel's outputs. */
typedef struct block_buffers {
    float *x, *y;
    filtered_ref *ref;
} block_buffers;

static void buffers_free(block_buffers *b)
{
    free(b->x), free(b->y), free(b->ref);
}

static int buffers_alloc(block_buffers *b)
{
    const size_t n = (size_t)1 << EXHAUSTIVE_BLOCK_BITS;
    b->x = malloc(n * sizeof *b->x), b->y = malloc(n * sizeof *b->y), b->ref = malloc(n * sizeof *b->ref);
    if (b->x && b->y && b->ref)
        return 0;
    buffers_free(b);
    return -1;
}

/* Scores one kernel's outputs on a block into a thread's accumulator. */
static void block_score(const actbench_activation_info *info, block_buffers *b, size_t n,
                        uint32_t block, exhaustive_acc *a)
{
    double block_sum = 0, block_max = -1;
    size_t worst = 0;
    uint64_t finite = 0;
    for (size_t i = 0; i < n; i++) {
        filtered_verdict v = filtered_judge(info->act, b->x[i], info->default_alpha, &b->ref[i], b->y[i]);
        if (v.ulp > block_max)
            block_max = v.ulp, worst = i;
        if (isfinite(v.ulp)) {
            block_sum += v.ulp;
            finite++;
        } else {
            a->nonfinite++;
        }
        a->correctly_rounded += v.correctly_rounded;
        a->mpfr += v.used_mpfr;
        a->hist[ulp_hist_bin(v.ulp)]++;
        if (isnan(b->x[i]))
            a->nan_checked++;
    }
    if (!n)
        return;
    float want = filtered_cr(info->act, b->x[worst], info->default_alpha, &b->ref[worst]);
    a->count += n;
    a->finite += finite;
    exact_sum_add(&a->sum, block_sum);
    take_max(a, block_max, to_bits(b->x[worst]), b->x[worst], b->y[worst], want, 0);
    exhaustive_binade *bin = &a->binades[block >> 7];
    bin->count += n;
    bin->finite += finite;
    if (block_max > bin->max_ulp)
        bin->max_ulp = block_max;
    exact_sum_add(&bin->sum, block_sum);
}

/* Progress on stderr: rewritten in place on a terminal, else one line
 * every few seconds when asked for. */
typedef struct progress {
    int on, tty;
    double start, last;
} progress;

static void progress_show(progress *p, const char *what, uint64_t done, uint64_t total,
                          double inputs_per_block, int final)
{
    double now = omp_get_wtime();
    if (!p->on || (!final && now - p->last < (p->tty ? 0.5 : 5.0)))
        return;
    p->last = now;
    double elapsed = now - p->start, rate = elapsed > 0 ? done * inputs_per_block / elapsed : 0;
    double eta = done ? elapsed * (double)(total - done) / (double)done : 0;
    fprintf(stderr, "%sexhaustive %s: %5.1f%% of %llu blocks, %.1f M inputs/s, %s %.0f s%s",
            p->tty ? "\r" : "", what, total ? 100.0 * (double)done / (double)total : 100.0,
            (unsigned long long)total, rate / 1e6, final ? "took" : "ETA", final ? elapsed : eta,
            p->tty ? (final ? "\033[K\n" : "\033[K") : "\n");
}

static int run_elementwise(const exhaustive_config *cfg, const actbench_activation_info *info,
                           const actbench_kernel *const *kernels, size_t nk, exhaustive_acc *accs)
{
    /* Shard s takes the covered blocks (every block_stride-th) j with
     * j % shards == s: interleaved, so every shard gets a share of every
     * binade and the shards take about the same time. */
    const uint64_t shards = cfg->shards ? cfg->shards : 1;
    const uint64_t step = shards * (cfg->block_stride ? cfg->block_stride : 1);
    const uint64_t first = (uint64_t)cfg->shard * (cfg->block_stride ? cfg->block_stride : 1);
    uint64_t total = first < EXHAUSTIVE_BLOCKS ? (EXHAUSTIVE_BLOCKS - first + step - 1) / step : 0, done = 0;
    progress pr = {cfg->progress || isatty(2), isatty(2), omp_get_wtime(), omp_get_wtime()};
    char what[160];
    snprintf(what, sizeof what, "%s (%zu kernel%s, shard %u/%u)", info->name, nk, nk == 1 ? "" : "s",
             cfg->shard + 1, (unsigned)shards);
    int failed = 0;
#pragma omp parallel
    {
        block_buffers b = {0};
        exhaustive_acc *mine = malloc(nk * sizeof *mine);
        int ok = mine && buffers_alloc(&b) == 0;
        if (!ok) {
#pragma omp atomic write
            failed = 1;
        }
        for (size_t k = 0; ok && k < nk; k++)
            acc_init(&mine[k], kernels[k], DOMAIN_EXHAUSTIVE);
#pragma omp for schedule(dynamic, 1)
        for (uint64_t j = 0; j < total; j++) {
            uint32_t blk = (uint32_t)(first + j * step);
            if (!ok || (cfg->stop && *cfg->stop))
                continue;
            size_t n = block_inputs(blk, b.x);
            if (n) {
                for (size_t i = 0; i < n; i++)
                    filtered_prepare(info->act, b.x[i], info->default_alpha, &b.ref[i]);
                for (size_t k = 0; k < nk; k++) {
                    actbench_params p = actbench_default_params(info->act);
                    kernels[k]->fn(b.x, b.y, n, &p);
                    block_score(info, &b, n, blk, &mine[k]);
                }
            }
            uint64_t d;
#pragma omp atomic capture
            d = ++done;
            if (omp_get_thread_num() == 0)
                progress_show(&pr, what, d, total, 65536.0, 0);
        }
        if (ok) {
#pragma omp critical(exhaustive_reduce)
            for (size_t k = 0; k < nk; k++)
                acc_merge(&accs[k], &mine[k]);
            buffers_free(&b);
        }
        free(mine);
    }
    if (!failed && !(cfg->stop && *cfg->stop))
        progress_show(&pr, what, done, total, 65536.0, 1);
    else if (pr.on && pr.tty)
        fputc('\n', stderr);
    return failed ? -1 : 0;
}

/* ---- row-wise activations ---------------------------------------------- */

static uint64_t splitmix(uint64_t *state)
{
    uint64_t z = (*state += 0x9e3779b97f4a7c15u);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
}

/* One distribution's rows for a row-wise activation, scored for every chosen
 * kernel of it.  Serial accumulation in element order. */
static int run_rows(const exhaustive_config *cfg, const actbench_activation_info *info,
                    accuracy_domain d, const actbench_kernel *const *kernels, size_t nk,
                    exhaustive_acc *accs)
{
    size_t cap = cfg->row_elements ? cfg->row_elements : EXHAUSTIVE_ROW_ELEMENTS;
    float *x = malloc(cap * sizeof *x), *y = malloc(cap * sizeof *y);
    ref_value *ref = malloc(cap * sizeof *ref);
    size_t *lengths = malloc(cap * sizeof *lengths), *offsets = malloc(cap * sizeof *offsets);
    int rc = -1;
    if (!x || !y || !ref || !lengths || !offsets)
        goto out;
    uint64_t seed = cfg->seed + 0x5000u * (uint64_t)d + (uint64_t)info->act;
    size_t rows = domain_rows(d == DOMAIN_ROWS_WIDE ? DOMAIN_FULL : DOMAIN_TYPICAL, cap, seed, x,
                              lengths, cap);
    size_t n = 0;
    for (size_t r = 0; r < rows; r++)
        offsets[r] = n, n += lengths[r];
    if (d == DOMAIN_ROWS_NEGINF) { /* one entry in eight is -inf */
        uint64_t state = seed ^ 0xabcdefu;
        for (size_t i = 0; i < n; i++)
            if ((splitmix(&state) & 7) == 0)
                x[i] = -INFINITY;
    }
#pragma omp parallel for schedule(dynamic, 1)
    for (size_t r = 0; r < rows; r++)
        if (!(cfg->stop && *cfg->stop))
            ref_row(info->act, x + offsets[r], lengths[r], ref + offsets[r]);
    if (cfg->stop && *cfg->stop) {
        rc = 0;
        goto out;
    }
    for (size_t k = 0; k < nk; k++) {
        exhaustive_acc *a = &accs[k];
        for (size_t r = 0; r < rows; r++) {
            actbench_params p = actbench_default_params(info->act);
            p.row_length = lengths[r];
            kernels[k]->fn(x + offsets[r], y + offsets[r], lengths[r], &p);
            double row_sum = 0;
            for (size_t i = offsets[r]; i < offsets[r] + lengths[r]; i++) {
                double u = ulp_error(y[i], ref[i].exact);
                int cr = y[i] == ref[i].rounded || (isnan(y[i]) && isnan(ref[i].rounded));
                unsigned slot = binade_slot(x[i]);
                exhaustive_binade *bin = &a->binades[slot];
                a->count++, bin->count++;
                a->correctly_rounded += cr;
                a->mpfr++;
                a->hist[ulp_hist_bin(u)]++;
                if (isfinite(u)) {
                    a->finite++, bin->finite++;
                    row_sum += u;
                    exact_sum_add(&bin->sum, u);
                } else {
                    a->nonfinite++;
                }
                if (u > bin->max_ulp)
                    bin->max_ulp = u;
                take_max(a, u, i, x[i], y[i], ref[i].rounded, lengths[r]);
            }
            exact_sum_add(&a->sum, row_sum);
        }
    }
    rc = 0;
out:
    free(x), free(y), free(ref), free(lengths), free(offsets);
    return rc;
}

/* ---- the run ------------------------------------------------------------ */

void exhaustive_run_free(exhaustive_run *r)
{
    free(r->accs);
    memset(r, 0, sizeof *r);
}

int exhaustive_run_kernels(const exhaustive_config *cfg, const actbench_kernel *const *kernels,
                           size_t n_kernels, exhaustive_run *out)
{
    memset(out, 0, sizeof *out);
    double start = omp_get_wtime();
    out->shard = cfg->shard;
    out->shards = cfg->shards ? cfg->shards : 1;
    out->shards_merged = 1;
    out->seed = cfg->seed;
    out->block_stride = cfg->block_stride ? cfg->block_stride : 1;
    out->shard_mask_lo = cfg->shard < 64 ? 1ull << cfg->shard : 0;
    /* Records by kernel (table order), then domain. */
    const accuracy_domain row_domains[] = {DOMAIN_ROWS_UNIFORM, DOMAIN_ROWS_WIDE, DOMAIN_ROWS_NEGINF};
    out->accs = calloc(n_kernels * 3 + 1, sizeof *out->accs);
    const actbench_kernel **same = malloc((n_kernels + 1) * sizeof *same);
    if (!out->accs || !same)
        goto oom;
    for (size_t k = 0; k < n_kernels; k++) {
        if (!actbench_activation(kernels[k]->act)->rowwise)
            acc_init(&out->accs[out->n_accs++], kernels[k], DOMAIN_EXHAUSTIVE);
        else if (out->shard == 0) /* rows are one shard's work: shard 0 */
            for (int d = 0; d < 3; d++)
                acc_init(&out->accs[out->n_accs++], kernels[k], row_domains[d]);
    }
    for (int act = 0; act < ACTBENCH_ACT_COUNT; act++) {
        const actbench_activation_info *info = actbench_activation((actbench_act)act);
        for (int d = 0; d < (info->rowwise ? 3 : 1); d++) {
            accuracy_domain dom = info->rowwise ? row_domains[d] : DOMAIN_EXHAUSTIVE;
            /* The accumulators of this activation and domain are adjacent
             * per kernel; gather them. */
            size_t nk = 0;
            exhaustive_acc *tmp = NULL;
            for (size_t i = 0; i < out->n_accs; i++)
                if (out->accs[i].kernel->act == info->act && out->accs[i].domain == dom)
                    same[nk++] = out->accs[i].kernel;
            if (!nk)
                continue;
            tmp = malloc(nk * sizeof *tmp);
            if (!tmp)
                goto oom;
            for (size_t i = 0; i < nk; i++)
                acc_init(&tmp[i], same[i], dom);
            int rc = info->rowwise ? run_rows(cfg, info, dom, same, nk, tmp)
                                   : run_elementwise(cfg, info, same, nk, tmp);
            for (size_t i = 0, j = 0; rc == 0 && i < out->n_accs; i++)
                if (out->accs[i].kernel->act == info->act && out->accs[i].domain == dom)
                    acc_merge(&out->accs[i], &tmp[j++]);
            free(tmp);
            if (rc)
                goto oom;
            if (cfg->stop && *cfg->stop) {
                free(same);
                exhaustive_run_free(out);
                return 1;
            }
        }
    }
    free(same);
    out->seconds = omp_get_wtime() - start;
    return 0;
oom:
    free(same);
    exhaustive_run_free(out);
    return -1;
}

/* ---- partial results ----------------------------------------------------- */

#define PARTIAL_MAGIC "actbench-exhaustive-partial"

static void write_sum(FILE *f, const exact_sum *s)
{
    fprintf(f, " %d", s->n);
    for (int i = 0; i < s->n; i++)
        fprintf(f, " %a", s->p[i]);
}

int exhaustive_write_partial(FILE *f, const exhaustive_run *r)
{
    fprintf(f, "%s 1\nshard %u %u\nseed %llu\nstride %u\nseconds %a\nrecords %zu\n", PARTIAL_MAGIC,
            r->shard, r->shards, (unsigned long long)r->seed, r->block_stride, r->seconds, r->n_accs);
    for (size_t i = 0; i < r->n_accs; i++) {
        const exhaustive_acc *a = &r->accs[i];
        fprintf(f, "record %s %s %s\n", actbench_activation(a->kernel->act)->name, a->kernel->variant,
                accuracy_domain_name(a->domain));
        fprintf(f, "counts %llu %llu %llu %llu %llu %llu\n", (unsigned long long)a->count,
                (unsigned long long)a->finite, (unsigned long long)a->correctly_rounded,
                (unsigned long long)a->nonfinite, (unsigned long long)a->mpfr,
                (unsigned long long)a->nan_checked);
        fprintf(f, "max %a %llu %a %a %a %llu\n", a->max_ulp, (unsigned long long)a->worst_key,
                a->worst_x, a->worst_y, a->worst_expected, (unsigned long long)a->worst_row_length);
        fprintf(f, "sum");
        write_sum(f, &a->sum);
        fprintf(f, "\nhist");
        for (int h = 0; h < ULP_HIST_BINS; h++)
            fprintf(f, " %llu", (unsigned long long)a->hist[h]);
        fputc('\n', f);
        for (int b = 0; b < BINADE_SLOTS; b++) {
            const exhaustive_binade *bin = &a->binades[b];
            if (!bin->count)
                continue;
            fprintf(f, "binade %d %llu %llu %a", b, (unsigned long long)bin->count,
                    (unsigned long long)bin->finite, bin->max_ulp);
            write_sum(f, &bin->sum);
            fputc('\n', f);
        }
        fprintf(f, "end\n");
    }
    return ferror(f) ? -1 : 0;
}

static int read_sum(FILE *f, exact_sum *s)
{
    int n;
    if (fscanf(f, "%d", &n) != 1 || n < 0 || n > EXACT_SUM_PARTIALS)
        return -1;
    s->n = 0;
    for (int i = 0; i < n; i++) {
        double v;
        if (fscanf(f, "%la", &v) != 1)
            return -1;
        exact_sum_add(s, v);
    }
    return 0;
}

static accuracy_domain domain_by_name(const char *name)
{
    for (int d = 0; d < DOMAIN_ALL; d++)
        if (strcmp(accuracy_domain_name((accuracy_domain)d), name) == 0)
            return (accuracy_domain)d;
    return DOMAIN_ALL;
}

int exhaustive_read_partial(FILE *f, exhaustive_run *r, char *err, size_t err_size)
{
    char word[128], act[64], variant[128], domain[64];
    unsigned long long seed;
    int version;
    size_t n;
    memset(r, 0, sizeof *r);
    if (fscanf(f, "%127s %d", word, &version) != 2 || strcmp(word, PARTIAL_MAGIC) != 0 || version != 1 ||
        fscanf(f, " shard %u %u seed %llu stride %u seconds %la records %zu", &r->shard, &r->shards,
               &seed, &r->block_stride, &r->seconds, &n) != 6 ||
        r->shards == 0 || r->shard >= r->shards || n > 100000) {
        snprintf(err, err_size, "not an actbench partial result (version 1)");
        return -1;
    }
    r->shards_merged = 1;
    r->seed = seed;
    r->shard_mask_lo = r->shard < 64 ? 1ull << r->shard : 0;
    r->accs = calloc(n + 1, sizeof *r->accs);
    if (!r->accs) {
        snprintf(err, err_size, "out of memory");
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        exhaustive_acc *a = &r->accs[i];
        unsigned long long c[6], key, rowlen;
        float wx, wy, we;
        double mx;
        if (fscanf(f, " record %63s %127s %63s", act, variant, domain) != 3)
            goto bad;
        const actbench_kernel *k = actbench_find_kernel(act, variant);
        accuracy_domain d = domain_by_name(domain);
        if (!k || d == DOMAIN_ALL) {
            snprintf(err, err_size, "unknown kernel or domain '%s %s %s'", act, variant, domain);
            goto fail;
        }
        acc_init(a, k, d);
        double x, y, e;
        if (fscanf(f, " counts %llu %llu %llu %llu %llu %llu", &c[0], &c[1], &c[2], &c[3], &c[4], &c[5]) != 6 ||
            fscanf(f, " max %la %llu %la %la %la %llu", &mx, &key, &x, &y, &e, &rowlen) != 6 ||
            fscanf(f, " sum") != 0 || read_sum(f, &a->sum) != 0 || fscanf(f, " hist") != 0)
            goto bad;
        wx = (float)x, wy = (float)y, we = (float)e;
        a->count = c[0], a->finite = c[1], a->correctly_rounded = c[2], a->nonfinite = c[3];
        a->mpfr = c[4], a->nan_checked = c[5];
        a->max_ulp = mx, a->worst_key = key, a->worst_x = wx, a->worst_y = wy, a->worst_expected = we;
        a->worst_row_length = rowlen;
        for (int h = 0; h < ULP_HIST_BINS; h++) {
            unsigned long long v;
            if (fscanf(f, "%llu", &v) != 1)
                goto bad;
            a->hist[h] = v;
        }
        for (;;) {
            if (fscanf(f, " %127s", word) != 1)
                goto bad;
            if (strcmp(word, "end") == 0)
                break;
            int slot;
            unsigned long long cnt, fin;
            double bmax;
            if (strcmp(word, "binade") != 0 || fscanf(f, "%d %llu %llu %la", &slot, &cnt, &fin, &bmax) != 4 ||
                slot < 0 || slot >= BINADE_SLOTS)
                goto bad;
            exhaustive_binade *bin = &a->binades[slot];
            bin->count = cnt, bin->finite = fin, bin->max_ulp = bmax;
            if (read_sum(f, &bin->sum) != 0)
                goto bad;
        }
        r->n_accs++;
    }
    return 0;
bad:
    snprintf(err, err_size, "malformed partial result (record %zu)", r->n_accs + 1);
fail:
    exhaustive_run_free(r);
    return -1;
}

int exhaustive_merge(exhaustive_run *into, const exhaustive_run *from, char *err, size_t err_size)
{
    if (from->shards != into->shards) {
        snprintf(err, err_size, "partial results of %u and %u shards do not mix", into->shards,
                 from->shards);
        return -1;
    }
    if (from->seed != into->seed || from->block_stride != into->block_stride) {
        snprintf(err, err_size, "partial results of different seeds or strides do not mix");
        return -1;
    }
    if (from->shard_mask_lo & into->shard_mask_lo) {
        snprintf(err, err_size, "shard %u given twice", from->shard + 1);
        return -1;
    }
    for (size_t i = 0; i < from->n_accs; i++) {
        const exhaustive_acc *f = &from->accs[i];
        size_t j = 0;
        while (j < into->n_accs && (into->accs[j].kernel != f->kernel || into->accs[j].domain != f->domain))
            j++;
        if (j == into->n_accs) {
            /* Row-wise records come from shard 0 only: take them as they are. */
            if (f->domain == DOMAIN_EXHAUSTIVE) {
                snprintf(err, err_size, "shards ran different kernels (%s/%s)",
                         actbench_activation(f->kernel->act)->name, f->kernel->variant);
                return -1;
            }
            exhaustive_acc *grown = realloc(into->accs, (into->n_accs + 1) * sizeof *grown);
            if (!grown) {
                snprintf(err, err_size, "out of memory");
                return -1;
            }
            into->accs = grown;
            into->accs[into->n_accs++] = *f;
            continue;
        }
        acc_merge(&into->accs[j], f);
    }
    for (size_t j = 0; j < into->n_accs; j++) {
        int found = into->accs[j].domain != DOMAIN_EXHAUSTIVE;
        for (size_t i = 0; i < from->n_accs && !found; i++)
            found = from->accs[i].kernel == into->accs[j].kernel && from->accs[i].domain == DOMAIN_EXHAUSTIVE;
        if (!found) {
            snprintf(err, err_size, "shards ran different kernels (%s/%s)",
                     actbench_activation(into->accs[j].kernel->act)->name, into->accs[j].kernel->variant);
            return -1;
        }
    }
    into->shards_merged += from->shards_merged;
    into->shard_mask_lo |= from->shard_mask_lo;
    into->seconds += from->seconds;
    return 0;
}

/* ---- records -------------------------------------------------------------- */

/* The order the unsharded run gives: kernel table order, then domain. */
static int acc_order(const void *pa, const void *pb)
{
    const exhaustive_acc *a = pa, *b = pb;
    if (a->kernel != b->kernel)
        return a->kernel < b->kernel ? -1 : 1;
    return (int)a->domain - (int)b->domain;
}

int exhaustive_results(const exhaustive_run *r, accuracy_results *out)
{
    memset(out, 0, sizeof *out);
    out->exhaustive = 1;
    out->shards = r->shards;
    out->block_stride = r->block_stride;
    out->seconds = r->seconds;
    out->records = calloc(r->n_accs + 1, sizeof *out->records);
    out->specials = calloc(1, sizeof *out->specials);
    exhaustive_acc *sorted = malloc((r->n_accs + 1) * sizeof *sorted);
    if (!out->records || !out->specials || !sorted) {
        free(sorted);
        accuracy_results_free(out);
        return -1;
    }
    memcpy(sorted, r->accs, r->n_accs * sizeof *sorted);
    qsort(sorted, r->n_accs, sizeof *sorted, acc_order);
    for (size_t i = 0; i < r->n_accs; i++) {
        const exhaustive_acc *a = &sorted[i];
        accuracy_record *rec = &out->records[out->n_records++];
        rec->kernel = a->kernel;
        rec->domain = a->domain;
        rec->count = a->count;
        rec->max_ulp = a->max_ulp < 0 ? 0 : a->max_ulp;
        rec->mean_ulp = a->finite ? exact_sum_value(&a->sum) / (double)a->finite : 0.0;
        rec->worst_x = a->worst_x, rec->worst_y = a->worst_y, rec->worst_expected = a->worst_expected;
        rec->worst_row_length = a->worst_row_length;
        rec->correctly_rounded = a->correctly_rounded;
        rec->nonfinite_errors = a->nonfinite;
        rec->mpfr_calls = a->mpfr;
        rec->nan_checked = a->nan_checked;
        memcpy(rec->hist, a->hist, sizeof rec->hist);
        rec->binades = calloc(BINADE_SLOTS, sizeof *rec->binades);
        if (!rec->binades) {
            free(sorted);
            accuracy_results_free(out);
            return -1;
        }
        for (int b = 0; b < BINADE_SLOTS; b++) {
            const exhaustive_binade *bin = &a->binades[b];
            binade_record *br = &rec->binades[b];
            br->count = bin->count, br->finite = bin->finite;
            br->max_ulp = bin->max_ulp < 0 ? 0 : bin->max_ulp;
            br->mean_ulp = bin->finite ? exact_sum_value(&bin->sum) / (double)bin->finite : 0.0;
        }
    }
    free(sorted);
    return 0;
}

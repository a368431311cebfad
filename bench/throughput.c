/* Throughput sweeps: buffers, inputs, GB registration, and the statistics
 * the reports need (median, min, CV, x copy, parallel efficiency). */
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "throughput.h"

/* ---- input distributions ---------------------------------------------- */

int bench_dist_parse(const char *s, bench_dist *d)
{
    if (!s)
        return -1;
    char name[16], extra;
    double a, b;
    if (strcmp(s, "uniform") == 0) {
        *d = BENCH_DIST_DEFAULT;
        return 0;
    }
    if (strcmp(s, "normal") == 0) {
        *d = (bench_dist){DIST_NORMAL, 0.0, 1.0};
        return 0;
    }
    if (strcmp(s, "wide") == 0) {
        *d = (bench_dist){DIST_WIDE, 0.0, 0.0};
        return 0;
    }
    if (sscanf(s, "%15[a-z]:%lf:%lf%c", name, &a, &b, &extra) != 3 || !isfinite(a) || !isfinite(b))
        return -1;
    if (strcmp(name, "uniform") == 0 && a < b)
        *d = (bench_dist){DIST_UNIFORM, a, b};
    else if (strcmp(name, "normal") == 0 && b > 0)
        *d = (bench_dist){DIST_NORMAL, a, b};
    else
        return -1;
    return 0;
}

const char *bench_dist_describe(const bench_dist *d, char *buf, size_t size)
{
    switch (d->kind) {
    case DIST_UNIFORM: snprintf(buf, size, "uniform [%g, %g]", d->a, d->b); break;
    case DIST_NORMAL: snprintf(buf, size, "normal (mean %g, sd %g)", d->a, d->b); break;
    case DIST_WIDE: snprintf(buf, size, "wide: random sign, |x| log-uniform in [2^-16, 2^8]"); break;
    }
    return buf;
}

/* Counter-based: element i's value depends only on (seed, i), so whichever
 * thread first touches it writes the same number. */
static uint64_t mix64(uint64_t z)
{
    z += 0x9e3779b97f4a7c15u;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
}

static double unit_open(uint64_t r) { return ((double)(r >> 11) + 0.5) * 0x1p-53; } /* (0, 1) */

static float dist_value(const bench_dist *d, uint64_t seed, size_t i)
{
    uint64_t r1 = mix64(seed ^ (2 * (uint64_t)i)), r2 = mix64(seed ^ (2 * (uint64_t)i + 1));
    float v;
    switch (d->kind) {
    case DIST_NORMAL:
        v = (float)(d->a + d->b * sqrt(-2.0 * log(unit_open(r1))) * cos(6.283185307179586 * unit_open(r2)));
        break;
    case DIST_WIDE:
        v = (float)ldexp(exp2(24.0 * unit_open(r1)), -16);
        v = (r2 & 1) ? -v : v;
        break;
    default:
        v = (float)(d->a + (d->b - d->a) * unit_open(r1));
        break;
    }
    return v == 0.0f ? 0x1p-10f : v; /* never zeros: some kernels shortcut them */
}

/* ---- copy baselines ---------------------------------------------------- */

static void copy_memcpy(const float *x, float *y, size_t n, const actbench_params *p)
{
    (void)p;
    memcpy(y, x, n * sizeof *x);
}

/* Kept a loop: GCC would otherwise turn it into a memcpy call. */
__attribute__((optimize("no-tree-loop-distribute-patterns")))
static void copy_loop(const float *x, float *y, size_t n, const actbench_params *p)
{
    (void)p;
    for (size_t i = 0; i < n; i++)
        y[i] = x[i];
}

/* Pseudo-kernels so actbench_parallel splits the copies exactly as it splits
 * an elementwise kernel (act only selects the elementwise split). */
static const actbench_kernel copy_kernels[] = {
    [BASELINE_MEMCPY] = {ACTBENCH_RELU, "memcpy", ACTBENCH_ISA_SCALAR, ACTBENCH_TIER_REFERENCE,
                         "memcpy(y, x, 4n)", INFINITY, copy_memcpy, "memcpy"},
    [BASELINE_COPY_LOOP] = {ACTBENCH_RELU, "copy-loop", ACTBENCH_ISA_SCALAR,
                            ACTBENCH_TIER_REFERENCE, "y[i] = x[i]", INFINITY, copy_loop, "copy_loop"},
};

const char *bench_baseline_name(bench_baseline b)
{
    return b == BASELINE_MEMCPY ? "memcpy" : b == BASELINE_COPY_LOOP ? "copy-loop" : "";
}

/* ---- measured parallelism ---------------------------------------------- */

/* A fixed compute-bound loop: a dependent integer chain, no memory traffic. */
static uint64_t spin(uint64_t iters, uint64_t s)
{
    for (uint64_t i = 0; i < iters; i++) {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
    }
    return s;
}

static volatile uint64_t spin_sink;

static double time_spin(int threads, uint64_t iters)
{
    double t0 = omp_get_wtime();
#pragma omp parallel num_threads(threads)
    spin_sink = spin(iters, 88172645463325252u + (uint64_t)omp_get_thread_num());
    return omp_get_wtime() - t0;
}

double bench_measure_parallelism(int threads)
{
    if (threads <= 1)
        return 1.0;
    const uint64_t iters = 20u * 1000 * 1000; /* about 20 ms per thread */
    double best1 = INFINITY, bestT = INFINITY;
    time_spin(threads, iters / 10); /* start the team */
    for (int rep = 0; rep < 5; rep++) {
        double t1 = time_spin(1, iters), tT = time_spin(threads, iters);
        best1 = t1 < best1 ? t1 : best1;
        bestT = tT < bestT ? tT : bestT;
    }
    return threads * best1 / bestT;
}

double bench_parallelism_of(const bench_results *r, int threads)
{
    for (size_t i = 0; i < r->n_parallelism; i++)
        if (r->parallelism[i].threads == threads)
            return r->parallelism[i].measured;
    return NAN;
}

/* ---- the sweep --------------------------------------------------------- */

typedef struct bench_case {
    const actbench_kernel *kernel; /* a real kernel or a copy pseudo-kernel */
    const float *x;
    float *y;
    size_t n;
    actbench_params params;
    int threads;
} bench_case;

static void run_case(void *arg)
{
    const bench_case *c = arg;
    actbench_parallel(c->kernel, c->x, c->y, c->n, &c->params, c->threads);
}

typedef struct progress_relay {
    const bench_config *cfg;
    double t0;
} progress_relay;

static void relay_progress(void *ctx, double done)
{
    const progress_relay *r = ctx;
    r->cfg->progress(r->cfg->progress_ctx, done, omp_get_wtime() - r->t0);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Fills rec's statistics from GB's repetitions of benchmark id. */
static void summarise(bench_record *rec, const gbench_results *g, int id, double *scratch)
{
    int m = 0;
    rec->error = 0;
    for (size_t i = 0; i < g->n_runs; i++) {
        const gbench_run *run = &g->runs[i];
        if (run->id != id || run->is_aggregate)
            continue;
        if (run->error || run->iterations <= 0) {
            rec->error = 1;
            continue;
        }
        if (m == 0)
            rec->iterations = run->iterations;
        scratch[m++] = run->real_ns;
    }
    rec->repetitions = m;
    if (m == 0) {
        rec->error = 1;
        rec->median_ns = rec->min_ns = rec->mean_ns = rec->cv = NAN;
    } else {
        qsort(scratch, (size_t)m, sizeof *scratch, cmp_double);
        rec->median_ns = m % 2 ? scratch[m / 2] : 0.5 * (scratch[m / 2 - 1] + scratch[m / 2]);
        rec->min_ns = scratch[0];
        double sum = 0, sq = 0;
        for (int i = 0; i < m; i++)
            sum += scratch[i];
        rec->mean_ns = sum / m;
        for (int i = 0; i < m; i++)
            sq += (scratch[i] - rec->mean_ns) * (scratch[i] - rec->mean_ns);
        rec->cv = m > 1 ? sqrt(sq / (m - 1)) / rec->mean_ns : 0.0;
    }
    double n = (double)rec->n;
    rec->ns_per_elem = rec->median_ns / n;
    rec->ns_per_elem_min = rec->min_ns / n;
    rec->elements_per_s = n / rec->median_ns * 1e9;
    rec->gb_per_s = 8.0 * n / rec->median_ns;
    rec->x_copy = rec->speedup = rec->parallel_efficiency = NAN;
}

static const bench_record *find_record(const bench_results *r, const actbench_kernel *k,
                                       bench_baseline b, size_t n, int threads)
{
    for (size_t i = 0; i < r->n_records; i++) {
        const bench_record *q = &r->records[i];
        if (q->kernel == k && q->baseline == b && q->n == n && q->threads == threads && !q->error)
            return q;
    }
    return NULL;
}

/* ---- runs handed between processes --------------------------------------- */

#define RUNS_MAGIC "actbench-runs 1"

int bench_runs_write(FILE *f, const gbench_results *g)
{
    const gbench_machine *m = &g->machine;
    fprintf(f, "%s\nmachine %d %.17g %d %zu %d %zu\n", RUNS_MAGIC, m->num_cpus, m->mhz,
            m->cpu_scaling, m->llc_bytes, m->llc_sharing, g->matched);
    for (size_t i = 0; i < g->n_runs; i++) {
        const gbench_run *r = &g->runs[i];
        if (!r->is_aggregate)
            fprintf(f, "run %d %lld %lld %.17g %.17g %d\n", r->id, (long long)r->iterations,
                    (long long)r->repetition, r->real_ns, r->cpu_ns, r->error);
    }
    fprintf(f, "end\n");
    return fflush(f) == 0 && !ferror(f) ? 0 : -1;
}

int bench_runs_read(FILE *f, gbench_results *out)
{
    char line[256];
    gbench_machine m;
    size_t matched;
    if (!fgets(line, sizeof line, f) || strncmp(line, RUNS_MAGIC "\n", sizeof RUNS_MAGIC) != 0 ||
        !fgets(line, sizeof line, f) ||
        sscanf(line, "machine %d %lf %d %zu %d %zu", &m.num_cpus, &m.mhz, &m.cpu_scaling,
               &m.llc_bytes, &m.llc_sharing, &matched) != 6)
        return -1;
    if (out->n_runs == 0) {
        out->machine = m;
        out->matched = matched;
    }
    size_t cap = out->n_runs;
    while (fgets(line, sizeof line, f)) {
        if (strcmp(line, "end\n") == 0)
            return 0;
        gbench_run r = {0};
        long long iters, rep;
        if (sscanf(line, "run %d %lld %lld %lf %lf %d", &r.id, &iters, &rep, &r.real_ns, &r.cpu_ns,
                   &r.error) != 6 || r.id < 0)
            return -1;
        r.iterations = iters;
        r.repetition = rep;
        r.repetitions = 1;
        if (out->n_runs == cap) {
            cap = cap ? 2 * cap : 256;
            gbench_run *grown = realloc(out->runs, cap * sizeof *grown);
            if (!grown)
                return -1;
            out->runs = grown;
        }
        out->runs[out->n_runs++] = r;
    }
    return -1; /* no end line: the writer did not finish */
}

/* x copy, speedup and parallel efficiency: ratios between records. */
static void relate_records(bench_results *r)
{
    for (size_t i = 0; i < r->n_records; i++) {
        bench_record *q = &r->records[i];
        if (q->error)
            continue;
        const bench_record *copy = find_record(r, NULL, BASELINE_COPY_LOOP, q->n, q->threads);
        if (copy)
            q->x_copy = q->median_ns / copy->median_ns;
        const bench_record *one = find_record(r, q->kernel, q->baseline, q->n, 1);
        if (one) {
            q->speedup = one->median_ns / q->median_ns;
            q->parallel_efficiency = q->speedup / bench_parallelism_of(r, q->threads);
        }
    }
}

void bench_results_free(bench_results *r)
{
    free(r->records);
    free(r->parallelism);
    memset(r, 0, sizeof *r);
}

int bench_run(const bench_config *cfg, bench_results *out)
{
    memset(out, 0, sizeof *out);
    const double t0 = omp_get_wtime();
    const size_t per_size = cfg->n_threads * (cfg->n_kernels + 2);
    const size_t n_cases = cfg->n_sizes * per_size;
    bench_case *cases = calloc(n_cases ? n_cases : 1, sizeof *cases);
    float **bufs = calloc(2 * cfg->n_sizes + 1, sizeof *bufs);
    out->records = calloc(n_cases ? n_cases : 1, sizeof *out->records);
    out->parallelism = calloc(cfg->n_threads + 1, sizeof *out->parallelism);
    int *ids = calloc(n_cases ? n_cases : 1, sizeof *ids);
    gbench_results g = {0};
    double *scratch = NULL;
    int rc = -1, max_threads = 1;
    if (!cases || !bufs || !out->records || !out->parallelism || !ids)
        goto done;
    for (size_t t = 0; t < cfg->n_threads; t++)
        max_threads = cfg->threads[t] > max_threads ? cfg->threads[t] : max_threads;

    /* One input and one output buffer per size, shared by every kernel at
     * that size: small ones stay in cache across benchmarks, large ones are
     * as large as asked (the report says which level each size lives in).
     * With a runner (bench --processes) the children time the benchmarks
     * on buffers of their own, so none are made here. */
    for (size_t s = 0; s < cfg->n_sizes && !cfg->runner; s++) {
        size_t n = cfg->sizes[s], bytes = (n * sizeof(float) + 63) / 64 * 64;
        float *x = aligned_alloc(64, bytes ? bytes : 64), *y = aligned_alloc(64, bytes ? bytes : 64);
        bufs[2 * s] = x;
        bufs[2 * s + 1] = y;
        if (!x || !y)
            goto done;
        /* First touch by the threads that use them, in the blocks
         * actbench_parallel gives them (matters on NUMA machines). */
#pragma omp parallel num_threads(max_threads)
        {
            size_t b, e;
            actbench_parallel_block(&copy_kernels[BASELINE_COPY_LOOP], y, n, NULL,
                                    omp_get_thread_num(), omp_get_num_threads(), &b, &e);
            for (size_t i = b; i < e; i++) {
                x[i] = dist_value(&cfg->dist, cfg->seed, i);
                y[i] = 0.0f;
            }
        }
    }

    /* Registration order is run order: per size, per thread count, the two
     * copies first, then the kernels. */
    size_t c = 0;
    for (size_t s = 0; s < cfg->n_sizes; s++)
        for (size_t t = 0; t < cfg->n_threads; t++)
            for (size_t j = 0; j < cfg->n_kernels + 2; j++, c++) {
                bench_case *bc = &cases[c];
                bench_record *rec = &out->records[c];
                const actbench_kernel *k;
                if (j < 2) {
                    rec->baseline = j == 0 ? BASELINE_MEMCPY : BASELINE_COPY_LOOP;
                    k = &copy_kernels[rec->baseline];
                } else {
                    k = rec->kernel = cfg->kernels[j - 2];
                }
                *bc = (bench_case){k, bufs[2 * s], bufs[2 * s + 1], cfg->sizes[s],
                                   actbench_default_params(k->act), cfg->threads[t]};
                if (rec->kernel && actbench_activation(k->act)->rowwise) {
                    size_t len = cfg->row_length < bc->n ? cfg->row_length : bc->n;
                    bc->params.row_length = rec->row_length = len;
                }
                rec->n = bc->n;
                rec->threads = bc->threads;
                char name[256];
                snprintf(name, sizeof name, "%s/%s/n:%zu/omp:%d",
                         rec->kernel ? actbench_activation(k->act)->name : "copy", k->variant,
                         bc->n, bc->threads);
                gbench_spec spec = {name, run_case, bc, bc->n, bc->threads,
                                    8.0 * (double)bc->n, (double)bc->n};
                if ((ids[c] = gbench_register(&spec)) < 0)
                    goto done;
            }
    out->n_records = n_cases;
    out->benchmarks_registered = n_cases;

    for (size_t t = 0; t < cfg->n_threads; t++)
        out->parallelism[t] = (bench_parallelism){cfg->threads[t], bench_measure_parallelism(cfg->threads[t])};
    out->n_parallelism = cfg->n_threads;

    /* Every thread count is measured as asked, even where the library
     * would stay on one thread: finding that size is the point. */
    size_t saved_threshold = actbench_parallel_threshold();
    actbench_set_parallel_threshold(0);
    progress_relay relay = {cfg, t0};
    int grc = cfg->runner ? cfg->runner(cfg->runner_ctx, &g)
              : gbench_run_all(&g, cfg->echo, cfg->progress ? relay_progress : NULL, &relay);
    actbench_set_parallel_threshold(saved_threshold);
    if (grc != 0 || (cfg->runs_out && bench_runs_write(cfg->runs_out, &g) != 0))
        goto done;
    out->machine = g.machine;
    out->benchmarks_run = g.matched;

    if (!(scratch = malloc((g.n_runs + 1) * sizeof *scratch)))
        goto done;
    /* Keep only what GB ran (--benchmark_filter may have skipped some). */
    size_t kept = 0;
    for (size_t i = 0; i < n_cases; i++) {
        int ran = 0;
        for (size_t r = 0; r < g.n_runs && !ran; r++)
            ran = g.runs[r].id == ids[i];
        if (!ran)
            continue;
        bench_record rec = out->records[i];
        summarise(&rec, &g, ids[i], scratch);
        out->records[kept++] = rec;
    }
    out->n_records = kept;
    relate_records(out);
    rc = 0;
done:
    gbench_clear();
    gbench_results_free(&g);
    free(scratch);
    free(ids);
    if (bufs)
        for (size_t s = 0; s < 2 * cfg->n_sizes; s++)
            free(bufs[s]);
    free(bufs);
    free(cases);
    out->seconds = omp_get_wtime() - t0;
    if (rc != 0) {
        bench_results_free(out);
        out->seconds = 0;
    }
    return rc;
}

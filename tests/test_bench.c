/* The Google Benchmark shim and the throughput sweep return sane numbers.
 * Times are only compared with each other (copy beats sigmoid/libm by far),
 * never with absolute limits. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gbench_shim.h"
#include "throughput.h"

static size_t checks, failures;

static void check(int ok, const char *what)
{
    checks++;
    if (!ok) {
        failures++;
        fprintf(stderr, "FAIL %s\n", what);
    }
}

enum { N = 16384 };

typedef struct buffers {
    const actbench_kernel *k;
    float *x, *y;
} buffers;

static void run_copy(void *arg)
{
    buffers *b = arg;
    memcpy(b->y, b->x, N * sizeof(float));
}

static void run_kernel(void *arg)
{
    buffers *b = arg;
    b->k->fn(b->x, b->y, N, NULL);
}

static double median_of(const gbench_results *g, int id, size_t *reps, int *aggregates)
{
    double t[16];
    size_t m = 0;
    *aggregates = 0;
    for (size_t i = 0; i < g->n_runs; i++) {
        if (g->runs[i].id != id)
            continue;
        if (g->runs[i].is_aggregate) {
            (*aggregates)++;
            continue;
        }
        if (g->runs[i].real_ns > 0 && g->runs[i].cpu_ns > 0 && g->runs[i].iterations > 0 && m < 16)
            t[m++] = g->runs[i].real_ns;
    }
    *reps = m;
    for (size_t i = 1; i < m; i++) /* insertion sort */
        for (size_t j = i; j > 0 && t[j - 1] > t[j]; j--) {
            double s = t[j];
            t[j] = t[j - 1];
            t[j - 1] = s;
        }
    return m ? t[m / 2] : NAN;
}

static void test_shim(void)
{
    char *argv[] = {"test_bench", "--benchmark_min_time=0.002", "--benchmark_repetitions=3", NULL};
    int argc = 3;
    check(gbench_init(&argc, argv) == 0 && argc == 1, "GB takes its flags");

    buffers b = {actbench_find_kernel("sigmoid", "libm"), aligned_alloc(64, N * 4), aligned_alloc(64, N * 4)};
    check(b.k != NULL && b.x && b.y, "sigmoid/libm exists");
    if (!b.k || !b.x || !b.y)
        return;
    for (size_t i = 0; i < N; i++)
        b.x[i] = (float)i / N * 20.0f - 9.99f;
    gbench_spec copy = {"test/copy", run_copy, &b, N, 1, 8.0 * N, N};
    gbench_spec sig = {"test/sigmoid_libm", run_kernel, &b, N, 1, 8.0 * N, N};
    int id_copy = gbench_register(&copy), id_sig = gbench_register(&sig);
    check(id_copy == 0 && id_sig == 1, "ids in registration order");
    check(gbench_register(&copy) < 0, "a duplicate name is refused");
    check(gbench_registered() == 2, "two registered");

    gbench_results g;
    check(gbench_run_all(&g, 0, NULL, NULL) == 0, "runs");
    size_t reps_copy, reps_sig;
    int agg_copy, agg_sig;
    double t_copy = median_of(&g, id_copy, &reps_copy, &agg_copy);
    double t_sig = median_of(&g, id_sig, &reps_sig, &agg_sig);
    check(reps_copy == 3 && reps_sig == 3, "three repetitions each, positive times, iterations > 0");
    check(agg_copy >= 3 && agg_sig >= 3, "GB's aggregates (mean, median, stddev) come back");
    check(g.matched == 2, "both ran");
    check(t_copy > 0 && t_sig > 0 && t_copy < t_sig, "copy is faster than sigmoid/libm");
    check(g.machine.num_cpus >= 1, "GB's machine context");
    printf("shim: copy %.3f ns/elem, sigmoid/libm %.3f ns/elem (median of 3)\n", t_copy / N, t_sig / N);
    gbench_results_free(&g);
    gbench_clear();
    check(gbench_registered() == 0, "cleared");
    free(b.x);
    free(b.y);
}

static void test_sweep(void)
{
    const actbench_kernel *k[2] = {actbench_find_kernel("relu", "libm"),
                                   actbench_find_kernel("softmax", "libm")};
    size_t sizes[] = {4096};
    int threads[] = {1, 2};
    bench_config cfg = {.kernels = k, .n_kernels = 2, .sizes = sizes, .n_sizes = 1,
                        .threads = threads, .n_threads = 2, .dist = BENCH_DIST_DEFAULT,
                        .seed = 1, .row_length = 1024};
    bench_results r;
    check(bench_run(&cfg, &r) == 0, "sweep runs");
    check(r.n_records == 1 * 2 * (2 + 2), "one record per (kernel or copy, size, threads)");
    int sane = 1, copy_is_one = 0, rows = 1;
    for (size_t i = 0; i < r.n_records; i++) {
        const bench_record *q = &r.records[i];
        sane &= !q->error && q->median_ns > 0 && q->min_ns > 0 && q->min_ns <= q->median_ns &&
                q->cv >= 0 && q->repetitions == 3 && q->iterations > 0 && q->gb_per_s > 0 &&
                fabs(q->ns_per_elem * q->n - q->median_ns) < 1e-6 * q->median_ns;
        copy_is_one += q->baseline == BASELINE_COPY_LOOP && q->x_copy == 1.0;
        if (q->kernel && actbench_activation(q->kernel->act)->rowwise)
            rows &= q->row_length == 1024;
        if (q->threads == 1)
            sane &= q->speedup == 1.0;
    }
    check(sane, "records: positive times, min <= median, 3 repetitions, ns/elem = median/n");
    check(copy_is_one == 2, "copy loop is 1.0x copy");
    check(rows, "row-wise kernels ran on rows of 1024");
    check(r.n_parallelism == 2 && r.parallelism[0].measured == 1.0 && r.parallelism[1].measured > 0.1,
          "measured parallelism for 1 and 2 threads");
    bench_results_free(&r);
}

static void test_dist(void)
{
    bench_dist d;
    check(bench_dist_parse("uniform", &d) == 0 && d.a == -10 && d.b == 10, "uniform default");
    check(bench_dist_parse("uniform:-1:3", &d) == 0 && d.a == -1 && d.b == 3, "uniform:A:B");
    check(bench_dist_parse("normal:0:2", &d) == 0 && d.kind == DIST_NORMAL, "normal:M:S");
    check(bench_dist_parse("wide", &d) == 0 && d.kind == DIST_WIDE, "wide");
    check(bench_dist_parse("uniform:3:1", &d) != 0, "uniform with A > B refused");
    check(bench_dist_parse("normal:0:0", &d) != 0, "normal with SD 0 refused");
    check(bench_dist_parse("uniform:1:2:3", &d) != 0, "junk refused");
    check(bench_dist_parse("gamma", &d) != 0, "unknown refused");
}

/* The text hand-over between bench --processes children and the parent:
 * repetitions survive exactly, aggregates are dropped, runs from several
 * children append, and a truncated file is refused. */
static void test_runs_roundtrip(void)
{
    gbench_run runs[3] = {
        {.id = 4, .repetition = 0, .repetitions = 2, .iterations = 1000, .real_ns = 12.345678901234567},
        {.id = 4, .is_aggregate = 1, .repetition = -1, .real_ns = 1.0},
        {.id = 7, .repetition = 1, .iterations = 3, .real_ns = 0x1p-30, .cpu_ns = 2.5, .error = 1},
    };
    gbench_results g = {runs, 3, {2, 3500.5, 0, 32u << 20, 16}, 2}, back = {0};
    FILE *f = tmpfile();
    check(f && bench_runs_write(f, &g) == 0 && bench_runs_write(f, &g) == 0, "runs written twice");
    if (!f)
        return;
    rewind(f);
    check(bench_runs_read(f, &back) == 0 && bench_runs_read(f, &back) == 0, "runs read twice");
    check(back.n_runs == 4, "aggregates dropped, the second file appended");
    check(back.runs[0].id == 4 && back.runs[0].iterations == 1000 &&
              back.runs[0].real_ns == 12.345678901234567 && back.runs[3].id == 7 &&
              back.runs[3].real_ns == 0x1p-30 && back.runs[3].cpu_ns == 2.5 && back.runs[3].error == 1,
          "times exact, errors kept");
    check(back.machine.num_cpus == 2 && back.machine.mhz == 3500.5 &&
              back.machine.llc_bytes == (32u << 20) && back.matched == 2,
          "machine from the first file");
    /* A child that died mid-write leaves no "end" line. */
    rewind(f);
    char text[4096];
    size_t len = fread(text, 1, sizeof text - 1, f);
    text[len] = '\0';
    fclose(f);
    char *cut = strstr(text, "end\n");
    gbench_results partial = {0};
    FILE *g2 = tmpfile();
    if (cut && g2) {
        fwrite(text, 1, (size_t)(cut - text), g2);
        rewind(g2);
        check(bench_runs_read(g2, &partial) == -1, "a file without its end line is refused");
        fclose(g2);
    }
    gbench_results_free(&partial);
    gbench_results_free(&back);
}

int main(void)
{
    test_dist();
    test_runs_roundtrip();
    test_shim();
    test_sweep();
    printf("test_bench: %zu checks, %zu passed, %zu failed\n", checks, checks - failures, failures);
    return failures ? 1 : 0;
}

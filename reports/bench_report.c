/* bench.csv, bench.md and bench.json from a throughput sweep's records. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reports.h"
#include "results_read.h"

const char BENCH_CSV_HEADER[] =
    "activation,variant,isa,tier,threads,n,row_length,ns_per_elem_median,ns_per_elem_min,"
    "elements_per_s,gb_per_s,cv,x_copy,speedup,parallel_efficiency,measured_parallelism,"
    "repetitions,iterations,error,dist,git_commit,date,cpu,max_isa,governor,load_average,compiler,"
    "gbench_version";

static const char *record_act(const bench_record *q)
{
    return q->kernel ? actbench_activation(q->kernel->act)->name : "copy";
}

static const char *record_variant(const bench_record *q)
{
    return q->kernel ? q->kernel->variant : bench_baseline_name(q->baseline);
}

/* Where a size's working set (x and y, 8n bytes) lives. */
static const char *size_level(const bench_results *r, size_t n)
{
    if (!r->machine.llc_bytes)
        return "?";
    return 8.0 * (double)n > (double)r->machine.llc_bytes ? "DRAM" : "cache";
}

/* NAN (not measured) is an empty CSV field. */
static void csv_num(FILE *f, double v)
{
    if (isnan(v))
        fputs(",", f);
    else
        fprintf(f, ",%.6g", v);
}

static void write_csv(FILE *f, const bench_results *r, const bench_config *cfg,
                      const run_context *ctx)
{
    char dist[96];
    bench_dist_describe(&cfg->dist, dist, sizeof dist);
    fprintf(f, "%s\n", BENCH_CSV_HEADER);
    for (size_t i = 0; i < r->n_records; i++) {
        const bench_record *q = &r->records[i];
        fprintf(f, "%s,%s,%s,%s,%d,%zu,%zu", record_act(q), record_variant(q),
                q->kernel ? actbench_isa_name(q->kernel->isa) : "scalar",
                q->kernel ? actbench_tier_name(q->kernel->tier) : "baseline", q->threads, q->n,
                q->row_length);
        csv_num(f, q->ns_per_elem);
        csv_num(f, q->ns_per_elem_min);
        csv_num(f, q->elements_per_s);
        csv_num(f, q->gb_per_s);
        csv_num(f, q->cv);
        csv_num(f, q->x_copy);
        csv_num(f, q->speedup);
        csv_num(f, q->parallel_efficiency);
        csv_num(f, bench_parallelism_of(r, q->threads));
        fprintf(f, ",%d,%lld,%d,", q->repetitions, (long long)q->iterations, q->error);
        csv_text(f, dist);
        fprintf(f, ",%s,%s,", ctx->git_commit, ctx->date);
        csv_text(f, ctx->cpu_model);
        fprintf(f, ",%s,", ctx->max_isa);
        csv_text(f, ctx->governor);
        fputc(',', f);
        csv_text(f, ctx->load_average);
        fputc(',', f);
        csv_text(f, ctx->compiler);
        fprintf(f, ",%s\n", gbench_version());
    }
}

static int record_is(const bench_record *q, const actbench_kernel *k)
{
    return q->kernel == k && (k || q->baseline == BASELINE_COPY_LOOP) && !q->error;
}

size_t bench_threads_pay_off(const bench_results *r, const actbench_kernel *k, int threads)
{
    /* Walk sizes from the largest down while threads keep winning. */
    size_t from = 0, below = (size_t)-1;
    for (;;) {
        const bench_record *best = NULL;
        for (size_t i = 0; i < r->n_records; i++) {
            const bench_record *q = &r->records[i];
            if (record_is(q, k) && q->threads == threads && q->n < below &&
                (!best || q->n > best->n))
                best = q;
        }
        if (!best || isnan(best->speedup) || best->speedup < 1.1)
            return from;
        from = below = best->n;
    }
}

static void write_record_row(FILE *f, const bench_results *r, const bench_record *q)
{
    char sz[32], a[32], b[32], c[32], d[32], e[32], g[32], h[32], pe[32];
    if (q->error) {
        fprintf(f, "| %s | %s | %s | %d | error: no time measured | | | | | | | |\n", record_variant(q),
                results_format_count(q->n, sz, sizeof sz), size_level(r, q->n), q->threads);
        return;
    }
    fprintf(f, "| %s | %s | %s | %d | %s | %s | %s | %s | %s | %s | %s | %s |\n", record_variant(q),
            results_format_count(q->n, sz, sizeof sz), size_level(r, q->n), q->threads,
            md_num(q->ns_per_elem, "%.3f", a, sizeof a), md_num(q->ns_per_elem_min, "%.3f", b, sizeof b),
            md_num(q->elements_per_s / 1e9, "%.2f", c, sizeof c), md_num(q->gb_per_s, "%.1f", d, sizeof d),
            md_num(100 * q->cv, "%.1f", e, sizeof e), md_num(q->x_copy, "%.2f", g, sizeof g),
            md_num(q->speedup, "%.2f", h, sizeof h),
            md_num(q->parallel_efficiency * 100, "%.0f%%", pe, sizeof pe));
}

static const char TABLE_HEAD[] =
    "| variant | n | level | threads | ns/elem (median) | ns/elem (min) | Gelem/s | GB/s | CV % | "
    "x copy | speedup | par. eff. |\n|---|--:|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n";

/* The fastest kernel of an activation at size n, one thread. */
static const bench_record *fastest(const bench_results *r, actbench_act act, size_t n)
{
    const bench_record *best = NULL;
    for (size_t i = 0; i < r->n_records; i++) {
        const bench_record *q = &r->records[i];
        if (q->kernel && q->kernel->act == act && q->n == n && q->threads == 1 && !q->error &&
            (!best || q->median_ns < best->median_ns))
            best = q;
    }
    return best;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Observations against the targets: reported, never asserted. */
static void write_findings(FILE *f, const bench_results *r, const bench_config *cfg,
                           const run_context *ctx)
{
    fprintf(f, "\n## Findings\n\n");
    /* CV at one thread. */
    double *cvs = malloc((r->n_records + 1) * sizeof *cvs);
    size_t m = 0, over = 0;
    for (size_t i = 0; cvs && i < r->n_records; i++)
        if (r->records[i].threads == 1 && !r->records[i].error && r->records[i].repetitions > 1) {
            cvs[m++] = r->records[i].cv;
            over += r->records[i].cv > 0.03;
        }
    if (m) {
        qsort(cvs, m, sizeof *cvs, cmp_double);
        fprintf(f, "- **Repeatability** (1 thread): median CV of the repetitions %.2f%% over %zu "
                   "benchmarks (target < 3%%); %zu above 3%%, worst %.1f%%.\n",
                100 * cvs[m / 2], m, over, 100 * cvs[m - 1]);
        fprintf(f, "  Load average at the end: %s (a busy machine shows here first).\n", ctx->load_average);
    } else {
        fprintf(f, "- **Repeatability**: one repetition per benchmark, no CV (use --repetitions 3 or more).\n");
    }
    free(cvs);

    /* Threads pay off: a count per size here, the per-kernel table below. */
    for (size_t t = 0; t < cfg->n_threads; t++) {
        int T = cfg->threads[t];
        if (T == 1)
            continue;
        char sz[32];
        size_t copy_from = bench_threads_pay_off(r, NULL, T), never = 0;
        fprintf(f, "- **%d threads pay off** (>= 1.1x one thread at that size and every larger "
                   "one swept; measured parallelism %.2f): copy loop from %s; kernels:",
                T, bench_parallelism_of(r, T),
                copy_from ? results_format_count(copy_from, sz, sizeof sz) : "never");
        for (size_t s = 0; s < cfg->n_sizes; s++) {
            size_t count = 0;
            for (size_t k = 0; k < cfg->n_kernels; k++)
                count += bench_threads_pay_off(r, cfg->kernels[k], T) == cfg->sizes[s];
            if (count)
                fprintf(f, " %zu from %s,", count, results_format_count(cfg->sizes[s], sz, sizeof sz));
        }
        for (size_t k = 0; k < cfg->n_kernels; k++)
            never += bench_threads_pay_off(r, cfg->kernels[k], T) == 0;
        fprintf(f, " %zu never (per kernel: \"Threads\" below).\n", never);
        /* Parallel efficiency target: sigmoid, gelu, tanh at >= 256K. */
        size_t n_eff = 0, ok = 0;
        double worst = INFINITY;
        for (size_t i = 0; i < r->n_records; i++) {
            const bench_record *q = &r->records[i];
            if (!q->kernel || q->threads != T || q->n < 256 * 1024 || isnan(q->parallel_efficiency))
                continue;
            actbench_act a = q->kernel->act;
            if (a != ACTBENCH_SIGMOID && a != ACTBENCH_GELU && a != ACTBENCH_TANH)
                continue;
            n_eff++;
            ok += q->parallel_efficiency >= 0.9;
            worst = q->parallel_efficiency < worst ? q->parallel_efficiency : worst;
        }
        if (n_eff)
            fprintf(f, "- **Parallel efficiency** at %d threads, sizes >= 256K, sigmoid/gelu/tanh: "
                       "%zu of %zu kernels >= 90%% of measured parallelism (worst %.0f%%)%s.\n",
                    T, ok, n_eff, 100 * worst,
                    bench_parallelism_of(r, T) < 0.65 * T
                        ? "; the machine gave little parallelism in this run, so high efficiency "
                          "against it does not mean threads helped"
                        : "");
    }

    /* DRAM roofline: kernels fast enough in cache should run at copy speed. */
    size_t n_dram = 0, within = 0;
    for (size_t i = 0; i < r->n_records; i++) {
        const bench_record *q = &r->records[i];
        if (!q->kernel || q->error || strcmp(size_level(r, q->n), "DRAM") != 0 || isnan(q->x_copy))
            continue;
        /* Its in-cache time: the largest cached size at the same threads. */
        const bench_record *cached = NULL, *copy = NULL;
        for (size_t j = 0; j < r->n_records; j++) {
            const bench_record *c = &r->records[j];
            if (c->kernel == q->kernel && c->threads == q->threads && !c->error &&
                strcmp(size_level(r, c->n), "cache") == 0 && (!cached || c->n > cached->n))
                cached = c;
            if (!c->kernel && c->baseline == BASELINE_COPY_LOOP && c->n == q->n &&
                c->threads == q->threads && !c->error)
                copy = c;
        }
        if (!cached || !copy || cached->ns_per_elem >= copy->ns_per_elem)
            continue;
        n_dram++;
        within += q->x_copy <= 1.1;
    }
    if (n_dram)
        fprintf(f, "- **DRAM roofline**: of %zu (kernel, size, threads) cases at DRAM sizes whose "
                   "in-cache time is below the copy loop's DRAM time, %zu run within 1.1x of the "
                   "copy loop.\n", n_dram, within);
    else
        fprintf(f, "- **DRAM roofline**: no DRAM-sized case in this sweep (add e.g. --sizes 16M).\n");
}

/* Per kernel: from which size each thread count pays off. */
static void write_threads_table(FILE *f, const bench_results *r, const bench_config *cfg)
{
    int multi = 0;
    for (size_t t = 0; t < cfg->n_threads; t++)
        multi |= cfg->threads[t] > 1;
    if (!multi)
        return;
    char sz[32];
    fprintf(f, "\n## Threads\n\nSmallest swept size from which T threads run >= 1.1x faster than one "
               "at that size and every larger one (\"never\": not within the sweep). The library "
               "splits from %zu elements (actbench_parallel_threshold()).\n\n| kernel |",
            actbench_parallel_threshold());
    for (size_t t = 0; t < cfg->n_threads; t++)
        if (cfg->threads[t] > 1)
            fprintf(f, " %d threads |", cfg->threads[t]);
    fprintf(f, "\n|---|");
    for (size_t t = 0; t < cfg->n_threads; t++)
        if (cfg->threads[t] > 1)
            fprintf(f, "--:|");
    fprintf(f, "\n");
    for (size_t k = 0; k <= cfg->n_kernels; k++) {
        const actbench_kernel *kk = k < cfg->n_kernels ? cfg->kernels[k] : NULL;
        if (kk)
            fprintf(f, "| %s/%s |", actbench_activation(kk->act)->name, kk->variant);
        else
            fprintf(f, "| copy loop |");
        for (size_t t = 0; t < cfg->n_threads; t++)
            if (cfg->threads[t] > 1) {
                size_t from = bench_threads_pay_off(r, kk, cfg->threads[t]);
                fprintf(f, " %s |", from ? results_format_count(from, sz, sizeof sz) : "never");
            }
        fprintf(f, "\n");
    }
}

static void write_markdown(FILE *f, const bench_results *r, const bench_config *cfg,
                           const run_context *ctx, const actbench_kernel *const *skipped,
                           size_t n_skipped)
{
    char buf[128], sz[32];
    fprintf(f, "# actbench throughput report\n\n");
    run_context_write_markdown(f, ctx);
    fprintf(f, "| load average (1, 5, 15 min) | %s |\n", ctx->load_average);
    fprintf(f, "| frequency scaling | governor %s; Google Benchmark: CPU scaling %s, %.0f MHz |\n",
            ctx->governor,
            r->machine.cpu_scaling == 1 ? "enabled" : r->machine.cpu_scaling == 0 ? "disabled" : "unknown",
            r->machine.mhz);
    fprintf(f, "| last-level cache | %zu KiB (GB's cache list) |\n", r->machine.llc_bytes / 1024);
    fprintf(f, "| Google Benchmark | %s |\n", gbench_version());
    fprintf(f, "| input distribution | %s, seed %llu |\n", bench_dist_describe(&cfg->dist, buf, sizeof buf),
            (unsigned long long)cfg->seed);
    const char *env[] = {"OMP_WAIT_POLICY", "OMP_PROC_BIND", "OMP_PLACES", "OMP_NUM_THREADS"};
    fprintf(f, "| OpenMP environment |");
    for (size_t i = 0; i < sizeof env / sizeof env[0]; i++)
        fprintf(f, "%s %s=%s", i ? "," : "", env[i], getenv(env[i]) ? getenv(env[i]) : "(unset)");
    fprintf(f, " |\n");
    fprintf(f, "| measured parallelism |");
    for (size_t i = 0; i < r->n_parallelism; i++)
        fprintf(f, "%s %d threads: %.2f", i ? "," : "", r->parallelism[i].threads, r->parallelism[i].measured);
    fprintf(f, " |\n");
    fprintf(f, "| benchmarks | %zu run of %zu registered, %.1f s |\n", r->benchmarks_run,
            r->benchmarks_registered, r->seconds);

    fprintf(f, "\n**Method.** Google Benchmark times each (kernel, n, threads): one call is one pass "
               "over n float32 elements, x to y (not in place); the report gives the median and the "
               "minimum over GB's repetitions, and the CV (standard deviation / mean); the "
               "repetitions come from %zu process%s run one after another (a fresh process "
               "places code and data anew, which moves some kernels' speed), interleaved at "
               "random within each. Inputs are "
               "64-byte aligned, never zero, first touched by the threads that use them. One buffer "
               "pair per size is shared by all kernels: *level* says whether its 8n bytes fit the "
               "last-level cache. GB/s counts 8 bytes per element (one read, one write; the "
               "write-allocate read is not counted). *x copy* is the median divided by the copy "
               "loop's (`y[i] = x[i]`, ordinary stores as the kernels use) at the same n and "
               "threads. Threads: `actbench_parallel` (OpenMP, one contiguous block per thread, "
               "forced to split at every size here); *speedup* is one thread's median over this "
               "one; *par. eff.* is speedup / measured parallelism, where measured parallelism is "
               "T x t(1) / t(T) for a compute-bound loop of equal work per thread. Row-wise "
               "kernels use rows of %zu elements (or n if smaller). Every call sees the same "
               "inputs, so a branch on the data can be learnt by the branch predictor when n is "
               "small: branchy scalar kernels (libm, poly) then look faster at small n than they "
               "would on fresh data (measured: poly-select leaky_relu 0.73 ns/elem at 4K and 4.3 "
               "at 256K on random signs, 0.55 at both on positive inputs). The SIMD kernels do "
               "not branch on the data.\n",
            cfg->processes ? cfg->processes : 1, cfg->processes > 1 ? "es" : "", cfg->row_length);
    if (n_skipped) {
        fprintf(f, "\n**Not run on this CPU** (ISA above %s):", ctx->max_isa);
        for (size_t i = 0; i < n_skipped; i++)
            fprintf(f, "%s %s/%s", i ? "," : "", actbench_activation(skipped[i]->act)->name,
                    skipped[i]->variant);
        fprintf(f, ".\n");
    }

    write_findings(f, r, cfg, ctx);

    fprintf(f, "\n## Copy roofline\n\n%s", TABLE_HEAD);
    for (size_t i = 0; i < r->n_records; i++)
        if (!r->records[i].kernel)
            write_record_row(f, r, &r->records[i]);

    fprintf(f, "\n## Fastest variant per activation (1 thread)\n\n| activation |");
    for (size_t s = 0; s < cfg->n_sizes; s++)
        fprintf(f, " %s: variant | ns/elem | x copy |", results_format_count(cfg->sizes[s], sz, sizeof sz));
    fprintf(f, "\n|---|");
    for (size_t s = 0; s < cfg->n_sizes; s++)
        fprintf(f, "---|--:|--:|");
    fprintf(f, "\n");
    for (int a = 0; a < ACTBENCH_ACT_COUNT; a++) {
        int any = 0;
        for (size_t s = 0; s < cfg->n_sizes; s++)
            any |= fastest(r, (actbench_act)a, cfg->sizes[s]) != NULL;
        if (!any)
            continue;
        fprintf(f, "| %s |", actbench_activation((actbench_act)a)->name);
        for (size_t s = 0; s < cfg->n_sizes; s++) {
            const bench_record *q = fastest(r, (actbench_act)a, cfg->sizes[s]);
            char x[32], y[32];
            if (q)
                fprintf(f, " %s | %s | %s |", q->kernel->variant, md_num(q->ns_per_elem, "%.3f", x, sizeof x),
                        md_num(q->x_copy, "%.2f", y, sizeof y));
            else
                fprintf(f, " - | - | - |");
        }
        fprintf(f, "\n");
    }

    write_threads_table(f, r, cfg);

    for (int a = 0; a < ACTBENCH_ACT_COUNT; a++) {
        int any = 0;
        for (size_t i = 0; i < r->n_records && !any; i++)
            any = r->records[i].kernel && r->records[i].kernel->act == (actbench_act)a;
        if (!any)
            continue;
        const actbench_activation_info *info = actbench_activation((actbench_act)a);
        fprintf(f, "\n## %s\n\n`%s`\n\n%s", info->name, info->formula, TABLE_HEAD);
        for (size_t i = 0; i < r->n_records; i++)
            if (r->records[i].kernel && r->records[i].kernel->act == (actbench_act)a)
                write_record_row(f, r, &r->records[i]);
    }
}

/* Copies GB's JSON into the open output file. */
static int copy_file(const char *from, FILE *to)
{
    FILE *in = fopen(from, "rb");
    if (!in)
        return -1;
    char buf[65536];
    size_t got;
    while ((got = fread(buf, 1, sizeof buf, in)) > 0)
        if (fwrite(buf, 1, got, to) != got)
            break;
    int failed = ferror(in) || ferror(to);
    fclose(in);
    return failed ? -1 : 0;
}

int write_bench_reports(const char *dir, const bench_results *r, const bench_config *cfg,
                        const run_context *ctx, const char *gb_json_path,
                        const actbench_kernel *const *skipped, size_t n_skipped, char *err,
                        size_t err_size)
{
    output_file out[3];
    static const char *const names[3] = {"bench.csv", "bench.md", "bench.json"};
    int n_out = gb_json_path ? 3 : 2;
    for (int i = 0; i < n_out; i++)
        if (output_open(&out[i], dir, names[i]) != 0) {
            snprintf(err, err_size, "cannot write to '%s': %s", dir, strerror(errno));
            while (i-- > 0)
                output_abort(&out[i]);
            return -1;
        }
    write_csv(out[0].f, r, cfg, ctx);
    write_markdown(out[1].f, r, cfg, ctx, skipped, n_skipped);
    int failed = gb_json_path && copy_file(gb_json_path, out[2].f) != 0;
    for (int i = 0; i < n_out; i++)
        failed |= ferror(out[i].f) != 0;
    if (failed) {
        snprintf(err, err_size, "writing reports in '%s' failed", dir);
        for (int i = 0; i < n_out; i++)
            output_abort(&out[i]);
        return -1;
    }
    for (int i = 0; i < n_out; i++)
        if (output_commit(&out[i]) != 0) {
            snprintf(err, err_size, "cannot save %s in '%s': %s", names[i], dir, strerror(errno));
            while (++i < n_out)
                output_abort(&out[i]);
            return -1;
        }
    return 0;
}

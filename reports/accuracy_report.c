/* accuracy.csv and accuracy.md from the sweep's records. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "reports.h"

/* Stated in the exhaustive report; reference/exhaustive.h has the number. */
#include "exhaustive.h"
#define EXHAUSTIVE_NAN_REPRESENTATIVES EXHAUSTIVE_NAN_INPUTS

const char ACCURACY_CSV_HEADER[] =
    "activation,variant,isa,tier,domain,samples,max_ulp,mean_ulp,correctly_rounded_share,"
    "nonfinite_errors,special_failures,declared_bound,within_bound,worst_input_hex,worst_input,"
    "worst_output,worst_expected,worst_row_length,seed,git_commit,date,cpu,max_isa,threads,compiler,"
    /* errors per bin (ulp_hist_bin), then exhaustive runs' MPFR and NaN counts */
    "hist_0,hist_0_0.5,hist_0.5_1,hist_1_2,hist_2_4,hist_4_8,hist_8_16,hist_16_32,hist_32_64,hist_64_128,hist_128_256,hist_256_512,hist_512_1024,hist_1024_2048,hist_2048_4096,hist_4096_8192,hist_8192_16384,hist_16384_32768,hist_32768_65536,hist_65536_131072,hist_131072_262144,hist_262144_524288,hist_524288_1048576,hist_1048576_2097152,hist_2097152_4194304,hist_4194304_8388608,hist_8388608_16777216,hist_16777216_up,hist_inf,"
    "mpfr_inputs,nan_inputs_checked";

/* DIR/accuracy_binades.csv: max and mean error per input binade (the
 * header `actbench report` reads). */
static const char ACCURACY_BINADES_CSV_HEADER[] =
    "activation,variant,isa,tier,domain,sign,exponent,count,max_ulp,mean_ulp";

/* Full precision for machines (CSV). */
static const char *csv_ulp(double u, char *buf, size_t size)
{
    snprintf(buf, size, isinf(u) ? "inf" : "%.9g", u);
    return buf;
}

const char *format_ulp(double u, char *buf, size_t size)
{
    if (isinf(u))
        snprintf(buf, size, "inf");
    else if (u == 0.0 || (u >= 0.001 && u < 1e5))
        snprintf(buf, size, "%.4g", u);
    else
        snprintf(buf, size, "%.3e", u);
    return buf;
}

static void write_csv(FILE *f, const accuracy_results *r, const accuracy_config *cfg,
                      const run_context *ctx)
{
    fprintf(f, "%s\n", ACCURACY_CSV_HEADER);
    for (size_t i = 0; i < r->n_records; i++) {
        const accuracy_record *a = &r->records[i];
        const actbench_kernel *k = a->kernel;
        char mx[32], mean[32], bound[32];
        fprintf(f, "%s,%s,%s,%s,%s,%zu,%s,%s,%.6f,%zu,%zu,%s,%d,%a,%.9g,%.9g,%.9g,%zu,%llu,%s,%s,",
                actbench_activation(k->act)->name, k->variant, actbench_isa_name(k->isa),
                actbench_tier_name(k->tier), accuracy_domain_name(a->domain), a->count,
                csv_ulp(a->max_ulp, mx, sizeof mx), csv_ulp(a->mean_ulp, mean, sizeof mean),
                a->count ? (double)a->correctly_rounded / (double)a->count : 0.0,
                a->nonfinite_errors, a->special_failures, csv_ulp(k->ulp_bound, bound, sizeof bound),
                accuracy_within_bound(a), a->worst_x, a->worst_x, a->worst_y, a->worst_expected,
                a->worst_row_length, (unsigned long long)cfg->seed, ctx->git_commit, ctx->date);
        csv_text(f, ctx->cpu_model);
        fprintf(f, ",%s,%d,", ctx->max_isa, ctx->threads);
        csv_text(f, ctx->compiler);
        for (int h = 0; h < ULP_HIST_BINS; h++)
            fprintf(f, ",%zu", a->hist[h]);
        fprintf(f, ",%zu,%zu\n", a->mpfr_calls, a->nan_checked);
    }
}

/* One row per (record, input sign and exponent) that saw inputs. */
static void write_binades_csv(FILE *f, const accuracy_results *r)
{
    fprintf(f, "%s\n", ACCURACY_BINADES_CSV_HEADER);
    for (size_t i = 0; i < r->n_records; i++) {
        const accuracy_record *a = &r->records[i];
        const actbench_kernel *k = a->kernel;
        for (unsigned b = 0; a->binades && b < BINADE_SLOTS; b++) {
            const binade_record *br = &a->binades[b];
            char mx[32], mean[32];
            if (!br->count)
                continue;
            fprintf(f, "%s,%s,%s,%s,%s,%c,%d,%zu,%s,%s\n", actbench_activation(k->act)->name,
                    k->variant, actbench_isa_name(k->isa), actbench_tier_name(k->tier),
                    accuracy_domain_name(a->domain), binade_sign(b), binade_exponent(b), br->count,
                    csv_ulp(br->max_ulp, mx, sizeof mx), csv_ulp(br->mean_ulp, mean, sizeof mean));
        }
    }
}

static const accuracy_record *find_record(const accuracy_results *r, const actbench_kernel *k,
                                          accuracy_domain d)
{
    for (size_t i = 0; i < r->n_records; i++)
        if (r->records[i].kernel == k && r->records[i].domain == d)
            return &r->records[i];
    return NULL;
}

static void write_activation_table(FILE *f, const accuracy_results *r, actbench_act act)
{
    const actbench_activation_info *info = actbench_activation(act);
    fprintf(f, "\n## %s\n\n`%s`\n\n", info->name, info->formula);
    fprintf(f, "| variant | ISA | tier | bound | full: max | mean | CR %% | typical: max | mean | "
               "CR %% | special fails | worst input (full) | within bound |\n");
    fprintf(f, "|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|---|:-:|\n");
    for (size_t i = 0; i < r->n_records; i++) {
        const accuracy_record *full = &r->records[i];
        if (full->kernel->act != act || full->domain != DOMAIN_FULL)
            continue;
        const actbench_kernel *k = full->kernel;
        const accuracy_record *typ = find_record(r, k, DOMAIN_TYPICAL);
        const accuracy_record *sp = find_record(r, k, DOMAIN_SPECIAL);
        char b[32], m1[32], a1[32], m2[32], a2[32];
        int ok = accuracy_within_bound(full) && (!typ || accuracy_within_bound(typ)) &&
                 (!sp || accuracy_within_bound(sp));
        fprintf(f, "| %s | %s | %s | %s | %s | %s | %.1f | %s | %s | %.1f | %zu | `%a` (%.6g) | %s |\n",
                k->variant, actbench_isa_name(k->isa), actbench_tier_name(k->tier),
                format_ulp(k->ulp_bound, b, sizeof b), format_ulp(full->max_ulp, m1, sizeof m1),
                format_ulp(full->mean_ulp, a1, sizeof a1),
                100.0 * (double)full->correctly_rounded / (double)(full->count ? full->count : 1),
                typ ? format_ulp(typ->max_ulp, m2, sizeof m2) : "-",
                typ ? format_ulp(typ->mean_ulp, a2, sizeof a2) : "-",
                typ ? 100.0 * (double)typ->correctly_rounded / (double)(typ->count ? typ->count : 1) : 0.0,
                sp ? sp->special_failures : 0, full->worst_x, full->worst_x, ok ? "yes" : "**NO**");
    }
}

/* Exhaustive runs: one row per (kernel, domain). */
static void write_exhaustive_table(FILE *f, const accuracy_results *r, actbench_act act)
{
    const actbench_activation_info *info = actbench_activation(act);
    fprintf(f, "\n## %s\n\n`%s`\n\n", info->name, info->formula);
    fprintf(f, "| variant | ISA | tier | domain | bound | inputs | max | mean | CR %% | worst input | "
               "got | want | MPFR inputs | within bound |\n");
    fprintf(f, "|---|---|---|---|--:|--:|--:|--:|--:|---|--:|--:|--:|:-:|\n");
    for (size_t i = 0; i < r->n_records; i++) {
        const accuracy_record *a = &r->records[i];
        const actbench_kernel *k = a->kernel;
        if (k->act != act)
            continue;
        char b[32], m1[32], a1[32];
        fprintf(f, "| %s | %s | %s | %s | %s | %zu | %s | %s | %.4f | `%a` (%.9g) | %.9g | %.9g | %zu (%.3g%%) | %s |\n",
                k->variant, actbench_isa_name(k->isa), actbench_tier_name(k->tier),
                accuracy_domain_name(a->domain), format_ulp(k->ulp_bound, b, sizeof b), a->count,
                format_ulp(a->max_ulp, m1, sizeof m1), format_ulp(a->mean_ulp, a1, sizeof a1),
                100.0 * (double)a->correctly_rounded / (double)(a->count ? a->count : 1), a->worst_x,
                a->worst_x, a->worst_y, a->worst_expected, a->mpfr_calls,
                100.0 * (double)a->mpfr_calls / (double)(a->count ? a->count : 1),
                accuracy_within_bound(a) ? "yes" : "**NO**");
    }
}

/* Where the errors live: a compact histogram per (kernel, domain); the CSV
 * has every bin. */
static void write_histograms(FILE *f, const accuracy_results *r)
{
    fprintf(f, "\n## Error histograms\n\nOutputs per error bin (ULP). accuracy.csv has the full "
               "bins (`hist_*`: 0, (0,0.5], (0.5,1], then powers of two to 2^24, above, inf), and "
               "accuracy_binades.csv the max and mean error per input sign and exponent.\n\n");
    fprintf(f, "| activation | variant | domain | 0 | (0,0.5] | (0.5,1] | (1,2] | (2,4] | (4,8] | "
               "(8,16] | > 16 | inf |\n|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
    for (size_t i = 0; i < r->n_records; i++) {
        const accuracy_record *a = &r->records[i];
        size_t above = 0;
        for (int h = 7; h < ULP_HIST_BINS - 1; h++)
            above += a->hist[h];
        fprintf(f, "| %s | %s | %s | %zu | %zu | %zu | %zu | %zu | %zu | %zu | %zu | %zu |\n",
                actbench_activation(a->kernel->act)->name, a->kernel->variant,
                accuracy_domain_name(a->domain), a->hist[0], a->hist[1], a->hist[2], a->hist[3],
                a->hist[4], a->hist[5], a->hist[6], above, a->hist[ULP_HIST_BINS - 1]);
    }
}

static void write_special_failures(FILE *f, const accuracy_results *r)
{
    size_t failures = 0;
    for (size_t i = 0; i < r->n_specials; i++)
        failures += !r->specials[i].pass;
    fprintf(f, "\n## Special values\n\nEach kernel is run on NaN, +-inf, +-0, subnormals, "
               "saturation points and values where exp overflows (row-wise: rows holding NaN, "
               "+-inf, extreme spreads). An output fails when it is NaN where a number is due "
               "(or the reverse), the wrong infinity, or further from the correctly rounded "
               "result than the kernel's declared bound (1 ULP for the libm variants and contenders, whose bounds promise nothing). "
               "Failures are listed here, not averaged into the tables above. The sign of a zero "
               "result is not checked.\n\n");
    if (!failures) {
        fprintf(f, "No failures.\n");
        return;
    }
    fprintf(f, "%zu failures:\n\n| activation | variant | input | row (length, index) | output | expected | ULP |\n"
               "|---|---|--:|--:|--:|--:|--:|\n", failures);
    for (size_t i = 0; i < r->n_specials; i++) {
        const special_record *s = &r->specials[i];
        if (s->pass)
            continue;
        char u[32], row[64] = "-";
        if (s->row_length)
            snprintf(row, sizeof row, "%zu, %zu", s->row_length, s->index);
        fprintf(f, "| %s | %s | %.9g | %s | %.9g | %.9g | %s |\n",
                actbench_activation(s->kernel->act)->name, s->kernel->variant, s->x, row, s->y,
                s->expected, format_ulp(s->ulp, u, sizeof u));
    }
}

static void write_markdown(FILE *f, const accuracy_results *r, const accuracy_config *cfg,
                           const run_context *ctx, const actbench_kernel *const *skipped,
                           size_t n_skipped)
{
    fprintf(f, "# actbench accuracy report\n\n");
    run_context_write_markdown(f, ctx);
    fprintf(f, "\n**Metric.** Error of an output y at input x is |y - exact| / ulp(exact), where exact "
               "is the activation evaluated in GNU MPFR (>= 128 bits, Ziv-rounded) and "
               "ulp(v) = 2^(e-23) for |v| in [2^e, 2^(e+1)), with the subnormal floor 2^-149 "
               "(and 2^104 above 2^127; an infinite output counts as 2^128 unless the exact value "
               "rounds to that infinity). *CR %%* is the share of outputs equal to the correctly "
               "rounded result. *mean* is over outputs with a finite error; *inf* marks NaN or "
               "infinite outputs where a number was due.\n\n");
    if (r->exhaustive) {
        fprintf(f, "**Exhaustive.** Elementwise activations: every one of the 2^32 float inputs, "
                   "except that NaN inputs are checked by class: %d representative NaN patterns "
                   "(both signs, quiet and signalling, several payloads) stand for all 2^24-2, "
                   "and each must give NaN. The reference is filtered: a double (double-double "
                   "where double cancels) evaluation with an error bound decides each verdict, and "
                   "MPFR decides where the bound cannot (*MPFR inputs*); `actbench accuracy "
                   "--selftest` checks that the two agree. Row-wise activations: sampled rows of 1 "
                   "to 10^4 elements, uniform in [-10, 10] (*rows-uniform*), random finite bit "
                   "patterns (*rows-wide*) and uniform with one entry in eight -inf "
                   "(*rows-neginf*), all against MPFR. %u shard%s; %.1f s of run time.\n",
                EXHAUSTIVE_NAN_REPRESENTATIVES, r->shards, r->shards == 1 ? "" : "s merged",
                r->seconds);
        if (r->block_stride > 1)
            fprintf(f, "\n**Not exhaustive:** only every %u-th block of 65536 inputs ran (--stride, "
                       "a test subset).\n", r->block_stride);
    } else {
        fprintf(f, "**Domains.** *full*: %zu inputs per activation over the whole finite float range, "
                   "half on a regular stride through all bit patterns, half random bit patterns "
                   "(log-uniform in magnitude); *typical*: %zu uniform values in [-10, 10]. Row-wise "
                   "activations use rows of 1 to 10^4 elements drawn the same way. Seed %llu; the "
                   "sweep took %.1f s.\n",
                cfg->samples, cfg->samples, (unsigned long long)cfg->seed, r->seconds);
    }
    if (n_skipped) {
        fprintf(f, "\n**Not run on this CPU** (ISA above %s):", ctx->max_isa);
        for (size_t i = 0; i < n_skipped; i++)
            fprintf(f, "%s %s/%s", i ? "," : "", actbench_activation(skipped[i]->act)->name,
                    skipped[i]->variant);
        fprintf(f, ".\n");
    }
    for (int a = 0; a < ACTBENCH_ACT_COUNT; a++) {
        int any = 0;
        for (size_t i = 0; i < r->n_records && !any; i++)
            any = r->records[i].kernel->act == (actbench_act)a;
        if (any && r->exhaustive)
            write_exhaustive_table(f, r, (actbench_act)a);
        else if (any)
            write_activation_table(f, r, (actbench_act)a);
    }
    write_histograms(f, r);
    if (!r->exhaustive)
    write_special_failures(f, r);
}

int write_accuracy_reports(const char *dir, const accuracy_results *r, const accuracy_config *cfg,
                           const run_context *ctx, const actbench_kernel *const *skipped,
                           size_t n_skipped, char *err, size_t err_size)
{
    output_file csv, md, bin;
    if (output_open(&csv, dir, "accuracy.csv") != 0) {
        snprintf(err, err_size, "cannot write to '%s': %s", dir, strerror(errno));
        return -1;
    }
    if (output_open(&md, dir, "accuracy.md") != 0) {
        snprintf(err, err_size, "cannot write to '%s': %s", dir, strerror(errno));
        output_abort(&csv);
        return -1;
    }
    if (output_open(&bin, dir, "accuracy_binades.csv") != 0) {
        snprintf(err, err_size, "cannot write to '%s': %s", dir, strerror(errno));
        output_abort(&csv);
        output_abort(&md);
        return -1;
    }
    write_csv(csv.f, r, cfg, ctx);
    write_markdown(md.f, r, cfg, ctx, skipped, n_skipped);
    write_binades_csv(bin.f, r);
    /* Commit all or, where one fails, leave the old set as it was. */
    if (ferror(csv.f) || ferror(md.f) || ferror(bin.f)) {
        snprintf(err, err_size, "writing reports in '%s' failed", dir);
        output_abort(&csv);
        output_abort(&md);
        output_abort(&bin);
        return -1;
    }
    if (output_commit(&csv) != 0 || output_commit(&bin) != 0 || output_commit(&md) != 0) {
        snprintf(err, err_size, "cannot save reports in '%s': %s", dir, strerror(errno));
        output_abort(&bin);
        output_abort(&md);
        return -1;
    }
    return 0;
}

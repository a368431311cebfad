/* report.md: one page read top to bottom, from a results directory.
 * Choice per activation first, then plots, the full tables, and the context. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "reports.h"
#include "results_read.h"

size_t results_nearest_size(const bench_data *b, size_t n, int threads)
{
    size_t best = 0;
    double best_d = INFINITY;
    for (size_t i = 0; i < b->n; i++) {
        const bench_row *q = &b->rows[i];
        if (bench_is_copy(q) || q->threads != threads)
            continue;
        double d = fabs(log((double)q->n / (double)(n ? n : 1)));
        if (d < best_d - 1e-12 || (fabs(d - best_d) <= 1e-12 && q->n > best)) {
            best_d = d;
            best = q->n;
        }
    }
    return best;
}

static double time_of(const choice *c) { return c->speed ? c->speed->median : INFINITY; }
static double ulp_of(const choice *c) { return c->acc ? c->acc->max_ulp : INFINITY; }

static int cmp_choice(const void *x, const void *y)
{
    const choice *a = x, *b = y;
    double ta = time_of(a), tb = time_of(b);
    if (ta != tb)
        return ta < tb ? -1 : 1;
    double ua = ulp_of(a), ub = ulp_of(b);
    return (ua > ub) - (ua < ub);
}

size_t results_choose(const results *r, const char *act, double max_ulp, size_t n, int threads,
                      choice *out, size_t cap)
{
    size_t count = 0;
    if (r->has_acc) {
        for (size_t i = 0; i < r->acc.n_kernels && count < cap; i++) {
            const acc_kernel *k = &r->acc.kernels[i];
            if (strcmp(k->act, act) != 0 || !(k->max_ulp <= max_ulp) || k->special_failures > 0)
                continue;
            out[count].acc = k;
            out[count].speed = r->has_bench ? bench_find(&r->bench, act, k->variant, n, threads) : NULL;
            count++;
        }
    } else if (r->has_bench) { /* no accuracy: every variant timed, fastest first */
        for (size_t i = 0; i < r->bench.n && count < cap; i++) {
            const bench_row *q = &r->bench.rows[i];
            if (!strcmp(q->act, act) && q->n == n && q->threads == threads)
                out[count++] = (choice){NULL, q};
        }
    }
    qsort(out, count, sizeof *out, cmp_choice);
    return count;
}

size_t results_activations(const results *r, const char **out, size_t cap)
{
    size_t count = 0;
    for (int pass = 0; pass < 2; pass++) {
        size_t n = pass == 0 ? (r->has_acc ? r->acc.n_kernels : 0) : (r->has_bench ? r->bench.n : 0);
        for (size_t i = 0; i < n && count < cap; i++) {
            const char *a = pass == 0 ? r->acc.kernels[i].act : r->bench.rows[i].act;
            if (pass == 1 && bench_is_copy(&r->bench.rows[i]))
                continue;
            size_t j = 0;
            while (j < count && strcmp(out[j], a) != 0)
                j++;
            if (j == count)
                out[count++] = a;
        }
    }
    return count;
}

/* ---- the page ------------------------------------------------------------------ */

static const char *ulp_text(double u, char *buf, size_t size)
{
    return isnan(u) ? (snprintf(buf, size, "-"), buf) : format_ulp(u, buf, size);
}

/* The accuracy budgets the choice table shows: measured max ULP. */
static const struct { const char *name; double max_ulp; } tiers[] = {
    {"<= 1 ULP", 1.0}, {"<= 4 ULP", 4.0}, {"any accuracy", INFINITY}};

#define MAX_CHOICES 256
#define MAX_ACTS 64

static void write_choice_table(FILE *f, const results *r, const char **acts, size_t n_acts,
                               size_t rank_n)
{
    char sz[32], a[32], b[32];
    fprintf(f, "## Choice per activation\n\n");
    if (r->has_bench)
        fprintf(f, "The fastest variant in each accuracy budget at n = %s, 1 thread (median "
                   "ns per element). Budgets are on the **measured** max ULP over the full and "
                   "typical domains, with every special value passing; the declared tier is in "
                   "brackets.\n\n",
                results_format_count(rank_n, sz, sizeof sz));
    else
        fprintf(f, "No throughput results: the most accurate variant in each budget.\n\n");
    fprintf(f, "| activation |");
    for (size_t t = 0; t < sizeof tiers / sizeof tiers[0]; t++)
        fprintf(f, " %s: variant | max ULP | ns/elem |", tiers[t].name);
    fprintf(f, "\n|---|");
    for (size_t t = 0; t < sizeof tiers / sizeof tiers[0]; t++)
        fprintf(f, "---|--:|--:|");
    fprintf(f, "\n");
    choice *ch = malloc(MAX_CHOICES * sizeof *ch);
    for (size_t i = 0; ch && i < n_acts; i++) {
        fprintf(f, "| %s |", acts[i]);
        int timed = 0;
        for (size_t x = 0; r->has_bench && x < r->bench.n; x++)
            timed |= !strcmp(r->bench.rows[x].act, acts[i]) && r->bench.rows[x].n == rank_n &&
                     r->bench.rows[x].threads == 1;
        if (r->has_bench && !timed) {
            fprintf(f, " not timed at this size |");
            for (size_t t = 1; t < 3 * (sizeof tiers / sizeof tiers[0]); t++)
                fprintf(f, " |");
            fprintf(f, "\n");
            continue;
        }
        for (size_t t = 0; t < sizeof tiers / sizeof tiers[0]; t++) {
            size_t k = results_choose(r, acts[i], tiers[t].max_ulp, rank_n, 1, ch, MAX_CHOICES);
            if (!r->has_bench)
                for (size_t x = 1; x < k; x++) /* most accurate first */
                    if (ulp_of(&ch[x]) < ulp_of(&ch[0])) {
                        choice tmp = ch[0];
                        ch[0] = ch[x];
                        ch[x] = tmp;
                    }
            if (!k || (r->has_bench && !ch[0].speed)) {
                fprintf(f, " none | | |");
                continue;
            }
            const char *variant = ch[0].acc ? ch[0].acc->variant : ch[0].speed->variant;
            const char *tier = ch[0].acc ? ch[0].acc->tier : ch[0].speed->tier;
            fprintf(f, " %s [%s] | %s | %s |", variant, tier,
                    ch[0].acc ? ulp_text(ch[0].acc->max_ulp, a, sizeof a) : "-",
                    ch[0].speed ? md_num(ch[0].speed->median, "%.3f", b, sizeof b) : "-");
        }
        fprintf(f, "\n");
    }
    free(ch);
}

static void img(FILE *f, const char *dir, const char *act, const char *kind, const char *alt)
{
    char name[160], path[4400];
    plot_name(act, kind, name, sizeof name);
    snprintf(path, sizeof path, "%s/plots/%s.svg", dir, name);
    struct stat st;
    if (stat(path, &st) == 0)
        fprintf(f, "<img src=\"plots/%s.svg\" alt=\"%s\" width=\"49%%\"> ", name, alt);
}

static void write_plots(FILE *f, const char *dir, const results *r, const char **acts,
                        size_t n_acts, const plot_set *p)
{
    fprintf(f, "\n## Plots\n\n");
    if (!p->made) {
        fprintf(f, "*No plots: %s* The tables below hold every number.\n", p->note);
        return;
    }
    fprintf(f, "Per activation: throughput against size (log-log, 1 thread, copy loop dashed), "
               "max ULP per input binade, speed against accuracy (Pareto front marked), speed-up "
               "against threads. SVG beside PNG in `plots/`; data and the gnuplot script there too."
               "%s%s\n",
            *p->note ? " " : "", p->note);
    for (size_t i = 0; i < n_acts; i++) {
        fprintf(f, "\n### %s\n\n", acts[i]);
        img(f, dir, acts[i], "throughput", "throughput against size");
        img(f, dir, acts[i], "binades", "max ULP per binade");
        fprintf(f, "\n");
        img(f, dir, acts[i], "pareto", "speed against accuracy");
        img(f, dir, acts[i], "threads", "speed-up against threads");
        fprintf(f, "\n");
    }
    (void)r;
}

static void write_accuracy_table(FILE *f, const results *r)
{
    char a[32], b[32], c[32];
    fprintf(f, "\n## Accuracy (all variants)\n\nMax ULP over the full and typical domains; mean over "
               "typical; special-value failures; declared bound and whether every domain is "
               "within it.\n\n| activation | variant | ISA | tier | max ULP | mean ULP | special "
               "fails | declared | within |\n|---|---|---|---|--:|--:|--:|--:|:-:|\n");
    for (size_t i = 0; i < r->acc.n_kernels; i++) {
        const acc_kernel *k = &r->acc.kernels[i];
        fprintf(f, "| %s | %s | %s | %s | %s | %s | %ld | %s | %s |\n", k->act, k->variant, k->isa,
                k->tier, ulp_text(k->max_ulp, a, sizeof a), ulp_text(k->mean_ulp, b, sizeof b),
                k->special_failures, ulp_text(k->bound, c, sizeof c), k->within_bound ? "yes" : "**NO**");
    }
}

/* Distinct (n, threads) columns of the throughput table, in sorted order. */
typedef struct col {
    size_t n;
    int threads;
} col;

static int cmp_col(const void *x, const void *y)
{
    const col *a = x, *b = y;
    if (a->threads != b->threads)
        return a->threads - b->threads;
    return (a->n > b->n) - (a->n < b->n);
}

static void write_bench_table(FILE *f, const results *r)
{
    const bench_data *b = &r->bench;
    col *cols = malloc((b->n + 1) * sizeof *cols);
    size_t n_cols = 0;
    for (size_t i = 0; cols && i < b->n; i++) {
        size_t j = 0;
        while (j < n_cols && !(cols[j].n == b->rows[i].n && cols[j].threads == b->rows[i].threads))
            j++;
        if (j == n_cols)
            cols[n_cols++] = (col){b->rows[i].n, b->rows[i].threads};
    }
    if (!cols)
        return;
    qsort(cols, n_cols, sizeof *cols, cmp_col);
    char sz[32], v[32];
    fprintf(f, "\n## Throughput (all variants)\n\nMedian ns per element (x copy loop in brackets); "
               "columns are n / threads.\n\n| activation | variant |");
    for (size_t j = 0; j < n_cols; j++)
        fprintf(f, " %s / %d |", results_format_count(cols[j].n, sz, sizeof sz), cols[j].threads);
    fprintf(f, "\n|---|---|");
    for (size_t j = 0; j < n_cols; j++)
        fprintf(f, "--:|");
    fprintf(f, "\n");
    for (size_t i = 0; i < b->n; i++) {
        const bench_row *q = &b->rows[i];
        /* one line per variant: its first row */
        int first = 1;
        for (size_t k = 0; k < i && first; k++)
            first = strcmp(b->rows[k].act, q->act) || strcmp(b->rows[k].variant, q->variant);
        if (!first)
            continue;
        fprintf(f, "| %s | %s |", q->act, q->variant);
        for (size_t j = 0; j < n_cols; j++) {
            const bench_row *c = bench_find(b, q->act, q->variant, cols[j].n, cols[j].threads);
            if (!c)
                fprintf(f, " - |");
            else if (bench_is_copy(c) || isnan(c->x_copy))
                fprintf(f, " %s |", md_num(c->median, "%.3f", v, sizeof v));
            else
                fprintf(f, " %.3f (%.1fx) |", c->median, c->x_copy);
        }
        fprintf(f, "\n");
    }
    free(cols);
}

static void context_row(FILE *f, const char *name, const char *a, const char *b)
{
    if (*a || *b)
        fprintf(f, "| %s | %s | %s |\n", name, *a ? a : "-", *b ? b : "-");
}

static void write_context(FILE *f, const results *r)
{
    const results_context *a = &r->acc.ctx, *b = &r->bench.ctx;
    fprintf(f, "\n## Context\n\n| | accuracy run | throughput run |\n|---|---|---|\n");
    context_row(f, "CPU", a->cpu, b->cpu);
    context_row(f, "ISA used (max)", a->max_isa, b->max_isa);
    context_row(f, "compiler", a->compiler, b->compiler);
    context_row(f, "git commit", a->git_commit, b->git_commit);
    context_row(f, "date", a->date, b->date);
    context_row(f, "threads available", a->threads, "");
    context_row(f, "samples per domain", a->samples, "");
    context_row(f, "governor", "", b->governor);
    context_row(f, "load average (1, 5, 15 min)", "", b->load_average);
    context_row(f, "Google Benchmark", "", b->gbench_version);
    fprintf(f, "\nDetails: `accuracy.md` and `bench.md` beside this page.\n");
}

int write_summary_report(const char *dir, const results *r, int no_plots, char *err,
                         size_t err_size)
{
    const char *acts[MAX_ACTS];
    size_t n_acts = results_activations(r, acts, MAX_ACTS);
    size_t rank_n = r->has_bench ? results_nearest_size(&r->bench, 1 << 20, 1) : 0;
    plot_set plots = {0, ""};
    if (no_plots)
        snprintf(plots.note, sizeof plots.note, "ACTBENCH_NO_PLOTS is set.");
    else
        make_plots(dir, r, rank_n, &plots);

    output_file out;
    if (output_open(&out, dir, "report.md") != 0) {
        snprintf(err, err_size, "cannot write report.md in '%s': %s", dir, strerror(errno));
        return -1;
    }
    FILE *f = out.f;
    fprintf(f, "# actbench report\n\nHow fast and how accurate each float32 activation kernel is "
               "on this machine: accuracy in ULPs against GNU MPFR, throughput with Google "
               "Benchmark. %s%s%s\n\n",
            r->has_acc ? "" : "**No accuracy results** (accuracy.csv absent): budgets cannot be "
                              "checked. ",
            r->has_bench ? "" : "**No throughput results** (bench.csv absent). ",
            r->has_binades ? "" : "Error-across-range plots need accuracy_binades.csv (absent).");
    write_choice_table(f, r, acts, n_acts, rank_n);
    fprintf(f, "\n`actbench recommend --dir %s --max-ulp U --size N --threads T` gives the same "
               "choice for any budget, size and thread count, with evidence.\n", dir);
    write_plots(f, dir, r, acts, n_acts, &plots);
    if (r->has_acc)
        write_accuracy_table(f, r);
    if (r->has_bench)
        write_bench_table(f, r);
    write_context(f, r);
    if (ferror(f)) {
        output_abort(&out);
        snprintf(err, err_size, "writing report.md in '%s' failed", dir);
        return -1;
    }
    if (output_commit(&out) != 0) {
        snprintf(err, err_size, "cannot save report.md in '%s': %s", dir, strerror(errno));
        return -1;
    }
    return 0;
}

/* actbench compare: two result sets row by row; exit 1 on a regression.
 *
 * Accuracy is deterministic, so its regressions are exact: max ULP up by more
 * than the tolerance, a new special-value failure or non-finite error, a
 * declared bound newly exceeded.  Speed is noisy, so a slowdown counts only
 * when the row's median and fastest repetition are slower beyond the
 * threshold after removing the whole run's drift, a one-sided Mann-Whitney U
 * test over the repetitions says so (p < alpha), and the row stands out of
 * the run-to-run noise of the other rows (see compare_speed). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "results_read.h"

static void help(void)
{
    printf("usage: actbench compare BASE NEW [--max-slowdown PCT] [--max-ulp-increase U]\n"
           "                        [--alpha A] [--normalize-copy] [--absolute]\n\n"
           "Compares two results (directories holding accuracy.csv, bench.csv, bench.json, or\n"
           "single such files) row by row and prints the changes.  Exit 0: nothing regressed;\n"
           "1: something did; 2: bad input.\n\n"
           "Accuracy (per kernel and domain) regresses when max ULP grows by more than U\n"
           "(default 0: any growth), special-value failures or non-finite errors appear, or\n"
           "a declared bound is newly exceeded.\n"
           "Speed (per kernel, size and threads) regresses when all of these hold, after\n"
           "removing the whole run's drift (the median change of the rows at that size and\n"
           "thread count, when there are at least 8): the median time grew by more than PCT\n"
           "percent (default 10), and so did the fastest repetition's; a one-sided\n"
           "Mann-Whitney U test over the repetitions (bench.json) gives p < A (default 0.01:\n"
           "a sweep tests a hundred rows and more at once); and the change stands out of the\n"
           "row-to-row noise of that comparison by more than 3.5 robust standard deviations.\n"
           "A drift beyond PCT is reported as a warning (a busier machine and a change slowing\n"
           "every kernel look alike).  Without repetitions a slowdown is reported as untested,\n"
           "never as a regression.\n"
           "  --normalize-copy   divide each time by the same run's copy loop at the same size\n"
           "                     and threads (cancels a machine that is uniformly slower)\n"
           "  --absolute         no drift removal and no noise criterion: threshold and\n"
           "                     Mann-Whitney only (for a quiet, pinned machine)\n"
           "Rows present in only one of the two are listed, not errors.\n");
}

/* ---- Mann-Whitney U, one-sided: are b's values larger than a's? ------------ */

/* Exact P(U >= u) under H0 for sizes m, n without ties, U = #pairs a < b:
 * counts of rank arrangements by the recursion over the largest value. */
static double mw_exact_upper(size_t m, size_t n, double u)
{
    size_t umax = m * n;
    double *f = calloc((m + 1) * (n + 1) * (umax + 1), sizeof *f);
    if (!f)
        return NAN;
#define F(i, j, k) f[((i) * (n + 1) + (j)) * (umax + 1) + (k)]
    for (size_t i = 0; i <= m; i++)
        for (size_t j = 0; j <= n; j++)
            for (size_t k = 0; k <= i * j; k++) {
                if (i == 0 || j == 0) {
                    F(i, j, k) = k == 0;
                    continue;
                }
                /* largest value from b: it beats all i values of a */
                F(i, j, k) = (k >= i ? F(i, j - 1, k - i) : 0) + F(i - 1, j, k);
            }
    double total = 0, upper = 0;
    for (size_t k = 0; k <= umax; k++) {
        total += F(m, n, k);
        if ((double)k >= u - 1e-9)
            upper += F(m, n, k);
    }
#undef F
    free(f);
    return upper / total;
}

static int cmp_double(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return (a > b) - (a < b);
}

typedef struct ranked {
    double v;
    int from_b;
} ranked;

static int cmp_ranked(const void *x, const void *y)
{
    double a = ((const ranked *)x)->v, b = ((const ranked *)y)->v;
    return (a > b) - (a < b);
}

/* One-sided p-value for "b is stochastically larger than a". */
static double mann_whitney_greater(const double *a, size_t m, const double *b, size_t n)
{
    if (m < 2 || n < 2)
        return NAN;
    size_t N = m + n;
    ranked *all = malloc(N * sizeof *all);
    if (!all)
        return NAN;
    for (size_t i = 0; i < m; i++)
        all[i] = (ranked){a[i], 0};
    for (size_t j = 0; j < n; j++)
        all[m + j] = (ranked){b[j], 1};
    qsort(all, N, sizeof *all, cmp_ranked);
    /* Mid-ranks for ties; the tie term corrects the variance. */
    double rank_b = 0, ties = 0;
    for (size_t i = 0; i < N;) {
        size_t j = i;
        while (j < N && all[j].v == all[i].v)
            j++;
        double mid = 0.5 * (double)(i + 1 + j), t = (double)(j - i);
        ties += t * t * t - t;
        for (size_t k = i; k < j; k++)
            if (all[k].from_b)
                rank_b += mid;
        i = j;
    }
    free(all);
    double u = rank_b - 0.5 * (double)n * (double)(n + 1); /* #pairs a < b, ties half */
    if (ties == 0 && m <= 40 && n <= 40)
        return mw_exact_upper(m, n, u);
    double mean = 0.5 * (double)m * (double)n;
    double var = (double)m * (double)n / 12.0 * ((double)(N + 1) - ties / ((double)N * (double)(N - 1)));
    if (var <= 0)
        return 1.0; /* all equal: no evidence */
    double z = (u - mean - 0.5) / sqrt(var);
    return 0.5 * erfc(z / sqrt(2.0));
}

/* ---- accuracy ---------------------------------------------------------------- */

typedef struct options {
    double max_slowdown, max_ulp_increase, alpha;
    int normalize_copy, absolute;
} options;

static const acc_row *find_acc(const acc_results *r, const acc_row *q)
{
    for (size_t i = 0; i < r->n; i++)
        if (!strcmp(r->rows[i].act, q->act) && !strcmp(r->rows[i].variant, q->variant) &&
            !strcmp(r->rows[i].domain, q->domain))
            return &r->rows[i];
    return NULL;
}

/* max ULP difference, inf - inf counting as none. */
static double ulp_increase(double base, double now)
{
    if (base == now)
        return 0;
    return now - base;
}

static int over_bound(const acc_row *q)
{
    if (q->within_bound >= 0)
        return q->within_bound == 0;
    return !isnan(q->bound) && q->max_ulp > q->bound;
}

static int compare_accuracy(const acc_results *base, const acc_results *now, const options *o,
                            size_t *n_changes)
{
    int regressions = 0;
    size_t shown = 0;
    for (size_t i = 0; i < now->n; i++) {
        const acc_row *q = &now->rows[i];
        const acc_row *b = find_acc(base, q);
        if (!b)
            continue;
        double d = ulp_increase(b->max_ulp, q->max_ulp);
        const char *why = NULL;
        char detail[128] = "";
        if (d > o->max_ulp_increase)
            why = "max ULP up";
        else if (q->special_failures > (b->special_failures > 0 ? b->special_failures : 0))
            why = "new special-value failure";
        else if (q->nonfinite_errors > (b->nonfinite_errors > 0 ? b->nonfinite_errors : 0))
            why = "new non-finite error";
        else if (over_bound(q) && !over_bound(b))
            why = "declared bound exceeded";
        int changed = d != 0 || q->special_failures != b->special_failures ||
                      q->nonfinite_errors != b->nonfinite_errors;
        if (!why && !changed)
            continue;
        if (!shown++)
            printf("## Accuracy changes\n\n| activation | variant | domain | max ULP base | max ULP new "
                   "| special fails base -> new | verdict |\n|---|---|---|--:|--:|--:|---|\n");
        if (!why)
            snprintf(detail, sizeof detail, "%s", d < 0 ? "better" : "within tolerance");
        printf("| %s | %s | %s | %.6g | %.6g | %ld -> %ld | %s%s%s |\n", q->act, q->variant,
               q->domain, b->max_ulp, q->max_ulp, b->special_failures, q->special_failures,
               why ? "**REGRESSION**: " : "", why ? why : "", detail);
        regressions += why != NULL;
    }
    if (shown)
        printf("\n");
    *n_changes += shown;
    return regressions;
}

/* Rows of one set not in the other. */
static void list_acc_missing(const acc_results *from, const acc_results *in)
{
    size_t count = 0;
    for (size_t i = 0; i < from->n; i++)
        if (!find_acc(in, &from->rows[i]))
            printf("%s%s/%s (%s)", count++ ? ", " : "", from->rows[i].act, from->rows[i].variant,
                   from->rows[i].domain);
}

/* ---- speed -------------------------------------------------------------------- */

/* Two runs of one build on one machine differ in two ways that repetitions
 * within a run cannot show: the whole run shifts (another job, frequency,
 * memory traffic), and each row moves by its own few percent.  So within each
 * (size, threads) group of at least DRIFT_MIN_ROWS rows, compare estimates
 * both from the rows themselves: the shift is the median log-ratio new/base,
 * the row-to-row noise 1.4826 x its median absolute deviation (a robust
 * standard deviation; real regressions in under half of the rows move
 * neither).  A row regresses when, after removing the shift, its median and
 * its fastest repetition are slower by more than the threshold, the
 * Mann-Whitney test over the repetitions agrees, and it stands out of the
 * noise by more than NOISE_Z widths (Iglewicz and Hoaglin's outlier cut for
 * the modified z-score).  Measured on this project's 2-vCPU VM with
 * scripts/measure_aa.sh, each criterion removed false regressions that the
 * others let through (see README, "compare"). */
#define DRIFT_MIN_ROWS 8
#define NOISE_Z 3.5

/* Times of a row, divided by its run's copy-loop median when asked. */
static double scale_of(const bench_data *d, const bench_row *r, int normalize)
{
    if (!normalize)
        return 1.0;
    const bench_row *c = bench_copy(d, r->n, r->threads);
    return c && c->median > 0 ? 1.0 / c->median : NAN;
}

typedef struct speed_pair {
    const bench_row *base, *now;
    double scale_base, scale_now; /* copy normalisation (1 when off) */
    double log_ratio;             /* log(new / base) of the medians, scaled */
} speed_pair;

typedef struct drift_group {
    size_t n;
    int threads;
    size_t rows;
    double shift; /* median log-ratio: the whole group's move (0: not estimated) */
    double noise; /* robust sd of the log-ratios; NAN: too few rows to say */
} drift_group;

static double median_of(double *v, size_t n)
{
    qsort(v, n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

static void estimate_drift(const speed_pair *pairs, size_t n_pairs, drift_group *g, int absolute)
{
    double *v = malloc((n_pairs ? n_pairs : 1) * sizeof *v);
    g->rows = 0;
    g->shift = 0;
    g->noise = NAN;
    if (!v)
        return;
    for (size_t i = 0; i < n_pairs; i++)
        if (pairs[i].now->n == g->n && pairs[i].now->threads == g->threads)
            v[g->rows++] = pairs[i].log_ratio;
    if (!absolute && g->rows >= DRIFT_MIN_ROWS) {
        g->shift = median_of(v, g->rows);
        for (size_t i = 0; i < g->rows; i++)
            v[i] = fabs(v[i] - g->shift);
        g->noise = 1.4826 * median_of(v, g->rows);
    }
    free(v);
}

static const drift_group *group_of(const drift_group *g, size_t n_groups, const bench_row *r)
{
    for (size_t i = 0; i < n_groups; i++)
        if (g[i].n == r->n && g[i].threads == r->threads)
            return &g[i];
    return NULL;
}

/* One-sided Mann-Whitney p over the repetitions, the new ones divided by the
 * group's shift; NAN without repetitions on both sides. */
static double speed_p_value(const speed_pair *sp, double shift)
{
    const bench_row *b = sp->base, *q = sp->now;
    if (b->n_reps < 2 || q->n_reps < 2)
        return NAN;
    double p = NAN, *x = malloc(b->n_reps * sizeof *x), *y = malloc(q->n_reps * sizeof *y);
    if (x && y) {
        for (size_t k = 0; k < b->n_reps; k++)
            x[k] = b->reps[k] * sp->scale_base;
        for (size_t k = 0; k < q->n_reps; k++)
            y[k] = q->reps[k] * sp->scale_now * exp(-shift);
        p = mann_whitney_greater(x, b->n_reps, y, q->n_reps);
    }
    free(x);
    free(y);
    return p;
}

static void print_drift(const drift_group *g, size_t n_groups, const options *o)
{
    char sz[32];
    printf("## Run-to-run drift (per size and thread count)\n\n"
           "| n | threads | rows | whole-run shift | row noise (robust sd) | smallest slowdown flagged |\n"
           "|--:|--:|--:|--:|--:|--:|\n");
    for (size_t i = 0; i < n_groups; i++) {
        const drift_group *d = &g[i];
        results_format_count(d->n, sz, sizeof sz);
        if (isnan(d->noise)) {
            printf("| %s | %d | %zu | %s | - | %+.0f%% |\n", sz, d->threads, d->rows,
                   o->absolute ? "not removed (--absolute)" : "too few rows to estimate",
                   100 * o->max_slowdown);
            continue;
        }
        double floor = fmax(log1p(o->max_slowdown), NOISE_Z * d->noise);
        printf("| %s | %d | %zu | %+.1f%% | %.1f%% | %+.1f%% |\n", sz, d->threads, d->rows,
               100 * expm1(d->shift), 100 * d->noise, 100 * expm1(floor));
    }
    printf("\nEach row is compared after removing its group's whole-run shift; it regresses when its\n"
           "median and its fastest repetition are slower by more than the threshold, the\n"
           "Mann-Whitney test over its repetitions agrees (p < %g) and it stands out of the row\n"
           "noise by more than %.1f robust sd.\n\n",
           o->alpha, NOISE_Z);
    for (size_t i = 0; i < n_groups; i++)
        if (!isnan(g[i].noise) && expm1(g[i].shift) > o->max_slowdown)
            printf("**Warning:** at n=%s, %d thread%s the whole new run is %+.0f%% slower (median of "
                   "%zu rows): a busier or slower machine, or a change that slows every kernel alike. "
                   "compare cannot tell these apart from one pair of runs and does not fail on it; "
                   "rerun both on a quiet machine and use --absolute to gate on it.\n\n",
                   results_format_count(g[i].n, sz, sizeof sz), g[i].threads,
                   g[i].threads == 1 ? "" : "s", 100 * expm1(g[i].shift), g[i].rows);
}

static int compare_speed(const bench_data *base, const bench_data *now, const options *o,
                         size_t *n_compared, size_t *n_untested)
{
    speed_pair *pairs = malloc((now->n ? now->n : 1) * sizeof *pairs);
    drift_group *groups = malloc((now->n ? now->n : 1) * sizeof *groups);
    size_t n_pairs = 0, n_groups = 0;
    if (!pairs || !groups) {
        free(pairs);
        free(groups);
        return 0;
    }
    for (size_t i = 0; i < now->n; i++) {
        const bench_row *q = &now->rows[i];
        if (bench_is_copy(q))
            continue;
        const bench_row *b = bench_find(base, q->act, q->variant, q->n, q->threads);
        if (!b)
            continue;
        double sb = scale_of(base, b, o->normalize_copy), sq = scale_of(now, q, o->normalize_copy);
        if (isnan(sb) || isnan(sq) || !(b->median > 0) || !(q->median > 0))
            continue; /* no copy loop to normalise by, or no time: not comparable */
        pairs[n_pairs++] = (speed_pair){b, q, sb, sq, log((q->median * sq) / (b->median * sb))};
        if (!group_of(groups, n_groups, q))
            groups[n_groups++] = (drift_group){.n = q->n, .threads = q->threads};
    }
    *n_compared = n_pairs;
    for (size_t i = 0; i < n_groups; i++)
        estimate_drift(pairs, n_pairs, &groups[i], o->absolute);
    if (n_groups)
        print_drift(groups, n_groups, o);

    int regressions = 0;
    size_t shown = 0;
    for (size_t i = 0; i < n_pairs; i++) {
        const speed_pair *sp = &pairs[i];
        const bench_row *b = sp->base, *q = sp->now;
        const drift_group *g = group_of(groups, n_groups, q);
        double c = sp->log_ratio - g->shift, change = expm1(c);
        int slower = change > o->max_slowdown;
        if (!slower && change > -o->max_slowdown)
            continue; /* within the threshold either way: not a change worth a line */
        double p = speed_p_value(sp, g->shift);
        int in_noise = !isnan(g->noise) && c <= NOISE_Z * g->noise;
        /* The fastest repetition must be slower too: load only ever adds
         * time, so a slowdown that the best case does not show is noise. */
        double min_change = (q->min * sp->scale_now) * exp(-g->shift) / (b->min * sp->scale_base) - 1;
        int best_slower = !(min_change <= o->max_slowdown); /* unknown minimum: no veto */
        int regressed = slower && p < o->alpha && !in_noise && best_slower;
        if (slower && isnan(p))
            (*n_untested)++;
        if (!shown++)
            printf("## Speed changes (median ns/elem%s; threshold %+.0f%%, alpha %g)\n\n"
                   "| activation | variant | n | threads | base | new | change | after shift | p (MW) "
                   "| verdict |\n|---|---|--:|--:|--:|--:|--:|--:|--:|---|\n",
                   o->normalize_copy ? " / copy loop" : "", 100 * o->max_slowdown, o->alpha);
        char sz[32], ps[32];
        snprintf(ps, sizeof ps, isnan(p) ? "-" : "%.3g", p);
        printf("| %s | %s | %s | %d | %.4g | %.4g | %+.1f%% | %+.1f%% | %s | %s |\n", q->act,
               q->variant, results_format_count(q->n, sz, sizeof sz), q->threads,
               b->median * sp->scale_base, q->median * sp->scale_now, 100 * expm1(sp->log_ratio),
               100 * change, ps,
               regressed ? "**REGRESSION**"
               : !slower ? "faster"
               : isnan(p) ? "slower, untested (no repetitions)"
               : p >= o->alpha ? "slower, not significant"
               : in_noise ? "slower, within this comparison's noise"
               : "slower, but not its fastest repetition");
        regressions += regressed;
    }
    if (shown)
        printf("\n");
    free(pairs);
    free(groups);
    return regressions;
}

static void list_bench_missing(const bench_data *from, const bench_data *in, const char *what)
{
    size_t count = 0;
    char sz[32];
    for (size_t i = 0; i < from->n; i++) {
        const bench_row *r = &from->rows[i];
        if (bench_find(in, r->act, r->variant, r->n, r->threads))
            continue;
        printf("%s%s/%s n=%s t=%d", count++ ? ", " : what, r->act, r->variant,
               results_format_count(r->n, sz, sizeof sz), r->threads);
    }
    if (count)
        printf("\n\n");
}

static int parse_number(const char *s, double lo, double hi, double *out)
{
    char *end;
    if (!s || !*s)
        return -1;
    double v = strtod(s, &end);
    if (*end || !(v >= lo && v <= hi))
        return -1;
    *out = v;
    return 0;
}

static size_t count_acc_missing(const acc_results *from, const acc_results *in)
{
    size_t count = 0;
    for (size_t i = 0; i < from->n; i++)
        count += !find_acc(in, &from->rows[i]);
    return count;
}

int cmd_compare(int argc, char **argv)
{
    options o = {0.10, 0.0, 0.01, 0, 0};
    const char *paths[2] = {NULL, NULL}, *v;
    int n_paths = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            help();
            return EXIT_OK;
        } else if (strcmp(argv[i], "--normalize-copy") == 0) {
            o.normalize_copy = 1;
        } else if (strcmp(argv[i], "--absolute") == 0) {
            o.absolute = 1;
        } else if (cli_option(argc, argv, &i, "--max-slowdown", &v)) {
            if (parse_number(v, 0, 1e6, &o.max_slowdown) != 0)
                return cli_fail("--max-slowdown: '%s' is not a percentage >= 0", v ? v : "");
            o.max_slowdown /= 100;
        } else if (cli_option(argc, argv, &i, "--max-ulp-increase", &v)) {
            if (parse_number(v, 0, INFINITY, &o.max_ulp_increase) != 0)
                return cli_fail("--max-ulp-increase: '%s' is not a number of ULP >= 0", v ? v : "");
        } else if (cli_option(argc, argv, &i, "--alpha", &v)) {
            if (parse_number(v, 1e-12, 1, &o.alpha) != 0)
                return cli_fail("--alpha: '%s' is not a probability in (0, 1]", v ? v : "");
        } else if (argv[i][0] == '-' && argv[i][1]) {
            return cli_fail("compare: unknown option '%s' (see 'actbench compare --help')", argv[i]);
        } else if (n_paths < 2) {
            paths[n_paths++] = argv[i];
        } else {
            return cli_fail("compare: too many arguments ('%s'); give BASE and NEW", argv[i]);
        }
    }
    if (n_paths != 2)
        return cli_fail("compare: give BASE and NEW (result directories or files)");

    results base, now;
    char err[512];
    if (results_load(paths[0], &base, err, sizeof err) != 0)
        return cli_fail("%s", err);
    if (results_load(paths[1], &now, err, sizeof err) != 0) {
        results_free(&base);
        return cli_fail("%s", err);
    }
    int both_acc = base.has_acc && now.has_acc, both_bench = base.has_bench && now.has_bench;
    if (!both_acc && !both_bench) {
        results_free(&base);
        results_free(&now);
        return cli_fail("compare: '%s' and '%s' hold nothing comparable (accuracy vs throughput)",
                        paths[0], paths[1]);
    }
    printf("# actbench compare\n\nbase: %s\nnew:  %s\n\n", paths[0], paths[1]);
    int acc_reg = 0, speed_reg = 0;
    size_t acc_changes = 0, speed_rows = 0, untested = 0;
    if (both_acc) {
        acc_reg = compare_accuracy(&base.acc, &now.acc, &o, &acc_changes);
        size_t gone = count_acc_missing(&base.acc, &now.acc), added = count_acc_missing(&now.acc, &base.acc);
        if (gone) {
            printf("Accuracy rows only in base (vanished): ");
            list_acc_missing(&base.acc, &now.acc);
            printf("\n\n");
        }
        if (added) {
            printf("Accuracy rows only in new (appeared): ");
            list_acc_missing(&now.acc, &base.acc);
            printf("\n\n");
        }
    }
    if (both_bench) {
        speed_reg = compare_speed(&base.bench, &now.bench, &o, &speed_rows, &untested);
        list_bench_missing(&base.bench, &now.bench, "Speed rows only in base (vanished): ");
        list_bench_missing(&now.bench, &base.bench, "Speed rows only in new (appeared): ");
    }
    printf("compare: %d accuracy regression%s (%zu rows compared, tolerance %g ULP), "
           "%d speed regression%s (%zu rows compared%s)%s\n",
           acc_reg, acc_reg == 1 ? "" : "s", both_acc ? now.acc.n - count_acc_missing(&now.acc, &base.acc) : 0,
           o.max_ulp_increase, speed_reg, speed_reg == 1 ? "" : "s", speed_rows,
           untested ? "; some slowdowns untested for want of repetitions" : "",
           !both_acc ? "; accuracy not compared (missing on one side)"
           : !both_bench ? "; speed not compared (missing on one side)" : "");
    results_free(&base);
    results_free(&now);
    return acc_reg || speed_reg ? EXIT_CHECK_FAILED : EXIT_OK;
}

/* The report's plots: data files and one gnuplot script in DIR/plots/, gnuplot
 * run as a subprocess, SVG and PNG renamed into place only when it succeeded. */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "reports.h"
#include "results_read.h"

#define MAX_ACTS 64
#define MAX_PLOTS 512

const char *plot_name(const char *act, const char *kind, char *buf, size_t size)
{
    snprintf(buf, size, "%s_%s", act, kind);
    return buf;
}

/* Log axes cannot show 0 or inf: clamp, and say so on the axis. */
static double clamp_ulp(double u) { return isnan(u) ? NAN : u < 0.01 ? 0.01 : u > 1e40 ? 1e40 : u; }

typedef struct plotting {
    const char *dir;
    char plot_dir[4200];
    FILE *gp;                  /* the script */
    char names[MAX_PLOTS][160];/* images the script makes, without extension */
    size_t n_names;
    int failed;
} plotting;

/* Opens a data file; the caller commits it. */
static FILE *data_open(plotting *p, output_file *o, const char *name)
{
    if (output_open(o, p->plot_dir, name) != 0) {
        p->failed = 1;
        return NULL;
    }
    return o->f;
}

static void data_commit(plotting *p, output_file *o)
{
    if (output_commit(o) != 0)
        p->failed = 1;
}

/* Sets the SVG terminal before a plot body, and after it the PNG replot. */
static void begin_plot(plotting *p, const char *name, const char *title)
{
    fprintf(p->gp, "\nreset\nset terminal svg size 720,450 dynamic noenhanced font 'sans,11' "
                   "background '#ffffff'\nset output '%s.svg.part'\nset title '%s'\n"
                   "set key outside right top font ',9'\nset grid\n",
            name, title);
    if (p->n_names < MAX_PLOTS)
        snprintf(p->names[p->n_names++], sizeof p->names[0], "%s", name);
}

static void end_plot(plotting *p, const char *name)
{
    fprintf(p->gp, "set terminal pngcairo size 900,560 noenhanced font 'sans,10' background "
                   "'#ffffff'\nset output '%s.png.part'\nreplot\nunset output\n",
            name);
}

/* Variants of act in the bench rows, in first-appearance order. */
static size_t bench_variants(const bench_data *b, const char *act, const char **out, size_t cap)
{
    size_t count = 0;
    for (size_t i = 0; i < b->n && count < cap; i++) {
        if (strcmp(b->rows[i].act, act) != 0)
            continue;
        size_t j = 0;
        while (j < count && strcmp(out[j], b->rows[i].variant) != 0)
            j++;
        if (j == count)
            out[count++] = b->rows[i].variant;
    }
    return count;
}

static int cmp_size(const void *x, const void *y)
{
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    return (a > b) - (a < b);
}

/* Rows of (act, variant) at threads, by size: one gnuplot data block. */
static size_t write_size_block(FILE *f, const bench_data *b, const char *act, const char *variant,
                               int threads)
{
    size_t sizes[256], n = 0;
    for (size_t i = 0; i < b->n && n < 256; i++)
        if (b->rows[i].threads == threads && !strcmp(b->rows[i].act, act) &&
            !strcmp(b->rows[i].variant, variant))
            sizes[n++] = b->rows[i].n;
    qsort(sizes, n, sizeof *sizes, cmp_size);
    fprintf(f, "# %s/%s, %d thread(s): n, Gelem/s\n", act, variant, threads);
    for (size_t i = 0; i < n; i++)
        fprintf(f, "%zu %.6g\n", sizes[i], 1.0 / bench_find(b, act, variant, sizes[i], threads)->median);
    fprintf(f, "\n\n");
    return n;
}

static void plot_throughput(plotting *p, const results *r, const char *act)
{
    const char *variants[64];
    size_t nv = bench_variants(&r->bench, act, variants, 64);
    char name[160], file[200], title[200];
    plot_name(act, "throughput", name, sizeof name);
    snprintf(file, sizeof file, "%s.dat", name);
    output_file o;
    FILE *f = data_open(p, &o, file);
    if (!f || !nv) {
        if (f)
            output_abort(&o);
        return;
    }
    for (size_t v = 0; v < nv; v++)
        write_size_block(f, &r->bench, act, variants[v], 1);
    size_t copy_points = write_size_block(f, &r->bench, "copy", "copy-loop", 1);
    data_commit(p, &o);
    snprintf(title, sizeof title, "%s: throughput against size, 1 thread", act);
    begin_plot(p, name, title);
    fprintf(p->gp, "set logscale xy 2\nset format x '2^%%L'\nset format y '%%g'\n"
                   "set xlabel 'elements per call, n (log scale)'\n"
                   "set ylabel 'throughput (10^9 elements/s, log scale)'\nplot ");
    for (size_t v = 0; v < nv; v++)
        fprintf(p->gp, "%s'%s' index %zu using 1:2 with linespoints lw 2 title '%s'", v ? ", " : "",
                file, v, variants[v]);
    if (copy_points)
        fprintf(p->gp, ", '%s' index %zu using 1:2 with lines dt 2 lw 2 lc rgb 'black' "
                       "title 'copy loop (roofline)'", file, nv);
    fprintf(p->gp, "\n");
    end_plot(p, name);
}

static double binade_x(const binade_row *q) { return (q->negative ? -1 : 1) * (q->exponent + 151.0); }

static int cmp_binade(const void *x, const void *y)
{
    double a = binade_x(*(const binade_row *const *)x), b = binade_x(*(const binade_row *const *)y);
    return (a > b) - (a < b);
}

static void plot_binades(plotting *p, const results *r, const char *act)
{
    const binade_results *b = &r->binades;
    /* Variants with binade rows; the full domain when the file has domains. */
    const char *variants[64];
    size_t nv = 0;
    for (size_t i = 0; i < b->n && nv < 64; i++) {
        const binade_row *q = &b->rows[i];
        if (strcmp(q->act, act) != 0 || (*q->domain && strcmp(q->domain, "full") != 0))
            continue;
        size_t j = 0;
        while (j < nv && strcmp(variants[j], q->variant) != 0)
            j++;
        if (j == nv)
            variants[nv++] = q->variant;
    }
    if (!nv)
        return;
    char name[160], file[200], title[200];
    plot_name(act, "binades", name, sizeof name);
    snprintf(file, sizeof file, "%s.dat", name);
    output_file o;
    FILE *f = data_open(p, &o, file);
    const binade_row **rows = malloc((b->n + 1) * sizeof *rows);
    if (!f || !rows) {
        if (f)
            output_abort(&o);
        free(rows);
        p->failed = 1;
        return;
    }
    for (size_t v = 0; v < nv; v++) {
        size_t n = 0;
        for (size_t i = 0; i < b->n; i++)
            if (!strcmp(b->rows[i].act, act) && !strcmp(b->rows[i].variant, variants[v]) &&
                (!*b->rows[i].domain || !strcmp(b->rows[i].domain, "full")))
                rows[n++] = &b->rows[i];
        qsort(rows, n, sizeof *rows, cmp_binade);
        fprintf(f, "# %s/%s: signed binade position, max ULP (clamped to [0.01, 1e40])\n", act,
                variants[v]);
        for (size_t i = 0; i < n; i++)
            fprintf(f, "%g %.6g\n", binade_x(rows[i]), clamp_ulp(rows[i]->max_ulp));
        fprintf(f, "\n\n");
    }
    free(rows);
    data_commit(p, &o);
    snprintf(title, sizeof title, "%s: max error per input binade (full range)", act);
    begin_plot(p, name, title);
    fprintf(p->gp, "set logscale y 10\nset format y '10^%%L'\nset xrange [-280:280]\n"
                   "set xlabel 'input x: binade [2^e, 2^(e+1)) of |x|, negative x left'\n"
                   "set ylabel 'max error (ULP, log scale; 0 drawn at 0.01)'\nset xtics (");
    static const int tics[] = {-126, -64, 0, 64, 127};
    for (int s = -1, first = 1; s <= 1; s += 2)
        for (size_t t = 0; t < sizeof tics / sizeof tics[0]; t++, first = 0)
            fprintf(p->gp, "%s'%s2^%d' %d", first ? "" : ", ", s < 0 ? "-" : "", tics[t],
                    s * (tics[t] + 151));
    fprintf(p->gp, ") rotate by -30\nplot ");
    for (size_t v = 0; v < nv; v++)
        fprintf(p->gp, "%s'%s' index %zu using 1:2 with linespoints pt 7 ps 0.4 title '%s'",
                v ? ", " : "", file, v, variants[v]);
    fprintf(p->gp, "\n");
    end_plot(p, name);
}

typedef struct point {
    double ulp, ns;
    const char *variant;
} point;

static int cmp_point(const void *x, const void *y)
{
    const point *a = x, *b = y;
    if (a->ulp != b->ulp)
        return a->ulp < b->ulp ? -1 : 1;
    return (a->ns > b->ns) - (a->ns < b->ns);
}

static void plot_pareto(plotting *p, const results *r, const char *act, size_t rank_n)
{
    point pts[64];
    size_t n = 0;
    for (size_t i = 0; i < r->acc.n_kernels && n < 64; i++) {
        const acc_kernel *k = &r->acc.kernels[i];
        const bench_row *q = strcmp(k->act, act) ? NULL : bench_find(&r->bench, act, k->variant, rank_n, 1);
        if (q)
            pts[n++] = (point){clamp_ulp(k->max_ulp), q->median, k->variant};
    }
    if (!n)
        return;
    qsort(pts, n, sizeof *pts, cmp_point);
    char name[160], file[200], title[200], sz[32];
    plot_name(act, "pareto", name, sizeof name);
    snprintf(file, sizeof file, "%s.dat", name);
    output_file o;
    FILE *f = data_open(p, &o, file);
    if (!f)
        return;
    fprintf(f, "# %s at n = %zu, 1 thread: max ULP (full+typical, clamped), ns/elem, variant\n", act,
            rank_n);
    for (size_t i = 0; i < n; i++)
        fprintf(f, "%.6g %.6g \"%s\"\n", pts[i].ulp, pts[i].ns, pts[i].variant);
    /* Pareto front: sorted by error, each point faster than every more accurate one. */
    fprintf(f, "\n\n# Pareto front\n");
    double best = INFINITY;
    for (size_t i = 0; i < n; i++)
        if (pts[i].ns < best) {
            best = pts[i].ns;
            fprintf(f, "%.6g %.6g\n", pts[i].ulp, pts[i].ns);
        }
    data_commit(p, &o);
    snprintf(title, sizeof title, "%s: speed against accuracy, n = %s, 1 thread", act,
             results_format_count(rank_n, sz, sizeof sz));
    begin_plot(p, name, title);
    fprintf(p->gp, "set logscale xy 10\nset format x '10^%%L'\nset format y '%%g'\n"
                   "set offsets graph 0.05, graph 0.25, graph 0.1, graph 0.1\n"
                   "set xlabel 'max error over full and typical inputs (ULP, log scale; 0 drawn at 0.01)'\n"
                   "set ylabel 'time (ns per element, log scale; lower is faster)'\n"
                   "plot '%s' index 0 using 1:2 with points pt 7 ps 1.2 title 'variant', "
                   "'' index 0 using 1:2:3 with labels left offset 0.6,0.4 font ',8' notitle, "
                   "'' index 1 using 1:2 with steps lw 2 dt 2 lc rgb 'red' title 'Pareto front'\n",
            file);
    end_plot(p, name);
}

static void plot_threads(plotting *p, const results *r, const char *act)
{
    /* The largest size measured at more than one thread count. */
    size_t n = 0;
    int max_threads = 1;
    for (size_t i = 0; i < r->bench.n; i++) {
        const bench_row *q = &r->bench.rows[i];
        if (!strcmp(q->act, act) && q->threads > 1 && bench_find(&r->bench, act, q->variant, q->n, 1)) {
            n = q->n > n ? q->n : n;
            max_threads = q->threads > max_threads ? q->threads : max_threads;
        }
    }
    if (!n)
        return;
    const char *variants[64];
    size_t nv = bench_variants(&r->bench, act, variants, 64);
    char name[160], file[200], title[200], sz[32];
    plot_name(act, "threads", name, sizeof name);
    snprintf(file, sizeof file, "%s.dat", name);
    output_file o;
    FILE *f = data_open(p, &o, file);
    if (!f)
        return;
    const char *copy = "copy-loop";
    for (size_t v = 0; v <= nv; v++) {
        const char *a = v < nv ? act : "copy", *var = v < nv ? variants[v] : copy;
        const bench_row *one = bench_find(&r->bench, a, var, n, 1);
        fprintf(f, "# %s/%s at n = %zu: threads, speed-up over 1 thread\n", a, var, n);
        for (int t = 1; one && t <= max_threads; t++) {
            const bench_row *q = bench_find(&r->bench, a, var, n, t);
            if (q)
                fprintf(f, "%d %.6g\n", t, one->median / q->median);
        }
        fprintf(f, "\n\n");
    }
    data_commit(p, &o);
    snprintf(title, sizeof title, "%s: speed-up against threads, n = %s", act,
             results_format_count(n, sz, sizeof sz));
    begin_plot(p, name, title);
    fprintf(p->gp, "set xrange [1:%d]\nset yrange [0:*]\nset xtics 1\n"
                   "set xlabel 'OpenMP threads'\nset ylabel 'speed-up over 1 thread (x)'\nplot x "
                   "with lines dt 3 lc rgb 'gray' title 'ideal'",
            max_threads);
    for (size_t v = 0; v <= nv; v++)
        fprintf(p->gp, ", '%s' index %zu using 1:2 with linespoints %s title '%s'", file, v,
                v < nv ? "lw 2" : "dt 2 lw 2 lc rgb 'black'", v < nv ? variants[v] : "copy loop");
    fprintf(p->gp, "\n");
    end_plot(p, name);
}

/* Runs gnuplot on the script in the plot directory; its messages go to log_fd.
 * Returns its exit status, 127 when it could not be started. */
static int run_gnuplot(const char *plot_dir, const char *script, int log_fd)
{
    pid_t pid = fork();
    if (pid < 0)
        return 127;
    if (pid == 0) {
        if (chdir(plot_dir) != 0)
            _exit(126);
        dup2(log_fd, STDOUT_FILENO);
        dup2(log_fd, STDERR_FILENO);
        execlp("gnuplot", "gnuplot", script, (char *)NULL);
        _exit(127);
    }
    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            return 127;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

void make_plots(const char *dir, const results *r, size_t rank_n, plot_set *out)
{
    out->made = 0;
    out->note[0] = '\0';
    plotting *p = calloc(1, sizeof *p);
    if (!p) {
        snprintf(out->note, sizeof out->note, "out of memory.");
        return;
    }
    p->dir = dir;
    snprintf(p->plot_dir, sizeof p->plot_dir, "%s/plots", dir);
    output_file script, log;
    if (output_open(&script, p->plot_dir, "report.gp") != 0) {
        snprintf(out->note, sizeof out->note, "cannot write to %.200s: %s.", p->plot_dir, strerror(errno));
        free(p);
        return;
    }
    p->gp = script.f;
    fprintf(p->gp, "# actbench report plots: run in this directory with 'gnuplot report.gp'.\n"
                   "# Each plot goes to NAME.svg.part and NAME.png.part, renamed by actbench.\n");
    const char *acts[MAX_ACTS];
    size_t n_acts = results_activations(r, acts, MAX_ACTS);
    for (size_t i = 0; i < n_acts; i++) {
        if (r->has_bench) {
            plot_throughput(p, r, acts[i]);
            plot_threads(p, r, acts[i]);
        }
        if (r->has_binades)
            plot_binades(p, r, acts[i]);
        if (r->has_bench && r->has_acc && rank_n)
            plot_pareto(p, r, acts[i], rank_n);
    }
    int failed = p->failed;
    if (failed)
        output_abort(&script);
    else
        failed = output_commit(&script) != 0;
    if (failed) {
        snprintf(out->note, sizeof out->note, "writing plot data in %.200s failed.", p->plot_dir);
        free(p);
        return;
    }
    if (output_open(&log, p->plot_dir, "gnuplot.log") != 0) {
        snprintf(out->note, sizeof out->note, "cannot write to %.200s.", p->plot_dir);
        free(p);
        return;
    }
    fflush(log.f);
    int status = run_gnuplot(p->plot_dir, "report.gp", fileno(log.f));
    output_commit(&log);
    if (status == 127) {
        snprintf(out->note, sizeof out->note, "gnuplot was not found (install gnuplot-nox, as "
                                              "scripts/setup.sh does).");
    } else if (status != 0) {
        snprintf(out->note, sizeof out->note, "gnuplot failed (exit %d; see plots/gnuplot.log).", status);
    } else {
        size_t renamed = 0;
        for (size_t i = 0; i < p->n_names; i++)
            for (int e = 0; e < 2; e++) {
                char from[4700], to[4600];
                snprintf(to, sizeof to, "%s/%s.%s", p->plot_dir, p->names[i], e ? "png" : "svg");
                snprintf(from, sizeof from, "%s.part", to);
                renamed += rename(from, to) == 0;
            }
        out->made = renamed > 0;
        if (!out->made)
            snprintf(out->note, sizeof out->note, "gnuplot made no image (see plots/gnuplot.log).");
    }
    if (!r->has_binades)
        snprintf(out->note + strlen(out->note), sizeof out->note - strlen(out->note),
                 "%sThe error-across-range plots are skipped: accuracy_binades.csv is absent.",
                 *out->note ? " " : "");
    free(p);
}

/* Reading results back: CSV by header name, Google Benchmark's JSON. */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "results_read.h"

static int fail(char *err, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int fail(char *err, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, size, fmt, ap);
    va_end(ap);
    return -1;
}

/* The whole file, NUL-terminated; NULL with errno on failure. */
static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    for (size_t got; buf && (got = fread(buf + n, 1, cap - n - 1, f)) > 0;) {
        n += got;
        if (n + 1 == cap) {
            char *more = realloc(buf, cap *= 2);
            if (!more)
                free(buf);
            buf = more;
        }
    }
    int bad = ferror(f);
    fclose(f);
    if (!buf || bad) {
        free(buf);
        errno = bad ? EIO : ENOMEM;
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* ---- CSV ----------------------------------------------------------------- */

/* Splits one record at *p (quotes may span lines) into fields appended to
 * *fields; returns the field count, or -1 on a malformed quote. */
static long csv_record(char **p, char ***fields, size_t *cap, size_t *used)
{
    char *s = *p;
    long count = 0;
    for (;;) {
        char *out = s, *start = s;
        if (*s == '"') {
            start = out = ++s;
            for (;;) {
                if (!*s)
                    return -1;
                if (*s == '"' && s[1] == '"')
                    *out++ = '"', s += 2;
                else if (*s == '"')
                    break;
                else
                    *out++ = *s++;
            }
            s++;
            if (*s && *s != ',' && *s != '\n' && *s != '\r')
                return -1;
        } else {
            while (*s && *s != ',' && *s != '\n' && *s != '\r')
                s++;
            out = s;
        }
        char sep = *s;
        *out = '\0';
        if (*used == *cap) {
            char **more = realloc(*fields, (*cap = *cap ? 2 * *cap : 256) * sizeof *more);
            if (!more)
                return -1;
            *fields = more;
        }
        (*fields)[(*used)++] = start;
        count++;
        if (sep == ',') {
            s++;
            continue;
        }
        if (sep == '\r' && s[1] == '\n')
            s += 2;
        else if (sep)
            s++; /* the separator itself was overwritten by the terminator */
        *p = s;
        return count;
    }
}

int csv_read(const char *path, csv_table *t, char *err, size_t err_size)
{
    memset(t, 0, sizeof *t);
    size_t len;
    char *text = slurp(path, &len);
    if (!text)
        return fail(err, err_size, "cannot read '%s': %s", path, strerror(errno));
    if (memchr(text, '\0', len))
        return free(text), fail(err, err_size, "'%s' is not a CSV file (binary data)", path);
    char **fields = NULL;
    size_t cap = 0, used = 0, line = 1;
    char *p = text;
    long n_cols = csv_record(&p, &fields, &cap, &used);
    if (n_cols < 2 || !*fields[0]) {
        free(fields);
        free(text);
        return fail(err, err_size, "'%s' has no CSV header", path);
    }
    while (*p) {
        line++;
        if (*p == '\n' || *p == '\r') { /* blank line */
            p += strspn(p, "\r\n");
            continue;
        }
        long got = csv_record(&p, &fields, &cap, &used);
        if (got != n_cols) {
            free(fields);
            free(text);
            return fail(err, err_size, "'%s' line %zu: %ld fields where the header has %ld", path,
                        line, got, n_cols);
        }
    }
    /* fields point into text: keep text alive as header[-1]'s allocation. */
    t->n_cols = (size_t)n_cols;
    t->n_rows = used / t->n_cols - 1;
    char **all = realloc(fields, (used + 1) * sizeof *all);
    if (!all) {
        free(fields);
        free(text);
        return fail(err, err_size, "out of memory reading '%s'", path);
    }
    memmove(all + 1, all, used * sizeof *all);
    all[0] = text;
    t->header = all + 1;
    t->cells = all + 1 + t->n_cols;
    return 0;
}

int csv_column(const csv_table *t, const char *name)
{
    for (size_t i = 0; i < t->n_cols; i++)
        if (strcmp(t->header[i], name) == 0)
            return (int)i;
    return -1;
}

const char *csv_cell(const csv_table *t, size_t row, int col)
{
    return col < 0 ? "" : t->cells[row * t->n_cols + (size_t)col];
}

void csv_free(csv_table *t)
{
    if (t->header) {
        free(t->header[-1]);
        free(t->header - 1);
    }
    memset(t, 0, sizeof *t);
}

/* A number field: "" is NAN; "inf" and "nan" as strtod reads them.  -1 on junk. */
static int cell_double(const char *s, double *out)
{
    if (!*s) {
        *out = NAN;
        return 0;
    }
    char *end;
    *out = strtod(s, &end);
    return *end ? -1 : 0;
}

static void copy_field(char *dst, size_t size, const char *s) { snprintf(dst, size, "%s", s); }

/* Context columns, from the first row that has them. */
static void read_context(const csv_table *t, results_context *c)
{
    if (!t->n_rows)
        return;
    struct { const char *col; char *dst; size_t size; } map[] = {
        {"git_commit", c->git_commit, sizeof c->git_commit}, {"date", c->date, sizeof c->date},
        {"cpu", c->cpu, sizeof c->cpu}, {"max_isa", c->max_isa, sizeof c->max_isa},
        {"compiler", c->compiler, sizeof c->compiler}, {"threads", c->threads, sizeof c->threads},
        {"samples", c->samples, sizeof c->samples}, {"governor", c->governor, sizeof c->governor},
        {"load_average", c->load_average, sizeof c->load_average},
        {"gbench_version", c->gbench_version, sizeof c->gbench_version}};
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
        int col = csv_column(t, map[i].col);
        if (col >= 0 && !*map[i].dst)
            copy_field(map[i].dst, map[i].size, csv_cell(t, 0, col));
    }
}

/* Columns a reader cannot do without: their indices, or an error naming the first missing. */
static int need_columns(const csv_table *t, const char *path, const char *const *names, int *cols,
                        size_t n, char *err, size_t err_size)
{
    for (size_t i = 0; i < n; i++)
        if ((cols[i] = csv_column(t, names[i])) < 0)
            return fail(err, err_size, "'%s' lacks the column '%s'", path, names[i]);
    return 0;
}

/* ---- accuracy.csv -------------------------------------------------------- */

static long cell_long(const char *s) { return *s ? strtol(s, NULL, 10) : -1; }

static double max_ulp_of(double a, double b)
{
    if (isnan(a))
        return b;
    return isnan(b) || a >= b ? a : b;
}

static void acc_summarize(acc_results *r)
{
    r->n_kernels = 0;
    for (size_t i = 0; i < r->n; i++) {
        const acc_row *q = &r->rows[i];
        acc_kernel *k = (acc_kernel *)acc_find_kernel(r, q->act, q->variant);
        if (!k) {
            k = &r->kernels[r->n_kernels++];
            memset(k, 0, sizeof *k);
            copy_field(k->act, sizeof k->act, q->act);
            copy_field(k->variant, sizeof k->variant, q->variant);
            copy_field(k->isa, sizeof k->isa, q->isa);
            copy_field(k->tier, sizeof k->tier, q->tier);
            k->max_ulp = k->mean_ulp = NAN;
            k->bound = q->bound;
            k->within_bound = 1;
        }
        if (strcmp(q->domain, "special") == 0) {
            if (q->special_failures > 0)
                k->special_failures += q->special_failures;
        } else {
            k->max_ulp = max_ulp_of(k->max_ulp, q->max_ulp);
            if (strcmp(q->domain, "typical") == 0 || isnan(k->mean_ulp))
                k->mean_ulp = q->mean_ulp;
        }
        if (q->within_bound == 0)
            k->within_bound = 0;
    }
}

int acc_read(const char *path, acc_results *r, char *err, size_t err_size)
{
    memset(r, 0, sizeof *r);
    csv_table t;
    if (csv_read(path, &t, err, err_size) != 0)
        return -1;
    static const char *const names[] = {"activation", "variant", "domain", "max_ulp"};
    int need[4];
    if (need_columns(&t, path, names, need, 4, err, err_size) != 0)
        return csv_free(&t), -1;
    int c_isa = csv_column(&t, "isa"), c_tier = csv_column(&t, "tier"),
        c_mean = csv_column(&t, "mean_ulp"), c_bound = csv_column(&t, "declared_bound"),
        c_sf = csv_column(&t, "special_failures"), c_nf = csv_column(&t, "nonfinite_errors"),
        c_wb = csv_column(&t, "within_bound");
    r->rows = calloc(t.n_rows + 1, sizeof *r->rows);
    r->kernels = calloc(t.n_rows + 1, sizeof *r->kernels);
    if (!r->rows || !r->kernels) {
        csv_free(&t);
        acc_free(r);
        return fail(err, err_size, "out of memory reading '%s'", path);
    }
    for (size_t i = 0; i < t.n_rows; i++) {
        acc_row *q = &r->rows[r->n];
        copy_field(q->act, sizeof q->act, csv_cell(&t, i, need[0]));
        copy_field(q->variant, sizeof q->variant, csv_cell(&t, i, need[1]));
        copy_field(q->domain, sizeof q->domain, csv_cell(&t, i, need[2]));
        copy_field(q->isa, sizeof q->isa, csv_cell(&t, i, c_isa));
        copy_field(q->tier, sizeof q->tier, csv_cell(&t, i, c_tier));
        q->special_failures = cell_long(csv_cell(&t, i, c_sf));
        q->nonfinite_errors = cell_long(csv_cell(&t, i, c_nf));
        q->within_bound = (int)cell_long(csv_cell(&t, i, c_wb));
        if (!*q->act || !*q->variant || !*q->domain ||
            cell_double(csv_cell(&t, i, need[3]), &q->max_ulp) != 0 || isnan(q->max_ulp) ||
            cell_double(csv_cell(&t, i, c_mean), &q->mean_ulp) != 0 ||
            cell_double(csv_cell(&t, i, c_bound), &q->bound) != 0) {
            int row = (int)i + 2;
            csv_free(&t);
            acc_free(r);
            return fail(err, err_size, "'%s' row %d: bad activation, variant, domain or number",
                        path, row);
        }
        r->n++;
    }
    read_context(&t, &r->ctx);
    csv_free(&t);
    acc_summarize(r);
    return 0;
}

void acc_free(acc_results *r)
{
    free(r->rows);
    free(r->kernels);
    memset(r, 0, sizeof *r);
}

const acc_kernel *acc_find_kernel(const acc_results *r, const char *act, const char *variant)
{
    for (size_t i = 0; i < r->n_kernels; i++)
        if (strcmp(r->kernels[i].act, act) == 0 && strcmp(r->kernels[i].variant, variant) == 0)
            return &r->kernels[i];
    return NULL;
}

/* ---- accuracy_binades.csv ------------------------------------------------------ */

/* "+", "-", "pos", "neg", "positive", "negative", "0"/"1" (sign bit). */
static int parse_sign(const char *s, int *negative)
{
    if (!strcmp(s, "-") || !strcmp(s, "neg") || !strcmp(s, "negative") || !strcmp(s, "1"))
        return *negative = 1, 0;
    if (!strcmp(s, "+") || !strcmp(s, "pos") || !strcmp(s, "positive") || !strcmp(s, "0"))
        return *negative = 0, 0;
    return -1;
}

int binades_read(const char *path, binade_results *b, char *err, size_t err_size)
{
    memset(b, 0, sizeof *b);
    csv_table t;
    if (csv_read(path, &t, err, err_size) != 0)
        return -1;
    static const char *const names[] = {"activation", "variant", "sign", "exponent", "max_ulp"};
    int need[5];
    if (need_columns(&t, path, names, need, 5, err, err_size) != 0)
        return csv_free(&t), -1;
    int c_dom = csv_column(&t, "domain"), c_mean = csv_column(&t, "mean_ulp"),
        c_count = csv_column(&t, "count");
    b->rows = calloc(t.n_rows + 1, sizeof *b->rows);
    if (!b->rows)
        return csv_free(&t), fail(err, err_size, "out of memory reading '%s'", path);
    for (size_t i = 0; i < t.n_rows; i++) {
        binade_row *q = &b->rows[b->n];
        char *end;
        copy_field(q->act, sizeof q->act, csv_cell(&t, i, need[0]));
        copy_field(q->variant, sizeof q->variant, csv_cell(&t, i, need[1]));
        copy_field(q->domain, sizeof q->domain, csv_cell(&t, i, c_dom));
        q->exponent = (int)strtol(csv_cell(&t, i, need[3]), &end, 10);
        q->count = cell_long(csv_cell(&t, i, c_count));
        if (!*q->act || parse_sign(csv_cell(&t, i, need[2]), &q->negative) != 0 || *end ||
            !*csv_cell(&t, i, need[3]) || cell_double(csv_cell(&t, i, need[4]), &q->max_ulp) != 0 ||
            cell_double(csv_cell(&t, i, c_mean), &q->mean_ulp) != 0) {
            int row = (int)i + 2;
            csv_free(&t);
            binades_free(b);
            return fail(err, err_size, "'%s' row %d: bad sign, exponent or number", path, row);
        }
        b->n++;
    }
    csv_free(&t);
    return 0;
}

void binades_free(binade_results *b)
{
    free(b->rows);
    memset(b, 0, sizeof *b);
}

/* ---- bench.json: Google Benchmark's format ------------------------------------------ */

typedef struct json {
    const char *s;
    int bad;
} json;

static void json_ws(json *j) { j->s += strspn(j->s, " \t\r\n"); }

static int json_char(json *j, char c)
{
    json_ws(j);
    if (*j->s != c)
        return 0;
    j->s++;
    return 1;
}

/* A string into out (truncated to size; \u escapes beyond ASCII become '?'). */
static int json_string(json *j, char *out, size_t size)
{
    size_t n = 0;
    if (!json_char(j, '"'))
        return j->bad = 1, -1;
    for (;;) {
        char c = *j->s++;
        if (c == '\0' || (unsigned char)c < 0x20)
            return j->bad = 1, -1;
        if (c == '"')
            break;
        if (c == '\\') {
            char e = *j->s++;
            const char *map = strchr("\"\"\\\\//b\bf\fn\nr\rt\t", e);
            if (e == 'u') {
                for (int i = 0; i < 4; i++)
                    if (!strchr("0123456789abcdefABCDEF", *j->s++) || !j->s[-1])
                        return j->bad = 1, -1;
                c = '?';
            } else if (e && map && (map - "\"\"\\\\//b\bf\fn\nr\rt\t") % 2 == 0) {
                c = map[1];
            } else {
                return j->bad = 1, -1;
            }
        }
        if (n + 1 < size)
            out[n++] = c;
    }
    if (size)
        out[n] = '\0';
    return 0;
}

static int json_number(json *j, double *v)
{
    json_ws(j);
    char *end;
    if (!strchr("-0123456789", *j->s) || !*j->s)
        return j->bad = 1, -1;
    *v = strtod(j->s, &end);
    j->s = end;
    return 0;
}

static int json_skip(json *j, int depth);

static int json_literal(json *j)
{
    json_ws(j);
    static const char *const lits[] = {"true", "false", "null", "NaN", "Infinity", "-Infinity"};
    for (size_t i = 0; i < sizeof lits / sizeof lits[0]; i++)
        if (strncmp(j->s, lits[i], strlen(lits[i])) == 0) {
            j->s += strlen(lits[i]);
            return 0;
        }
    return j->bad = 1, -1;
}

/* Skips any value (nesting bounded, so malformed input cannot recurse deep). */
static int json_skip(json *j, int depth)
{
    json_ws(j);
    if (depth > 64)
        return j->bad = 1, -1;
    char c = *j->s;
    if (c == '"')
        return json_string(j, NULL, 0);
    if (c == '{' || c == '[') {
        char close = c == '{' ? '}' : ']';
        j->s++;
        if (json_char(j, close))
            return 0;
        do {
            if (c == '{' && (json_string(j, NULL, 0) != 0 || !json_char(j, ':')))
                return j->bad = 1, -1;
            if (json_skip(j, depth + 1) != 0)
                return -1;
        } while (json_char(j, ','));
        return json_char(j, close) ? 0 : (j->bad = 1, -1);
    }
    if (c == '-' && j->s[1] == 'I')
        return json_literal(j);
    if (c && strchr("-0123456789", c)) {
        double v;
        return json_number(j, &v);
    }
    return json_literal(j);
}

/* One entry of "benchmarks": the fields compare and report need. */
typedef struct gb_entry {
    char run_name[256], run_type[32], time_unit[8];
    double real_time, n, omp_threads;
    int error;
} gb_entry;

static int json_entry(json *j, gb_entry *e)
{
    memset(e, 0, sizeof *e);
    e->real_time = e->n = e->omp_threads = NAN;
    if (!json_char(j, '{'))
        return j->bad = 1, -1;
    if (json_char(j, '}'))
        return 0;
    do {
        char key[64];
        if (json_string(j, key, sizeof key) != 0 || !json_char(j, ':'))
            return j->bad = 1, -1;
        json_ws(j);
        int r;
        if (!strcmp(key, "run_name") || (!strcmp(key, "name") && !*e->run_name))
            r = json_string(j, e->run_name, sizeof e->run_name);
        else if (!strcmp(key, "run_type"))
            r = json_string(j, e->run_type, sizeof e->run_type);
        else if (!strcmp(key, "time_unit"))
            r = json_string(j, e->time_unit, sizeof e->time_unit);
        else if (!strcmp(key, "real_time"))
            r = json_number(j, &e->real_time);
        else if (!strcmp(key, "n"))
            r = json_number(j, &e->n);
        else if (!strcmp(key, "omp_threads"))
            r = json_number(j, &e->omp_threads);
        else if (!strcmp(key, "error_occurred"))
            e->error = strncmp(j->s, "true", 4) == 0, r = json_skip(j, 1);
        else
            r = json_skip(j, 1);
        if (r != 0)
            return -1;
    } while (json_char(j, ','));
    return json_char(j, '}') ? 0 : (j->bad = 1, -1);
}

static double unit_ns(const char *unit)
{
    return !strcmp(unit, "ns") ? 1 : !strcmp(unit, "us") ? 1e3 : !strcmp(unit, "ms") ? 1e6
         : !strcmp(unit, "s") ? 1e9 : NAN;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median_of(const double *v, size_t n)
{
    double *s = malloc(n * sizeof *s);
    if (!s || !n)
        return free(s), NAN;
    memcpy(s, v, n * sizeof *s);
    qsort(s, n, sizeof *s, cmp_double);
    double m = n % 2 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    free(s);
    return m;
}

static bench_row *bench_find_mut(bench_data *b, const char *act, const char *variant, size_t n,
                                 int threads)
{
    return (bench_row *)bench_find(b, act, variant, n, threads);
}

static bench_row *bench_add(bench_data *b, size_t *cap)
{
    if (b->n == *cap) {
        bench_row *more = realloc(b->rows, (*cap = *cap ? 2 * *cap : 64) * sizeof *more);
        if (!more)
            return NULL;
        b->rows = more;
    }
    bench_row *r = &b->rows[b->n++];
    memset(r, 0, sizeof *r);
    r->median = r->min = r->cv = r->x_copy = r->speedup = NAN;
    return r;
}

static int add_rep(bench_row *r, double v)
{
    double *more = realloc(r->reps, (r->n_reps + 1) * sizeof *more);
    if (!more)
        return -1;
    r->reps = more;
    r->reps[r->n_reps++] = v;
    return 0;
}

/* "act/variant/n:N/omp:T[/real_time]": our benchmark names. */
static int parse_run_name(const char *name, char act[32], char variant[64], size_t *n, int *threads)
{
    unsigned long long nn;
    if (sscanf(name, "%31[^/]/%63[^/]/n:%llu/omp:%d", act, variant, &nn, threads) != 4)
        return -1;
    *n = (size_t)nn;
    return 0;
}

static int read_bench_json(const char *path, bench_data *b, size_t *cap, int rows_from_csv,
                           char *err, size_t err_size)
{
    size_t len;
    char *text = slurp(path, &len);
    if (!text)
        return fail(err, err_size, "cannot read '%s': %s", path, strerror(errno));
    json j = {text, 0};
    int found = 0, rc = 0;
    if (!json_char(&j, '{'))
        j.bad = 1;
    else if (!json_char(&j, '}'))
        do {
            char key[64];
            if (json_string(&j, key, sizeof key) != 0 || !json_char(&j, ':'))
                break;
            if (strcmp(key, "benchmarks") != 0) {
                if (json_skip(&j, 1) != 0)
                    break;
                continue;
            }
            found = 1;
            if (!json_char(&j, '['))
                j.bad = 1;
            else if (!json_char(&j, ']'))
                do {
                    gb_entry e;
                    if (json_entry(&j, &e) != 0)
                        break;
                    if (e.error || strcmp(e.run_type, "iteration") != 0)
                        continue; /* aggregates (mean, median, ...) are recomputed */
                    char act[32], variant[64];
                    size_t n;
                    int threads;
                    if (parse_run_name(e.run_name, act, variant, &n, &threads) != 0)
                        continue; /* someone else's benchmark */
                    if (!isnan(e.n) && e.n > 0)
                        n = (size_t)e.n;
                    double ns = e.real_time * unit_ns(e.time_unit) / (double)n;
                    if (!(ns > 0) || !isfinite(ns)) {
                        rc = fail(err, err_size, "'%s': benchmark '%s' has no valid real_time",
                                  path, e.run_name);
                        break;
                    }
                    bench_row *r = bench_find_mut(b, act, variant, n, threads);
                    if (!r && rows_from_csv)
                        continue; /* not in bench.csv: the CSV decides which rows exist */
                    if (!r) {
                        if (!(r = bench_add(b, cap)))
                            break;
                        snprintf(r->act, sizeof r->act, "%s", act);
                        snprintf(r->variant, sizeof r->variant, "%s", variant);
                        snprintf(r->tier, sizeof r->tier, "%s", strcmp(act, "copy") ? "" : "baseline");
                        r->n = n;
                        r->threads = threads;
                    }
                    if (add_rep(r, ns) != 0) {
                        rc = fail(err, err_size, "out of memory reading '%s'", path);
                        break;
                    }
                } while (json_char(&j, ','));
            if (!j.bad && !rc && !json_char(&j, ']'))
                j.bad = 1;
        } while (!j.bad && !rc && json_char(&j, ','));
    if (!j.bad && !rc && !json_char(&j, '}'))
        j.bad = 1;
    json_ws(&j);
    if (!rc && (j.bad || *j.s))
        rc = fail(err, err_size, "'%s' is not valid JSON (near byte %ld)", path, (long)(j.s - text));
    else if (!rc && !found)
        rc = fail(err, err_size, "'%s' has no \"benchmarks\" array (not Google Benchmark JSON)", path);
    free(text);
    return rc;
}

int bench_is_copy(const bench_row *r) { return strcmp(r->act, "copy") == 0; }

const bench_row *bench_find(const bench_data *b, const char *act, const char *variant, size_t n,
                            int threads)
{
    for (size_t i = 0; i < b->n; i++) {
        const bench_row *r = &b->rows[i];
        if (r->n == n && r->threads == threads && !strcmp(r->act, act) && !strcmp(r->variant, variant))
            return r;
    }
    return NULL;
}

const bench_row *bench_copy(const bench_data *b, size_t n, int threads)
{
    return bench_find(b, "copy", "copy-loop", n, threads);
}

static int read_bench_csv(const char *path, bench_data *b, size_t *cap, char *err, size_t err_size)
{
    csv_table t;
    if (csv_read(path, &t, err, err_size) != 0)
        return -1;
    static const char *const names[] = {"activation", "variant", "threads", "n", "ns_per_elem_median"};
    int need[5];
    if (need_columns(&t, path, names, need, 5, err, err_size) != 0)
        return csv_free(&t), -1;
    int c_isa = csv_column(&t, "isa"), c_tier = csv_column(&t, "tier"),
        c_min = csv_column(&t, "ns_per_elem_min"), c_cv = csv_column(&t, "cv"),
        c_xc = csv_column(&t, "x_copy"), c_sp = csv_column(&t, "speedup"),
        c_err = csv_column(&t, "error");
    for (size_t i = 0; i < t.n_rows; i++) {
        if (*csv_cell(&t, i, c_err) && strcmp(csv_cell(&t, i, c_err), "0") != 0)
            continue; /* a benchmark that failed: no time */
        bench_row *r = bench_add(b, cap);
        if (!r)
            return csv_free(&t), fail(err, err_size, "out of memory reading '%s'", path);
        copy_field(r->act, sizeof r->act, csv_cell(&t, i, need[0]));
        copy_field(r->variant, sizeof r->variant, csv_cell(&t, i, need[1]));
        copy_field(r->isa, sizeof r->isa, csv_cell(&t, i, c_isa));
        copy_field(r->tier, sizeof r->tier, csv_cell(&t, i, c_tier));
        char *e1, *e2;
        long threads = strtol(csv_cell(&t, i, need[2]), &e1, 10);
        unsigned long long n = strtoull(csv_cell(&t, i, need[3]), &e2, 10);
        r->threads = (int)threads;
        r->n = (size_t)n;
        if (!*r->act || !*r->variant || *e1 || *e2 || threads < 1 || n < 1 ||
            cell_double(csv_cell(&t, i, need[4]), &r->median) != 0 || !(r->median > 0) ||
            cell_double(csv_cell(&t, i, c_min), &r->min) != 0 ||
            cell_double(csv_cell(&t, i, c_cv), &r->cv) != 0 ||
            cell_double(csv_cell(&t, i, c_xc), &r->x_copy) != 0 ||
            cell_double(csv_cell(&t, i, c_sp), &r->speedup) != 0) {
            int row = (int)i + 2;
            csv_free(&t);
            return fail(err, err_size, "'%s' row %d: bad threads, n or number", path, row);
        }
    }
    read_context(&t, &b->ctx);
    csv_free(&t);
    return 0;
}

int bench_read(const char *csv_path, const char *json_path, bench_data *b, char *err,
               size_t err_size)
{
    memset(b, 0, sizeof *b);
    size_t cap = 0;
    if ((csv_path && read_bench_csv(csv_path, b, &cap, err, err_size) != 0) ||
        (json_path && read_bench_json(json_path, b, &cap, csv_path != NULL, err, err_size) != 0)) {
        bench_free(b);
        return -1;
    }
    /* What the CSV did not give, from the repetitions. */
    for (size_t i = 0; i < b->n; i++) {
        bench_row *r = &b->rows[i];
        if (isnan(r->median) && r->n_reps)
            r->median = median_of(r->reps, r->n_reps);
        if (isnan(r->min) && r->n_reps) {
            r->min = r->reps[0];
            for (size_t k = 1; k < r->n_reps; k++)
                r->min = fmin(r->min, r->reps[k]);
        }
    }
    for (size_t i = 0; i < b->n; i++) {
        bench_row *r = &b->rows[i];
        const bench_row *c = bench_copy(b, r->n, r->threads);
        if (isnan(r->x_copy) && c)
            r->x_copy = r->median / c->median;
        const bench_row *one = bench_find(b, r->act, r->variant, r->n, 1);
        if (isnan(r->speedup) && one)
            r->speedup = one->median / r->median;
    }
    return 0;
}

void bench_free(bench_data *b)
{
    for (size_t i = 0; i < b->n; i++)
        free(b->rows[i].reps);
    free(b->rows);
    memset(b, 0, sizeof *b);
}

/* ---- a results directory ---------------------------------------------------- */

static int is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* What a single file holds, from its header (CSV) or first character (JSON). */
static const char *file_kind(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return "unreadable";
    char line[4096] = "";
    if (!fgets(line, sizeof line, f))
        line[0] = '\0';
    fclose(f);
    const char *p = line + strspn(line, " \t\r\n");
    if (*p == '{')
        return "bench.json";
    if (strstr(line, "exponent") && strstr(line, "sign"))
        return "accuracy_binades.csv";
    if (strstr(line, "domain") && strstr(line, "max_ulp"))
        return "accuracy.csv";
    if (strstr(line, "ns_per_elem_median"))
        return "bench.csv";
    return "unknown";
}

int results_load(const char *path, results *r, char *err, size_t err_size)
{
    memset(r, 0, sizeof *r);
    struct stat st;
    if (stat(path, &st) != 0)
        return fail(err, err_size, "cannot read '%s': %s", path, strerror(errno));
    char acc[4200] = "", bin[4200] = "", bcsv[4200] = "", bjson[4200] = "";
    snprintf(r->dir, sizeof r->dir, "%s", path);
    if (S_ISDIR(st.st_mode)) {
        snprintf(acc, sizeof acc, "%s/accuracy.csv", path);
        snprintf(bin, sizeof bin, "%s/accuracy_binades.csv", path);
        snprintf(bcsv, sizeof bcsv, "%s/bench.csv", path);
        snprintf(bjson, sizeof bjson, "%s/bench.json", path);
        if (!is_file(acc))
            acc[0] = '\0';
        if (!is_file(bin))
            bin[0] = '\0';
        if (!is_file(bcsv))
            bcsv[0] = '\0';
        if (!is_file(bjson))
            bjson[0] = '\0';
        if (!acc[0] && !bcsv[0] && !bjson[0])
            return fail(err, err_size, "'%s' holds no accuracy.csv, bench.csv or bench.json", path);
    } else {
        char *slash = strrchr(r->dir, '/');
        if (slash)
            *slash = '\0';
        else
            snprintf(r->dir, sizeof r->dir, ".");
        const char *kind = file_kind(path);
        char *dst = !strcmp(kind, "accuracy.csv") ? acc : !strcmp(kind, "bench.csv") ? bcsv
                  : !strcmp(kind, "bench.json") ? bjson : !strcmp(kind, "accuracy_binades.csv") ? bin
                  : NULL;
        if (!dst)
            return fail(err, err_size, "'%s' is neither accuracy.csv, bench.csv nor bench.json", path);
        snprintf(dst, 4200, "%s", path);
    }
    if (acc[0]) {
        if (acc_read(acc, &r->acc, err, err_size) != 0)
            return results_free(r), -1;
        r->has_acc = 1;
    }
    if (bin[0]) {
        if (binades_read(bin, &r->binades, err, err_size) != 0)
            return results_free(r), -1;
        r->has_binades = 1;
    }
    if (bcsv[0] || bjson[0]) {
        if (bench_read(bcsv[0] ? bcsv : NULL, bjson[0] ? bjson : NULL, &r->bench, err, err_size) != 0)
            return results_free(r), -1;
        r->has_bench = 1;
    }
    return 0;
}

void results_free(results *r)
{
    acc_free(&r->acc);
    binades_free(&r->binades);
    bench_free(&r->bench);
    r->has_acc = r->has_bench = r->has_binades = 0;
}

const char *results_format_count(size_t n, char *buf, size_t size)
{
    if (n && n % (1u << 20) == 0)
        snprintf(buf, size, "%zuM", n >> 20);
    else if (n && n % 1024 == 0)
        snprintf(buf, size, "%zuK", n >> 10);
    else
        snprintf(buf, size, "%zu", n);
    return buf;
}

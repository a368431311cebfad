/* The exhaustive machinery's parts: the filtered reference agrees with MPFR
 * (a reduced self-test), its ulp_of equals reference/ulp.c's, exact sums do
 * not depend on the order of the additions, histogram bins are where they
 * say, and a partial result survives the trip through its file format. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "exhaustive.h"
#include "filtered.h"
#include "reference.h"
#include "ulp.h"

static uint64_t state = 12345;
static uint64_t next_random(void)
{
    uint64_t z = (state += 0x9e3779b97f4a7c15u);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
}

static void check_ulp_of(void)
{
    static const double edges[] = {0, 0x1p-149, 0x1p-127, 0x1.fffffffffffffp-127, 0x1p-126, 1, 0x1.fffffffffffffp-1,
                                   0x1.fffffep127, 0x1p127, 0x1p128, 1e300, 0x1p-1074};
    for (size_t i = 0; i < sizeof edges / sizeof edges[0]; i++)
        for (int s = -1; s <= 1; s += 2)
            CHECK(filtered_ulp_of(s * edges[i]) == ulp_of(s * edges[i]), "ulp_of(%a)", s * edges[i]);
    int bad = 0;
    for (int i = 0; i < 1000000; i++) {
        uint64_t b = next_random();
        double v;
        memcpy(&v, &b, sizeof v);
        if (isfinite(v) && filtered_ulp_of(v) != ulp_of(v) && bad++ < 3)
            CHECK(0, "ulp_of(%a): %a, want %a", v, filtered_ulp_of(v), ulp_of(v));
    }
    CHECK(bad == 0, "%d ulp_of mismatches", bad);
}

static void check_exact_sum(void)
{
    enum { N = 20000 };
    double *v = malloc(N * sizeof *v);
    for (int i = 0; i < N; i++) /* errors of every size, and cancelling pairs */
        v[i] = ldexp((double)(next_random() >> 11), (int)(next_random() % 80) - 100);
    exact_sum a = {0}, b = {0}, c = {0};
    for (int i = 0; i < N; i++)
        exact_sum_add(&a, v[i]);
    for (int i = N - 1; i >= 0; i--)
        exact_sum_add(&b, v[i]);
    for (int i = 0; i < N; i += 2) /* evens, then odds, as two shards would */
        exact_sum_add(&c, v[i]);
    exact_sum odd = {0};
    for (int i = 1; i < N; i += 2)
        exact_sum_add(&odd, v[i]);
    for (int i = 0; i < odd.n; i++)
        exact_sum_add(&c, odd.p[i]);
    CHECK(exact_sum_value(&a) == exact_sum_value(&b), "order changed the sum: %a vs %a",
          exact_sum_value(&a), exact_sum_value(&b));
    CHECK(exact_sum_value(&a) == exact_sum_value(&c), "merging changed the sum");
    exact_sum t = {0};
    exact_sum_add(&t, 1.0);
    exact_sum_add(&t, 0x1p-80);
    exact_sum_add(&t, -1.0);
    CHECK(exact_sum_value(&t) == 0x1p-80, "1 + 2^-80 - 1 = %a", exact_sum_value(&t));
    free(v);
}

static void check_hist(void)
{
    CHECK(ulp_hist_bin(0) == 0, "0");
    CHECK(ulp_hist_bin(0x1p-30) == 1 && ulp_hist_bin(0.5) == 1, "(0, 0.5]");
    CHECK(ulp_hist_bin(0.500001) == 2 && ulp_hist_bin(1) == 2, "(0.5, 1]");
    CHECK(ulp_hist_bin(1.5) == 3 && ulp_hist_bin(2) == 3, "(1, 2]");
    CHECK(ulp_hist_bin(2.5) == 4 && ulp_hist_bin(4) == 4, "(2, 4]");
    CHECK(ulp_hist_bin(0x1p24) == ULP_HIST_BINS - 3, "(2^23, 2^24]");
    CHECK(ulp_hist_bin(0x1p25) == ULP_HIST_BINS - 2, "above 2^24");
    CHECK(ulp_hist_bin(INFINITY) == ULP_HIST_BINS - 1, "inf");
    CHECK(strcmp(ulp_hist_name(3), "hist_1_2") == 0, "name %s", ulp_hist_name(3));
}

static void check_selftest(void)
{
    size_t n;
    const actbench_kernel *all = actbench_kernels(&n);
    for (int a = 0; a < ACTBENCH_ACT_COUNT; a++) {
        const actbench_activation_info *info = actbench_activation((actbench_act)a);
        if (info->rowwise)
            continue;
        const actbench_kernel *mine[64];
        size_t nk = 0;
        for (size_t i = 0; i < n && nk < 64; i++)
            if (all[i].act == info->act && actbench_kernel_runs(&all[i]))
                mine[nk++] = &all[i];
        filtered_selftest_result r;
        CHECK(filtered_selftest(info->act, mine, nk, 4000, 7, &r) == 0, "selftest ran");
        CHECK(r.mismatches == 0, "%s: %zu mismatches, e.g. x = %a, y = %a: filtered %.9g, MPFR %.9g",
              info->name, r.mismatches, r.bad_x, r.bad_y, r.bad_filtered, r.bad_mpfr);
    }
    /* By hand: gelu's erfc tail, sigmoid's subnormal outputs, tanh at 1. */
    static const struct { actbench_act act; float x; } cases[] = {
        {ACTBENCH_GELU, -12.5f}, {ACTBENCH_GELU, -19.0f}, {ACTBENCH_SIGMOID, -100.0f},
        {ACTBENCH_TANH, 9.1f}, {ACTBENCH_GELU_TANH, -9.0f}, {ACTBENCH_EXPONENTIAL, 88.8f},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ref_value m = ref_elementwise(cases[i].act, cases[i].x, 0);
        float ys[] = {m.rounded, nextafterf(m.rounded, INFINITY), nextafterf(m.rounded, -INFINITY)};
        for (int j = 0; j < 3; j++) {
            filtered_verdict f = filtered_score(cases[i].act, cases[i].x, 0, ys[j]);
            double want = ulp_error(ys[j], m.exact);
            CHECK(f.correctly_rounded == (ys[j] == m.rounded) &&
                      (isinf(want) ? isinf(f.ulp) : fabs(f.ulp - want) <= 1e-6 * fmax(1, want)),
                  "%s(%a), y = %a: %.9g vs MPFR %.9g", actbench_activation(cases[i].act)->name,
                  cases[i].x, ys[j], f.ulp, want);
        }
    }
}

static void check_partial_round_trip(void)
{
    const actbench_kernel *k[2] = {actbench_find_kernel("sigmoid", "libm-careful"),
                                   actbench_find_kernel("softmax", "libm-careful")};
    volatile sig_atomic_t stop = 0;
    exhaustive_config cfg = {1, 2, 0, &stop, 2000, 99, 2048};
    exhaustive_run r, back;
    CHECK(exhaustive_run_kernels(&cfg, k, 2, &r) == 0, "run");
    FILE *f = tmpfile();
    CHECK(exhaustive_write_partial(f, &r) == 0, "write");
    rewind(f);
    char err[256] = "";
    CHECK(exhaustive_read_partial(f, &back, err, sizeof err) == 0, "read: %s", err);
    fclose(f);
    CHECK(back.n_accs == r.n_accs && back.shard == 1 && back.shards == 2, "header");
    for (size_t i = 0; i < r.n_accs && i < back.n_accs; i++) {
        const exhaustive_acc *a = &r.accs[i], *b = &back.accs[i];
        CHECK(a->kernel == b->kernel && a->domain == b->domain && a->count == b->count &&
                  a->max_ulp == b->max_ulp && a->worst_key == b->worst_key &&
                  exact_sum_value(&a->sum) == exact_sum_value(&b->sum) &&
                  memcmp(a->hist, b->hist, sizeof a->hist) == 0,
              "record %zu survives the file", i);
        CHECK(a->count > 0, "record %zu has inputs", i);
    }
    exhaustive_run_free(&r);
    exhaustive_run_free(&back);
}

int main(void)
{
    check_ulp_of();
    check_exact_sum();
    check_hist();
    check_selftest();
    check_partial_round_trip();
    return check_summary("test_filtered");
}

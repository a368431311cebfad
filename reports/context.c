/* The run's context: what every reported number was measured on. */
#include <omp.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "build_info.h"
#include "reference.h"
#include "reports.h"

/* Copies the value of the first "key : value" line of /proc/cpuinfo. */
static void cpuinfo_field(const char *key, char *out, size_t size)
{
    snprintf(out, size, "unknown");
    FILE *f = fopen("/proc/cpuinfo", "r");
    if (!f)
        return;
    char line[8192];
    size_t klen = strlen(key);
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, key, klen) != 0)
            continue;
        char *colon = strchr(line, ':');
        if (!colon)
            continue;
        char *v = colon + 1 + (colon[1] == ' ');
        v[strcspn(v, "\n")] = '\0';
        snprintf(out, size, "%s", v);
        break;
    }
    fclose(f);
}

/* Keeps only the flags that decide which kernels can run. */
static void simd_flags(const char *all, char *out, size_t size)
{
    static const char *const wanted[] = {"sse4_2", "avx", "avx2", "fma", "f16c", "avx512f",
                                         "avx512dq", "avx512bw", "avx512vl", "avx512_bf16",
                                         "avx512_fp16"};
    out[0] = '\0';
    size_t used = 0;
    char hay[8200]; /* " flags ", so every flag is matched as a whole word */
    snprintf(hay, sizeof hay, " %.8192s ", all);
    for (size_t i = 0; i < sizeof wanted / sizeof wanted[0]; i++) {
        char padded[64];
        snprintf(padded, sizeof padded, " %s ", wanted[i]);
        if (strstr(hay, padded) && used + strlen(wanted[i]) + 2 < size)
            used += (size_t)snprintf(out + used, size - used, "%s%s", used ? " " : "", wanted[i]);
    }
}

/* The first `words` words of a one-line file, or fallback (throughput). */
static void first_line(const char *path, int words, char *out, size_t size, const char *fallback)
{
    snprintf(out, size, "%s", fallback);
    FILE *f = fopen(path, "r");
    if (!f)
        return;
    char line[256];
    if (fgets(line, sizeof line, f)) {
        char *p = line;
        for (int w = 0; w < words && *p; w++)
            p += strspn(p, " "), p += strcspn(p, " \n");
        *p = '\0';
        if (*line)
            snprintf(out, size, "%.*s", (int)size - 1, line);
    }
    fclose(f);
}

void run_context_collect(run_context *c)
{
    memset(c, 0, sizeof *c);
    cpuinfo_field("model name", c->cpu_model, sizeof c->cpu_model);
    char flags[8192];
    cpuinfo_field("flags", flags, sizeof flags);
    simd_flags(flags, c->cpu_flags, sizeof c->cpu_flags);
    snprintf(c->max_isa, sizeof c->max_isa, "%s", actbench_isa_name(actbench_max_isa()));
    snprintf(c->compiler, sizeof c->compiler, "%s", ACTBENCH_COMPILER);
    snprintf(c->c_flags, sizeof c->c_flags, "%s", ACTBENCH_C_FLAGS);
    snprintf(c->build_type, sizeof c->build_type, "%s", ACTBENCH_BUILD_TYPE);
    snprintf(c->mpfr_version, sizeof c->mpfr_version, "%s", ref_mpfr_version());
    snprintf(c->git_commit, sizeof c->git_commit, "%s", ACTBENCH_GIT_COMMIT);
    snprintf(c->version, sizeof c->version, "%s", ACTBENCH_VERSION);
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(c->date, sizeof c->date, "%Y-%m-%dT%H:%M:%SZ", &tm);
    c->threads = omp_get_max_threads();
    /* throughput (bench) */
    first_line("/proc/loadavg", 3, c->load_average, sizeof c->load_average, "unknown");
    first_line("/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor", 1, c->governor,
               sizeof c->governor, "unknown (VM)");
}

void run_context_write_markdown(FILE *f, const run_context *c)
{
    fprintf(f, "| context | |\n|---|---|\n");
    fprintf(f, "| CPU | %s |\n", c->cpu_model);
    fprintf(f, "| CPU SIMD flags | %s |\n", c->cpu_flags);
    fprintf(f, "| ISA used (max) | %s |\n", c->max_isa);
    fprintf(f, "| compiler | %s |\n", c->compiler);
    fprintf(f, "| flags | `%s` (%s) |\n", c->c_flags, c->build_type);
    fprintf(f, "| MPFR | %s |\n", c->mpfr_version);
    fprintf(f, "| threads | %d |\n", c->threads);
    fprintf(f, "| date | %s |\n", c->date);
    fprintf(f, "| actbench | %s, commit %s |\n", c->version, c->git_commit);
    /* contenders (issue 7): each registered library (its kernels' algorithm
     * text up to ':', e.g. "oneDNN 2.6.3") and its variants. */
    size_t n;
    const actbench_kernel *k = actbench_kernels(&n);
    for (size_t i = 0; i < n; i++) {
        if (k[i].tier != ACTBENCH_TIER_CONTENDER)
            continue;
        int lib = (int)strcspn(k[i].algorithm, ":"), seen = 0;
        for (size_t j = 0; j < i && !seen; j++)
            seen = k[j].tier == ACTBENCH_TIER_CONTENDER &&
                   strncmp(k[j].algorithm, k[i].algorithm, (size_t)lib + 1) == 0;
        if (seen)
            continue;
        fprintf(f, "| contender %.*s |", lib, k[i].algorithm);
        for (size_t j = i, listed = 0; j < n; j++) {
            int first = 1; /* each variant once */
            for (size_t m = i; m < j && first; m++)
                first = strcmp(k[m].variant, k[j].variant) != 0;
            if (first && k[j].tier == ACTBENCH_TIER_CONTENDER &&
                strncmp(k[j].algorithm, k[i].algorithm, (size_t)lib + 1) == 0)
                fprintf(f, "%s %s", listed++ ? "," : "", k[j].variant);
        }
        fprintf(f, " |\n");
    }
}

#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <signal.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

int cli_fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("actbench: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    return EXIT_USAGE;
}

int cli_option(int argc, char **argv, int *i, const char *name, const char **value)
{
    size_t len = strlen(name);
    const char *arg = argv[*i];
    if (strncmp(arg, name, len) != 0)
        return 0;
    if (arg[len] == '=') {
        *value = arg + len + 1;
        return 1;
    }
    if (arg[len] != '\0')
        return 0;
    *value = *i + 1 < argc ? argv[++*i] : NULL;
    return 1;
}

int selection_option(int argc, char **argv, int *i, selection_options *o, int *rc)
{
    const char *v;
    *rc = EXIT_OK;
    if (cli_option(argc, argv, i, "--act", &v)) {
        if (!(o->acts = v))
            *rc = cli_fail("--act needs a list of activations");
    } else if (cli_option(argc, argv, i, "--variant", &v)) {
        if (!(o->variants = v))
            *rc = cli_fail("--variant needs a list of variants");
    } else if (cli_option(argc, argv, i, "--max-isa", &v)) {
        if (!(o->isa = v))
            *rc = cli_fail("--max-isa needs scalar, avx2 or avx512");
    } else if (cli_option(argc, argv, i, "--out", &v)) {
        if (!(o->out_dir = v) || !*v)
            *rc = cli_fail("--out needs a directory");
    } else {
        return 0;
    }
    return 1;
}

int parse_count(const char *s, size_t *out)
{
    if (!s || !*s || *s == '-' || *s == '+')
        return -1;
    errno = 0;
    char *end;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s)
        return -1;
    unsigned shift = 0;
    if (*end == 'K' || *end == 'k')
        shift = 10, end++;
    else if (*end == 'M' || *end == 'm')
        shift = 20, end++;
    else if (*end == 'G' || *end == 'g')
        shift = 30, end++;
    if (*end || v > (SIZE_MAX >> shift))
        return -1;
    *out = (size_t)(v << shift);
    return 0;
}

int parse_float(const char *s, float *out)
{
    if (!s || !*s)
        return -1;
    char *end;
    errno = 0;
    float v = strtof(s, &end);
    /* ERANGE on underflow to a subnormal is fine: the value is what was asked. */
    if (end == s || *end || (errno == ERANGE && isinf(v) && !strstr(s, "inf")))
        return -1;
    *out = v;
    return 0;
}

int apply_isa_cap(const char *name)
{
    const char *env = getenv("ACTBENCH_MAX_ISA");
    if (!name && env && *env && actbench_isa_from_name(env) < 0)
        return cli_fail("ACTBENCH_MAX_ISA='%s' is not an ISA (scalar, avx2, avx512)", env);
    if (name && actbench_set_max_isa(name) != 0)
        return cli_fail("unknown ISA '%s' (scalar, avx2, avx512)", name);
    return 0;
}

/* Whether name is one of the comma-separated items of list (NULL = all). */
static int in_list(const char *list, const char *name)
{
    if (!list)
        return 1;
    size_t len = strlen(name);
    for (const char *p = list; *p;) {
        size_t item = strcspn(p, ",");
        if (item == len && strncmp(p, name, len) == 0)
            return 1;
        p += item + (p[item] == ',');
    }
    return 0;
}

/* Checks every item of list against a predicate; prints the first unknown. */
static int check_items(const char *list, const char *what, int (*known)(const char *))
{
    if (!list)
        return 0;
    if (!*list || list[strlen(list) - 1] == ',')
        return cli_fail("bad %s list '%s' (comma-separated names, none empty)", what, list);
    for (const char *p = list; *p;) {
        size_t item = strcspn(p, ",");
        char name[128];
        if (item == 0 || item >= sizeof name)
            return cli_fail("bad %s list '%s'", what, list);
        memcpy(name, p, item);
        name[item] = '\0';
        if (!known(name))
            return cli_fail("unknown %s '%s' (see 'actbench list')", what, name);
        p += item + (p[item] == ',');
    }
    return 0;
}

static int known_activation(const char *name) { return actbench_activation_by_name(name) != NULL; }

static int known_variant(const char *name)
{
    size_t n;
    const actbench_kernel *k = actbench_kernels(&n);
    for (size_t i = 0; i < n; i++)
        if (strcmp(k[i].variant, name) == 0)
            return 1;
    return 0;
}

/* Activation list items may use aliases (silu): match through the table. */
static int activation_selected(const char *acts, actbench_act act)
{
    if (!acts)
        return 1;
    for (const char *p = acts; *p;) {
        size_t item = strcspn(p, ",");
        char name[128];
        snprintf(name, sizeof name, "%.*s", (int)item, p);
        const actbench_activation_info *info = actbench_activation_by_name(name);
        if (info && info->act == act)
            return 1;
        p += item + (p[item] == ',');
    }
    return 0;
}

int select_kernels(const char *acts, const char *variants, const actbench_kernel **runnable,
                   size_t *n_runnable, const actbench_kernel **skipped, size_t *n_skipped)
{
    int rc = check_items(acts, "activation", known_activation);
    if (!rc)
        rc = check_items(variants, "variant", known_variant);
    if (rc)
        return rc;
    size_t n;
    const actbench_kernel *k = actbench_kernels(&n);
    *n_runnable = *n_skipped = 0;
    for (size_t i = 0; i < n; i++) {
        if (!activation_selected(acts, k[i].act) || !in_list(variants, k[i].variant))
            continue;
        if (actbench_kernel_runs(&k[i]))
            runnable[(*n_runnable)++] = &k[i];
        else
            skipped[(*n_skipped)++] = &k[i];
    }
    if (*n_runnable + *n_skipped == 0)
        return cli_fail("no kernel matches --act %s --variant %s", acts ? acts : "(all)",
                        variants ? variants : "(all)");
    return 0;
}

/* ---- temporary files removed when a signal stops the command -------------- */

#define MAX_SIGNAL_CLEANUP 64
static const char *volatile cleanup_paths[MAX_SIGNAL_CLEANUP];
static volatile pid_t cleanup_child;

static void remove_and_stop(int sig)
{
    if (cleanup_child > 0)
        kill(cleanup_child, sig); /* a child run by this command stops too */
    for (int i = 0; i < MAX_SIGNAL_CLEANUP; i++)
        if (cleanup_paths[i])
            unlink(cleanup_paths[i]);
    signal(sig, SIG_DFL);
    raise(sig);
}

void cli_remove_on_signal(const char *path)
{
    static int installed;
    if (!installed) {
        /* Only where the signal is not ignored (a background job of a
         * non-interactive shell ignores SIGINT, and must keep doing so). */
        int sigs[2] = {SIGINT, SIGTERM};
        for (int i = 0; i < 2; i++) {
            struct sigaction old;
            if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
                signal(sigs[i], remove_and_stop);
        }
        installed = 1;
    }
    for (int i = 0; i < MAX_SIGNAL_CLEANUP; i++)
        if (!cleanup_paths[i]) {
            cleanup_paths[i] = path;
            return;
        }
}

void cli_forget_on_signal(const char *path)
{
    for (int i = 0; i < MAX_SIGNAL_CLEANUP; i++)
        if (cleanup_paths[i] == path)
            cleanup_paths[i] = NULL;
}

void cli_stop_child_on_signal(pid_t pid) { cleanup_child = pid; }

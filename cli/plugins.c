/* --plugin PATH: a user's kernels, loaded with dlopen and registered as
 * variants plugin-<prefix> of every activation the library offers.
 *
 * Convention (README "Bring your own kernel"): the prefix is the file name
 * without a leading "lib" and anything from the first '.', e.g. example.so
 * or libexample.so.1 -> "example".  For each activation name A the library
 * may export
 *     void <prefix>_A(const float *x, float *y, size_t n);                 elementwise
 *     void <prefix>_A(const float *x, float *y, size_t n, size_t row_length); softmax, log_softmax
 * computing TF's definition with TF's defaults (leaky_relu alpha 0.2, elu
 * alpha 1); a missing symbol means the activation is not offered.  Optional:
 *     const char *<prefix>_name(void);  one line for the algorithm column
 *     const char *<prefix>_isa(void);   "scalar" (default), "avx2" or "avx512":
 *                                       what the CPU must support */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

typedef void (*plugin_elementwise)(const float *x, float *y, size_t n);
typedef void (*plugin_rowwise)(const float *x, float *y, size_t n, size_t row_length);

/* Kernels get no context, so each (plugin, activation) gets a trampoline
 * slot that knows which symbol to call. */
#define MAX_SLOTS 128
static struct {
    void *fn;
    int rowwise;
} slots[MAX_SLOTS];
static size_t n_slots;

static inline void call_slot(size_t i, const float *x, float *y, size_t n, const actbench_params *p)
{
    if (slots[i].rowwise)
        ((plugin_rowwise)slots[i].fn)(x, y, n, p && p->row_length ? p->row_length : n);
    else
        ((plugin_elementwise)slots[i].fn)(x, y, n);
}
#define T(name, i) \
    static void slot_##name(const float *x, float *y, size_t n, const actbench_params *p) { call_slot(i, x, y, n, p); }
#define T8(b, i) T(b##0, i) T(b##1, i + 1) T(b##2, i + 2) T(b##3, i + 3) \
                 T(b##4, i + 4) T(b##5, i + 5) T(b##6, i + 6) T(b##7, i + 7)
#define T64(b, i) T8(b##0, i) T8(b##1, i + 8) T8(b##2, i + 16) T8(b##3, i + 24) \
                  T8(b##4, i + 32) T8(b##5, i + 40) T8(b##6, i + 48) T8(b##7, i + 56)
T64(a, 0) T64(b, 64)
#define S(name) slot_##name,
#define S8(b) S(b##0) S(b##1) S(b##2) S(b##3) S(b##4) S(b##5) S(b##6) S(b##7)
#define S64(b) S8(b##0) S8(b##1) S8(b##2) S8(b##3) S8(b##4) S8(b##5) S8(b##6) S8(b##7)
/* slot_a00 ... slot_b77: slot_fns[i] calls slots[i]. */
static const actbench_kernel_fn slot_fns[MAX_SLOTS] = {S64(a) S64(b)};

static int load_one(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    if (strncmp(base, "lib", 3) == 0)
        base += 3;
    char prefix[128];
    size_t len = strcspn(base, ".");
    if (len == 0 || len >= sizeof prefix)
        return cli_fail("--plugin '%s': cannot take a symbol prefix from the file name", path);
    memcpy(prefix, base, len);
    prefix[len] = '\0';

    void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!h)
        return cli_fail("cannot load plugin '%s': %s", path, dlerror());
    char sym[256];
    snprintf(sym, sizeof sym, "%s_name", prefix);
    const char *(*name_fn)(void) = (const char *(*)(void))dlsym(h, sym);
    snprintf(sym, sizeof sym, "%s_isa", prefix);
    const char *(*isa_fn)(void) = (const char *(*)(void))dlsym(h, sym);
    int isa = isa_fn ? actbench_isa_from_name(isa_fn()) : ACTBENCH_ISA_SCALAR;
    if (isa < 0) {
        int rc = cli_fail("plugin '%s': %s_isa() says '%s', not scalar, avx2 or avx512", path,
                          prefix, isa_fn());
        dlclose(h);
        return rc;
    }

    void *fns[ACTBENCH_ACT_COUNT];
    size_t n = 0;
    for (int a = 0; a < ACTBENCH_ACT_COUNT; a++) {
        snprintf(sym, sizeof sym, "%s_%s", prefix, actbench_activation((actbench_act)a)->name);
        n += (fns[a] = dlsym(h, sym)) != NULL; /* a missing symbol: not offered */
    }
    if (n == 0) {
        dlclose(h);
        return cli_fail("plugin '%s' offers no activation (no symbol %s_<activation>, e.g. %s_sigmoid)",
                        path, prefix, prefix);
    }
    if (n_slots + n > MAX_SLOTS) {
        dlclose(h);
        return cli_fail("too many plugin kernels (at most %d in all)", MAX_SLOTS);
    }
    /* Strings the kernel table keeps for the life of the process: the
     * variant, the algorithm and each kernel's symbol name, in one block. */
    const size_t sym_size = sizeof sym;
    char *strings = malloc(len + 8 + 512 + n * sym_size);
    if (!strings) {
        dlclose(h);
        return cli_fail("out of memory");
    }
    char *variant = strings, *algorithm = strings + len + 8, *symbols = algorithm + 512;
    snprintf(variant, len + 8, "plugin-%s", prefix);
    snprintf(algorithm, 512, "plugin %s: %s", base, name_fn ? name_fn() : prefix);
    actbench_kernel k[ACTBENCH_ACT_COUNT];
    size_t made = 0;
    for (int a = 0; a < ACTBENCH_ACT_COUNT; a++) {
        if (!fns[a])
            continue;
        const actbench_activation_info *info = actbench_activation((actbench_act)a);
        char *symbol = symbols + made * sym_size;
        snprintf(symbol, sym_size, "%s_%s", prefix, info->name);
        slots[n_slots + made].fn = fns[a];
        slots[n_slots + made].rowwise = info->rowwise;
        k[made] = (actbench_kernel){info->act, variant, (actbench_isa)isa, ACTBENCH_TIER_CONTENDER,
                                    algorithm, INFINITY, slot_fns[n_slots + made], symbol};
        made++;
    }
    if (actbench_register_kernels(k, made) != 0) {
        int rc = cli_fail("plugin '%s': variant '%s' is already registered (same prefix twice?)",
                          path, variant);
        free(strings);
        dlclose(h);
        return rc;
    }
    n_slots += made;
    return 0;
}

/* The paths loaded, in order, for child processes (bench --processes). */
#define MAX_PLUGINS 32
static const char *loaded_paths[MAX_PLUGINS];
static size_t n_loaded;

size_t plugins_paths(const char *const **paths)
{
    *paths = loaded_paths;
    return n_loaded;
}

int plugins_load(int *argc, char **argv)
{
    int out = 1;
    for (int i = 1; i < *argc; i++) {
        const char *v;
        if (strcmp(argv[i], "--") == 0) { /* the rest is Google Benchmark's */
            while (i < *argc)
                argv[out++] = argv[i++];
            break;
        }
        if (cli_option(*argc, argv, &i, "--plugin", &v)) {
            if (!v || !*v)
                return cli_fail("--plugin needs the path of a shared library");
            if (n_loaded == MAX_PLUGINS)
                return cli_fail("--plugin: at most %d plugins", MAX_PLUGINS);
            int rc = load_one(v);
            if (rc)
                return rc;
            loaded_paths[n_loaded++] = v;
            continue;
        }
        argv[out++] = argv[i];
    }
    argv[out] = NULL;
    *argc = out;
    return 0;
}

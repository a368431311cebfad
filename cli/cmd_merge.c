/* actbench merge: partial results of `accuracy --exhaustive --shard I/N`
 * into the reports an unsharded run writes, to the last digit. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "accuracy.h"
#include "cli.h"
#include "exhaustive.h"
#include "reports.h"

static void help(void)
{
    printf("usage: actbench merge DIR|FILE... [--out DIR]\n\n"
           "Merges the partial results written by 'actbench accuracy --exhaustive --shard I/N'\n"
           "(FILEs, or every accuracy.partial.*.txt in each DIR) into DIR/accuracy.csv,\n"
           "accuracy.md and accuracy_binades.csv (default DIR: results), exactly as one unsharded\n"
           "run writes them. Every shard 1..N must be there, once. Exit code 1 if a kernel\n"
           "exceeds its declared bound.\n");
}

static int is_partial_name(const char *name)
{
    size_t n = strlen(name);
    return strncmp(name, "accuracy.partial.", 17) == 0 && n > 21 && strcmp(name + n - 4, ".txt") == 0;
}

/* Reads one partial file and merges it into *all (the first one becomes it);
 * seen[] marks the shards taken. */
static int take_file(const char *path, exhaustive_run *all, int *have, unsigned char **seen)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return cli_fail("cannot read '%s': %s", path, strerror(errno));
    exhaustive_run part;
    char err[256];
    int rc = exhaustive_read_partial(f, &part, err, sizeof err);
    fclose(f);
    if (rc != 0)
        return cli_fail("%s: %s", path, err);
    if (!*have) {
        *seen = calloc(part.shards, 1);
        if (!*seen) {
            exhaustive_run_free(&part);
            return cli_fail("out of memory");
        }
    } else if (part.shards != all->shards) {
        exhaustive_run_free(&part);
        return cli_fail("%s: a shard of %u, the others are of %u", path, part.shards, all->shards);
    }
    if ((*seen)[part.shard]) {
        exhaustive_run_free(&part);
        return cli_fail("%s: shard %u of %u given twice", path, part.shard + 1, part.shards);
    }
    (*seen)[part.shard] = 1;
    if (!*have) {
        *all = part;
        *have = 1;
        return 0;
    }
    /* Shard 0 holds the row-wise records; exhaustive_merge takes them from
     * whichever side has them.  The shard mask only guards the first 64. */
    part.shard_mask_lo = 0;
    rc = exhaustive_merge(all, &part, err, sizeof err);
    exhaustive_run_free(&part);
    return rc ? cli_fail("%s: %s", path, err) : 0;
}

static int take_dir(const char *dir, exhaustive_run *all, int *have, unsigned char **seen)
{
    DIR *d = opendir(dir);
    if (!d)
        return cli_fail("cannot read directory '%s': %s", dir, strerror(errno));
    /* Sorted, so the merge order (which changes nothing) is at least stable. */
    struct dirent **list;
    int n = scandir(dir, &list, NULL, alphasort);
    closedir(d);
    if (n < 0)
        return cli_fail("cannot read directory '%s'", dir);
    int rc = 0, found = 0;
    for (int i = 0; i < n; i++) {
        if (!rc && is_partial_name(list[i]->d_name)) {
            char path[4096];
            snprintf(path, sizeof path, "%s/%s", dir, list[i]->d_name);
            rc = take_file(path, all, have, seen);
            found++;
        }
        free(list[i]);
    }
    free(list);
    if (!rc && !found)
        return cli_fail("no accuracy.partial.*.txt in '%s'", dir);
    return rc;
}

int cmd_merge(int argc, char **argv)
{
    const char *out_dir = "results", *v;
    exhaustive_run all;
    memset(&all, 0, sizeof all);
    int have = 0, rc = 0, inputs = 0;
    unsigned char *seen = NULL;
    for (int i = 1; i < argc && !rc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            help();
            rc = -1;
        } else if (cli_option(argc, argv, &i, "--out", &v)) {
            if (!(out_dir = v) || !*v)
                rc = cli_fail("--out needs a directory");
        } else if (argv[i][0] == '-' && argv[i][1]) {
            rc = cli_fail("merge: unexpected option '%s' (see 'actbench merge --help')", argv[i]);
        } else {
            struct stat st;
            inputs++;
            if (stat(argv[i], &st) != 0)
                rc = cli_fail("cannot read '%s': %s", argv[i], strerror(errno));
            else
                rc = S_ISDIR(st.st_mode) ? take_dir(argv[i], &all, &have, &seen)
                                         : take_file(argv[i], &all, &have, &seen);
        }
    }
    if (rc == -1) { /* --help */
        rc = EXIT_OK;
        goto out;
    }
    if (!rc && !inputs)
        rc = cli_fail("merge: no partial results given (see 'actbench merge --help')");
    for (unsigned s = 0; !rc && s < all.shards; s++)
        if (!seen[s])
            rc = cli_fail("shard %u of %u is missing", s + 1, all.shards);
    if (rc)
        goto out;

    accuracy_results results;
    if (exhaustive_results(&all, &results) != 0) {
        rc = cli_fail("out of memory");
        goto out;
    }
    accuracy_config cfg = {0, all.seed};
    run_context ctx;
    run_context_collect(&ctx);
    char err[512];
    if (write_accuracy_reports(out_dir, &results, &cfg, &ctx, NULL, 0, err, sizeof err) != 0) {
        rc = cli_fail("%s", err);
    } else {
        size_t over = 0;
        for (size_t i = 0; i < results.n_records; i++)
            if (!accuracy_within_bound(&results.records[i])) {
                const accuracy_record *r = &results.records[i];
                fprintf(stderr, "actbench: %s/%s exceeds its bound in domain %s at x = %a (got %a, want %a)\n",
                        actbench_activation(r->kernel->act)->name, r->kernel->variant,
                        accuracy_domain_name(r->domain), r->worst_x, r->worst_y, r->worst_expected);
                over++;
            }
        printf("merge: %u shards, %zu records -> %s/accuracy.csv, accuracy.md, accuracy_binades.csv\n",
               all.shards, results.n_records, out_dir);
        rc = over ? EXIT_CHECK_FAILED : EXIT_OK;
    }
    accuracy_results_free(&results);
out:
    exhaustive_run_free(&all);
    free(seen);
    return rc;
}

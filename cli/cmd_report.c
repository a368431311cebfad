/* actbench report: DIR/report.md, one page with plots, from DIR's results. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "results_read.h"

static void help(void)
{
    printf("usage: actbench report [DIR]\n\n"
           "Reads the accuracy and throughput results in DIR (default: results): accuracy.csv,\n"
           "accuracy_binades.csv, bench.csv, bench.json, whichever exist, and writes\n"
           "DIR/report.md: per activation the fastest variant in each accuracy budget (measured\n"
           "max ULP), plots, the full tables and the run's context.  Plots (SVG and PNG, with\n"
           "their data and gnuplot script) go to DIR/plots/ and need gnuplot on PATH; without\n"
           "it, or with ACTBENCH_NO_PLOTS=1 in the environment, the page says so and is\n"
           "otherwise complete.\n");
}

int cmd_report(int argc, char **argv)
{
    const char *dir = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            help();
            return EXIT_OK;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            return cli_fail("report: unknown option '%s' (see 'actbench report --help')", argv[i]);
        } else if (dir) {
            return cli_fail("report: one results directory only ('%s' is a second)", argv[i]);
        } else {
            dir = argv[i];
        }
    }
    if (!dir)
        dir = "results";
    results r;
    char err[512];
    if (results_load(dir, &r, err, sizeof err) != 0)
        return cli_fail("%s", err);
    if (strcmp(r.dir, dir) != 0) {
        results_free(&r);
        return cli_fail("report: '%s' is a file; give the results directory", dir);
    }
    const char *no_plots = getenv("ACTBENCH_NO_PLOTS");
    int rc = write_summary_report(dir, &r, no_plots && *no_plots && strcmp(no_plots, "0") != 0,
                                  err, sizeof err);
    results_free(&r);
    if (rc != 0)
        return cli_fail("%s", err);
    printf("report: %s/report.md\n", dir);
    return EXIT_OK;
}

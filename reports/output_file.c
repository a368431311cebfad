#include <math.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "reports.h"

int make_directories(const char *dir)
{
    char path[4096];
    if (snprintf(path, sizeof path, "%s", dir) >= (int)sizeof path) {
        errno = ENAMETOOLONG;
        return -1;
    }
    for (char *p = path + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(path, 0777) != 0 && errno != EEXIST)
            return -1;
        *p = '/';
    }
    if (mkdir(path, 0777) != 0 && errno != EEXIST)
        return -1;
    struct stat st;
    if (stat(path, &st) != 0)
        return -1;
    if (!S_ISDIR(st.st_mode)) {
        errno = ENOTDIR;
        return -1;
    }
    return 0;
}

int output_open(output_file *o, const char *dir, const char *name)
{
    memset(o, 0, sizeof *o);
    if (make_directories(dir) != 0)
        return -1;
    if (snprintf(o->final_path, sizeof o->final_path, "%s/%s", dir, name) >= (int)sizeof o->final_path ||
        snprintf(o->tmp_path, sizeof o->tmp_path, "%s/.%s.tmp.XXXXXX", dir, name) >= (int)sizeof o->tmp_path) {
        errno = ENAMETOOLONG;
        return -1;
    }
    int fd = mkstemp(o->tmp_path);
    if (fd < 0)
        return -1;
    fchmod(fd, 0644);
    o->f = fdopen(fd, "w");
    if (!o->f) {
        int e = errno;
        close(fd);
        unlink(o->tmp_path);
        errno = e;
        return -1;
    }
    return 0;
}

int output_commit(output_file *o)
{
    int failed = ferror(o->f) | fflush(o->f) | fsync(fileno(o->f));
    failed |= fclose(o->f);
    o->f = NULL;
    if (failed || rename(o->tmp_path, o->final_path) != 0) {
        int e = errno;
        unlink(o->tmp_path);
        errno = e ? e : EIO;
        return -1;
    }
    return 0;
}

void output_abort(output_file *o)
{
    if (o->f)
        fclose(o->f);
    o->f = NULL;
    unlink(o->tmp_path);
}

void csv_text(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

const char *md_num(double v, const char *fmt, char *buf, size_t size)
{
    if (isnan(v))
        snprintf(buf, size, "-");
    else
        snprintf(buf, size, fmt, v);
    return buf;
}

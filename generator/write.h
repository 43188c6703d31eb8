/*
 * write.h - puts rendered files on disk: only files whose bytes changed are
 * rewritten (so a no-change run touches nothing and make/ninja stay quiet),
 * each through a temporary file and rename(); with prune, stale generated
 * files are removed.  main() never calls this after an error.
 */
#ifndef KCGEN_WRITE_H
#define KCGEN_WRITE_H

#include <stdbool.h>

#include "diag.h"
#include "render.h"

typedef struct kg_write_stats {
    size_t written;
    size_t unchanged;
    size_t removed;
} kg_write_stats_t;

/* Writes `outs` under `out_dir`.  With `prune`, also deletes files under
 * out_dir that carry kc-gen's DO NOT EDIT line and were not produced now.
 * Returns 0, or -1 after reporting an I/O error into `d`. */
int kg_write(kg_diags_t *d, const char *out_dir, const kg_outputs_t *outs, bool prune, kg_write_stats_t *stats);

/* True when `data` starts with the line every kc-gen output starts with. */
bool kg_is_generated(const char *data, size_t len);

#endif

/*
 * diag.h - compiler-style diagnostics: `file:line:col: error: message`.
 *
 * Every stage reports into one kg_diags_t instead of printing, so that a run
 * reports all its errors (sorted by position, duplicates dropped, up to a
 * cap) and main() can refuse to write anything when there was one.
 */
#ifndef KCGEN_DIAG_H
#define KCGEN_DIAG_H

#include <stddef.h>
#include <stdio.h>

/* A place in an input file.  `file` is the path as the user wrote it on the
 * command line joined with the file's path inside APIS_DIR; NULL for errors
 * that belong to no file.  line and col are 1-based, col counts bytes. */
typedef struct kg_pos {
    const char *file;
    unsigned line;
    unsigned col;
} kg_pos_t;

typedef struct kg_diags kg_diags_t;

kg_diags_t *kg_diags_new(void);
void kg_diags_free(kg_diags_t *d);

void kg_error(kg_diags_t *d, kg_pos_t pos, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* A note printed right after the most recent error ("previous definition
 * is here"). */
void kg_note(kg_diags_t *d, kg_pos_t pos, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

size_t kg_error_count(const kg_diags_t *d);

/* Prints the errors sorted by file, line and column (each with its notes),
 * at most `cap` of them, then a count line when some were left out. */
void kg_diags_print(const kg_diags_t *d, FILE *out, size_t cap);

#endif

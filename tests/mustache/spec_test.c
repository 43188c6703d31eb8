/*
 * spec_test - runs one file of the official mustache spec against mst_render.
 *
 *   spec_test tests/testdata/mustache-spec/sections.json
 *
 * Every test's `partials` are served through the partial callback; the
 * output must equal `expected` byte for byte.  One line per failure, then
 * "N passed, N failed"; the exit status is non-zero on any failure.
 */
#include "mustache.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *text = NULL;
    long n = -1;
    if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0)
        text = malloc((size_t)n + 1);
    if (text && fread(text, 1, (size_t)n, f) == (size_t)n) {
        text[n] = '\0';
    } else {
        free(text);
        text = NULL;
    }
    fclose(f);
    return text;
}

/* The spec's partials: an object of name -> template text. */
static const char *spec_partial(const char *name, void *ctx)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive((const cJSON *)ctx, name);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* Prints s with control characters escaped, so a failure stays on one line. */
static void print_escaped(const char *s)
{
    putchar('"');
    for (; s && *s; s++) {
        if (*s == '\n')
            fputs("\\n", stdout);
        else if (*s == '\r')
            fputs("\\r", stdout);
        else if (*s == '\t')
            fputs("\\t", stdout);
        else if (*s == '"' || *s == '\\')
            printf("\\%c", *s);
        else
            putchar(*s);
    }
    putchar('"');
}

/* Returns 1 if the test passes; prints the failure otherwise. */
static int run_test(const char *file, const cJSON *test)
{
    const cJSON *name = cJSON_GetObjectItemCaseSensitive(test, "name");
    const cJSON *tmpl = cJSON_GetObjectItemCaseSensitive(test, "template");
    const cJSON *expected = cJSON_GetObjectItemCaseSensitive(test, "expected");
    const cJSON *data = cJSON_GetObjectItemCaseSensitive(test, "data");
    const cJSON *partials = cJSON_GetObjectItemCaseSensitive(test, "partials");
    const char *test_name = cJSON_IsString(name) ? name->valuestring : "(unnamed)";
    if (!cJSON_IsString(tmpl) || !cJSON_IsString(expected)) {
        printf("FAIL %s: %s: malformed test\n", file, test_name);
        return 0;
    }

    char *out = NULL;
    mst_error_t err;
    int rc = mst_render(tmpl->valuestring, data, spec_partial, (void *)partials, &out, &err);
    int ok = rc == 0 && out && strcmp(out, expected->valuestring) == 0;
    if (!ok) {
        printf("FAIL %s: %s: expected ", file, test_name);
        print_escaped(expected->valuestring);
        if (rc == 0) {
            fputs(", got ", stdout);
            print_escaped(out);
        } else {
            printf(", got error %d:%d: %s", err.line, err.col, err.message);
        }
        putchar('\n');
    }
    free(out);
    return ok;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s SPEC.json\n", argv[0]);
        return 2;
    }
    char *text = read_file(argv[1]);
    cJSON *spec = text ? cJSON_Parse(text) : NULL;
    free(text);
    const cJSON *tests = cJSON_GetObjectItemCaseSensitive(spec, "tests");
    if (!cJSON_IsArray(tests) || !tests->child) {
        fprintf(stderr, "%s: cannot read a spec file with tests\n", argv[1]);
        cJSON_Delete(spec);
        return 2;
    }

    int passed = 0, failed = 0;
    for (const cJSON *t = tests->child; t; t = t->next) {
        if (run_test(argv[1], t))
            passed++;
        else
            failed++;
    }
    printf("%d passed, %d failed\n", passed, failed);
    cJSON_Delete(spec);
    return failed ? 1 : 0;
}

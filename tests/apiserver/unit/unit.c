/* unit.c — helpers of unit.h. */
#define _POSIX_C_SOURCE 200809L
#include "unit.h"

#include <stdlib.h>
#include <string.h>

int unit_failures, unit_checks;

void unit_check_str(const char *file, int line, const char *got, const char *want) {
    unit_checks++;
    if ((got == NULL) != (want == NULL) || (got && strcmp(got, want))) {
        unit_failures++;
        fprintf(stderr, "%s:%d: got  \"%s\"\n%*s want \"%s\"\n", file, line,
                got ? got : "(null)", (int)strlen(file) + 5, "", want ? want : "(null)");
    }
}

void unit_check_int(const char *file, int line, long long got, long long want) {
    unit_checks++;
    if (got != want) {
        unit_failures++;
        fprintf(stderr, "%s:%d: got %lld want %lld\n", file, line, got, want);
    }
}

bool unit_json_equal(const cJSON *a, const cJSON *b) {
    if (!a || !b) return a == b;
    if (cJSON_IsObject(a) && cJSON_IsObject(b)) {
        if (cJSON_GetArraySize(a) != cJSON_GetArraySize(b)) return false;
        const cJSON *m;
        cJSON_ArrayForEach(m, a) {
            const cJSON *o = cJSON_GetObjectItemCaseSensitive(b, m->string);
            if (!o || !unit_json_equal(m, o)) return false;
        }
        return true;
    }
    if (cJSON_IsArray(a) && cJSON_IsArray(b)) {
        if (cJSON_GetArraySize(a) != cJSON_GetArraySize(b)) return false;
        for (const cJSON *x = a->child, *y = b->child; x; x = x->next, y = y->next)
            if (!unit_json_equal(x, y)) return false;
        return true;
    }
    return cJSON_Compare(a, b, 1);
}

bool unit_check_json(const char *file, int line, const cJSON *got, const cJSON *want) {
    unit_checks++;
    if (unit_json_equal(got, want)) return true;
    unit_failures++;
    char *g = got ? cJSON_PrintUnformatted(got) : NULL, *w = want ? cJSON_PrintUnformatted(want) : NULL;
    fprintf(stderr, "%s:%d: JSON differs\n  got:  %s\n  want: %s\n", file, line,
            g ? g : "(null)", w ? w : "(null)");
    free(g);
    free(w);
    return false;
}

bool unit_check_json_text(const char *file, int line, const cJSON *got, const char *want) {
    cJSON *w = cJSON_Parse(want);
    if (!w) {
        unit_failures++;
        fprintf(stderr, "%s:%d: bad expected JSON: %s\n", file, line, want);
        return false;
    }
    bool ok = unit_check_json(file, line, got, w);
    cJSON_Delete(w);
    return ok;
}

cJSON *unit_parse(const char *text) {
    cJSON *j = cJSON_Parse(text);
    if (!j) {
        fprintf(stderr, "unit_parse: bad JSON: %s\n", text);
        abort();
    }
    return j;
}

#define MAX_CACHE 16
static struct { char *name; cJSON *json; } cache[MAX_CACHE];
static int ncache;

static void cache_free(void) {
    for (int i = 0; i < ncache; i++) {
        free(cache[i].name);
        cJSON_Delete(cache[i].json);
    }
}

const cJSON *unit_scenario(const char *file) {
    for (int i = 0; i < ncache; i++)
        if (!strcmp(cache[i].name, file)) return cache[i].json;
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", KSRV_TESTDATA, file);
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "cannot open %s\n", path);
        abort();
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (fread(buf, 1, (size_t)n, f) != (size_t)n) abort();
    buf[n] = '\0';
    fclose(f);
    cJSON *j = cJSON_Parse(buf);
    free(buf);
    if (!j || ncache == MAX_CACHE) abort();
    if (ncache == 0) atexit(cache_free);
    cache[ncache].name = strdup(file);
    cache[ncache].json = j;
    ncache++;
    return j;
}

const cJSON *unit_step(const char *file, const char *label_prefix) {
    const cJSON *steps = cJSON_GetObjectItemCaseSensitive(unit_scenario(file), "steps"), *s;
    cJSON_ArrayForEach(s, steps) { /* an exact label wins over a prefix */
        const char *l = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(s, "label"));
        if (l && !strcmp(l, label_prefix)) return s;
    }
    cJSON_ArrayForEach(s, steps) {
        const char *l = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(s, "label"));
        if (l && !strncmp(l, label_prefix, strlen(label_prefix))) return s;
    }
    fprintf(stderr, "no step '%s' in %s\n", label_prefix, file);
    abort();
}

const cJSON *unit_req_body(const cJSON *step) {
    return cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(step, "request"), "body");
}

const cJSON *unit_resp_json(const cJSON *step) {
    return cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(step, "response"), "json");
}

void unit_strip_volatile(cJSON *obj) {
    cJSON *md = cJSON_GetObjectItemCaseSensitive(obj, "metadata");
    static const char *const drop[] = {"uid", "resourceVersion", "creationTimestamp",
                                       "generation", "managedFields", NULL};
    for (int i = 0; drop[i]; i++) cJSON_DeleteItemFromObjectCaseSensitive(md, drop[i]);
}

int unit_done(const char *name) {
    printf("%s: %d checks, %d failed\n", name, unit_checks, unit_failures);
    return unit_failures ? 1 : 0;
}

/*
 * Round trip on the recorded objects: every JSON object in the fixture files
 * (request bodies, responses, watch event lines) whose apiVersion/kind the
 * apis/ declare is decoded with its generated type, encoded again, and the
 * result must be the same JSON value as the original (compared as parsed
 * trees).  Lossless decoding is what lets a client read an object, change one
 * field and write it back without erasing what its C type does not declare.
 * The same again through kc_shared_decode (the informer cache's form): its
 * encoding must be byte-identical to the kc_json_decode object's.
 *
 * Usage: roundtrip_test FIXTURE.json...
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "known_kinds.h"
#include "kc/shared.h"

static int passed, failed;
static int seen[sizeof known_kinds / sizeof known_kinds[0]];

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    if (buf)
        buf[n] = '\0';
    fclose(f);
    return buf;
}

/* Prints the first place where two trees differ, as a JSON path. */
static void report_difference(const cJSON *a, const cJSON *b, char *path, size_t cap)
{
    size_t len = strlen(path);
    if (a && b && cJSON_IsObject(a) && cJSON_IsObject(b)) {
        const cJSON *x;
        cJSON_ArrayForEach(x, a) {
            const cJSON *y = cJSON_GetObjectItemCaseSensitive(b, x->string);
            if (!y || !cJSON_Compare(x, y, 1)) {
                snprintf(path + len, cap - len, ".%s", x->string);
                report_difference(x, y, path, cap);
                return;
            }
        }
        cJSON_ArrayForEach(x, b) {
            if (!cJSON_GetObjectItemCaseSensitive(a, x->string)) {
                fprintf(stderr, "    %s.%s: added by the round trip\n", path, x->string);
                return;
            }
        }
    } else if (a && b && cJSON_IsArray(a) && cJSON_IsArray(b) &&
               cJSON_GetArraySize(a) == cJSON_GetArraySize(b)) {
        for (int i = 0; i < cJSON_GetArraySize(a); i++) {
            const cJSON *x = cJSON_GetArrayItem(a, i), *y = cJSON_GetArrayItem(b, i);
            if (!cJSON_Compare(x, y, 1)) {
                snprintf(path + len, cap - len, "[%d]", i);
                report_difference(x, y, path, cap);
                return;
            }
        }
    }
    char *sa = a ? cJSON_PrintUnformatted(a) : NULL, *sb = b ? cJSON_PrintUnformatted(b) : NULL;
    fprintf(stderr, "    %s: recorded %.200s, re-encoded %.200s\n", path[0] ? path : ".",
            sa ? sa : "(missing)", sb ? sb : "(missing)");
    free(sa);
    free(sb);
}

/* kc_shared_decode of the same text encodes to the same bytes as
 * kc_json_decode's (block-backed) object did. */
static void shared_round_trip(const char *where, const char *text, const char *encoded,
                              const kc_type_t *type)
{
    const void *shared = NULL;
    char *again = NULL;
    kc_error_t err = KC_ERROR_INIT;
    int rc = kc_shared_decode(type, text, strlen(text), &shared, &err);
    if (rc == 0)
        rc = kc_json_encode(type, shared, &again, NULL, &err);
    if (rc != 0 || strcmp(again, encoded) != 0) {
        fprintf(stderr, "FAIL %s (%s): shared: %s\n", where, type->name,
                rc ? err.message : "encoding differs from the decoded object's");
        failed++;
    } else {
        passed++;
    }
    kc_free(again);
    kc_shared_unref(shared);
    kc_error_clear(&err);
}

static void round_trip(const char *where, const cJSON *obj, const kc_type_t *type)
{
    char *text = cJSON_PrintUnformatted(obj);
    void *decoded = calloc(1, type->size);
    char *encoded = NULL;
    kc_error_t err = KC_ERROR_INIT;
    cJSON *back = NULL;

    int rc = kc_json_decode(type, decoded, text, strlen(text), &err);
    if (rc == 0)
        rc = kc_json_encode(type, decoded, &encoded, NULL, &err);
    if (rc != 0) {
        fprintf(stderr, "FAIL %s (%s): %s: %s\n", where, type->name, kc_strerror(rc), err.message);
        failed++;
    } else if (!(back = cJSON_Parse(encoded)) || !cJSON_Compare(obj, back, 1)) {
        char path[512] = "";
        fprintf(stderr, "FAIL %s (%s): re-encoded value differs\n", where, type->name);
        report_difference(obj, back, path, sizeof path);
        failed++;
    } else {
        passed++;
        shared_round_trip(where, text, encoded, type);
    }
    cJSON_Delete(back);
    kc_free(encoded);
    kc_object_free(type, decoded);
    free(decoded);
    kc_error_clear(&err);
    free(text);
}

/* Finds known objects anywhere in a tree (lists are round-tripped as lists
 * and their items again on their own). */
static void walk(const char *where, const cJSON *v)
{
    if (cJSON_IsObject(v)) {
        const cJSON *av = cJSON_GetObjectItemCaseSensitive(v, "apiVersion");
        const cJSON *kind = cJSON_GetObjectItemCaseSensitive(v, "kind");
        if (cJSON_IsString(av) && cJSON_IsString(kind)) {
            for (size_t i = 0; i < sizeof known_kinds / sizeof known_kinds[0]; i++) {
                if (strcmp(known_kinds[i].api_version, av->valuestring) == 0 &&
                    strcmp(known_kinds[i].kind, kind->valuestring) == 0) {
                    seen[i]++;
                    round_trip(where, v, known_kinds[i].type);
                }
            }
        }
    }
    if (cJSON_IsObject(v) || cJSON_IsArray(v)) {
        const cJSON *x;
        cJSON_ArrayForEach(x, v) walk(where, x);
    }
}

static void walk_file(const char *path)
{
    char *text = read_file(path);
    cJSON *doc = text ? cJSON_Parse(text) : NULL;
    if (!doc) {
        fprintf(stderr, "FAIL cannot read %s\n", path);
        failed++;
        free(text);
        return;
    }
    const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    const cJSON *step;
    cJSON_ArrayForEach(step, cJSON_GetObjectItemCaseSensitive(doc, "steps")) {
        const cJSON *label = cJSON_GetObjectItemCaseSensitive(step, "label");
        const cJSON *req = cJSON_GetObjectItemCaseSensitive(step, "request");
        const cJSON *resp = cJSON_GetObjectItemCaseSensitive(step, "response");
        char where[512];
        snprintf(where, sizeof where, "%s: %s", base, cJSON_IsString(label) ? label->valuestring : "?");
        walk(where, cJSON_GetObjectItemCaseSensitive(req, "body"));
        walk(where, cJSON_GetObjectItemCaseSensitive(resp, "json"));
        const cJSON *line;
        cJSON_ArrayForEach(line, cJSON_GetObjectItemCaseSensitive(resp, "lines")) {
            cJSON *event = cJSON_IsString(line) ? cJSON_Parse(line->valuestring) : NULL;
            walk(where, event);
            cJSON_Delete(event);
        }
    }
    cJSON_Delete(doc);
    free(text);
}

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++)
        walk_file(argv[i]);
    for (size_t i = 0; i < sizeof known_kinds / sizeof known_kinds[0]; i++) {
        printf("%-22s %-16s %4d objects\n", known_kinds[i].api_version, known_kinds[i].kind, seen[i]);
        if (seen[i] == 0) {
            fprintf(stderr, "FAIL no recorded object of kind %s %s\n", known_kinds[i].api_version,
                    known_kinds[i].kind);
            failed++;
        }
    }
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}

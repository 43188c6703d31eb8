/* testutil.c - see testutil.h. */
#include "testutil.h"

#include <cjson/cJSON.h>
#include <stdlib.h>

#include "kc/alloc.h"
#include "kc/object.h"

int tu_checks_failed;
long tu_live, tu_alloc_count, tu_fail_at;

void tu_fail_reset(long fail_at)
{
    tu_alloc_count = 0;
    tu_fail_at = fail_at;
}

static bool should_fail(void)
{
    tu_alloc_count++;
    return tu_fail_at > 0 && tu_alloc_count == tu_fail_at;
}

static void *t_malloc(size_t size, void *ctx)
{
    (void)ctx;
    if (should_fail())
        return NULL;
    void *p = malloc(size);
    if (p)
        tu_live++;
    return p;
}

static void *t_realloc(void *ptr, size_t size, void *ctx)
{
    (void)ctx;
    if (should_fail())
        return NULL;
    return realloc(ptr, size);
}

static void t_free(void *ptr, void *ctx)
{
    (void)ctx;
    if (ptr)
        tu_live--;
    free(ptr);
}

int tu_run(const char *suite, const struct tu_case *cases, size_t n)
{
    static const kc_allocator_t counting = {t_malloc, t_realloc, t_free, NULL};
    kc_set_allocator(&counting);
    const char *only = getenv("TU_ONLY");
    int passed = 0, failed = 0;
    for (size_t i = 0; i < n; i++) {
        if (only && strcmp(only, cases[i].name) != 0)
            continue;
        tu_checks_failed = 0;
        tu_fail_reset(0);
        long live = tu_live;
        cases[i].fn();
        tu_fail_reset(0);
        if (tu_live != live) {
            fprintf(stderr, "%s: %ld block(s) leaked\n", cases[i].name, tu_live - live);
            tu_checks_failed++;
        }
        if (tu_checks_failed) {
            failed++;
            fprintf(stderr, "FAIL %s/%s\n", suite, cases[i].name);
        } else {
            passed++;
        }
    }
    printf("%s: %d passed, %d failed\n", suite, passed, failed);
    return failed ? 1 : 0;
}

char *tu_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    for (;;) {
        if (n + 1 >= cap)
            buf = realloc(buf, cap *= 2);
        size_t r = fread(buf + n, 1, cap - n - 1, f);
        if (r == 0)
            break;
        n += r;
    }
    fclose(f);
    buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

char *tu_read_testdata(const char *rel, size_t *len)
{
    char path[1024];
    snprintf(path, sizeof(path), "%s/%s", KC_TESTDATA_DIR, rel);
    char *s = tu_read_file(path, len);
    if (!s)
        fprintf(stderr, "cannot read %s\n", path);
    return s;
}

bool tu_json_same(const char *a, const char *b)
{
    cJSON *x = cJSON_Parse(a), *y = cJSON_Parse(b);
    bool same = x && y && cJSON_Compare(x, y, true);
    cJSON_Delete(x);
    cJSON_Delete(y);
    return same;
}

static unsigned long long rng = 88172645463325252ULL;
void tu_srand(unsigned seed)
{
    rng = seed * 2654435761ULL + 1;
}
unsigned tu_rand(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (unsigned)(rng >> 16);
}

void tu_roundtrip_exact(const kc_type_t *t, const char *in, const char *want)
{
    char obj[4096];
    kc_error_t err = KC_ERROR_INIT;
    CHECK(t->size <= sizeof(obj));
    int rc = kc_json_decode(t, obj, in, strlen(in), &err);
    CHECK_INT(rc, 0);
    if (rc) {
        fprintf(stderr, "  decode: %s\n", err.message);
        return;
    }
    char *out = NULL;
    size_t len = 0;
    rc = kc_json_encode(t, obj, &out, &len, &err);
    CHECK_INT(rc, 0);
    CHECK_STR(out, want ? want : in);
    if (out)
        CHECK_INT(len, strlen(out));
    kc_free(out);
    kc_object_free(t, obj);
}

/* test_fuzz_regress.c - replays the inputs the fuzz targets once crashed on
 * (tests/runtime/fuzz-regress/<target>/) through the targets themselves, so
 * every build, sanitizer or not, keeps them fixed. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#define KC_FUZZ_NO_TYPES
#define LLVMFuzzerTestOneInput fuzz_json_decode_one
#include "../fuzz/fuzz_json_decode.c"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput fuzz_watch_one
#include "../fuzz/fuzz_watch.c"
#undef LLVMFuzzerTestOneInput

static int replay(const char *target, int (*fn)(const uint8_t *, size_t))
{
    char dir[1024];
    snprintf(dir, sizeof(dir), "%s/%s", KC_FUZZ_REGRESS_DIR, target);
    DIR *d = opendir(dir);
    CHECK(d != NULL);
    if (!d)
        return 0;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char path[2048];
        snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
        size_t len;
        char *data = tu_read_file(path, &len);
        CHECK(data != NULL);
        if (!data)
            continue;
        fn((const uint8_t *)data, len); /* aborts on a broken contract */
        free(data);
        n++;
    }
    closedir(d);
    return n;
}

static void test_json_decode_regressions(void)
{
    CHECK(replay("fuzz_json_decode", fuzz_json_decode_one) > 0);
}

static void test_watch_regressions(void)
{
    CHECK(replay("fuzz_watch", fuzz_watch_one) > 0);
}

TU_MAIN("runtime_fuzz_regress", TU_CASE(test_json_decode_regressions),
        TU_CASE(test_watch_regressions))

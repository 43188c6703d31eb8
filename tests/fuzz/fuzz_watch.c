/*
 * fuzz_watch - the watch-stream decoder on arbitrary bytes in arbitrary
 * chunks.
 *
 * Byte 0 picks the chunk size (1..64), byte 1 the line limit (0 = default,
 * else 16..4096 bytes); the rest is the stream.  Every event's object must
 * encode; every error must carry a code and a "watch line N: " message; the
 * decoder must drain to nothing pending after the end.
 * Crash inputs are kept in tests/runtime/fuzz-regress/fuzz_watch/.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kc/alloc.h"
#include "kc/object.h"
#include "kc/watch.h"
#include "../runtime/testtypes.h"
#ifndef KC_FUZZ_NO_TYPES /* tests/runtime/test_fuzz_regress.c links them itself */
#include "../runtime/testtypes.c"
#endif

#define FW_ASSERT(c) \
    do {             \
        if (!(c))    \
            abort(); \
    } while (0)

static void fw_drain(kc_watch_decoder_t *d)
{
    for (;;) {
        kc_watch_event_t ev = KC_WATCH_EVENT_INIT;
        kc_error_t err = KC_ERROR_INIT;
        int rc = kc_watch_decoder_next(d, &ev, &err);
        if (rc == 0)
            return;
        if (rc < 0) {
            FW_ASSERT(err.code == rc && strncmp(err.message, "watch line ", 11) == 0);
            kc_error_clear(&err);
            continue;
        }
        FW_ASSERT(ev.type >= KC_WATCH_ADDED && ev.type <= KC_WATCH_ERROR && ev.line > 0);
        if (ev.type == KC_WATCH_ERROR) {
            FW_ASSERT(ev.object == NULL && ev.error.code == KC_EAPI);
        } else {
            char *out = NULL;
            FW_ASSERT(ev.object && kc_json_encode(ev.object_type, ev.object, &out, NULL, NULL) == 0);
            kc_free(out);
        }
        kc_watch_event_clear(&ev);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    size_t chunk = 1 + data[0] % 64;
    kc_watch_decoder_options_t opts = KC_WATCH_DECODER_OPTIONS_INIT;
    opts.max_line = data[1] ? 16 + (size_t)data[1] * 16 : 0;
    data += 2;
    size -= 2;
    kc_watch_decoder_t *d;
    FW_ASSERT(kc_watch_decoder_new(&d, &t_job_desc, &opts, NULL) == 0);
    for (size_t off = 0; off < size; off += chunk) {
        size_t n = size - off < chunk ? size - off : chunk;
        FW_ASSERT(kc_watch_decoder_feed(d, data + off, n, NULL) == 0);
        fw_drain(d);
    }
    kc_watch_decoder_end(d);
    fw_drain(d);
    FW_ASSERT(kc_watch_decoder_pending(d) == 0);
    FW_ASSERT(kc_watch_decoder_feed(d, "x", 1, NULL) == KC_ECLOSED);
    kc_watch_decoder_free(d);
    return 0;
}

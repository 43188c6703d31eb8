/* buf.c - the growable byte buffer of internal.h. */
#include "internal.h"
#include "kc/alloc.h"

/* Grows so that `extra` more bytes and a terminating NUL fit; doubling keeps
 * appends amortised O(1). */
bool kc__buf_grow(kc_buf_t *b, size_t extra)
{
    if (b->oom)
        return false;
    size_t need = b->len + extra + 1;
    if (need < b->len) {
        b->oom = true;
        return false;
    }
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need) {
        if (cap > SIZE_MAX / 2) {
            cap = need;
            break;
        }
        cap *= 2;
    }
    char *p = kc_realloc(b->p, cap);
    if (!p) {
        b->oom = true;
        return false;
    }
    kc__advise_large(p, cap);
    b->p = p;
    b->cap = cap;
    return true;
}

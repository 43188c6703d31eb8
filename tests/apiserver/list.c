/* list.c — LIST: selectors, limit/continue with tokens shaped like kube-apiserver's
 * (base64url JSON {"v","rv","start"}), resourceVersion/resourceVersionMatch semantics over
 * the event history (Exact and continued lists are consistent snapshots; 410 once
 * compacted), and the three representations: the list, a Table, PartialObjectMetadataList.
 * The list body is spliced from the stored objects' serialized bytes. */
#define _GNU_SOURCE
#include "internal.h"
#include "table.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

bool wants_partial(req_t *r);
cJSON *partial_metadata(const cJSON *obj);

static void gv_str(const resource_t *res, char *gv, size_t n) {
    if (*res->group) snprintf(gv, n, "%s/%s", res->group, res->version);
    else snprintf(gv, n, "%s", res->version);
}

void list_body(buf_t *b, const resource_t *res, kobj_t **items, size_t n, uint64_t rv,
               const char *cont, long remaining);
void list_body(buf_t *b, const resource_t *res, kobj_t **items, size_t n, uint64_t rv,
               const char *cont, long remaining) {
    char gv[256];
    gv_str(res, gv, sizeof gv);
    size_t total = 128;
    for (size_t i = 0; i < n; i++) total += items[i]->len + 1;
    if (b->cap < total) {
        char *p = realloc(b->p, total);
        if (!p) abort();
        b->p = p;
        b->cap = total;
    }
    if (res->is_crd) {
        /* unstructured lists come out with sorted keys */
        buf_printf(b, "{\"apiVersion\":\"%s\",\"items\":[", gv);
    } else {
        buf_printf(b, "{\"kind\":\"%s\",\"apiVersion\":\"%s\",\"metadata\":{\"resourceVersion\":\"%llu\"",
                   res->list_kind, gv, (unsigned long long)rv);
        if (cont && *cont) {
            buf_printf(b, ",\"continue\":\"%s\"", cont);
            if (remaining >= 0) buf_printf(b, ",\"remainingItemCount\":%ld", remaining);
        }
        buf_puts(b, "},\"items\":[");
    }
    bool convert = res->is_crd && !res->storage;
    for (size_t i = 0; i < n; i++) {
        if (i) buf_put(b, ",", 1);
        const kobj_t *o = items[i];
        if (convert) {
            cJSON *c = object_for_version(res, o);
            char *s = cJSON_PrintUnformatted(c);
            buf_puts(b, s);
            free(s);
            cJSON_Delete(c);
        } else if (!res->is_crd && o->body_off) {
            buf_put(b, "{", 1);
            buf_put(b, o->json + o->body_off, o->len - o->body_off);
        } else {
            buf_put(b, o->json, o->len);
        }
    }
    if (res->is_crd) {
        buf_printf(b, "],\"kind\":\"%s\",\"metadata\":{\"continue\":\"%s\",", res->list_kind,
                   cont ? cont : "");
        if (cont && *cont && remaining >= 0) buf_printf(b, "\"remainingItemCount\":%ld,", remaining);
        buf_printf(b, "\"resourceVersion\":\"%llu\"}}", (unsigned long long)rv);
    } else {
        buf_puts(b, "]}");
    }
}

/* ---- continue tokens ---- */
static const char b64u[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

static char *b64url_encode(const char *in, size_t n) {
    buf_t b = {0};
    for (size_t i = 0; i < n; i += 3) {
        unsigned v = (unsigned char)in[i] << 16;
        if (i + 1 < n) v |= (unsigned char)in[i + 1] << 8;
        if (i + 2 < n) v |= (unsigned char)in[i + 2];
        char out[4] = {b64u[(v >> 18) & 63], b64u[(v >> 12) & 63], b64u[(v >> 6) & 63], b64u[v & 63]};
        buf_put(&b, out, i + 2 < n ? 4 : i + 1 < n ? 3 : 2);
    }
    return buf_steal(&b);
}

/* Decodes base64url (RawURLEncoding); padding and the standard alphabet are tolerated.
 * Returns the bad byte's offset (>= 0) on error, -1 on success. */
static long b64url_decode(const char *s, buf_t *out) {
    unsigned v = 0;
    int bits = 0;
    for (const char *p = s; *p; p++) {
        int d;
        if (*p >= 'A' && *p <= 'Z') d = *p - 'A';
        else if (*p >= 'a' && *p <= 'z') d = *p - 'a' + 26;
        else if (*p >= '0' && *p <= '9') d = *p - '0' + 52;
        else if (*p == '-' || *p == '+') d = 62;
        else if (*p == '_' || *p == '/') d = 63;
        else if (*p == '=') break;
        else return p - s;
        v = (v << 6) | (unsigned)d;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            char c = (char)((v >> bits) & 0xff);
            buf_put(out, &c, 1);
        }
    }
    return -1;
}

static char *make_token(long long rv, const char *start_key) {
    buf_t j = {0};
    buf_printf(&j, "{\"v\":\"meta.k8s.io/v1\",\"rv\":%lld,\"start\":", rv);
    buf_json_str(&j, start_key);
    j.len--; /* reopen the string to append the NUL Go writes as \u0000 */
    buf_puts(&j, "\\u0000\"}");
    char *t = b64url_encode(j.p, j.len);
    free(j.p);
    return t;
}

/* 0 ok; otherwise *err is the message */
static int parse_token(const char *tok, long long *rv, char **start, char **err) {
    buf_t raw = {0};
    long bad = b64url_decode(tok, &raw);
    if (bad >= 0) {
        if (asprintf(err, "invalid continue token: continue key is not valid: illegal base64 data "
                     "at input byte %ld", bad) < 0)
            abort();
        free(raw.p);
        return -1;
    }
    cJSON *j = raw.len ? cJSON_ParseWithLength(raw.p, raw.len) : NULL;
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(j, "v");
    const cJSON *r = cJSON_GetObjectItemCaseSensitive(j, "rv");
    const cJSON *s = cJSON_GetObjectItemCaseSensitive(j, "start");
    if (!j) {
        unsigned char c = raw.len ? (unsigned char)raw.p[0] : 0;
        char ch[16];
        if (c >= 0x20 && c < 0x7f) snprintf(ch, sizeof ch, "'%c'", c);
        else snprintf(ch, sizeof ch, "'\\u%04x'", c);
        if (asprintf(err, "invalid continue token: continue key is not valid: invalid character %s "
                     "looking for beginning of value", ch) < 0)
            abort();
    } else if (!cJSON_IsString(v) || strcmp(v->valuestring, "meta.k8s.io/v1")) {
        if (asprintf(err, "invalid continue token: continue key is not valid: server does not "
                     "recognize this encoded key") < 0)
            abort();
    } else if (!cJSON_IsNumber(r) || !cJSON_IsString(s)) {
        if (asprintf(err, "invalid continue token: continue key is not valid: incorrect encoded "
                     "start resourceVersion (version meta.k8s.io/v1)") < 0)
            abort();
    } else {
        *rv = (long long)r->valuedouble;
        *start = strdup(s->valuestring);
    }
    cJSON_Delete(j);
    free(raw.p);
    return *err ? -1 : 0;
}

static int invalid_list_options(req_t *r, const char *field, const char *reason, const char *detail) {
    cJSON *causes = cJSON_CreateArray();
    cause_add(causes, reason, field, "%s", detail);
    char *msg = NULL;
    if (asprintf(&msg, "ListOptions.meta.k8s.io \"\" is invalid: %s: %s", field, detail) < 0) abort();
    cJSON *d = details_new(NULL, "meta.k8s.io", "ListOptions");
    cJSON_AddItemToObject(d, "causes", causes);
    int rc = send_status(r, 422, "Invalid", msg, d);
    free(msg);
    return rc;
}

static int too_large(req_t *r, uint64_t want, uint64_t cur) {
    char msg[160];
    snprintf(msg, sizeof msg, "Too large resource version: %llu, current: %llu",
             (unsigned long long)want, (unsigned long long)cur);
    cJSON *d = cJSON_CreateObject();
    cJSON *causes = cJSON_AddArrayToObject(d, "causes");
    cJSON *c = cJSON_CreateObject();
    cJSON_AddStringToObject(c, "reason", "ResourceVersionTooLarge");
    cJSON_AddStringToObject(c, "message", "Too large resource version");
    cJSON_AddItemToArray(causes, c);
    cJSON_AddNumberToObject(d, "retryAfterSeconds", 1);
    return send_status(r, 504, "Timeout", msg, d);
}

/* the part of a store key a continue token carries (relative to the listed prefix) */
static const char *rel_key(const route_t *rt, const kobj_t *o) {
    return rt->ns ? o->name : o->key;
}

int handle_list(req_t *r, route_t *rt) {
    server_t *s = r->s;
    const resource_t *res = rt->res;
    const char *rvs = q_get(r, "resourceVersion"), *rvm = q_get(r, "resourceVersionMatch");
    const char *cont = q_get(r, "continue"), *lim = q_get(r, "limit");
    if (rvm && *rvm && (!rvs || !*rvs))
        return invalid_list_options(r, "resourceVersionMatch", "FieldValueForbidden",
                                    "Forbidden: resourceVersionMatch is forbidden unless "
                                    "resourceVersion is provided");
    if (rvm && *rvm && strcmp(rvm, "Exact") && strcmp(rvm, "NotOlderThan")) {
        char d[256];
        snprintf(d, sizeof d, "Unsupported value: \"%s\": supported values: \"Exact\", \"NotOlderThan\", \"\"", rvm);
        return invalid_list_options(r, "resourceVersionMatch", "FieldValueNotSupported", d);
    }
    if (cont && *cont && rvs && *rvs && strcmp(rvs, "0"))
        return err_bad_request(r, "specifying resource version is not allowed when using continue");
    uint64_t want = 0;
    if (rvs && *rvs && !parse_u64(rvs, &want)) {
        char *msg = NULL;
        if (asprintf(&msg, "resourceVersion: Invalid value: \"%s\": strconv.ParseUint: parsing "
                     "\"%s\": invalid syntax", rvs, rvs) < 0)
            abort();
        int rc = send_status(r, 500, NULL, msg, NULL);
        free(msg);
        return rc;
    }
    bool exact = rvm && !strcmp(rvm, "Exact");
    if (exact && want == 0)
        return invalid_list_options(r, "resourceVersionMatch", "FieldValueForbidden",
                                    "Forbidden: resourceVersionMatch \"exact\" is forbidden for "
                                    "resourceVersion \"0\"");
    long long limit = 0;
    if (lim && *lim) limit = atoll(lim);
    char *err = NULL;
    selector_t *ls = label_selector_parse(q_get(r, "labelSelector"), &err);
    selector_t *fs = err ? NULL : field_selector_parse(q_get(r, "fieldSelector"), res, &err);
    if (err) {
        selector_free(ls);
        int rc = err_bad_request(r, err);
        free(err);
        return rc;
    }
    long long tok_rv = 0;
    char *start = NULL;
    if (cont && *cont && parse_token(cont, &tok_rv, &start, &err)) {
        selector_free(ls);
        selector_free(fs);
        int rc = err_bad_request(r, err);
        free(err);
        return rc;
    }

    /* a page starts after the token's key; without selectors it holds `limit` objects and the
     * rest is only counted (remainingItemCount): each page costs O(limit + log n) */
    char *after = NULL;
    if (start) {
        if (rt->ns) {
            if (asprintf(&after, "%s/%s", rt->ns, start) < 0) abort();
        } else {
            after = strdup(start);
        }
    }
    bool nosel = !ls && !fs;
    size_t max = nosel && limit > 0 ? (size_t)limit : 0, total = 0;

    pthread_mutex_lock(&s->mu);
    uint64_t snap = s->rv;
    int fail = 0;
    if (start && tok_rv >= 0) {
        if ((uint64_t)tok_rv < s->floor_rv) fail = 410;
        else snap = (uint64_t)tok_rv;
    } else if (exact) {
        if (want < s->floor_rv) fail = 411;
        else if (want > s->rv) fail = 504;
        else snap = want;
    } else if (want > s->rv && rvm && !strcmp(rvm, "NotOlderThan")) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        ts.tv_sec += 3;
        while (s->rv < want && !s->stopping)
            if (pthread_cond_timedwait(&s->cv, &s->mu, &ts)) break;
        if (s->rv < want) fail = 504;
        snap = s->rv;
    }
    size_t n = 0;
    kobj_t **all = fail ? NULL
                        : store_snapshot_range(s, res->store, snap, rt->ns, after, max, &n, &total);
    uint64_t cur_rv = s->rv;
    pthread_mutex_unlock(&s->mu);

    int rc;
    if (fail == 410) {
        char *t = make_token(-1, start);
        cJSON *st = status_new(410, "Expired",
            "The provided continue parameter is too old to display a consistent list result. You "
            "can start a new list without the continue parameter, or use the continue token in "
            "this response to retrieve the remainder of the results. Continuing with the provided "
            "token results in an inconsistent list - objects that were created, modified, or "
            "deleted between the time the first chunk was returned and now may show up in the "
            "list.", NULL);
        cJSON_AddStringToObject(cJSON_GetObjectItemCaseSensitive(st, "metadata"), "continue", t);
        free(t);
        rc = send_json(r, 410, st);
    } else if (fail == 411) {
        rc = send_status(r, 410, "Expired", "The resourceVersion for the provided list is too old.", NULL);
    } else if (fail == 504) {
        rc = too_large(r, want, cur_rv);
    } else {
        /* select, page */
        kobj_t **sel = malloc((n ? n : 1) * sizeof *sel);
        if (!sel) abort();
        size_t k = 0, matched_after = 0;
        char *next = NULL;
        for (size_t i = 0; i < n; i++) {
            kobj_t *o = all[i];
            if (!nosel &&
                (!selector_match_labels(ls, o->obj) || !selector_match_fields(fs, o->obj)))
                continue;
            if (limit > 0 && (long long)k >= limit) {
                matched_after = 1; /* one more match is enough to continue */
                break;
            }
            sel[k++] = o;
        }
        if (nosel && total > k) matched_after = total - k;
        long remaining = -1;
        if (matched_after) {
            next = make_token((long long)snap, rel_key(rt, sel[k - 1]));
            if (!ls && !fs) remaining = (long)matched_after;
        }
        if (wants_table(r)) {
            cJSON *items = cJSON_CreateArray();
            for (size_t i = 0; i < k; i++) {
                cJSON *c = res->is_crd && !res->storage ? object_for_version(res, sel[i])
                                                         : cJSON_Duplicate(sel[i]->obj, true);
                cJSON_AddItemToArray(items, c);
            }
            cJSON *lm = cJSON_CreateObject();
            char rvb[24];
            snprintf(rvb, sizeof rvb, "%llu", (unsigned long long)snap);
            cJSON_AddStringToObject(lm, "resourceVersion", rvb);
            if (next) cJSON_AddStringToObject(lm, "continue", next);
            if (next && remaining >= 0) cJSON_AddNumberToObject(lm, "remainingItemCount", (double)remaining);
            ksrv_table_opts_t to = {.kind = res->kind, .is_crd = res->is_crd};
            to.printer_columns = res->crd_version ? cJSON_GetObjectItemCaseSensitive(
                                                        res->crd_version, "additionalPrinterColumns")
                                                  : NULL;
            ksrv_include_object_parse(q_get(r, "includeObject"), &to.include);
            cJSON *t = ksrv_table_from_list(items, lm, &to);
            cJSON_Delete(items);
            cJSON_Delete(lm);
            rc = send_json(r, 200, t);
        } else if (wants_partial(r)) {
            cJSON *l = cJSON_CreateObject();
            cJSON_AddStringToObject(l, "kind", "PartialObjectMetadataList");
            cJSON_AddStringToObject(l, "apiVersion", "meta.k8s.io/v1");
            cJSON *lm = cJSON_AddObjectToObject(l, "metadata");
            char rvb[24];
            snprintf(rvb, sizeof rvb, "%llu", (unsigned long long)snap);
            cJSON_AddStringToObject(lm, "resourceVersion", rvb);
            if (next) cJSON_AddStringToObject(lm, "continue", next);
            cJSON *items = cJSON_AddArrayToObject(l, "items");
            for (size_t i = 0; i < k; i++) cJSON_AddItemToArray(items, partial_metadata(sel[i]->obj));
            rc = send_json(r, 200, l);
        } else {
            buf_t b = {0};
            list_body(&b, res, sel, k, snap, next ? next : "", remaining);
            rc = send_bytes(r, 200, "application/json", b.p, b.len);
        }
        free(next);
        free(sel);
    }
    for (size_t i = 0; i < n; i++) kobj_unref(all[i]);
    free(all);
    free(after);
    free(start);
    selector_free(ls);
    selector_free(fs);
    return rc;
}

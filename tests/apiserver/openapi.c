/* openapi.c — /openapi/v2 and /openapi/v3 documents (openapi.h).
 * Built-in group versions: the recorded documents. CRD group versions: synthesized from the
 * CRD's schema, with paths and operations cut from the recorded example.com document (the
 * server generates every CRD's operations from the same builder, so only names differ). */
#define _POSIX_C_SOURCE 200809L
#include "openapi.h"

#include <ctype.h>
#include <dirent.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#ifndef KSRV_OPENAPI_DIR
#define KSRV_OPENAPI_DIR "tests/testdata/kube-apiserver/openapi"
#endif

typedef struct gvdoc {
    char path[256];  /* "apis/apps/v1" */
    cJSON *doc;
    char *json;      /* cached serialization */
    char hash[129];  /* SHA-512, upper-case hex */
    char crd[256];   /* owning CRD name for synthesized docs ("" for built-ins) */
} gvdoc_t;

struct ksrv_openapi {
    pthread_mutex_t mu;
    gvdoc_t *docs;
    int n, cap;
    cJSON *crds;     /* registered CRD objects */
    cJSON *tmpl;     /* the recorded example.com document (operation templates) */
    char *v2;        /* /openapi/v2 body */
    size_t v2_len;
};

/* ---------------- SHA-512 ---------------- */

static const uint64_t K512[80] = {
    0x428a2f98d728ae22ULL, 0x7137449123ef65cdULL, 0xb5c0fbcfec4d3b2fULL, 0xe9b5dba58189dbbcULL, 0x3956c25bf348b538ULL,
    0x59f111f1b605d019ULL, 0x923f82a4af194f9bULL, 0xab1c5ed5da6d8118ULL, 0xd807aa98a3030242ULL, 0x12835b0145706fbeULL,
    0x243185be4ee4b28cULL, 0x550c7dc3d5ffb4e2ULL, 0x72be5d74f27b896fULL, 0x80deb1fe3b1696b1ULL, 0x9bdc06a725c71235ULL,
    0xc19bf174cf692694ULL, 0xe49b69c19ef14ad2ULL, 0xefbe4786384f25e3ULL, 0x0fc19dc68b8cd5b5ULL, 0x240ca1cc77ac9c65ULL,
    0x2de92c6f592b0275ULL, 0x4a7484aa6ea6e483ULL, 0x5cb0a9dcbd41fbd4ULL, 0x76f988da831153b5ULL, 0x983e5152ee66dfabULL,
    0xa831c66d2db43210ULL, 0xb00327c898fb213fULL, 0xbf597fc7beef0ee4ULL, 0xc6e00bf33da88fc2ULL, 0xd5a79147930aa725ULL,
    0x06ca6351e003826fULL, 0x142929670a0e6e70ULL, 0x27b70a8546d22ffcULL, 0x2e1b21385c26c926ULL, 0x4d2c6dfc5ac42aedULL,
    0x53380d139d95b3dfULL, 0x650a73548baf63deULL, 0x766a0abb3c77b2a8ULL, 0x81c2c92e47edaee6ULL, 0x92722c851482353bULL,
    0xa2bfe8a14cf10364ULL, 0xa81a664bbc423001ULL, 0xc24b8b70d0f89791ULL, 0xc76c51a30654be30ULL, 0xd192e819d6ef5218ULL,
    0xd69906245565a910ULL, 0xf40e35855771202aULL, 0x106aa07032bbd1b8ULL, 0x19a4c116b8d2d0c8ULL, 0x1e376c085141ab53ULL,
    0x2748774cdf8eeb99ULL, 0x34b0bcb5e19b48a8ULL, 0x391c0cb3c5c95a63ULL, 0x4ed8aa4ae3418acbULL, 0x5b9cca4f7763e373ULL,
    0x682e6ff3d6b2b8a3ULL, 0x748f82ee5defb2fcULL, 0x78a5636f43172f60ULL, 0x84c87814a1f0ab72ULL, 0x8cc702081a6439ecULL,
    0x90befffa23631e28ULL, 0xa4506cebde82bde9ULL, 0xbef9a3f7b2c67915ULL, 0xc67178f2e372532bULL, 0xca273eceea26619cULL,
    0xd186b8c721c0c207ULL, 0xeada7dd6cde0eb1eULL, 0xf57d4f7fee6ed178ULL, 0x06f067aa72176fbaULL, 0x0a637dc5a2c898a6ULL,
    0x113f9804bef90daeULL, 0x1b710b35131c471bULL, 0x28db77f523047d84ULL, 0x32caab7b40c72493ULL, 0x3c9ebe0a15c9bebcULL,
    0x431d67c49c100d4cULL, 0x4cc5d4becb3e42b6ULL, 0x597f299cfc657e2aULL, 0x5fcb6fab3ad6faecULL, 0x6c44198c4a475817ULL};

#define ROR(x, n) (((x) >> (n)) | ((x) << (64 - (n))))

static void sha512_block(uint64_t h[8], const unsigned char *p) {
    uint64_t w[80];
    for (int i = 0; i < 16; i++) {
        w[i] = 0;
        for (int k = 0; k < 8; k++) w[i] = (w[i] << 8) | p[i * 8 + k];
    }
    for (int i = 16; i < 80; i++) {
        uint64_t s0 = ROR(w[i - 15], 1) ^ ROR(w[i - 15], 8) ^ (w[i - 15] >> 7);
        uint64_t s1 = ROR(w[i - 2], 19) ^ ROR(w[i - 2], 61) ^ (w[i - 2] >> 6);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint64_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int i = 0; i < 80; i++) {
        uint64_t t1 = hh + (ROR(e, 14) ^ ROR(e, 18) ^ ROR(e, 41)) + ((e & f) ^ (~e & g)) + K512[i] + w[i];
        uint64_t t2 = (ROR(a, 28) ^ ROR(a, 34) ^ ROR(a, 39)) + ((a & b) ^ (a & c) ^ (b & c));
        hh = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
}

static void sha512_hex(const char *data, size_t len, char out[129]) {
    uint64_t h[8] = {0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL, 0xa54ff53a5f1d36f1ULL,
                     0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL, 0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL};
    size_t i = 0;
    for (; i + 128 <= len; i += 128) sha512_block(h, (const unsigned char *)data + i);
    unsigned char tail[256] = {0};
    size_t rem = len - i;
    memcpy(tail, data + i, rem);
    tail[rem] = 0x80;
    size_t tl = rem + 1 + 16 <= 128 ? 128 : 256;
    uint64_t bits = (uint64_t)len * 8;
    for (int k = 0; k < 8; k++) tail[tl - 1 - k] = (unsigned char)(bits >> (8 * k));
    for (size_t o = 0; o < tl; o += 128) sha512_block(h, tail + o);
    for (int k = 0; k < 8; k++) snprintf(out + k * 16, 17, "%016llX", (unsigned long long)h[k]);
}

/* ---------------- loading ---------------- */

static char *gunzip_file(const char *path, size_t *len) {
    gzFile f = gzopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 20, n = 0;
    char *buf = malloc(cap);
    for (;;) {
        if (n + 65536 + 1 > cap) buf = realloc(buf, cap *= 2);
        int r = gzread(f, buf + n, 65536);
        if (r < 0) { free(buf); gzclose(f); return NULL; }
        if (r == 0) break;
        n += (size_t)r;
    }
    gzclose(f);
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* "v3-apis-coordination.k8s.io-v1.json.gz" -> "apis/coordination.k8s.io/v1" */
static bool doc_path(const char *fname, char *out, size_t n) {
    size_t l = strlen(fname);
    if (strncmp(fname, "v3-", 3) || l < 12 || strcmp(fname + l - 8, ".json.gz")) return false;
    char core[256];
    snprintf(core, sizeof core, "%.*s", (int)(l - 11), fname + 3);
    if (!strncmp(core, "api-", 4)) { snprintf(out, n, "api/%s", core + 4); return true; }
    if (strncmp(core, "apis-", 5)) return false;
    char *dash = strrchr(core, '-');
    if (!dash || dash == core + 4) return false;
    *dash = '\0';
    return !ksrv_fmt(out, n, "apis/%s/%s", core + 5, dash + 1);
}

static const char k_fv_desc[] =
    "fieldValidation instructs the server on how to handle objects in the request (POST/PUT/PATCH) "
    "containing unknown or duplicate fields. Valid values are: - Ignore: This will ignore any unknown "
    "fields that are silently dropped from the object, and will ignore all but the last duplicate field "
    "that the decoder encounters. This is the default behavior prior to v1.23. - Warn: This will send a "
    "warning via the standard warning response header for each unknown field that is dropped from the "
    "object, and for each duplicate field that is encountered. The request will still succeed if there "
    "are no other errors, and will only persist the last of any duplicate fields. This is the default in "
    "v1.23+ - Strict: This will fail the request with a BadRequest error if any unknown fields would be "
    "dropped from the object, or if any duplicate fields are present. The error returned from the server "
    "will contain all unknown and duplicate fields encountered.";

/* Adds the fieldValidation query parameter to every POST/PUT/PATCH operation. */
static void add_field_validation(cJSON *doc) {
    cJSON *p;
    cJSON_ArrayForEach(p, cJSON_GetObjectItemCaseSensitive(doc, "paths")) {
        static const char *const verbs[] = {"post", "put", "patch"};
        for (int i = 0; i < 3; i++) {
            cJSON *op = cJSON_GetObjectItemCaseSensitive(p, verbs[i]);
            if (!op) continue;
            cJSON *params = cJSON_GetObjectItemCaseSensitive(op, "parameters");
            if (!params) params = cJSON_AddArrayToObject(op, "parameters");
            bool has = false;
            const cJSON *x;
            cJSON_ArrayForEach(x, params) {
                const char *nm = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(x, "name"));
                if (nm && !strcmp(nm, "fieldValidation")) has = true;
            }
            if (has) continue;
            cJSON *fv = cJSON_CreateObject();
            cJSON_AddStringToObject(fv, "name", "fieldValidation");
            cJSON_AddStringToObject(fv, "in", "query");
            cJSON_AddStringToObject(fv, "description", k_fv_desc);
            cJSON *sc = cJSON_AddObjectToObject(fv, "schema");
            cJSON_AddStringToObject(sc, "type", "string");
            cJSON_AddBoolToObject(sc, "uniqueItems", 1);
            cJSON_AddItemToArray(params, fv);
        }
    }
}

static gvdoc_t *doc_add(ksrv_openapi_t *oa, const char *path, cJSON *doc, const char *crd) {
    if (oa->n == oa->cap) {
        oa->cap = oa->cap ? oa->cap * 2 : 16;
        oa->docs = realloc(oa->docs, (size_t)oa->cap * sizeof *oa->docs);
    }
    gvdoc_t *d = &oa->docs[oa->n++];
    memset(d, 0, sizeof *d);
    snprintf(d->path, sizeof d->path, "%s", path);
    snprintf(d->crd, sizeof d->crd, "%s", crd ? crd : "");
    add_field_validation(doc);
    d->doc = doc;
    d->json = cJSON_PrintUnformatted(doc);
    sha512_hex(d->json, strlen(d->json), d->hash);
    return d;
}

static void doc_free(gvdoc_t *d) {
    cJSON_Delete(d->doc);
    free(d->json);
}

ksrv_openapi_t *ksrv_openapi_new(const char *dir, ksrv_status_t *st) {
    if (!dir) dir = KSRV_OPENAPI_DIR;
    DIR *dp = opendir(dir);
    if (!dp) {
        ksrv_status_set(st, 500, "InternalError", "openapi: cannot open %s", dir);
        return NULL;
    }
    ksrv_openapi_t *oa = calloc(1, sizeof *oa);
    pthread_mutex_init(&oa->mu, NULL);
    oa->crds = cJSON_CreateArray();
    struct dirent *de;
    while ((de = readdir(dp))) {
        char full[1024], path[256];
        snprintf(full, sizeof full, "%s/%s", dir, de->d_name);
        bool v2 = !strcmp(de->d_name, "v2.json.gz");
        bool tmpl = !strcmp(de->d_name, "v3-apis-example.com-v1.json.gz");
        if (!v2 && !tmpl && (!doc_path(de->d_name, path, sizeof path) || strstr(de->d_name, "mindxdl")))
            continue;
        size_t len = 0;
        char *text = gunzip_file(full, &len);
        if (!text) continue;
        if (v2) {
            oa->v2 = text;
            oa->v2_len = len;
            continue;
        }
        cJSON *doc = cJSON_ParseWithLength(text, len);
        free(text);
        if (!doc) continue;
        if (tmpl) oa->tmpl = doc;
        else doc_add(oa, path, doc, NULL);
    }
    closedir(dp);
    if (!oa->tmpl || oa->n == 0) {
        ksrv_status_set(st, 500, "InternalError", "openapi: recorded documents missing in %s", dir);
        ksrv_openapi_free(oa);
        return NULL;
    }
    return oa;
}

void ksrv_openapi_free(ksrv_openapi_t *oa) {
    if (!oa) return;
    for (int i = 0; i < oa->n; i++) doc_free(&oa->docs[i]);
    free(oa->docs);
    cJSON_Delete(oa->crds);
    cJSON_Delete(oa->tmpl);
    free(oa->v2);
    pthread_mutex_destroy(&oa->mu);
    free(oa);
}

/* ---------------- CRD documents ---------------- */

typedef struct names {
    char group[256], version[64], kind[256], plural[256];
    char camel[300];   /* "MindxdlGiteeComV1" */
    char tag[300];     /* "mindxdlGiteeCom_v1" */
    char rev[300];     /* "com.gitee.mindxdl.v1" */
} names_t;

static void make_names(const char *group, const char *version, const char *kind, const char *plural,
                       names_t *n) {
    snprintf(n->group, sizeof n->group, "%s", group);
    snprintf(n->version, sizeof n->version, "%s", version);
    snprintf(n->kind, sizeof n->kind, "%s", kind);
    snprintf(n->plural, sizeof n->plural, "%s", plural);
    char cg[256] = "";
    size_t o = 0;
    bool up = true;
    for (const char *p = group; *p && o + 1 < sizeof cg; p++) {
        if (*p == '.' || *p == '-') { up = true; continue; }
        cg[o++] = up ? (char)toupper((unsigned char)*p) : *p;
        up = false;
    }
    cg[o] = '\0';
    snprintf(n->camel, sizeof n->camel, "%s%c%s", cg, toupper((unsigned char)version[0]), version + 1);
    snprintf(n->tag, sizeof n->tag, "%c%s_%s", tolower((unsigned char)cg[0]), cg[0] ? cg + 1 : "", version);
    /* reverse the dotted group */
    char rev[256] = "", tmp[256];
    snprintf(tmp, sizeof tmp, "%s", group);
    for (char *dot; (dot = strrchr(tmp, '.'));) {
        size_t l = strlen(rev);
        snprintf(rev + l, sizeof rev - l, "%s%s", l ? "." : "", dot + 1);
        *dot = '\0';
    }
    size_t l = strlen(rev);
    ksrv_fmt(rev + l, sizeof rev - l, "%s%s", l ? "." : "", tmp);
    ksrv_fmt(n->rev, sizeof n->rev, "%s.%s", rev, version);
}

/* Replaces every occurrence of `from` in *s (malloc'd) by `to`. */
static void replace_all(char **s, const char *from, const char *to) {
    size_t fl = strlen(from), tl = strlen(to), cnt = 0;
    for (const char *p = *s; (p = strstr(p, from)); p += fl) cnt++;
    if (!cnt) return;
    char *out = malloc(strlen(*s) + cnt * (tl > fl ? tl - fl : 0) + 1), *o = out;
    const char *p = *s, *q;
    while ((q = strstr(p, from))) {
        memcpy(o, p, (size_t)(q - p));
        o += q - p;
        memcpy(o, to, tl);
        o += tl;
        p = q + fl;
    }
    strcpy(o, p);
    free(*s);
    *s = out;
}

/* A template piece (path item or schema) renamed from Widget/example.com/v1 to `n`. */
static cJSON *renamed(const cJSON *piece, const names_t *n) {
    char *t = cJSON_PrintUnformatted(piece);
    char buf[700];
    replace_all(&t, "com.example.v1.Widget", "\x01SCHEMA\x01");
    replace_all(&t, "ExampleComV1", n->camel);
    replace_all(&t, "exampleCom_v1", n->tag);
    snprintf(buf, sizeof buf, "/apis/%s/%s/", n->group, n->version);
    replace_all(&t, "/apis/example.com/v1/", buf);
    snprintf(buf, sizeof buf, "\"group\":\"%s\",\"version\":\"%s\"", n->group, n->version);
    replace_all(&t, "\"group\":\"example.com\",\"version\":\"v1\"", buf);
    snprintf(buf, sizeof buf, "{\"group\":\"%s\",", n->group);
    replace_all(&t, "{\"group\":\"example.com\",", buf);
    snprintf(buf, sizeof buf, "\"version\":\"%s\"}", n->version);
    replace_all(&t, "\"version\":\"v1\"}", buf);
    replace_all(&t, "widgets", n->plural);
    replace_all(&t, "Widget", n->kind);
    snprintf(buf, sizeof buf, "%s.%s", n->rev, n->kind);
    replace_all(&t, "\x01SCHEMA\x01", buf);
    cJSON *r = cJSON_Parse(t);
    free(t);
    return r;
}

static cJSON *crd_document(const ksrv_openapi_t *oa, const cJSON *crd, const cJSON *ver) {
    const cJSON *spec = cJSON_GetObjectItemCaseSensitive(crd, "spec");
    const cJSON *nm = cJSON_GetObjectItemCaseSensitive(spec, "names");
    const char *group = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(spec, "group"));
    const char *scope = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(spec, "scope"));
    const char *kind = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(nm, "kind"));
    const char *plural = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(nm, "plural"));
    const char *vname = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(ver, "name"));
    if (!group || !kind || !plural || !vname) return NULL;
    bool cluster = scope && !strcmp(scope, "Cluster");
    names_t n;
    make_names(group, vname, kind, plural, &n);
    const cJSON *tp = cJSON_GetObjectItemCaseSensitive(oa->tmpl, "paths");
    const cJSON *ts = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(oa->tmpl, "components"), "schemas");
    const cJSON *sub = cJSON_GetObjectItemCaseSensitive(ver, "subresources");
    cJSON *doc = cJSON_CreateObject();
    cJSON_AddStringToObject(doc, "openapi", "3.0.0");
    cJSON *info = cJSON_AddObjectToObject(doc, "info");
    cJSON_AddStringToObject(info, "title", "Kubernetes CRD Swagger");
    cJSON_AddStringToObject(info, "version", "v0.1.0");
    cJSON *paths = cJSON_AddObjectToObject(doc, "paths");
    const cJSON *p;
    cJSON_ArrayForEach(p, tp) {
        const char *k = p->string;
        bool is_cluster = strstr(k, "clusterwidgets") != NULL;
        if (is_cluster != cluster) continue;
        if (strstr(k, "/status") && !cJSON_GetObjectItemCaseSensitive(sub, "status")) continue;
        if (strstr(k, "/scale") && !cJSON_GetObjectItemCaseSensitive(sub, "scale")) continue;
        cJSON *piece = cJSON_CreateObject();
        cJSON_AddItemToObject(piece, k, cJSON_Duplicate(p, 1));
        cJSON *r = renamed(piece, &n);
        cJSON_Delete(piece);
        if (!r) continue;
        if (cluster) { /* ClusterWidget/clusterwidgets were renamed through "Widget"/"widgets" */
            char *t = cJSON_PrintUnformatted(r);
            char from[600];
            snprintf(from, sizeof from, "Cluster%s", n.kind);
            replace_all(&t, from, n.kind);
            snprintf(from, sizeof from, "cluster%s", n.plural);
            replace_all(&t, from, n.plural);
            cJSON_Delete(r);
            r = cJSON_Parse(t);
            free(t);
            if (!r) continue;
        }
        cJSON *it = r->child;
        cJSON_AddItemToObject(paths, it->string, cJSON_DetachItemViaPointer(r, it));
        cJSON_Delete(r);
    }
    cJSON *comps = cJSON_AddObjectToObject(doc, "components");
    cJSON *schemas = cJSON_AddObjectToObject(comps, "schemas");
    char kname[600], lname[600];
    snprintf(kname, sizeof kname, "%s.%s", n.rev, n.kind);
    snprintf(lname, sizeof lname, "%s.%sList", n.rev, n.kind);
    const char *tk = cluster ? "com.example.v1.ClusterWidget" : "com.example.v1.Widget";
    char tl[128];
    snprintf(tl, sizeof tl, "%sList", tk);
    /* the object schema: apiVersion/kind/metadata as the server writes them + the CRD schema */
    cJSON *ks = cJSON_CreateObject();
    const cJSON *crd_schema = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(ver, "schema"), "openAPIV3Schema");
    const cJSON *m;
    cJSON_ArrayForEach(m, crd_schema) if (strcmp(m->string, "properties"))
        cJSON_AddItemToObject(ks, m->string, cJSON_Duplicate(m, 1));
    cJSON *props = cJSON_AddObjectToObject(ks, "properties");
    const cJSON *tprops = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(ts, tk), "properties");
    static const char *const meta3[] = {"apiVersion", "kind", "metadata"};
    for (int i = 0; i < 3; i++)
        cJSON_AddItemToObject(props, meta3[i], cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(tprops, meta3[i]), 1));
    cJSON_ArrayForEach(m, cJSON_GetObjectItemCaseSensitive(crd_schema, "properties"))
        if (strcmp(m->string, "apiVersion") && strcmp(m->string, "kind") && strcmp(m->string, "metadata"))
            cJSON_AddItemToObject(props, m->string, cJSON_Duplicate(m, 1));
    cJSON *gvk = cJSON_AddArrayToObject(ks, "x-kubernetes-group-version-kind"), *g = cJSON_CreateObject();
    cJSON_AddStringToObject(g, "group", group);
    cJSON_AddStringToObject(g, "kind", kind);
    cJSON_AddStringToObject(g, "version", vname);
    cJSON_AddItemToArray(gvk, g);
    cJSON_AddItemToObject(schemas, kname, ks);
    cJSON *lt = cJSON_CreateObject();
    cJSON_AddItemToObject(lt, "x", cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(ts, tl), 1));
    cJSON *lr = renamed(lt, &n);
    cJSON_Delete(lt);
    if (lr) {
        char *t = cJSON_PrintUnformatted(lr);
        char from[600];
        snprintf(from, sizeof from, "Cluster%s", n.kind);
        replace_all(&t, from, n.kind);
        snprintf(from, sizeof from, "cluster%s", n.plural);
        replace_all(&t, from, n.plural);
        cJSON_Delete(lr);
        lr = cJSON_Parse(t);
        free(t);
        if (lr) cJSON_AddItemToObject(schemas, lname, cJSON_DetachItemFromObject(lr, "x"));
        cJSON_Delete(lr);
    }
    cJSON_ArrayForEach(m, ts) if (!strncmp(m->string, "io.k8s.", 7))
        cJSON_AddItemToObject(schemas, m->string, cJSON_Duplicate(m, 1));
    return doc;
}

static void remove_crd_docs(ksrv_openapi_t *oa, const char *name) {
    for (int i = 0; i < oa->n;) {
        if (oa->docs[i].crd[0] && !strcmp(oa->docs[i].crd, name)) {
            doc_free(&oa->docs[i]);
            oa->docs[i] = oa->docs[--oa->n];
        } else {
            i++;
        }
    }
    for (int i = cJSON_GetArraySize(oa->crds) - 1; i >= 0; i--) {
        const cJSON *c = cJSON_GetArrayItem(oa->crds, i);
        const char *cn = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(c, "metadata"), "name"));
        if (cn && !strcmp(cn, name)) cJSON_DeleteItemFromArray(oa->crds, i);
    }
}

int ksrv_openapi_add_crd(ksrv_openapi_t *oa, const cJSON *crd, ksrv_status_t *st) {
    const char *name = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(crd, "metadata"), "name"));
    const cJSON *spec = cJSON_GetObjectItemCaseSensitive(crd, "spec");
    const char *group = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(spec, "group"));
    if (!name || !group) return ksrv_status_set(st, 400, "BadRequest", "openapi: CRD without name or group");
    pthread_mutex_lock(&oa->mu);
    remove_crd_docs(oa, name);
    cJSON_AddItemToArray(oa->crds, cJSON_Duplicate(crd, 1));
    const cJSON *ver;
    cJSON_ArrayForEach(ver, cJSON_GetObjectItemCaseSensitive(spec, "versions")) {
        if (cJSON_IsFalse(cJSON_GetObjectItemCaseSensitive(ver, "served"))) continue;
        cJSON *doc = crd_document(oa, crd, ver);
        if (!doc) continue;
        char path[300];
        snprintf(path, sizeof path, "apis/%s/%s", group, cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(ver, "name")));
        /* several CRDs of one group version share a document: merge into an existing one */
        gvdoc_t *ex = NULL;
        for (int i = 0; i < oa->n; i++)
            if (!strcmp(oa->docs[i].path, path)) ex = &oa->docs[i];
        if (ex) {
            const cJSON *sec;
            cJSON_ArrayForEach(sec, doc) {
                if (strcmp(sec->string, "paths") && strcmp(sec->string, "components")) continue;
                cJSON *dst = cJSON_GetObjectItemCaseSensitive(ex->doc, sec->string);
                const cJSON *src = !strcmp(sec->string, "components") ? cJSON_GetObjectItemCaseSensitive(sec, "schemas") : sec;
                if (!strcmp(sec->string, "components")) dst = cJSON_GetObjectItemCaseSensitive(dst, "schemas");
                const cJSON *it;
                cJSON_ArrayForEach(it, src) if (!cJSON_GetObjectItemCaseSensitive(dst, it->string))
                    cJSON_AddItemToObject(dst, it->string, cJSON_Duplicate(it, 1));
            }
            cJSON_Delete(doc);
            add_field_validation(ex->doc);
            free(ex->json);
            ex->json = cJSON_PrintUnformatted(ex->doc);
            sha512_hex(ex->json, strlen(ex->json), ex->hash);
        } else {
            doc_add(oa, path, doc, name);
        }
    }
    pthread_mutex_unlock(&oa->mu);
    return 0;
}

void ksrv_openapi_remove_crd(ksrv_openapi_t *oa, const char *crd_name) {
    pthread_mutex_lock(&oa->mu);
    remove_crd_docs(oa, crd_name);
    /* rebuild the documents of CRDs that shared a group version with the removed one */
    cJSON *rest = oa->crds;
    oa->crds = cJSON_CreateArray();
    pthread_mutex_unlock(&oa->mu);
    const cJSON *c;
    ksrv_status_t st = KSRV_STATUS_INIT;
    cJSON_ArrayForEach(c, rest) ksrv_openapi_add_crd(oa, c, &st);
    ksrv_status_reset(&st);
    cJSON_Delete(rest);
}

/* ---------------- serving ---------------- */

static const char *query_param(const char *q, const char *name, char *buf, size_t n) {
    size_t nl = strlen(name);
    for (const char *p = q; p && *p;) {
        if (!strncmp(p, name, nl) && p[nl] == '=') {
            size_t l = strcspn(p + nl + 1, "&");
            snprintf(buf, n, "%.*s", (int)l, p + nl + 1);
            return buf;
        }
        p = strchr(p, '&');
        if (p) p++;
    }
    return NULL;
}

static bool accepts_json(const char *accept) {
    if (!accept || !*accept) return true;
    return strstr(accept, "application/json") || strstr(accept, "*/*") || strstr(accept, "application/*");
}

static void not_found(ksrv_openapi_response_t *r) {
    r->status = 404;
    r->body = strdup("404 page not found\n");
    r->len = strlen(r->body);
    r->content_type = "text/plain; charset=utf-8";
}

static char *index_json(ksrv_openapi_t *oa) {
    cJSON *idx = cJSON_CreateObject(), *paths = cJSON_AddObjectToObject(idx, "paths");
    /* sorted by path, as the server writes its map */
    int *ord = calloc((size_t)oa->n + 1, sizeof *ord);
    for (int i = 0; i < oa->n; i++) ord[i] = i;
    for (int i = 1; i < oa->n; i++)
        for (int j = i; j > 0 && strcmp(oa->docs[ord[j - 1]].path, oa->docs[ord[j]].path) > 0; j--) {
            int t = ord[j]; ord[j] = ord[j - 1]; ord[j - 1] = t;
        }
    for (int i = 0; i < oa->n; i++) {
        const gvdoc_t *d = &oa->docs[ord[i]];
        char url[512];
        snprintf(url, sizeof url, "/openapi/v3/%s?hash=%s", d->path, d->hash);
        cJSON *e = cJSON_AddObjectToObject(paths, d->path);
        cJSON_AddStringToObject(e, "serverRelativeURL", url);
    }
    free(ord);
    char *s = cJSON_PrintUnformatted(idx);
    cJSON_Delete(idx);
    return s;
}

int ksrv_openapi_get(ksrv_openapi_t *oa, const char *path, const char *query, const char *accept,
                     const char *if_none_match, ksrv_openapi_response_t *r, ksrv_status_t *st) {
    (void)st;
    memset(r, 0, sizeof *r);
    if (!strcmp(path, "/openapi/v2")) {
        if (!accepts_json(accept)) {
            r->status = 406;
            r->body = strdup("406: Not Acceptable\n");
            r->len = strlen(r->body);
            r->content_type = "text/plain; charset=utf-8";
            return 0;
        }
        r->status = 200;
        r->body = malloc(oa->v2_len + 1);
        memcpy(r->body, oa->v2, oa->v2_len + 1);
        r->len = oa->v2_len;
        r->content_type = "application/json";
        return 0;
    }
    pthread_mutex_lock(&oa->mu);
    if (!strcmp(path, "/openapi/v3") || !strcmp(path, "/openapi/v3/")) {
        r->status = 200;
        r->body = index_json(oa);
        r->len = strlen(r->body);
        r->content_type = "application/json";
        r->cache_control = "no-cache, private";
        pthread_mutex_unlock(&oa->mu);
        return 0;
    }
    const char *gv = !strncmp(path, "/openapi/v3/", 12) ? path + 12 : NULL;
    gvdoc_t *d = NULL;
    for (int i = 0; gv && i < oa->n; i++)
        if (!strcmp(oa->docs[i].path, gv)) d = &oa->docs[i];
    if (!d) {
        pthread_mutex_unlock(&oa->mu);
        not_found(r);
        return 0;
    }
    char hash[200];
    snprintf(r->etag, sizeof r->etag, "\"%s\"", d->hash);
    r->content_type = "application/json";
    if (query_param(query, "hash", hash, sizeof hash)) {
        if (strcmp(hash, d->hash)) {
            r->status = 301;
            snprintf(r->location, sizeof r->location, "/openapi/v3/%s?hash=%s", d->path, d->hash);
            pthread_mutex_unlock(&oa->mu);
            return 0;
        }
        r->cache_control = "public, immutable";
    } else {
        r->cache_control = "no-cache, private";
    }
    if (if_none_match && !strcmp(if_none_match, r->etag)) {
        r->status = 304;
        pthread_mutex_unlock(&oa->mu);
        return 0;
    }
    r->status = 200;
    r->body = strdup(d->json);
    r->len = strlen(r->body);
    pthread_mutex_unlock(&oa->mu);
    return 0;
}

cJSON *ksrv_openapi_v3_document(ksrv_openapi_t *oa, const char *gv_path) {
    cJSON *r = NULL;
    pthread_mutex_lock(&oa->mu);
    for (int i = 0; i < oa->n; i++)
        if (!strcmp(oa->docs[i].path, gv_path)) r = cJSON_Duplicate(oa->docs[i].doc, 1);
    pthread_mutex_unlock(&oa->mu);
    return r;
}

/* schema.c — structural schema pruning, defaulting and validation of custom resources
 * (schema.h). Messages follow go-openapi's validate errors as apiextensions-apiserver turns
 * them into field errors. */
#define _POSIX_C_SOURCE 200809L
#include "schema.h"
#include "yaml.h"

#include <ctype.h>
#include <math.h>
#include <regex.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* snprintf that tolerates truncation without -Wformat-truncation noise. */
static void fmt(char *buf, size_t n, const char *f, ...) __attribute__((format(printf, 3, 4)));
static void fmt(char *buf, size_t n, const char *f, ...) {
    va_list ap;
    va_start(ap, f);
    vsnprintf(buf, n, f, ap);
    va_end(ap);
}

static const cJSON *get(const cJSON *o, const char *k) {
    return cJSON_GetObjectItemCaseSensitive(o, k);
}

static bool flag(const cJSON *s, const char *k) { return cJSON_IsTrue(get(s, k)); }

int ksrv_field_validation_parse(const char *s, const char *options_kind,
                                ksrv_field_validation_t *out, ksrv_status_t *st) {
    if (!s || !*s) *out = KSRV_FV_DEFAULT;
    else if (!strcmp(s, "Ignore")) *out = KSRV_FV_IGNORE;
    else if (!strcmp(s, "Warn")) *out = KSRV_FV_WARN;
    else if (!strcmp(s, "Strict")) *out = KSRV_FV_STRICT;
    else {
        cJSON *v = cJSON_CreateString(s);
        ksrv_status_add_field_error(st, KSRV_FE_NOT_SUPPORTED, "fieldValidation", v,
                                    "supported values: \"\", \"Ignore\", \"Strict\", \"Warn\"");
        cJSON_Delete(v);
        return ksrv_status_invalid(st, "meta.k8s.io", options_kind ? options_kind : "CreateOptions", "");
    }
    return 0;
}

/* ---------------- paths ---------------- */

typedef struct path {
    char s[1024];
} path_t;

static void path_field(path_t *out, const path_t *base, const char *f) {
    if (base->s[0]) fmt(out->s, sizeof out->s, "%s.%s", base->s, f);
    else fmt(out->s, sizeof out->s, "%s", f);
}

static void path_index(path_t *out, const path_t *base, int i) {
    fmt(out->s, sizeof out->s, "%s[%d]", base->s, i);
}

static void path_key(path_t *out, const path_t *base, const char *k) {
    fmt(out->s, sizeof out->s, "%s[%s]", base->s, k);
}

/* ---------------- pruning ---------------- */

static const char *const k_object_meta[] = {
    "name", "generateName", "namespace", "selfLink", "uid", "resourceVersion", "generation",
    "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "labels",
    "annotations", "ownerReferences", "finalizers", "managedFields", "clusterName", NULL};

static void add_pruned(cJSON *pruned, const path_t *p) {
    if (pruned) cJSON_AddItemToArray(pruned, cJSON_CreateString(p->s));
}

static int prune_meta(cJSON *meta, const path_t *p, cJSON *pruned) {
    int n = 0;
    if (!cJSON_IsObject(meta)) return 0;
    for (cJSON *m = meta->child; m;) {
        cJSON *next = m->next;
        bool known = false;
        for (int i = 0; k_object_meta[i]; i++)
            if (!strcmp(m->string, k_object_meta[i])) known = true;
        if (!known) {
            path_t sub;
            path_field(&sub, p, m->string);
            add_pruned(pruned, &sub);
            cJSON_Delete(cJSON_DetachItemViaPointer(meta, m));
            n++;
        }
        m = next;
    }
    return n;
}

static int prune(const cJSON *s, cJSON *v, const path_t *p, cJSON *pruned, bool root);

static int prune_object(const cJSON *s, cJSON *v, const path_t *p, cJSON *pruned, bool root) {
    int n = 0;
    const cJSON *props = get(s, "properties");
    const cJSON *addl = get(s, "additionalProperties");
    bool preserve = flag(s, "x-kubernetes-preserve-unknown-fields");
    bool embedded = root || flag(s, "x-kubernetes-embedded-resource");
    for (cJSON *m = v->child; m;) {
        cJSON *next = m->next;
        path_t sub;
        path_field(&sub, p, m->string);
        const cJSON *ps = props ? get(props, m->string) : NULL;
        if (embedded && (!strcmp(m->string, "apiVersion") || !strcmp(m->string, "kind"))) {
            /* always kept */
        } else if (embedded && !strcmp(m->string, "metadata")) {
            n += prune_meta(m, &sub, pruned);
        } else if (ps) {
            n += prune(ps, m, &sub, pruned, false);
        } else if (cJSON_IsObject(addl)) {
            path_t ks;
            path_key(&ks, p, m->string);
            n += prune(addl, m, &ks, pruned, false);
        } else if (!preserve && !cJSON_IsTrue(addl)) {
            add_pruned(pruned, &sub);
            cJSON_Delete(cJSON_DetachItemViaPointer(v, m));
            n++;
        }
        m = next;
    }
    return n;
}

static int prune(const cJSON *s, cJSON *v, const path_t *p, cJSON *pruned, bool root) {
    if (!s) return 0;
    if (cJSON_IsObject(v)) return prune_object(s, v, p, pruned, root);
    if (cJSON_IsArray(v)) {
        const cJSON *items = get(s, "items");
        if (!items) return 0;
        int n = 0, i = 0;
        cJSON *e;
        cJSON_ArrayForEach(e, v) {
            path_t sub;
            path_index(&sub, p, i++);
            n += prune(items, e, &sub, pruned, false);
        }
        return n;
    }
    return 0;
}

int ksrv_schema_prune(const cJSON *schema, cJSON *obj, cJSON *pruned) {
    path_t root = {{0}};
    return prune(schema, obj, &root, pruned, true);
}

/* ---------------- defaulting ---------------- */

static void apply_defaults(const cJSON *s, cJSON *v) {
    if (!s) return;
    if (cJSON_IsObject(v)) {
        const cJSON *props = get(s, "properties"), *ps;
        cJSON_ArrayForEach(ps, props) {
            const cJSON *def = get(ps, "default");
            cJSON *cur = cJSON_GetObjectItemCaseSensitive(v, ps->string);
            if (!cur && def) cJSON_AddItemToObject(v, ps->string, cJSON_Duplicate(def, 1));
        }
        const cJSON *addl = get(s, "additionalProperties");
        cJSON *m;
        cJSON_ArrayForEach(m, v) {
            const cJSON *cs = props ? get(props, m->string) : NULL;
            if (!cs && cJSON_IsObject(addl)) cs = addl;
            apply_defaults(cs, m);
        }
    } else if (cJSON_IsArray(v)) {
        const cJSON *items = get(s, "items");
        cJSON *e;
        cJSON_ArrayForEach(e, v) apply_defaults(items, e);
    }
}

void ksrv_schema_default(const cJSON *schema, cJSON *obj) { apply_defaults(schema, obj); }

/* ---------------- validation ---------------- */

static const char *type_of(const cJSON *v) {
    if (cJSON_IsNull(v)) return "null";
    if (cJSON_IsBool(v)) return "boolean";
    if (cJSON_IsString(v)) return "string";
    if (cJSON_IsArray(v)) return "array";
    if (cJSON_IsObject(v)) return "object";
    int64_t i;
    if (ksrv_json_int64(v, &i)) return "integer";
    return "number";
}

/* Go %v of a schema number (minimum: 1, 1.5). */
static void num_text(const cJSON *n, char *buf, size_t sz) {
    double d = n->valuedouble;
    if (cJSON_IsRaw(n)) snprintf(buf, sz, "%s", n->valuestring);
    else if (d == floor(d) && fabs(d) < 1e15) snprintf(buf, sz, "%.0f", d);
    else snprintf(buf, sz, "%g", d);
}

static double num_of(const cJSON *v) {
    if (cJSON_IsRaw(v)) return strtod(v->valuestring, NULL);
    return v->valuedouble;
}

/* Translates an ECMA-262 pattern to POSIX ERE (common escapes only) and matches. Returns 1
 * match, 0 no match, -1 pattern not understood (treated as matching). */
static int pattern_match(const char *pat, const char *s) {
    char ere[2048];
    size_t o = 0;
    for (const char *p = pat; *p && o + 16 < sizeof ere; p++) {
        if (*p == '\\' && p[1]) {
            const char *rep = NULL;
            char one[3] = {'\\', p[1], 0};
            switch (p[1]) {
            case 'd': rep = "[0-9]"; break;
            case 'D': rep = "[^0-9]"; break;
            case 'w': rep = "[A-Za-z0-9_]"; break;
            case 'W': rep = "[^A-Za-z0-9_]"; break;
            case 's': rep = "[[:space:]]"; break;
            case 'S': rep = "[^[:space:]]"; break;
            case '/': rep = "/"; break;
            case '-': rep = "-"; break;
            default: rep = one;
            }
            size_t l = strlen(rep);
            memcpy(ere + o, rep, l);
            o += l;
            p++;
        } else {
            ere[o++] = *p;
        }
    }
    ere[o] = '\0';
    regex_t re;
    if (regcomp(&re, ere, REG_EXTENDED | REG_NOSUB)) return -1;
    int rc = regexec(&re, s, 0, NULL, 0) == 0;
    regfree(&re);
    return rc;
}

static void detail_err(ksrv_status_t *st, ksrv_field_error_type_t t, const path_t *p,
                       const cJSON *v, const char *form, const char *arg) {
    char detail[1536];
    char msg[1024];
    snprintf(msg, sizeof msg, form, arg);
    fmt(detail, sizeof detail, "%s in body %s", p->s, msg);
    ksrv_status_add_field_error(st, t, p->s, v, detail);
}

static int validate(const cJSON *s, const cJSON *v, const path_t *p, ksrv_status_t *st);

static bool type_ok(const cJSON *s, const cJSON *v, const path_t *p, ksrv_status_t *st) {
    const char *want = cJSON_GetStringValue(get(s, "type"));
    const char *have = type_of(v);
    if (cJSON_IsNull(v)) {
        if (flag(s, "nullable") || !want) return false; /* valid, nothing more to check */
    }
    if (flag(s, "x-kubernetes-int-or-string")) {
        if (!strcmp(have, "integer") || !strcmp(have, "string")) return true;
        cJSON *tv = cJSON_CreateString(have);
        char d[1200];
        snprintf(d, sizeof d, "%s in body must be of type integer,string: \"%s\"", p->s, have);
        ksrv_status_add_field_error(st, KSRV_FE_TYPE_INVALID, p->s, tv, d);
        cJSON_Delete(tv);
        return false;
    }
    if (!want || !strcmp(want, have) || (!strcmp(want, "number") && !strcmp(have, "integer")))
        return true;
    cJSON *tv = cJSON_CreateString(have);
    char d[1200];
    snprintf(d, sizeof d, "%s in body must be of type %s: \"%s\"", p->s, want, have);
    ksrv_status_add_field_error(st, KSRV_FE_TYPE_INVALID, p->s, tv, d);
    cJSON_Delete(tv);
    return false;
}

static void check_enum(const cJSON *s, const cJSON *v, const path_t *p, ksrv_status_t *st) {
    const cJSON *en = get(s, "enum"), *e;
    if (!cJSON_IsArray(en)) return;
    cJSON_ArrayForEach(e, en) if (cJSON_Compare(e, v, 1)) return;
    char list[2048] = "supported values: ";
    size_t o = strlen(list);
    int i = 0;
    cJSON_ArrayForEach(e, en) {
        char q[512], raw[256];
        if (cJSON_IsString(e)) ksrv_go_quote(e->valuestring, q, sizeof q);
        else {
            char *t = cJSON_PrintUnformatted(e);
            snprintf(raw, sizeof raw, "%s", t ? t : "");
            free(t);
            ksrv_go_quote(raw, q, sizeof q);
        }
        o += (size_t)snprintf(list + o, o < sizeof list ? sizeof list - o : 0, "%s%s", i++ ? ", " : "", q);
        if (o >= sizeof list) break;
    }
    ksrv_status_add_field_error(st, KSRV_FE_NOT_SUPPORTED, p->s, v, list);
}

static void check_number(const cJSON *s, const cJSON *v, const path_t *p, ksrv_status_t *st) {
    const cJSON *mn = get(s, "minimum"), *mx = get(s, "maximum"), *mo = get(s, "multipleOf");
    double d = num_of(v);
    char t[64];
    if (ksrv_json_is_number(mn)) {
        bool ex = flag(s, "exclusiveMinimum");
        num_text(mn, t, sizeof t);
        if (ex ? d <= num_of(mn) : d < num_of(mn))
            detail_err(st, KSRV_FE_INVALID, p, v,
                       ex ? "should be greater than %s" : "should be greater than or equal to %s", t);
    }
    if (ksrv_json_is_number(mx)) {
        bool ex = flag(s, "exclusiveMaximum");
        num_text(mx, t, sizeof t);
        if (ex ? d >= num_of(mx) : d > num_of(mx))
            detail_err(st, KSRV_FE_INVALID, p, v,
                       ex ? "should be less than %s" : "should be less than or equal to %s", t);
    }
    if (ksrv_json_is_number(mo) && num_of(mo) != 0) {
        double q = d / num_of(mo);
        if (q != floor(q)) {
            num_text(mo, t, sizeof t);
            detail_err(st, KSRV_FE_INVALID, p, v, "should be a multiple of %s", t);
        }
    }
}

/* UTF-8 code points, as Go's utf8.RuneCountInString. */
static long runes(const char *s) {
    long n = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80) n++;
    return n;
}

static void check_string(const cJSON *s, const cJSON *v, const path_t *p, ksrv_status_t *st) {
    int64_t lim;
    char t[64];
    long len = runes(v->valuestring);
    if (ksrv_json_int64(get(s, "maxLength"), &lim) && len > lim) {
        snprintf(t, sizeof t, "%lld", (long long)lim);
        detail_err(st, KSRV_FE_INVALID, p, v, "should be at most %s chars long", t);
    }
    if (ksrv_json_int64(get(s, "minLength"), &lim) && len < lim) {
        snprintf(t, sizeof t, "%lld", (long long)lim);
        detail_err(st, KSRV_FE_INVALID, p, v, "should be at least %s chars long", t);
    }
    const char *pat = cJSON_GetStringValue(get(s, "pattern"));
    if (pat && pattern_match(pat, v->valuestring) == 0)
        detail_err(st, KSRV_FE_INVALID, p, v, "should match '%s'", pat);
}

static void check_array(const cJSON *s, const cJSON *v, const path_t *p, ksrv_status_t *st) {
    int64_t lim;
    char t[64];
    int n = cJSON_GetArraySize(v);
    if (ksrv_json_int64(get(s, "maxItems"), &lim) && n > lim) {
        snprintf(t, sizeof t, "%lld", (long long)lim);
        detail_err(st, KSRV_FE_TOO_MANY, p, v, "should have at most %s items", t);
    }
    if (ksrv_json_int64(get(s, "minItems"), &lim) && n < lim) {
        snprintf(t, sizeof t, "%lld", (long long)lim);
        detail_err(st, KSRV_FE_INVALID, p, v, "should have at least %s items", t);
    }
    const char *lt = cJSON_GetStringValue(get(s, "x-kubernetes-list-type"));
    if (flag(s, "uniqueItems") || (lt && !strcmp(lt, "set"))) {
        int i = 0;
        const cJSON *a;
        cJSON_ArrayForEach(a, v) {
            const cJSON *b = a->next;
            for (; b; b = b->next)
                if (cJSON_Compare(a, b, 1)) break;
            if (b) {
                path_t sub;
                path_index(&sub, p, i);
                ksrv_status_add_field_error(st, KSRV_FE_DUPLICATE, sub.s, a, NULL);
                break;
            }
            i++;
        }
    }
    const cJSON *items = get(s, "items"), *e;
    int i = 0;
    cJSON_ArrayForEach(e, v) {
        path_t sub;
        path_index(&sub, p, i++);
        validate(items, e, &sub, st);
    }
}

static void check_object(const cJSON *s, const cJSON *v, const path_t *p, ksrv_status_t *st) {
    const cJSON *req = get(s, "required"), *r;
    cJSON_ArrayForEach(r, req) {
        if (!cJSON_IsString(r) || cJSON_GetObjectItemCaseSensitive(v, r->valuestring)) continue;
        path_t sub;
        path_field(&sub, p, r->valuestring);
        ksrv_status_add_field_error(st, KSRV_FE_REQUIRED, sub.s, NULL, NULL);
    }
    const cJSON *props = get(s, "properties"), *addl = get(s, "additionalProperties"), *m;
    bool root = p->s[0] == '\0';
    cJSON_ArrayForEach(m, v) {
        if ((root || flag(s, "x-kubernetes-embedded-resource")) &&
            (!strcmp(m->string, "metadata") || !strcmp(m->string, "apiVersion") ||
             !strcmp(m->string, "kind")))
            continue; /* ObjectMeta/TypeMeta are validated elsewhere */
        const cJSON *ps = props ? get(props, m->string) : NULL;
        path_t sub;
        if (ps) {
            path_field(&sub, p, m->string);
            validate(ps, m, &sub, st);
        } else if (cJSON_IsObject(addl)) {
            path_key(&sub, p, m->string);
            validate(addl, m, &sub, st);
        }
    }
}

static int validate(const cJSON *s, const cJSON *v, const path_t *p, ksrv_status_t *st) {
    if (!s || !v) return 0;
    if (!type_ok(s, v, p, st)) return 0;
    check_enum(s, v, p, st);
    if (ksrv_json_is_number(v)) check_number(s, v, p, st);
    else if (cJSON_IsString(v)) check_string(s, v, p, st);
    else if (cJSON_IsArray(v)) check_array(s, v, p, st);
    else if (cJSON_IsObject(v)) check_object(s, v, p, st);
    return 0;
}

/* Causes sorted by field (stable), as the recorded answers list them. */
static void sort_causes(cJSON *causes) {
    int n = cJSON_GetArraySize(causes);
    if (n < 2) return;
    cJSON **v = calloc((size_t)n, sizeof *v);
    for (int i = 0; i < n; i++) v[i] = cJSON_DetachItemFromArray(causes, 0);
    for (int i = 1; i < n; i++) {
        cJSON *x = v[i];
        const char *xf = cJSON_GetStringValue(get(x, "field"));
        int j = i - 1;
        while (j >= 0 && strcmp(cJSON_GetStringValue(get(v[j], "field")) ? cJSON_GetStringValue(get(v[j], "field")) : "",
                                xf ? xf : "") > 0) {
            v[j + 1] = v[j];
            j--;
        }
        v[j + 1] = x;
    }
    for (int i = 0; i < n; i++) cJSON_AddItemToArray(causes, v[i]);
    free(v);
}

int ksrv_schema_validate(const cJSON *schema, const cJSON *obj, ksrv_status_t *st) {
    int before = cJSON_GetArraySize(st->causes);
    path_t root = {{0}};
    validate(schema, obj, &root, st);
    int after = cJSON_GetArraySize(st->causes);
    if (after > before && before == 0) sort_causes(st->causes);
    return after - before;
}

/* ---------------- ObjectMeta ---------------- */

static bool dns_label_part(const char *s, size_t n) {
    if (n == 0 || n > 63) return false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (!alnum && !(c == '-' && i > 0 && i + 1 < n)) return false;
    }
    return true;
}

static bool dns_subdomain(const char *s) {
    size_t len = strlen(s);
    if (len == 0 || len > 253) return false;
    for (const char *p = s;;) {
        const char *dot = strchr(p, '.');
        size_t n = dot ? (size_t)(dot - p) : strlen(p);
        if (!dns_label_part(p, n)) return false;
        if (!dot) return true;
        p = dot + 1;
    }
}

#define DNS1123_SUBDOMAIN_MSG                                                                  \
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' " \
    "or '.', and must start and end with an alphanumeric character (e.g. 'example.com', "     \
    "regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"

static void check_name(const char *field, const char *name, bool prefix, ksrv_status_t *st) {
    char buf[512];
    snprintf(buf, sizeof buf, "%s", name);
    size_t n = strlen(buf);
    if (prefix && n && buf[n - 1] == '-') buf[n - 1] = 'a'; /* maskTrailingDash */
    if (dns_subdomain(buf)) return;
    cJSON *v = cJSON_CreateString(name);
    if (strlen(name) > 253)
        ksrv_status_add_field_error(st, KSRV_FE_INVALID, field, v, "must be no more than 253 characters");
    else
        ksrv_status_add_field_error(st, KSRV_FE_INVALID, field, v, DNS1123_SUBDOMAIN_MSG);
    cJSON_Delete(v);
}

int ksrv_validate_object_meta(const cJSON *obj, bool is_create, ksrv_status_t *st) {
    int before = cJSON_GetArraySize(st->causes);
    const cJSON *md = get(obj, "metadata");
    const char *name = cJSON_GetStringValue(get(md, "name"));
    const char *gen = cJSON_GetStringValue(get(md, "generateName"));
    if (gen && *gen) check_name("metadata.generateName", gen, true, st);
    if (!name || !*name) {
        if (!gen || !*gen || !is_create)
            ksrv_status_add_field_error(st, KSRV_FE_REQUIRED, "metadata.name", NULL,
                                        "name or generateName is required");
    } else {
        check_name("metadata.name", name, false, st);
    }
    return cJSON_GetArraySize(st->causes) - before;
}

/* ---------------- admission of a custom resource ---------------- */

int ksrv_schema_admit(const cJSON *schema, cJSON *obj, const char *group, const char *version,
                      const char *kind, ksrv_field_validation_t fv, cJSON *warnings,
                      ksrv_status_t *st) {
    cJSON *pruned = cJSON_CreateArray();
    ksrv_schema_prune(schema, obj, pruned);
    int np = cJSON_GetArraySize(pruned);
    if (np && fv == KSRV_FV_STRICT) {
        char list[3000];
        size_t o = 0;
        list[0] = '\0';
        const cJSON *e;
        cJSON_ArrayForEach(e, pruned) {
            char q[600];
            ksrv_go_quote(e->valuestring, q, sizeof q);
            o += (size_t)snprintf(list + o, o < sizeof list ? sizeof list - o : 0,
                                  "%sunknown field %s", o ? ", " : "", q);
            if (o >= sizeof list) break;
        }
        cJSON_Delete(pruned);
        return ksrv_status_set(st, 400, "BadRequest",
                               "%s in version \"%s\" cannot be handled as a %s: strict decoding "
                               "error: %s",
                               kind, version, kind, list);
    }
    if (np && fv == KSRV_FV_WARN && warnings) {
        const cJSON *e;
        cJSON_ArrayForEach(e, pruned) {
            char q[600], w[700];
            ksrv_go_quote(e->valuestring, q, sizeof q);
            snprintf(w, sizeof w, "unknown field %s", q);
            cJSON_AddItemToArray(warnings, cJSON_CreateString(w));
        }
    }
    cJSON_Delete(pruned);
    ksrv_schema_default(schema, obj);
    if (ksrv_schema_validate(schema, obj, st) > 0) {
        const char *name = cJSON_GetStringValue(get(get(obj, "metadata"), "name"));
        return ksrv_status_invalid(st, group, kind, name ? name : "");
    }
    return 0;
}

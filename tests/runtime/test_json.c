/* test_json.c - kc_json_decode / kc_json_encode against hand-written descriptors. */
#include <cjson/cJSON.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h" /* kc__json_decode_scattered: the decoder alone */
#include "kc/alloc.h"
#include "kc/object.h"
#include "testtypes.h"
#include "testutil.h"

/* Expects decode to fail with `code` and a message equal to `msg` (or, when
 * msg ends in '*', starting with it). */
static void decode_fails(const kc_type_t *t, const char *in, int code, const char *msg)
{
    char obj[4096];
    memset(obj, 0xAB, sizeof(obj));
    kc_error_t err = KC_ERROR_INIT;
    int rc = kc_json_decode(t, obj, in, strlen(in), &err);
    CHECK_INT(rc, code);
    CHECK_INT(err.code, code);
    if (msg) {
        size_t n = strlen(msg);
        if (n && msg[n - 1] == '*') {
            if (strncmp(err.message, msg, n - 1) != 0) {
                tu_checks_failed++;
                fprintf(stderr, "message \"%s\" does not start with \"%.*s\"\n", err.message,
                        (int)n - 1, msg);
            }
        } else {
            CHECK_STR(err.message, msg);
        }
    }
    /* on failure *out is left empty */
    static const char zero[4096];
    CHECK(memcmp(obj, zero, t->size) == 0);
    kc_error_clear(&err);
}

static void test_descriptors_are_valid(void)
{
    kc_error_t err = KC_ERROR_INIT;
    CHECK_INT(kc_type_check(&t_job_desc, &err), 0);
    CHECK_INT(kc_type_check(&t_job_list_desc, &err), 0);
    CHECK_INT(kc_type_check(&t_zoo_desc, &err), 0);
    CHECK_INT(kc_type_check(&kc_str_entry_desc, &err), 0);
    CHECK_INT(kc_type_check(&kc_quantity_entry_desc, &err), 0);
    if (err.code)
        fprintf(stderr, "  %s\n", err.message);

    /* and the checker catches an unsorted table */
    static const uint16_t bad_by_name[] = {1, 0};
    kc_type_t bad = kc_str_entry_desc;
    bad.by_name = bad_by_name;
    CHECK_INT(kc_type_check(&bad, &err), KC_EINVAL);
    CHECK_STR(err.message, "descriptor kc_str_entry.key: by_name not sorted (or a duplicate name)");
}

/* Every kind in every shape, non-zero, written in field order: comes back
 * byte for byte. */
static const char *const ZOO_FULL =
    "{\"s\":\"str\",\"b\":true,\"i32\":-42,\"i64\":9007199254740993,\"d\":0.1,"
    "\"t\":\"2026-11-22T14:51:00Z\",\"mt\":\"2026-11-22T14:51:00.123456Z\",\"q\":\"500m\","
    "\"ios\":\"25%\",\"j\":{\"a\":[1,2.50,\"x\"],\"b\":null},\"st\":{\"name\":\"n\",\"value\":\"v\"},"
    "\"pS\":\"ps\",\"pB\":false,\"pI32\":0,\"pI64\":-9223372036854775808,\"pD\":-1.5e-7,"
    "\"pT\":\"1970-01-01T00:00:01Z\",\"pMt\":\"2000-02-29T00:00:00.000001Z\",\"pQ\":8,\"pIos\":80,"
    "\"pJ\":\"s\",\"pSt\":{\"name\":\"\"},"
    "\"lS\":[\"a\",\"\",null],\"lB\":[true,false],\"lI32\":[1,-1,2147483647,-2147483648],"
    "\"lI64\":[9223372036854775807],\"lD\":[1e+300,3,1e+21,100000000000000000000,0.000001,1e-7,"
    "-0,123.456,5e-324,1.7976931348623157e+308],"
    "\"lT\":[\"2026-01-01T00:00:00Z\",null],\"lMt\":[\"2026-01-01T00:00:00.500000Z\"],"
    "\"lQ\":[\"1Gi\",2.5],\"lIos\":[1,\"x\"],\"lJ\":[{},[],null,true,\"\\u0000\"],"
    "\"lSt\":[{\"name\":\"a\"},{\"name\":\"b\",\"value\":\"c\"}],"
    "\"ms\":{\"a\":\"1\",\"b\":null},\"mq\":{\"cpu\":\"500m\",\"mem\":1024},"
    "\"mi32\":{\"x\":1,\"y\":-2},\"mpst\":{\"e\":{\"name\":\"z\"},\"f\":null},"
    "\"mj\":{\"k\":[1,{\"x\":null}]},\"mst\":{\"k\":{\"name\":\"q\"}},"
    "\"reqS\":\"r\",\"reqI32\":7,\"reqSt\":{\"name\":\"rs\"},\"reqL\":[\"x\"]}";

static void test_every_kind_roundtrips(void)
{
    tu_roundtrip_exact(&t_zoo_desc, ZOO_FULL, NULL);

    t_zoo_t z;
    kc_error_t err = KC_ERROR_INIT;
    CHECK_INT(kc_json_decode(&t_zoo_desc, &z, ZOO_FULL, strlen(ZOO_FULL), &err), 0);
    CHECK_STR(z.s, "str");
    CHECK(z.b);
    CHECK_INT(z.i32, -42);
    CHECK(z.i64 == 9007199254740993LL);
    CHECK(z.d == 0.1);
    CHECK(z.t.sec == 1795359060 && z.t.nsec == 0);
    CHECK(z.mt.sec == 1795359060 && z.mt.nsec == 123456000);
    CHECK_STR(z.q.str, "500m");
    CHECK(!z.q.number);
    CHECK(z.ios.type == KC_INT_OR_STRING_STRING);
    CHECK_STR(z.ios.str_val, "25%");
    CHECK_STR(z.j.text, "{\"a\":[1,2.50,\"x\"],\"b\":null}");
    CHECK_STR(z.st.name, "n");
    CHECK(z.ps && strcmp(*z.ps, "ps") == 0);
    CHECK(z.pb && !*z.pb);
    CHECK(z.pi64 && *z.pi64 == INT64_MIN);
    CHECK(z.pq && z.pq->number && strcmp(z.pq->str, "8") == 0);
    CHECK(z.pios && z.pios->type == KC_INT_OR_STRING_INT && z.pios->int_val == 80);
    CHECK_INT(z.n_ls, 3);
    CHECK(z.ls[2] == NULL);
    CHECK_INT(z.n_li32, 4);
    CHECK(z.li32[3] == INT32_MIN);
    CHECK_INT(z.n_ms, 2);
    CHECK_STR(z.ms[0].key, "a");
    CHECK(z.ms[1].value == NULL);
    CHECK_INT(z.n_mpst, 2);
    CHECK(z.mpst[1].value == NULL);
    CHECK_STR(z.mpst[0].value->name, "z");
    CHECK_INT(z.n_mi32, 2);
    CHECK_INT(z.mi32[1].value, -2);
    CHECK_STR(z.lj[4].text, "\"\\u0000\"");
    CHECK(z.unknown.present != 0 && (z.unknown.present & KC_UNKNOWN_DECODED));
    CHECK(z.unknown.present & KC_UNKNOWN_BLOCK); /* a decoded object is block-backed */
    CHECK(*kc_unknown_text(&z.unknown) == NULL);
    kc_object_free(&t_zoo_desc, &z);
}

static void test_int64_exact(void)
{
    const char *in = "{\"metadata\":{\"generation\":9007199254740993}}";
    t_job_t j;
    CHECK_INT(kc_json_decode(&t_job_desc, &j, in, strlen(in), NULL), 0);
    CHECK(j.metadata.generation == 9007199254740993LL);
    kc_object_free(&t_job_desc, &j);
    tu_roundtrip_exact(&t_job_desc, in, NULL);
    tu_roundtrip_exact(&t_job_desc, "{\"metadata\":{\"generation\":-9223372036854775808}}", NULL);
    tu_roundtrip_exact(&t_job_desc, "{\"metadata\":{\"generation\":9223372036854775807}}", NULL);
    decode_fails(&t_job_desc, "{\"metadata\":{\"generation\":9223372036854775808}}", KC_ERANGE,
                 ".metadata.generation: 9223372036854775808 out of range for int64");
    decode_fails(&t_job_desc, "{\"metadata\":{\"generation\":-9223372036854775809}}", KC_ERANGE,
                 ".metadata.generation: -9223372036854775809 out of range for int64");
    decode_fails(&t_zoo_desc, "{\"i32\":2147483648}", KC_ERANGE,
                 ".i32: 2147483648 out of range for int32");
    decode_fails(&t_zoo_desc, "{\"lI32\":[1,-2147483649]}", KC_ERANGE,
                 ".lI32[1]: -2147483649 out of range for int32");
    decode_fails(&t_zoo_desc, "{\"pIos\":4294967296}", KC_ERANGE,
                 ".pIos: 4294967296 out of range for int32");
    decode_fails(&t_zoo_desc, "{\"i64\":1.0}", KC_ETYPE, ".i64: expected integer, got 1.0");
    decode_fails(&t_zoo_desc, "{\"i64\":1e3}", KC_ETYPE, ".i64: expected integer, got 1e3");
    decode_fails(&t_zoo_desc, "{\"d\":1e999}", KC_ERANGE, ".d: 1e999 out of range for double");
}

static const char *const JOB =
    "{\"apiVersion\":\"mindxdl.gitee.com/v1\",\"kind\":\"AscendJob\","
    "\"metadata\":{\"name\":\"j\",\"namespace\":\"default\",\"labels\":{\"app\":\"x\"}},"
    "\"spec\":{\"replicaSpecs\":{"
    "\"Master\":{\"replicas\":1,\"template\":{\"spec\":{\"containers\":[{\"name\":\"c\","
    "\"image\":\"i\",\"ports\":[{\"containerPort\":1}]}]}}},"
    "\"Worker\":{\"replicas\":2,\"template\":{\"spec\":{\"containers\":["
    "{\"name\":\"a\",\"ports\":[{\"containerPort\":80},{\"containerPort\":81}]}]}}}}}}";

static char *replace(const char *s, const char *from, const char *to)
{
    const char *at = strstr(s, from);
    if (!at)
        abort();
    size_t n = strlen(s) - strlen(from) + strlen(to);
    char *r = malloc(n + 1);
    size_t pre = (size_t)(at - s);
    memcpy(r, s, pre);
    strcpy(r + pre, to);
    strcat(r, at + strlen(from));
    return r;
}

static void test_path_errors(void)
{
    tu_roundtrip_exact(&t_job_desc, JOB, NULL);
    struct {
        const char *from, *to;
        int code;
        const char *msg;
    } cases[] = {
        {"\"replicas\":1", "\"replicas\":\"1\"", KC_ETYPE,
         ".spec.replicaSpecs.Master.replicas: expected integer, got string"},
        {"\"containerPort\":81", "\"containerPort\":\"81\"", KC_ETYPE,
         ".spec.replicaSpecs.Worker.template.spec.containers[0].ports[1].containerPort: "
         "expected integer, got string"},
        {"\"containerPort\":81", "\"containerPort\":81.5", KC_ETYPE,
         ".spec.replicaSpecs.Worker.template.spec.containers[0].ports[1].containerPort: "
         "expected integer, got 81.5"},
        {"\"containerPort\":81", "\"containerPort\":99999999999", KC_ERANGE,
         ".spec.replicaSpecs.Worker.template.spec.containers[0].ports[1].containerPort: "
         "99999999999 out of range for int32"},
        {"\"app\":\"x\"", "\"app\":1", KC_ETYPE,
         ".metadata.labels.app: expected string, got number"},
        {"\"labels\":{", "\"labels\":[{", KC_ETYPE, ".metadata.labels: expected object, got array"},
        {"\"containers\":[", "\"containers\":{\"x\":[", KC_ETYPE,
         ".spec.replicaSpecs.Master.template.spec.containers: expected array, got object"},
        {"\"kind\":\"AscendJob\"", "\"kind\":true", KC_ETYPE,
         ".kind: expected string, got boolean"},
        {"\"image\":\"i\"", "\"image\":{}", KC_ETYPE,
         ".spec.replicaSpecs.Master.template.spec.containers[0].image: expected string, got "
         "object"},
        {"\"Master\":{", "\"Master\":[{", KC_ETYPE,
         ".spec.replicaSpecs.Master: expected object, got array"},
        {"\"metadata\":{", "\"metadata\":\"x\",\"m\":{", KC_ETYPE,
         ".metadata: expected object, got string"},
        {"\"name\":\"j\"", "\"name\":\"j\\u0000\"", KC_ERANGE,
         ".metadata.name: string contains \\u0000, which a C string cannot hold"},
        {"\"name\":\"j\"", "\"name\":\"j\" \"x\"", KC_EPARSE,
         ".metadata: syntax error at byte 79: unexpected '\"' (expected ',' or '}')"},
        {"\"replicas\":2", "\"replicas\":02", KC_EPARSE,
         ".spec.replicaSpecs.Worker: syntax error at byte 285: unexpected '2' (expected ',' or "
         "'}')"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char *doc = replace(JOB, cases[i].from, cases[i].to);
        decode_fails(&t_job_desc, doc, cases[i].code, cases[i].msg);
        free(doc);
    }
    decode_fails(&t_job_desc, "[]", KC_ETYPE, "expected object, got array");
    decode_fails(&t_job_desc, "", KC_EPARSE,
                 "syntax error at byte 0: unexpected end of input (expected a JSON value)");
    decode_fails(
        &t_job_desc, "{} x", KC_EPARSE,
        "syntax error at byte 3: unexpected 'x' (trailing characters after the JSON value)");
    decode_fails(&t_job_desc, "{\"spec\":{\"runPolicy\":{\"backoffLimit\":1,}}}", KC_EPARSE,
                 ".spec.runPolicy: syntax error at byte 39: unexpected '}' (expected member name)");
    decode_fails(
        &t_job_desc, "{\"metadata\":{\"creationTimestamp\":\"2026-13-01T00:00:00Z\"}}", KC_ETYPE,
        ".metadata.creationTimestamp: expected RFC 3339 time, got \"2026-13-01T00:00:00Z\"");
}

static void test_whitespace_and_escaped_names(void)
{
    const char *in = " \n{ \"api\\u0056ersion\" :\t\"v\" ,\r\n \"metadata\" : { \"labels\" : "
                     "{ \"a\" : \"b\" , \"c\" : null } , \"finalizers\" : [ \"f\" , \"g\" ] } ,"
                     " \"x\" : [ 1 , { \"y\" : [ ] } , \"z\\\"\" ] } \n";
    tu_roundtrip_exact(&t_job_desc, in,
                    "{\"apiVersion\":\"v\",\"metadata\":{\"labels\":{\"a\":\"b\",\"c\":null},"
                    "\"finalizers\":[\"f\",\"g\"]},\"x\":[1,{\"y\":[]},\"z\\\"\"]}");
    /* "" is an ordinary unknown name, not the inline member (found by fuzzing) */
    tu_roundtrip_exact(&t_job_desc, "{\"\":{\"kind\":\"x\"},\"apiVersion\":\"v\"}",
                    "{\"apiVersion\":\"v\",\"\":{\"kind\":\"x\"}}");
}

static void test_strings(void)
{
    const char *in = "{\"metadata\":{\"name\":\"\\u00e9\\ud83d\\ude00\\n\\t\\\"\\\\\\/\\b\\f\\r"
                     "\\u0001\\u001f\\u007f\xc3\xa9<>&\"}}";
    t_job_t j;
    kc_error_t err = KC_ERROR_INIT;
    CHECK_INT(kc_json_decode(&t_job_desc, &j, in, strlen(in), &err), 0);
    CHECK_STR(j.metadata.name, "\xc3\xa9\xf0\x9f\x98\x80\n\t\"\\/\b\f\r\x01\x1f\x7f\xc3\xa9<>&");
    char *out;
    CHECK_INT(kc_json_encode(&t_job_desc, &j, &out, NULL, &err), 0);
    CHECK_STR(out, "{\"metadata\":{\"name\":\"\xc3\xa9\xf0\x9f\x98\x80\\n\\t\\\"\\\\/\\u0008\\u000c"
                   "\\r\\u0001\\u001f\x7f\xc3\xa9<>&\"}}");
    kc_free(out);
    kc_object_free(&t_job_desc, &j);

    decode_fails(&t_job_desc, "{\"kind\":\"\\ud800\"}", KC_EPARSE,
                 ".kind: syntax error at byte 9: unexpected '\\' (lone high surrogate)");
    decode_fails(&t_job_desc, "{\"kind\":\"\\ud800\\u0041\"}", KC_EPARSE, ".kind: syntax error*");
    decode_fails(&t_job_desc, "{\"kind\":\"\\udc00\"}", KC_EPARSE,
                 ".kind: syntax error at byte 9: unexpected '\\' (lone low surrogate)");
    decode_fails(&t_job_desc, "{\"kind\":\"\\x\"}", KC_EPARSE,
                 ".kind: syntax error at byte 9: unexpected '\\' (invalid escape)");
    decode_fails(&t_job_desc, "{\"kind\":\"\\u12G4\"}", KC_EPARSE, ".kind: syntax error*");
    decode_fails(&t_job_desc, "{\"kind\":\"a\nb\"}", KC_EPARSE,
                 ".kind: syntax error at byte 10: unexpected byte 0x0a (control character in "
                 "string)");
    decode_fails(&t_job_desc, "{\"zz\":\"\\ud800x\"}", KC_EPARSE, ".zz: syntax error*");
    /* a long string with escapes past the SWAR fast path */
    char doc[5000];
    strcpy(doc, "{\"kind\":\"");
    for (int i = 0; i < 400; i++)
        strcat(doc, "abcdefg\\\"");
    strcat(doc, "\"}");
    tu_roundtrip_exact(&t_job_desc, doc, NULL);
}

static void test_numbers(void)
{
    tu_roundtrip_exact(&t_zoo_desc, "{\"lD\":[0.1,0.2,0.30000000000000004,1.5,-2.25,1e+22,"
                                 "123456789012345680000,0.0000012,1.2e-7,2.5e-308,"
                                 "9007199254740993,1e+100]}",
                    "{\"lD\":[0.1,0.2,0.30000000000000004,1.5,-2.25,1e+22,"
                    "123456789012345680000,0.0000012,1.2e-7,2.5e-308,"
                    "9007199254740992,1e+100]}");
    /* spellings are normalised for typed doubles, kept for quantities and free JSON */
    tu_roundtrip_exact(&t_zoo_desc,
                       "{\"d\":1E2,\"q\":1.50e3,\"j\":1.0E+2,\"reqS\":\"\",\"reqI32\":0,"
                       "\"reqSt\":{\"name\":\"\"},\"reqL\":[]}",
                       "{\"d\":100,\"q\":1.50e3,\"j\":1.0E+2,\"reqS\":\"\",\"reqI32\":0,"
                       "\"reqSt\":{\"name\":\"\"},\"reqL\":[]}");
    const char *bad[] = {"{\"d\":-}", "{\"d\":1.}", "{\"d\":.5}", "{\"d\":1e}", "{\"d\":+1}",
                         "{\"d\":0x1}", "{\"d\":NaN}", "{\"d\":Infinity}", "{\"j\":01}",
                         "{\"j\":-01}", "{\"j\":1.e5}", "{\"j\":tru}", "{\"j\":nul}"};
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
        decode_fails(&t_zoo_desc, bad[i], KC_EPARSE, NULL);

    t_zoo_t z;
    kc_object_init(&t_zoo_desc, &z);
    double nan = strtod("nan", NULL), inf = strtod("inf", NULL);
    double list[2] = {1, nan};
    z.n_ld = 2;
    z.ld = list;
    char *out = (char *)1;
    kc_error_t err = KC_ERROR_INIT;
    CHECK_INT(kc_json_encode(&t_zoo_desc, &z, &out, NULL, &err), KC_EINVAL);
    CHECK(out == NULL);
    CHECK_STR(err.message, ".lD[1]: NaN cannot be written as JSON");
    z.n_ld = 0;
    z.d = -inf;
    CHECK_INT(kc_json_encode(&t_zoo_desc, &z, &out, NULL, &err), KC_EINVAL);
    CHECK_STR(err.message, ".d: infinity cannot be written as JSON");
}

static void test_times(void)
{
    struct {
        const char *in, *out;
    } ok[] = {
        {"2026-11-22T14:51:00Z", "2026-11-22T14:51:00Z"},
        {"2026-11-22T22:51:00+08:00", "2026-11-22T14:51:00Z"},
        {"2026-11-22T14:51:00.999999999Z", "2026-11-22T14:51:00Z"},
        {"2026-11-22T10:21:00.5-04:30", "2026-11-22T14:51:00Z"},
        {"1969-12-31T23:59:59Z", "1969-12-31T23:59:59Z"},
        {"0001-01-01T00:00:00Z", "0001-01-01T00:00:00Z"},
        {"9999-12-31T23:59:59Z", "9999-12-31T23:59:59Z"},
        {"2024-02-29T00:00:00Z", "2024-02-29T00:00:00Z"},
        {"2026-01-01T00:00:00\\u005a", "2026-01-01T00:00:00Z"},
    };
    char doc[256], want[256];
    for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
        snprintf(doc, sizeof(doc), "{\"metadata\":{\"creationTimestamp\":\"%s\"}}", ok[i].in);
        snprintf(want, sizeof(want), "{\"metadata\":{\"creationTimestamp\":\"%s\"}}", ok[i].out);
        tu_roundtrip_exact(&t_job_desc, doc, want);
    }
    const char *bad[] = {"2026-11-22 14:51:00Z", "2026-11-22T14:51:00", "2026-02-30T00:00:00Z",
                         "2026-11-22T24:00:00Z", "2026-11-22T14:60:00Z", "2026-11-22T14:51:60Z",
                         "2026-11-22T14:51:00.Z", "2026-11-22T14:51:00+0800", "",
                         "2026-11-22T14:51:00z", "2023-02-29T00:00:00Z", "2026-11-22T14:51:00ZZ",
                         "2026-11-22T14:51:00+24:00"};
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        snprintf(doc, sizeof(doc), "{\"metadata\":{\"creationTimestamp\":\"%s\"}}", bad[i]);
        decode_fails(&t_job_desc, doc, KC_ETYPE, ".metadata.creationTimestamp: expected RFC 3339*");
    }
    decode_fails(&t_job_desc, "{\"metadata\":{\"creationTimestamp\":5}}", KC_ETYPE,
                 ".metadata.creationTimestamp: expected RFC 3339 time string, got number");
    /* MicroTime keeps microseconds */
    tu_roundtrip_exact(
        &t_zoo_desc, "{\"mt\":\"2026-11-22T14:51:00.1Z\",\"lMt\":[\"2026-11-22T14:51:00Z\"]}",
        "{\"mt\":\"2026-11-22T14:51:00.100000Z\",\"lMt\":[\"2026-11-22T14:51:00.000000Z\"]}");
    /* times that cannot be written */
    t_zoo_t z;
    kc_object_init(&t_zoo_desc, &z);
    z.t.sec = 253402300800LL; /* year 10000 */
    char *out;
    kc_error_t err = KC_ERROR_INIT;
    CHECK_INT(kc_json_encode(&t_zoo_desc, &z, &out, NULL, &err), KC_EINVAL);
    CHECK_STR(err.message, ".t: time {253402300800, 0} cannot be written as RFC 3339");
}

static void test_quantity_int_or_string_json(void)
{
    tu_roundtrip_exact(
        &t_zoo_desc,
        "{\"q\":\"1.5Gi\",\"ios\":-3,\"j\":\"x\",\"lQ\":[\"0\",0,\"1e3\",1e3],"
        "\"lIos\":[\"\",0,2147483647],\"lJ\":[null,1,-2.5e-3,\"\\ud83d\\ude00\",[[[]]]],"
        "\"mq\":{\"cpu\":\"100m\"},\"reqS\":\"\",\"reqI32\":0,\"reqSt\":{\"name\":\"\"},"
        "\"reqL\":[]}",
        NULL);
    decode_fails(&t_zoo_desc, "{\"q\":true}", KC_ETYPE,
                 ".q: expected quantity (string or number), got boolean");
    decode_fails(&t_zoo_desc, "{\"ios\":1.5}", KC_ETYPE, ".ios: expected integer, got 1.5");
    decode_fails(&t_zoo_desc, "{\"ios\":[]}", KC_ETYPE,
                 ".ios: expected integer or string, got array");
    decode_fails(&t_zoo_desc, "{\"mq\":{\"cpu\":{}}}", KC_ETYPE,
                 ".mq.cpu: expected quantity (string or number), got object");
    /* a quantity marked as number that is no number is written as a string */
    t_zoo_t z;
    kc_object_init(&t_zoo_desc, &z);
    z.q.str = "500m";
    z.q.number = true;
    char *out;
    CHECK_INT(kc_json_encode(&t_zoo_desc, &z, &out, NULL, NULL), 0);
    CHECK(strncmp(out, "{\"q\":\"500m\",", 12) == 0);
    kc_free(out);
}

static void nest(char *buf, const char *open, const char *mid, const char *close, int n)
{
    buf[0] = '\0';
    strcat(buf, "{\"x\":");
    for (int i = 0; i < n; i++)
        strcat(buf, open);
    strcat(buf, mid);
    for (int i = 0; i < n; i++)
        strcat(buf, close);
    strcat(buf, "}");
}

static void test_depth_limit(void)
{
    static char doc[8000];
    nest(doc, "[", "1", "]", KC_MAX_DEPTH - 1); /* the outer object is one level */
    tu_roundtrip_exact(&t_job_desc, doc, NULL);
    nest(doc, "[", "1", "]", KC_MAX_DEPTH);
    decode_fails(&t_job_desc, doc, KC_EDEPTH, ".x: nesting deeper than 128 at byte 132");
    nest(doc, "{\"a\":", "1", "}", 500);
    decode_fails(&t_job_desc, doc, KC_EDEPTH, NULL);
    nest(doc, "[", "", "", 3000);
    decode_fails(&t_job_desc, doc, KC_EDEPTH, NULL);
    /* inside a kc_json_t member too */
    strcpy(doc, "{\"metadata\":{\"managedFields\":[{\"fieldsV1\":");
    for (int i = 0; i < 200; i++)
        strcat(doc, "{\"f\":");
    decode_fails(&t_job_desc, doc, KC_EDEPTH, NULL);
}

/* Every prefix of a valid document is invalid, fails cleanly, leaks nothing. */
static void test_truncations_fail_cleanly(void)
{
    size_t n = strlen(ZOO_FULL);
    char *buf = malloc(n);
    for (size_t cut = 0; cut < n; cut++) {
        memcpy(buf, ZOO_FULL, cut);
        t_zoo_t z;
        memset(&z, 0x5A, sizeof(z));
        kc_error_t err = KC_ERROR_INIT;
        int rc = kc_json_decode(&t_zoo_desc, &z, buf, cut, &err);
        if (rc != KC_EPARSE) {
            tu_checks_failed++;
            fprintf(stderr, "cut %zu: rc %d (%s)\n", cut, rc, err.message);
        }
        t_zoo_t zero;
        memset(&zero, 0, sizeof(zero));
        CHECK(memcmp(&z, &zero, sizeof(z)) == 0);
    }
    /* and every single-byte corruption fails or decodes to something that
     * encodes and decodes again */
    const char junk[] = {'"', '{', '}', '[', ']', ',', ':', '\\', 'x', '0', ' ', '\0', '\x80'};
    for (size_t at = 0; at < n; at++) {
        for (size_t k = 0; k < sizeof(junk); k++) {
            memcpy(buf, ZOO_FULL, n);
            buf[at] = junk[k];
            t_zoo_t z;
            if (kc_json_decode(&t_zoo_desc, &z, buf, n, NULL) == 0) {
                char *out;
                size_t len;
                CHECK_INT(kc_json_encode(&t_zoo_desc, &z, &out, &len, NULL), 0);
                t_zoo_t z2;
                CHECK_INT(kc_json_decode(&t_zoo_desc, &z2, out, len, NULL), 0);
                kc_object_free(&t_zoo_desc, &z2);
                kc_free(out);
                kc_object_free(&t_zoo_desc, &z);
            }
        }
    }
    free(buf);
}

static int decode_scattered(const kc_type_t *t, void *out, const char *json, size_t len,
                            kc_error_t *err)
{
    return kc__json_decode_scattered(t, out, json, len, "", err);
}

/* Fail the N-th allocation, for every N up to the number a clean decode
 * makes: KC_ENOMEM (or success, where the allocation was only an optional
 * shrink), *out empty, nothing leaked.  Both the decoder alone (one
 * allocation per member) and kc_json_decode (the decoder in an arena, then
 * one block: few allocations, none for a small object's scratch). */
static void test_decode_allocation_failures(void)
{
    const char *docs[] = {ZOO_FULL, JOB};
    const kc_type_t *types[] = {&t_zoo_desc, &t_job_desc};
    int (*decoders[])(const kc_type_t *, void *, const char *, size_t, kc_error_t *) = {
        decode_scattered, kc_json_decode};
    for (int d = 0; d < 4; d++) {
        int (*decode)(const kc_type_t *, void *, const char *, size_t, kc_error_t *) =
            decoders[d / 2];
        char obj[2048];
        tu_fail_reset(0);
        CHECK_INT(decode(types[d % 2], obj, docs[d % 2], strlen(docs[d % 2]), NULL), 0);
        long total = tu_alloc_count;
        kc_object_free(types[d % 2], obj);
        int failures = 0;
        for (long n = 1; n <= total; n++) {
            kc_error_t err = KC_ERROR_INIT;
            long live = tu_live;
            tu_fail_reset(n);
            memset(obj, 0x11, sizeof(obj));
            int rc = decode(types[d % 2], obj, docs[d % 2], strlen(docs[d % 2]), &err);
            tu_fail_reset(0);
            if (rc == 0) {
                kc_object_free(types[d % 2], obj);
            } else {
                failures++;
                CHECK_INT(rc, KC_ENOMEM);
                size_t ml = strlen(err.message);
                CHECK(ml >= 13 && strcmp(err.message + ml - 13, "out of memory") == 0);
                static const char zero[2048];
                CHECK(memcmp(obj, zero, types[d % 2]->size) == 0);
            }
            CHECK_INT(tu_live, live);
        }
        CHECK(failures > (d < 2 ? 20 : 0));
    }
}

static void test_encode_allocation_failures(void)
{
    t_zoo_t z;
    CHECK_INT(kc_json_decode(&t_zoo_desc, &z, ZOO_FULL, strlen(ZOO_FULL), NULL), 0);
    for (long n = 1;; n++) {
        char *out = NULL;
        long live = tu_live;
        tu_fail_reset(n);
        int rc = kc_json_encode(&t_zoo_desc, &z, &out, NULL, NULL);
        tu_fail_reset(0);
        if (rc == 0) {
            CHECK_STR(out, ZOO_FULL);
            kc_free(out);
            break;
        }
        CHECK_INT(rc, KC_ENOMEM);
        CHECK(out == NULL);
        CHECK_INT(tu_live, live);
        if (n > 1000)
            break;
    }
    kc_object_free(&t_zoo_desc, &z);
}

/* Every AscendJob and AscendJobList body the real server sent decodes and
 * encodes back to the same JSON (member order aside), and a second round
 * trip is byte-identical. */
static int roundtrip_value(const cJSON *v)
{
    if (!cJSON_IsObject(v))
        return 0;
    const cJSON *kind = cJSON_GetObjectItemCaseSensitive(v, "kind");
    const kc_type_t *t = NULL;
    if (cJSON_IsString(kind) && strcmp(kind->valuestring, "AscendJob") == 0)
        t = &t_job_desc;
    else if (cJSON_IsString(kind) && strcmp(kind->valuestring, "AscendJobList") == 0)
        t = &t_job_list_desc;
    if (!t)
        return 0;
    char *text = cJSON_PrintUnformatted(v);
    union {
        t_job_t j;
        t_job_list_t l;
    } obj, obj2;
    kc_error_t err = KC_ERROR_INIT;
    int rc = kc_json_decode(t, &obj, text, strlen(text), &err);
    CHECK_INT(rc, 0);
    if (rc) {
        fprintf(stderr, "  %s\n", err.message);
        free(text);
        return 0;
    }
    char *out, *out2;
    size_t len;
    CHECK_INT(kc_json_encode(t, &obj, &out, &len, &err), 0);
    CHECK(tu_json_same(text, out));
    CHECK_INT(kc_json_decode(t, &obj2, out, len, &err), 0);
    CHECK(kc_object_equal(t, &obj, &obj2));
    CHECK_INT(kc_json_encode(t, &obj2, &out2, NULL, &err), 0);
    CHECK_STR(out2, out);
    kc_free(out);
    kc_free(out2);
    kc_object_free(t, &obj);
    kc_object_free(t, &obj2);
    free(text);
    return 1;
}

static void test_recorded_objects_roundtrip(void)
{
    const char *files[] = {"ascendjob-crud.json", "watch-streams.json", "expiry-and-410.json"};
    int objects = 0;
    for (size_t f = 0; f < sizeof(files) / sizeof(files[0]); f++) {
        char *text = tu_read_testdata(files[f], NULL);
        CHECK(text != NULL);
        if (!text)
            continue;
        cJSON *root = cJSON_Parse(text);
        const cJSON *step;
        cJSON_ArrayForEach(step, cJSON_GetObjectItem(root, "steps"))
        {
            const cJSON *resp = cJSON_GetObjectItem(step, "response");
            objects += roundtrip_value(cJSON_GetObjectItem(resp, "json"));
            const cJSON *req = cJSON_GetObjectItem(step, "request");
            objects += roundtrip_value(cJSON_GetObjectItem(req, "json"));
        }
        cJSON_Delete(root);
        free(text);
    }
    CHECK(objects >= 20);
}

static void test_bad_arguments(void)
{
    t_job_t j;
    kc_error_t err = KC_ERROR_INIT;
    CHECK_INT(kc_json_decode(NULL, &j, "{}", 2, &err), KC_EINVAL);
    CHECK_INT(kc_json_decode(&t_job_desc, NULL, "{}", 2, &err), KC_EINVAL);
    CHECK_INT(kc_json_decode(&t_job_desc, &j, NULL, 2, &err), KC_EINVAL);
    CHECK_INT(kc_json_decode(&t_job_desc, &j, NULL, 0, NULL), KC_EPARSE);
    char *out;
    CHECK_INT(kc_json_encode(&t_job_desc, NULL, &out, NULL, &err), KC_EINVAL);
    CHECK_INT(kc_json_encode(&t_job_desc, &j, NULL, NULL, &err), KC_EINVAL);
    /* embedded NUL bytes in the input are not JSON */
    decode_fails(&t_job_desc, "{\"kind\":\"a\0b\"}", KC_EPARSE, NULL);
    CHECK_INT(kc_json_decode(&t_job_desc, &j, "{\"kind\":\"a\0b\"}", 14, NULL), KC_EPARSE);
}

TU_MAIN("runtime_json", TU_CASE(test_descriptors_are_valid), TU_CASE(test_every_kind_roundtrips),
        TU_CASE(test_int64_exact), TU_CASE(test_path_errors),
        TU_CASE(test_whitespace_and_escaped_names), TU_CASE(test_strings), TU_CASE(test_numbers),
        TU_CASE(test_times), TU_CASE(test_quantity_int_or_string_json), TU_CASE(test_depth_limit),
        TU_CASE(test_truncations_fail_cleanly), TU_CASE(test_decode_allocation_failures),
        TU_CASE(test_encode_allocation_failures), TU_CASE(test_recorded_objects_roundtrip),
        TU_CASE(test_bad_arguments))

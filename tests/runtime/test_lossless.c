/* test_lossless.c - what decode -> encode keeps: explicit zero, empty and
 * null members, presence bits, +required and omitempty, unknown members at
 * every level, repeated members; and that a member set after decoding
 * replaces what kc_unknown_t.text kept of it. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kc/alloc.h"
#include "kc/object.h"
#include "testtypes.h"
#include "testutil.h"

/* Every member spelled out as zero or empty; the zero times are kept as
 * unknown members (a zero kc_time_t that is present means null), so they
 * come back after the members. */
#define ZERO_TIMES "\"t\":\"1970-01-01T00:00:00Z\",\"mt\":\"1970-01-01T00:00:00.000000Z\""
#define ZERO_HEAD "{\"s\":\"\",\"b\":false,\"i32\":0,\"i64\":0,\"d\":0,"
#define ZERO_REST                                                                                  \
    "\"q\":\"\",\"ios\":0,\"j\":{},\"st\":{\"name\":\"\"},"                                        \
    "\"pS\":\"\",\"pB\":false,\"pI32\":0,\"pI64\":0,\"pD\":0,\"pIos\":\"\",\"pJ\":[],"             \
    "\"pSt\":{\"name\":\"\"},"                                                                     \
    "\"lS\":[],\"lB\":[],\"lI32\":[],\"lI64\":[],\"lD\":[],\"lT\":[],\"lMt\":[],"                  \
    "\"lQ\":[],\"lIos\":[],\"lJ\":[],\"lSt\":[],"                                                  \
    "\"ms\":{},\"mq\":{},\"mi32\":{},\"mpst\":{},\"mj\":{},\"mst\":{},"                            \
    "\"reqS\":\"\",\"reqI32\":0,\"reqSt\":{\"name\":\"\"},\"reqL\":[]"

static void test_explicit_zero_and_empty_preserved(void)
{
    tu_roundtrip_exact(&t_zoo_desc, ZERO_HEAD ZERO_TIMES "," ZERO_REST "}",
                       ZERO_HEAD ZERO_REST "," ZERO_TIMES "}");
    /* a time written back as the zero time is kept as text too, exactly;
     * a pointer to a zero time is a time, not null */
    tu_roundtrip_exact(&t_zoo_desc,
                       "{\"mt\":\"1970-01-01T00:00:00.000100Z\",\"pT\":\"1970-01-01T00:00:00Z\","
                       "\"t\":\"1970-01-01T00:00:00.500+00:00\"}",
                       "{\"mt\":\"1970-01-01T00:00:00.000100Z\",\"pT\":\"1970-01-01T00:00:00Z\","
                       "\"t\":\"1970-01-01T00:00:00.500+00:00\"}");
    tu_roundtrip_exact(&t_zoo_desc, "{\"pMt\":\"1970-01-01T00:00:00.000000Z\",\"mpst\":{}}", NULL);
    /* {} for a struct without required members */
    tu_roundtrip_exact(&t_job_desc, "{\"metadata\":{},\"spec\":{\"runPolicy\":{}},\"status\":{}}",
                       NULL);
    tu_roundtrip_exact(&t_job_desc, "{\"spec\":{\"runPolicy\":{\"backoffLimit\":0}}}", NULL);
}

static void test_explicit_null_preserved(void)
{
    /* members that can be absent keep null with their presence bit (in
     * place); the others keep it as an unknown member (after the members) */
    tu_roundtrip_exact(
        &t_zoo_desc,
        "{\"s\":null,\"b\":null,\"i32\":null,\"i64\":null,\"d\":null,\"t\":null,"
        "\"mt\":null,\"q\":null,\"ios\":null,\"j\":null,\"st\":null,"
        "\"pS\":null,\"pB\":null,\"pI32\":null,\"pI64\":null,\"pD\":null,\"pT\":null,"
        "\"pMt\":null,\"pQ\":null,\"pIos\":null,\"pJ\":null,\"pSt\":null,"
        "\"lS\":null,\"lB\":null,\"lI32\":null,\"lI64\":null,\"lD\":null,\"lT\":null,"
        "\"lMt\":null,\"lQ\":null,\"lIos\":null,\"lJ\":null,\"lSt\":null,"
        "\"ms\":null,\"mq\":null,\"mi32\":null,\"mpst\":null,\"mj\":null,\"mst\":null,"
        "\"reqS\":null,\"reqI32\":null,\"reqSt\":null,\"reqL\":null}",
        "{\"s\":null,\"t\":null,\"mt\":null,\"q\":null,\"j\":null,"
        "\"pS\":null,\"pB\":null,\"pI32\":null,\"pI64\":null,\"pD\":null,\"pT\":null,"
        "\"pMt\":null,\"pQ\":null,\"pIos\":null,\"pJ\":null,\"pSt\":null,\"reqS\":null,"
        "\"b\":null,\"i32\":null,\"i64\":null,\"d\":null,\"ios\":null,\"st\":null,"
        "\"lS\":null,\"lB\":null,\"lI32\":null,\"lI64\":null,\"lD\":null,\"lT\":null,"
        "\"lMt\":null,\"lQ\":null,\"lIos\":null,\"lJ\":null,\"lSt\":null,"
        "\"ms\":null,\"mq\":null,\"mi32\":null,\"mpst\":null,\"mj\":null,\"mst\":null,"
        "\"reqI32\":null,\"reqSt\":null,\"reqL\":null}");
    /* a null that is later overwritten is no longer null (and the other way
     * round); +required members the input lacked are not added to a decoded
     * object */
    tu_roundtrip_exact(&t_zoo_desc, "{\"i32\":null,\"i32\":5}", "{\"i32\":5}");
    tu_roundtrip_exact(&t_zoo_desc, "{\"i32\":5,\"i32\":null}", "{\"i32\":null}");
    tu_roundtrip_exact(&t_zoo_desc, "{\"lS\":[\"a\"],\"lS\":null,\"s\":\"x\",\"s\":null}",
                       "{\"s\":null,\"lS\":null}");
    tu_roundtrip_exact(&t_zoo_desc, "{\"st\":{},\"lSt\":[{}],\"mst\":{\"k\":{}}}", NULL);
    /* the kept null does not cost a presence bit */
    t_zoo_t z;
    static const char in[] = "{\"i32\":null,\"x\":1}";
    CHECK_INT(kc_json_decode(&t_zoo_desc, &z, in, strlen(in), NULL), 0);
    CHECK_STR(*kc_unknown_text(&z.unknown), "\"i32\":null,\"x\":1");
    CHECK(z.unknown.present == (KC_UNKNOWN_DECODED | KC_UNKNOWN_BLOCK));
    kc_object_free(&t_zoo_desc, &z);
}

static uint64_t field_bit(const kc_type_t *t, const char *json_name)
{
    for (uint32_t i = 0; i < t->n_fields; i++)
        if (strcmp(t->fields[i].json_name, json_name) == 0)
            return (uint64_t)1 << i;
    CHECK(!"no such field");
    return 0;
}

/* Setting a member whose explicit null (or zero time) was kept as an unknown
 * member writes the member once, with its new value. */
static void test_set_member_replaces_kept_null(void)
{
    static const char in[] =
        "{\"a\":1,\"i32\":null,\"t\":\"1970-01-01T00:00:00Z\",\"st\":null,\"lS\":null,"
        "\"ms\":null,\"mst\":null,\"z\":[null]}";
    t_zoo_t z;
    CHECK_INT(kc_json_decode(&t_zoo_desc, &z, in, strlen(in), NULL), 0);
    char *out = NULL;
    CHECK_INT(kc_json_encode(&t_zoo_desc, &z, &out, NULL, NULL), 0);
    CHECK_STR(out, in);
    kc_free(out);

    z.i32 = 7;
    z.t.sec = 60;
    z.st.name = kc_strdup("n");
    z.ls = kc_calloc(1, sizeof(char *));
    z.n_ls = 1;
    z.ls[0] = kc_strdup("v");
    CHECK_INT(kc_json_encode(&t_zoo_desc, &z, &out, NULL, NULL), 0);
    CHECK_STR(out, "{\"i32\":7,\"t\":\"1970-01-01T00:01:00Z\",\"st\":{\"name\":\"n\"},"
                   "\"lS\":[\"v\"],\"a\":1,\"ms\":null,\"mst\":null,\"z\":[null]}");
    kc_free(out);
    /* an explicit zero written from the struct also replaces it */
    z.unknown.present |= field_bit(&t_zoo_desc, "b") | field_bit(&t_zoo_desc, "ms");
    CHECK_INT(kc_json_encode(&t_zoo_desc, &z, &out, NULL, NULL), 0);
    CHECK_STR(out, "{\"b\":false,\"i32\":7,\"t\":\"1970-01-01T00:01:00Z\",\"st\":{\"name\":\"n\"},"
                   "\"lS\":[\"v\"],\"ms\":{},\"a\":1,\"mst\":null,\"z\":[null]}");
    kc_free(out);
    kc_object_free(&t_zoo_desc, &z);

    /* the same for text a caller wrote, with escaped names and whitespace; a
     * client-built struct writes its +required members instead of the text's */
    kc_object_init(&t_zoo_desc, &z);
    z.unknown.text =
        kc_strdup("\"\\u0069\\u0033\\u0032\" : 1 , \"reqS\":\"t\",\"q\":{ \"a\" : 1 }");
    CHECK_INT(kc_json_encode(&t_zoo_desc, &z, &out, NULL, NULL), 0);
    CHECK_STR(out, "{\"reqS\":null,\"reqI32\":0,\"reqSt\":{\"name\":null},\"reqL\":[],"
                   "\"\\u0069\\u0033\\u0032\":1,\"q\":{ \"a\" : 1 }}");
    kc_free(out);
    z.i32 = 2;
    z.unknown.present = KC_UNKNOWN_DECODED; /* decoded: no +required members added */
    CHECK_INT(kc_json_encode(&t_zoo_desc, &z, &out, NULL, NULL), 0);
    CHECK_STR(out, "{\"i32\":2,\"reqS\":\"t\",\"q\":{ \"a\" : 1 }}");
    kc_free(out);
    /* text that is not a member list goes out as it is */
    kc_free(z.unknown.text);
    z.unknown.text = kc_strdup("\"i32\":1,}");
    CHECK_INT(kc_json_encode(&t_zoo_desc, &z, &out, NULL, NULL), 0);
    CHECK_STR(out, "{\"i32\":2,\"i32\":1,}}");
    kc_free(out);
    kc_object_free(&t_zoo_desc, &z);
}

static void test_omitempty_and_required(void)
{
    /* a client-built zero object writes only +required members */
    t_zoo_t z;
    kc_object_init(&t_zoo_desc, &z);
    char *out;
    CHECK_INT(kc_json_encode(&t_zoo_desc, &z, &out, NULL, NULL), 0);
    CHECK_STR(out, "{\"reqS\":null,\"reqI32\":0,\"reqSt\":{\"name\":null},\"reqL\":[]}");
    kc_free(out);

    t_job_t j;
    kc_object_init(&t_job_desc, &j);
    CHECK_INT(kc_json_encode(&t_job_desc, &j, &out, NULL, NULL), 0);
    CHECK_STR(out, "{}");
    kc_free(out);

    /* set values appear without presence bits; "" and 0 and false do not */
    int32_t replicas = 0;
    t_replica_spec_t rs = {0};
    rs.replicas = &replicas;
    t_replica_spec_entry_t e = {"Worker", &rs};
    j.type_meta.api_version = "mindxdl.gitee.com/v1";
    j.type_meta.kind = "";
    j.metadata.name = "job";
    j.metadata.generation = 0;
    j.spec.n_replica_specs = 1;
    j.spec.replica_specs = &e;
    CHECK_INT(kc_json_encode(&t_job_desc, &j, &out, NULL, NULL), 0);
    CHECK_STR(out, "{\"apiVersion\":\"mindxdl.gitee.com/v1\",\"metadata\":{\"name\":\"job\"},"
                   "\"spec\":{\"replicaSpecs\":{\"Worker\":{\"replicas\":0}}}}");
    kc_free(out);

    /* the presence bit brings a zero back */
    j.metadata.unknown.present = 1u << 5; /* generation */
    CHECK_INT(kc_json_encode(&t_job_desc, &j, &out, NULL, NULL), 0);
    CHECK_STR(out, "{\"apiVersion\":\"mindxdl.gitee.com/v1\",\"metadata\":{\"name\":\"job\","
                   "\"generation\":0},\"spec\":{\"replicaSpecs\":{\"Worker\":{\"replicas\":0}}}}");
    kc_free(out);
}

static void test_unknown_members_at_every_level(void)
{
    const char *in =
        "{\"apiVersion\":\"v\",\"x0\":1,\"kind\":\"K\","
        "\"metadata\":{\"name\":\"n\",\"x1\":{\"deep\":[1,{\"a\":null}]},\"labels\":{\"a\":\"b\"},"
        "\"managedFields\":[{\"manager\":\"m\",\"fieldsV1\":{\"f:spec\":{}},\"x2\":true}]},"
        "\"spec\":{\"aFieldNoClientKnows\":{\"nested\":[1,2,{\"deep\":true}]},"
        "\"replicaSpecs\":{\"Master\":{\"x3\":\"s\",\"template\":{\"x4\":[],\"spec\":{"
        "\"containers\":[{\"name\":\"c\",\"x5\":1.50,\"env\":[{\"name\":\"e\",\"x6\":"
        "\"\\u00e9\\n\"}],"
        "\"ports\":[{\"containerPort\":1,\"x7\":false}],\"resources\":{\"x8\":{},"
        "\"limits\":{\"cpu\":\"1\"}}}],\"x9\":null}}}}},"
        "\"status\":{\"x10\":\"y\"},\"x11\":-0.0e+5}";
    t_job_t j;
    kc_error_t err = KC_ERROR_INIT;
    CHECK_INT(kc_json_decode(&t_job_desc, &j, in, strlen(in), &err), 0);
    CHECK_STR(*kc_unknown_text(&j.unknown), "\"x0\":1,\"x11\":-0.0e+5");
    CHECK(j.type_meta.unknown.text == NULL);
    CHECK_STR(j.type_meta.kind, "K");
    CHECK_STR(j.metadata.unknown.text, "\"x1\":{\"deep\":[1,{\"a\":null}]}");
    CHECK_STR(j.spec.unknown.text, "\"aFieldNoClientKnows\":{\"nested\":[1,2,{\"deep\":true}]}");
    CHECK_STR(j.spec.replica_specs[0].value->unknown.text, "\"x3\":\"s\"");
    t_container_t *c = &j.spec.replica_specs[0].value->template.spec.containers[0];
    CHECK_STR(c->unknown.text, "\"x5\":1.50");
    CHECK_STR(c->env[0].unknown.text, "\"x6\":\"\\u00e9\\n\"");
    CHECK_STR(c->resources.unknown.text, "\"x8\":{}");
    CHECK_STR(j.status.unknown.text, "\"x10\":\"y\"");
    char *out;
    CHECK_INT(kc_json_encode(&t_job_desc, &j, &out, NULL, &err), 0);
    CHECK(tu_json_same(in, out));
    CHECK_STR(
        out,
        "{\"apiVersion\":\"v\",\"kind\":\"K\","
        "\"metadata\":{\"name\":\"n\",\"labels\":{\"a\":\"b\"},"
        "\"managedFields\":[{\"fieldsV1\":{\"f:spec\":{}},\"manager\":\"m\",\"x2\":true}],"
        "\"x1\":{\"deep\":[1,{\"a\":null}]}},"
        "\"spec\":{\"replicaSpecs\":{\"Master\":{\"template\":{\"spec\":{"
        "\"containers\":[{\"name\":\"c\",\"env\":[{\"name\":\"e\",\"x6\":\"\\u00e9\\n\"}],"
        "\"ports\":[{\"containerPort\":1,\"x7\":false}],\"resources\":{\"limits\":{\"cpu\":\"1\"},"
        "\"x8\":{}},\"x5\":1.50}],\"x9\":null},\"x4\":[]},\"x3\":\"s\"}},"
        "\"aFieldNoClientKnows\":{\"nested\":[1,2,{\"deep\":true}]}},"
        "\"status\":{\"x10\":\"y\"},\"x0\":1,\"x11\":-0.0e+5}");
    kc_free(out);
    kc_object_free(&t_job_desc, &j);
}

static void test_duplicate_members_last_wins(void)
{
    tu_roundtrip_exact(
        &t_zoo_desc,
        "{\"s\":\"a\",\"s\":\"b\",\"ls\":[\"x\"],\"lS\":[\"y\"],\"lS\":[\"z\"],"
        "\"st\":{\"name\":\"1\",\"value\":\"v\"},\"st\":{\"name\":\"2\"},"
        "\"pSt\":{\"name\":\"p\"},\"pSt\":null,\"j\":[1],\"j\":{\"a\":1},"
        "\"ms\":{\"a\":\"1\",\"b\":\"2\",\"a\":\"3\"},\"mpst\":{\"k\":{\"name\":\"1\"},"
        "\"k\":{\"name\":\"2\"}},\"reqS\":\"\",\"reqI32\":0,\"reqSt\":{\"name\":\"\"},"
        "\"reqL\":[]}",
        "{\"s\":\"b\",\"j\":{\"a\":1},\"st\":{\"name\":\"2\"},\"pSt\":null,\"lS\":[\"z\"],"
        "\"ms\":{\"a\":\"3\",\"b\":\"2\"},\"mpst\":{\"k\":{\"name\":\"2\"}},\"reqS\":\"\","
        "\"reqI32\":0,\"reqSt\":{\"name\":\"\"},\"reqL\":[],\"ls\":[\"x\"]}");

    /* a large map with repeated keys goes through the hash index */
    char doc[40000];
    size_t n = (size_t)sprintf(doc, "{\"metadata\":{\"labels\":{");
    for (int i = 0; i < 1000; i++)
        n += (size_t)sprintf(doc + n, "%s\"k%d\":\"v%d\"", i ? "," : "", i % 700, i);
    strcpy(doc + n, "}}}");
    t_job_t j;
    CHECK_INT(kc_json_decode(&t_job_desc, &j, doc, strlen(doc), NULL), 0);
    CHECK_INT(j.metadata.n_labels, 700);
    CHECK_STR(j.metadata.labels[5].key, "k5");
    CHECK_STR(j.metadata.labels[5].value, "v705");
    CHECK_STR(j.metadata.labels[699].value, "v699");
    kc_object_free(&t_job_desc, &j);
}

TU_MAIN("runtime_lossless", TU_CASE(test_explicit_zero_and_empty_preserved),
        TU_CASE(test_explicit_null_preserved), TU_CASE(test_set_member_replaces_kept_null),
        TU_CASE(test_omitempty_and_required), TU_CASE(test_unknown_members_at_every_level),
        TU_CASE(test_duplicate_members_last_wins))

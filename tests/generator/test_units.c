/*
 * test_units.c - unit tests of kc-gen's pure stages: the naming scheme
 * (names.c), the marker table and argument grammar (markers.c), the
 * boilerplate comment (view.c) and the diagnostics printer (diag.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "markers.h"
#include "names.h"
#include "view.h"

static int failures;

#define EXPECT_STR(got, want)                                                              \
    do {                                                                                   \
        const char *g_ = (got), *w_ = (want);                                              \
        if (strcmp(g_ ? g_ : "(null)", w_ ? w_ : "(null)") != 0) {                          \
            fprintf(stderr, "%s:%d: got '%s', want '%s'\n", __FILE__, __LINE__, g_, w_);    \
            failures++;                                                                    \
        }                                                                                  \
    } while (0)

#define EXPECT(cond)                                                                       \
    do {                                                                                   \
        if (!(cond)) {                                                                     \
            fprintf(stderr, "%s:%d: expected %s\n", __FILE__, __LINE__, #cond);            \
            failures++;                                                                    \
        }                                                                                  \
    } while (0)

static void test_names(kg_arena_t *a)
{
    EXPECT_STR(kg_lower_camel(a, "replica_specs"), "replicaSpecs");
    EXPECT_STR(kg_lower_camel(a, "continue_"), "continue");
    EXPECT_STR(kg_lower_camel(a, "name"), "name");
    EXPECT_STR(kg_lower_camel(a, "fields_v1"), "fieldsV1");
    EXPECT_STR(kg_upper_camel(a, "ascend_job"), "AscendJob");
    EXPECT_STR(kg_upper_snake(a, "OnFailure"), "ON_FAILURE");
    EXPECT_STR(kg_upper_snake(a, "IPv4"), "IPV4");
    EXPECT_STR(kg_upper_snake(a, "HTTPGet"), "HTTP_GET");
    EXPECT_STR(kg_upper_snake(a, "ClusterIP"), "CLUSTER_IP");
    EXPECT_STR(kg_upper_snake(a, "kubernetes.io/tls"), "KUBERNETES_IO_TLS");
    EXPECT_STR(kg_upper_snake(a, "ADDED"), "ADDED");
    EXPECT_STR(kg_upper_snake(a, "--"), "");
    EXPECT_STR(kg_plural(a, "ascendjob"), "ascendjobs");
    EXPECT_STR(kg_plural(a, "policy"), "policies");
    EXPECT_STR(kg_plural(a, "gateway"), "gateways");
    EXPECT_STR(kg_plural(a, "ingress"), "ingresses");
    EXPECT_STR(kg_plural(a, "box"), "boxes");
    EXPECT_STR(kg_plural(a, "batch"), "batches");
    EXPECT_STR(kg_c_string(a, "a\"b\\c?\n"), "\"a\\\"b\\\\c\\?\\n\"");
    EXPECT(kg_is_snake("mindxdl_v1"));
    EXPECT(!kg_is_snake("Mindxdl"));
    EXPECT(!kg_is_snake("1abc"));
    EXPECT(kg_edit_distance("genclinet", "genclient") == 2);
    EXPECT(kg_edit_distance("", "abc") == 3);
}

/* Resolves `text` as a marker at `where`; returns the printed diagnostics. */
static char *resolve(kg_arena_t *a, const char *text, unsigned where, kg_marker_t *mk)
{
    kg_diags_t *d = kg_diags_new();
    memset(mk, 0, sizeof(*mk));
    mk->text = kg_strdup(a, text);
    mk->pos = (kg_pos_t){"t.h", 3, 4};
    kg_marker_resolve(a, d, mk, where);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    kg_diags_print(d, f, 10);
    fclose(f);
    kg_diags_free(d);
    char *out = kg_strdup(a, buf);
    free(buf);
    return out;
}

static void test_markers(kg_arena_t *a)
{
    kg_marker_t mk;
    EXPECT_STR(resolve(a, "genclient", KG_ON_STRUCT, &mk), "");
    EXPECT(mk.id == KG_M_GENCLIENT);
    EXPECT_STR(resolve(a, "groupName=", KG_ON_PACKAGE, &mk), "");
    EXPECT(mk.id == KG_M_GROUP_NAME && strcmp(mk.value, "") == 0);
    EXPECT_STR(resolve(a, "k8s:deepcopy-gen=package", KG_ON_PACKAGE, &mk), "");
    EXPECT(mk.id == KG_M_DEEPCOPY_PACKAGE);
    EXPECT_STR(resolve(a, "k8s:deepcopy-gen=false", KG_ON_STRUCT, &mk), "");
    EXPECT(mk.id == KG_M_DEEPCOPY_TYPE);
    EXPECT_STR(resolve(a, "genclinet", KG_ON_STRUCT, &mk),
               "t.h:3:4: error: unknown marker '+genclinet' (did you mean '+genclient'?)\n");
    EXPECT(mk.id == -1);
    EXPECT_STR(resolve(a, "json=hostIP", KG_ON_MEMBER, &mk), "");
    EXPECT_STR(mk.value, "hostIP");
    EXPECT_STR(resolve(a, "json:inline", KG_ON_STRUCT, &mk),
               "t.h:3:4: error: marker '+json:inline' is not allowed on a struct typedef (only on a member)\n");
    EXPECT_STR(resolve(a, "kubebuilder:printcolumn:name=\"A, b\",type=string,JSONPath=`.x`,priority=1",
                       KG_ON_STRUCT, &mk),
               "");
    EXPECT_STR(kg_marker_arg(&mk, "name"), "A, b");
    EXPECT_STR(kg_marker_arg(&mk, "JSONPath"), ".x");
    EXPECT_STR(kg_marker_arg(&mk, "priority"), "1");
    EXPECT_STR(resolve(a, "kubebuilder:printcolumn:name=x,type=integer,JSONPath=.a,priority=high", KG_ON_STRUCT, &mk),
               "t.h:3:70: error: argument 'priority' of '+kubebuilder:printcolumn': 'high' is not an integer\n");
    EXPECT_STR(resolve(a, "genclient:skipVerbs=watch,deleteCollection", KG_ON_STRUCT, &mk), "");
    EXPECT_STR(resolve(a, "genclient:skipVerbs=watch,delete_collection", KG_ON_STRUCT, &mk),
               "t.h:3:31: error: marker '+genclient:skipVerbs': unknown verb 'delete_collection' (did you mean "
               "'deleteCollection'?)\n");
    EXPECT_STR(resolve(a, "optional foo", KG_ON_MEMBER, &mk), "t.h:3:13: error: marker '+optional' takes no argument\n");
    EXPECT_STR(resolve(a, "kubebuilder:validation:Enum=a;;b", KG_ON_MEMBER, &mk),
               "t.h:3:33: error: marker '+kubebuilder:validation:Enum': 'a;;b' is not a list of values separated by ';'\n");
    EXPECT_STR(resolve(a, "zzzz", KG_ON_MEMBER, &mk), "t.h:3:4: error: unknown marker '+zzzz'\n");
}

static void test_boilerplate(void)
{
    char *c = kg_boilerplate_comment("Copyright X.\n\nLicensed.  \n");
    EXPECT_STR(c, "/*\n * Copyright X.\n *\n * Licensed.\n */");
    free(c);
    c = kg_boilerplate_comment("/* already */\n");
    EXPECT_STR(c, "/* already */");
    free(c);
    c = kg_boilerplate_comment("\n\n");
    EXPECT_STR(c, "");
    free(c);
}

static void test_diags(void)
{
    kg_diags_t *d = kg_diags_new();
    kg_error(d, (kg_pos_t){"b.h", 2, 1}, "second");
    kg_error(d, (kg_pos_t){"a.h", 9, 9}, "first");
    kg_note(d, (kg_pos_t){"z.h", 1, 1}, "note of first");
    kg_error(d, (kg_pos_t){"b.h", 2, 1}, "second"); /* duplicate: dropped */
    kg_note(d, (kg_pos_t){"z.h", 1, 1}, "note of the duplicate");
    kg_error(d, (kg_pos_t){0}, "global");
    EXPECT(kg_error_count(d) == 3);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    kg_diags_print(d, f, 2);
    fclose(f);
    EXPECT_STR(buf, "kc-gen: error: global\na.h:9:9: error: first\nz.h:1:1: note: note of first\n"
                    "kc-gen: 1 more errors not shown\n");
    free(buf);
    kg_diags_free(d);
}

int main(void)
{
    kg_arena_t *a = kg_arena_new();
    test_names(a);
    test_markers(a);
    test_boilerplate();
    test_diags();
    kg_arena_free(a);
    if (failures) {
        fprintf(stderr, "%d failures\n", failures);
        return 1;
    }
    puts("ok   generator units");
    return 0;
}

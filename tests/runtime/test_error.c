/* test_error.c - kc_error_t, the predicates, and the allocator hook. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kc/alloc.h"
#include "kc/error.h"
#include "testutil.h"

static void test_set_and_clear(void)
{
    kc_error_t err = KC_ERROR_INIT;
    CHECK_INT(kc_error_set(&err, KC_EPARSE, "line %d: %s\n", 3, "bad"), KC_EPARSE);
    CHECK_INT(err.code, KC_EPARSE);
    CHECK_STR(err.message, "line 3: bad");
    /* the arguments may point into the message being replaced */
    CHECK_INT(kc_error_set(&err, KC_EAPI, "watch: %s", err.message), KC_EAPI);
    CHECK_STR(err.message, "watch: line 3: bad");
    err.details = kc_strdup("{\"name\":\"x\"}");
    err.http_status = 404;
    kc_error_set(&err, KC_EINVAL, "%s", "again"); /* releases details */
    CHECK(err.details == NULL && err.http_status == 0);
    char longer[2000];
    memset(longer, 'x', sizeof(longer) - 1);
    longer[sizeof(longer) - 1] = '\0';
    kc_error_set(&err, KC_EINVAL, "%s", longer);
    CHECK_INT(strlen(err.message), KC_ERROR_MESSAGE_MAX - 1);
    kc_error_clear(&err);
    CHECK_INT(err.code, 0);
    CHECK_STR(err.message, "");
    kc_error_clear(NULL);
    CHECK_INT(kc_error_set(NULL, KC_ENOMEM, "x"), KC_ENOMEM);
}

static void test_strerror(void)
{
    CHECK_STR(kc_strerror(KC_OK), "KC_OK");
    CHECK_STR(kc_strerror(KC_ENOMEM), "KC_ENOMEM");
    CHECK_STR(kc_strerror(KC_EDEPTH), "KC_EDEPTH");
    CHECK_STR(kc_strerror(KC_ECLOSED), "KC_ECLOSED");
    CHECK_STR(kc_strerror(-999), "KC_EUNKNOWN");
}

static kc_error_t api(int status, const char *reason)
{
    kc_error_t e = KC_ERROR_INIT;
    kc_error_set(&e, KC_EAPI, "x");
    e.http_status = status;
    strcpy(e.reason, reason);
    return e;
}

static void test_predicates(void)
{
    kc_error_t e = api(404, "NotFound");
    CHECK(kc_error_is_not_found(&e));
    CHECK(!kc_error_is_conflict(&e));
    e = api(404, "");
    CHECK(kc_error_is_not_found(&e));
    e = api(404, "SomethingNew"); /* unknown reason: the status decides */
    CHECK(kc_error_is_not_found(&e));
    e = api(404, "Forbidden"); /* a known reason wins over the status */
    CHECK(!kc_error_is_not_found(&e));
    CHECK(kc_error_is_forbidden(&e));
    e = api(409, "AlreadyExists");
    CHECK(kc_error_is_already_exists(&e));
    CHECK(!kc_error_is_conflict(&e));
    e = api(409, "Conflict");
    CHECK(kc_error_is_conflict(&e));
    CHECK(!kc_error_is_already_exists(&e));
    e = api(409, "");
    CHECK(kc_error_is_conflict(&e) && kc_error_is_already_exists(&e));
    e = api(410, "Expired");
    CHECK(kc_error_is_gone(&e));
    e = api(200, "Expired"); /* watch ERROR events carry the code in the Status */
    CHECK(kc_error_is_gone(&e));
    e = api(410, "Gone");
    CHECK(kc_error_is_gone(&e));
    e = api(410, "");
    CHECK(kc_error_is_gone(&e));
    e = api(422, "Invalid");
    CHECK(kc_error_is_invalid(&e));
    e = api(422, "");
    CHECK(kc_error_is_invalid(&e));
    e = api(400, "BadRequest");
    CHECK(kc_error_is_bad_request(&e));
    e = api(401, "");
    CHECK(kc_error_is_unauthorized(&e));
    e = api(403, "");
    CHECK(kc_error_is_forbidden(&e));
    e = api(429, "TooManyRequests");
    CHECK(kc_error_is_too_many_requests(&e));
    e = api(415, "");
    CHECK(kc_error_is_unsupported_media_type(&e));
    e = api(500, "InternalError");
    CHECK(!kc_error_is_not_found(&e) && !kc_error_is_gone(&e) && !kc_error_is_invalid(&e));
    CHECK(!kc_error_is_not_found(NULL));
    kc_error_t none = KC_ERROR_INIT;
    CHECK(!kc_error_is_not_found(&none) && !kc_error_is_conflict(&none));
}

static void test_alloc_helpers(void)
{
    char *s = kc_strdup("hello");
    CHECK_STR(s, "hello");
    kc_free(s);
    CHECK(kc_strdup(NULL) == NULL);
    s = kc_strndup("hello", 3);
    CHECK_STR(s, "hel");
    kc_free(s);
    s = kc_strndup("hi", 10); /* stops at the NUL */
    CHECK_STR(s, "hi");
    kc_free(s);
    CHECK(kc_calloc(SIZE_MAX / 2, 4) == NULL);
    int *z = kc_calloc(4, sizeof(int));
    CHECK(z && z[0] == 0 && z[3] == 0);
    z = kc_realloc(z, 100 * sizeof(int));
    CHECK(z != NULL);
    kc_free(z);
    void *p = kc_malloc(0); /* never NULL on success */
    CHECK(p != NULL);
    kc_free(p);
    p = kc_realloc(NULL, 8);
    CHECK(p != NULL);
    kc_free(p);
    kc_free(NULL);
    tu_fail_reset(1);
    CHECK(kc_strdup("x") == NULL);
    tu_fail_reset(0);
}

TU_MAIN("runtime_error", TU_CASE(test_set_and_clear), TU_CASE(test_strerror),
        TU_CASE(test_predicates), TU_CASE(test_alloc_helpers))

/*
 * fuzz_mustache - mst_render on arbitrary templates.
 *
 * The input up to its first NUL byte is the template; what follows the NUL
 * (if any) is the text of the partial "f", so partial parsing, parents and
 * blocks across templates are fuzzed too.  The data tree and the other
 * partials are fixed and cover every kind of value and tag.  Besides the
 * sanitizers, the contract of mst_render is checked: 0 with a string, or -1
 * with no string and a message.
 */
#include "mustache.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const char DATA[] =
    "{\"name\":\"n\",\"s\":\"<&>\\\"\",\"n\":1.5,\"i\":42,\"t\":true,\"f\":false,"
    "\"z\":null,\"e\":[],\"l\":[1,\"two\",{\"name\":\"x\"}],"
    "\"o\":{\"name\":\"inner\",\"l\":[{\"kids\":[]}]},"
    "\"kids\":[{\"name\":\"k1\",\"kids\":[{\"name\":\"k2\",\"kids\":[]}]}],"
    "\"dyn\":\"p\",\"dynf\":\"f\",\"a.b\":1,\"a\":{\"b\":{\"c\":\"abc\"}}}";

typedef struct fuzz_partials {
    const char *f; /* the fuzzed partial */
} fuzz_partials_t;

static const char *const FIXED[] = {
    "p", "[{{.}}]\n",
    "node", "{{name}}{{#kids}}\n  {{>node}}{{/kids}}",
    "layout", "<{{$title}}T{{/title}}|\n  {{$body}}\n  b\n  {{/body}}\n>\n",
    "mid", "{{<layout}}{{$title}}M{{/title}}{{/layout}}",
    "self", "x{{>self}}",
    "bad", "{{#unclosed}}",
    NULL,
};

static const char *lookup(const char *name, void *ctx)
{
    const fuzz_partials_t *fp = ctx;
    if (strcmp(name, "f") == 0)
        return fp->f;
    for (const char *const *p = FIXED; *p; p += 2)
        if (strcmp(p[0], name) == 0)
            return p[1];
    return NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static cJSON *tree;
    if (!tree)
        tree = cJSON_Parse(DATA); /* kept for the whole run */

    char *text = malloc(size + 2); /* template NUL partial NUL */
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    text[size + 1] = '\0';
    size_t tlen = strlen(text);
    fuzz_partials_t fp = {tlen < size ? text + tlen + 1 : NULL};

    char *out = NULL;
    mst_error_t err;
    int rc = mst_render(text, tree, lookup, &fp, &out, &err);
    if (rc == 0 ? out == NULL : (rc != -1 || out != NULL || err.message[0] == '\0'))
        abort(); /* broken contract */
    free(out);
    free(text);
    return 0;
}

/*
 * error_test - template errors come back as -1 with the right position and
 * message (never a print, an abort or a leak), and a few behaviours the spec
 * leaves open are pinned down: number formatting, what is truthy, blank
 * lines in indented partials, runaway recursion.
 */
#include "mustache.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int passed, failed;

/* Partials for a test: "name", "text", ..., NULL. */
static const char *table_partial(const char *name, void *ctx)
{
    for (const char *const *p = ctx; p && p[0]; p += 2)
        if (strcmp(p[0], name) == 0)
            return p[1];
    return NULL;
}

static void check(int ok, const char *what)
{
    if (ok) {
        passed++;
    } else {
        failed++;
        printf("FAIL: %s\n", what);
    }
}

static void expect_error(const char *tmpl, const char *const *partials, int line, int col,
                         const char *message)
{
    char *out = (char *)"untouched";
    mst_error_t err;
    int rc = mst_render(tmpl, NULL, table_partial, (void *)partials, &out, &err);
    int ok = rc == -1 && out == NULL && err.line == line && err.col == col &&
             strstr(err.message, message) != NULL;
    if (!ok)
        printf("  template \"%s\": rc %d, %d:%d: %s (want %d:%d: %s)\n", tmpl, rc, err.line,
               err.col, err.message, line, col, message);
    check(ok, tmpl);
    if (rc == 0)
        free(out);
}

static void expect_output(const char *tmpl, const char *json, const char *const *partials,
                          const char *expected)
{
    cJSON *data = cJSON_Parse(json);
    char *out = NULL;
    mst_error_t err;
    int rc = mst_render(tmpl, data, table_partial, (void *)partials, &out, &err);
    int ok = rc == 0 && out && strcmp(out, expected) == 0;
    if (!ok)
        printf("  template \"%s\": rc %d, got \"%s\" (%s), want \"%s\"\n", tmpl, rc,
               out ? out : "", err.message, expected);
    check(ok, tmpl);
    free(out);
    cJSON_Delete(data);
}

static void structure_errors(void)
{
    expect_error("line one\n  {{#items}}\n{{name}}\n", NULL, 2, 3, "unclosed section 'items'");
    expect_error("{{#a}}{{#b}}{{/b}}", NULL, 1, 1, "unclosed section 'a'");
    expect_error("{{<layout}}\n{{$body}}x{{/body}}\n", NULL, 1, 1, "unclosed parent 'layout'");
    expect_error("{{$body}}x", NULL, 1, 1, "unclosed block 'body'");
    expect_error("{{#a}}\n  x {{/b}}", NULL, 2, 5,
                 "closing tag 'b' does not match section 'a' opened at 1:1");
    expect_error("text {{/a}}", NULL, 1, 6, "unexpected closing tag 'a'");
    expect_error("{{=<% %>=}}\n<%#a%>\n", NULL, 2, 1, "unclosed section 'a'");
}

static void tag_errors(void)
{
    expect_error("ab\ncd {{name\n}}", NULL, 2, 4, "unclosed tag");
    expect_error("x {{name", NULL, 1, 3, "unclosed tag");
    expect_error("{{{name}}", NULL, 1, 1, "unclosed tag");
    expect_error("{{! never closed", NULL, 1, 1, "unclosed tag");
    expect_error("a {{=<%=}}", NULL, 1, 3, "invalid set-delimiter tag");
    expect_error("{{=a b c=}}", NULL, 1, 1, "invalid set-delimiter tag");
    expect_error("{{=<% %>}}", NULL, 1, 1, "invalid set-delimiter tag");
    expect_error("{{=a= b=}}", NULL, 1, 1, "invalid set-delimiter tag");
    expect_error("{{ }}", NULL, 1, 1, "empty tag");
    expect_error("{{#}}{{/}}", NULL, 1, 1, "empty tag");
    expect_error("{{first second}}", NULL, 1, 1, "invalid tag name 'first second'");
}

static void partial_errors(void)
{
    static const char *const bad[] = {"bad", "ok\n {{#x}}", NULL};
    expect_error("{{>bad}}", bad, 2, 2, "in partial 'bad': unclosed section 'x'");

    static const char *const loop[] = {"loop", "{{>loop}}", NULL};
    expect_error("a\n{{>loop}}", loop, 1, 1, "nested too deeply");

    /* An argument that expands itself must not recurse (or blow up). */
    static const char *const self[] = {"p", "[{{$a}}default{{/a}}]", NULL};
    expect_output("{{<p}}{{$a}}({{$a}}inner{{/a}}|{{$a}}inner{{/a}}){{/a}}{{/p}}", "{}", self,
                  "[(inner|inner)]");
}

static void api_contract(void)
{
    char *out = NULL;
    check(mst_render("{{#a}}", NULL, NULL, NULL, &out, NULL) == -1 && out == NULL,
          "err may be NULL");
    check(mst_render("x", NULL, NULL, NULL, NULL, NULL) == -1, "out may not be NULL");
    mst_error_t err = {.line = 7};
    check(mst_render("{{>none}}x", NULL, NULL, NULL, &out, &err) == 0 && strcmp(out, "x") == 0 &&
              err.line == 0 && err.message[0] == '\0',
          "success clears err; missing partials render empty");
    free(out);
}

static void behaviours(void)
{
    expect_output("{{a}} {{b}} {{c}} {{d}} {{e}} {{f}} {{g}}",
                  "{\"a\":0.1,\"b\":1e21,\"c\":-3,\"d\":100,\"e\":1.5,\"f\":-0.0,\"g\":123456789012}",
                  NULL, "0.1 1e+21 -3 100 1.5 0 123456789012");
    expect_output("{{#s}}empty string{{/s}},{{#z}}zero{{/z}},{{^o}}x{{/o}},{{t}}",
                  "{\"s\":\"\",\"z\":0,\"o\":{},\"t\":true}", NULL,
                  "empty string,zero,,true");
    expect_output("{{x}}|{{{x}}}", "{\"x\":\"a<b && c>'d'\\\"\"}", NULL,
                  "a&lt;b &amp;&amp; c&gt;'d'&quot;|a<b && c>'d'\"");

    /* Blank lines of an indented partial stay blank (no trailing spaces). */
    static const char *const blank[] = {"p", "a\n\nb\n", NULL};
    expect_output("{\n  {{>p}}\n}\n", "{}", blank, "{\n  a\n\n  b\n}\n");

    /* A closing tag that starts a line indents each iteration's next line. */
    static const char *const loop[] = {"p", "{{#l}}x\n{{/l}}y\n", NULL};
    expect_output("  {{>p}}\n", "{\"l\":[1,2]}", loop, "  x\n  x\n  y\n");
}

int main(void)
{
    structure_errors();
    tag_errors();
    partial_errors();
    api_contract();
    behaviours();
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}

/* names.c - the naming scheme: camel/snake conversions, plurals, literals. */
#include "names.h"

#include <ctype.h>
#include <string.h>

static bool is_lower(int c) { return c >= 'a' && c <= 'z'; }
static bool is_upper(int c) { return c >= 'A' && c <= 'Z'; }
static bool is_digit(int c) { return c >= '0' && c <= '9'; }

static char *camel(kg_arena_t *a, const char *snake, bool upper_first)
{
    size_t n = strlen(snake);
    while (n > 0 && snake[n - 1] == '_')
        n--;
    char *out = kg_alloc(a, n + 1), *o = out;
    bool up = upper_first;
    for (size_t i = 0; i < n; i++) {
        char c = snake[i];
        if (c == '_') {
            up = o != out; /* a leading '_' does not capitalise */
            continue;
        }
        *o++ = up ? (char)toupper((unsigned char)c) : c;
        up = false;
    }
    *o = '\0';
    return out;
}

char *kg_lower_camel(kg_arena_t *a, const char *snake)
{
    return camel(a, snake, false);
}

char *kg_upper_camel(kg_arena_t *a, const char *snake)
{
    return camel(a, snake, true);
}

/* A word starts at an upper-case letter that follows a lower-case letter or
 * a digit ("OnFailure": the F), or that ends an acronym and starts a
 * lower-case run of two letters or more ("HTTPGet": the G).  A single
 * lower-case letter stays with the acronym before it: "IPv4" -> IPV4,
 * "CIDRs" -> CIDRS. */
static bool word_start(const char *s, size_t i)
{
    if (i == 0 || !is_upper(s[i]))
        return false;
    if (is_lower(s[i - 1]) || is_digit(s[i - 1]))
        return true;
    return is_upper(s[i - 1]) && is_lower(s[i + 1]) && is_lower(s[i + 2]);
}

char *kg_upper_snake(kg_arena_t *a, const char *text)
{
    kg_buf_t b = {0};
    for (size_t i = 0; text[i]; i++) {
        unsigned char c = (unsigned char)text[i];
        if (isalnum(c) && c < 128) {
            if (word_start(text, i) && b.len && b.data[b.len - 1] != '_')
                kg_buf_putc(&b, '_');
            kg_buf_putc(&b, (char)toupper(c));
        } else if (b.len && b.data[b.len - 1] != '_') {
            kg_buf_putc(&b, '_');
        }
    }
    while (b.len && b.data[b.len - 1] == '_')
        b.data[--b.len] = '\0';
    char *out = kg_strdup(a, b.data ? b.data : "");
    kg_buf_free(&b);
    return out;
}

char *kg_lower(kg_arena_t *a, const char *s)
{
    char *out = kg_strdup(a, s);
    for (char *p = out; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    return out;
}

char *kg_upper(kg_arena_t *a, const char *s)
{
    char *out = kg_strdup(a, s);
    for (char *p = out; *p; p++)
        *p = (char)toupper((unsigned char)*p);
    return out;
}

char *kg_plural(kg_arena_t *a, const char *s)
{
    size_t n = strlen(s);
    if (n >= 2 && s[n - 1] == 'y' && !strchr("aeiou", s[n - 2]))
        return kg_printf(a, "%.*sies", (int)(n - 1), s);
    if (kg_ends_with(s, "s") || kg_ends_with(s, "x") || kg_ends_with(s, "ch") ||
        kg_ends_with(s, "sh") || kg_ends_with(s, "z"))
        return kg_printf(a, "%ses", s);
    return kg_printf(a, "%ss", s);
}

char *kg_c_string(kg_arena_t *a, const char *s)
{
    kg_buf_t b = {0};
    kg_buf_putc(&b, '"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': kg_buf_puts(&b, "\\\""); break;
        case '\\': kg_buf_puts(&b, "\\\\"); break;
        case '\n': kg_buf_puts(&b, "\\n"); break;
        case '\t': kg_buf_puts(&b, "\\t"); break;
        case '?': kg_buf_puts(&b, "\\?"); break; /* no trigraphs */
        default:
            if (*p < 0x20 || *p == 0x7f)
                kg_buf_printf(&b, "\\%03o", *p);
            else
                kg_buf_putc(&b, (char)*p);
        }
    }
    kg_buf_putc(&b, '"');
    char *out = kg_strdup(a, b.data);
    kg_buf_free(&b);
    return out;
}

bool kg_is_snake(const char *s)
{
    if (!is_lower(*s))
        return false;
    for (; *s; s++)
        if (!is_lower(*s) && !is_digit(*s) && *s != '_')
            return false;
    return true;
}

bool kg_is_c_ident(const char *s)
{
    if (!*s || is_digit(*s))
        return false;
    for (; *s; s++)
        if (!is_lower(*s) && !is_upper(*s) && !is_digit(*s) && *s != '_')
            return false;
    return true;
}

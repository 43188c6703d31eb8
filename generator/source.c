/* source.c - package discovery and comment lines. */
#include "source.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ---- files and lines --------------------------------------------------- */

kg_source_t *kg_source_load(kg_arena_t *a, const char *path)
{
    size_t len;
    char *text = kg_read_file(path, &len);
    if (!text)
        return NULL;
    kg_source_t *s = kg_alloc(a, sizeof(*s));
    s->path = kg_strdup(a, path);
    s->text = kg_strndup(a, text, len);
    s->len = len;
    free(text);
    unsigned n = 1;
    for (size_t i = 0; i < len; i++)
        n += s->text[i] == '\n';
    s->line_start = kg_alloc(a, n * sizeof(size_t));
    s->line_start[0] = 0;
    s->n_lines = 1;
    for (size_t i = 0; i < len; i++)
        if (s->text[i] == '\n')
            s->line_start[s->n_lines++] = i + 1;
    return s;
}

/* Line `line` (1-based) without its newline; NULL past the end. */
static const char *line_text(const kg_source_t *s, unsigned line, size_t *len)
{
    *len = 0;
    if (line < 1 || line > s->n_lines)
        return NULL;
    size_t start = s->line_start[line - 1];
    size_t end = line < s->n_lines ? s->line_start[line] - 1 : s->len;
    if (end > start && s->text[end - 1] == '\r')
        end--;
    *len = end - start;
    return s->text + start;
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

static bool is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Adds the comment whose "//" starts at byte `at` of line `line` to `out`:
 * a marker when its text starts with '+' and a letter, else a doc line. */
static void add_comment(kg_arena_t *a, const kg_source_t *s, unsigned line, const char *text,
                        size_t len, size_t at, kg_comment_t *out)
{
    size_t i = at + 2;
    while (len > i && is_blank(text[len - 1]))
        len--;
    size_t body = i;
    while (body < len && is_blank(text[body]))
        body++;
    if (body + 1 < len && text[body] == '+' && is_alpha(text[body + 1])) {
        kg_marker_t *mk = KG_PUSH(a, out->markers);
        mk->text = kg_strndup(a, text + body + 1, len - body - 1);
        mk->pos = (kg_pos_t){s->path, line, (unsigned)body + 1};
        mk->id = -1;
        return;
    }
    if (i < len && text[i] == ' ')
        i++;
    char **doc = KG_PUSH(a, out->doc);
    *doc = kg_strndup(a, text + i, len - i);
}

/* Where a line that is only a `//` comment has its "//", or -1. */
static long comment_only(const char *text, size_t len)
{
    size_t i = 0;
    while (i < len && is_blank(text[i]))
        i++;
    return i + 1 < len && text[i] == '/' && text[i + 1] == '/' ? (long)i : -1;
}

void kg_comment_above(kg_arena_t *a, const kg_source_t *s, unsigned line, kg_comment_t *out)
{
    unsigned first = line;
    size_t len;
    const char *text;
    while (first > 1 && (text = line_text(s, first - 1, &len)) && comment_only(text, len) >= 0)
        first--;
    for (unsigned l = first; l < line; l++) {
        text = line_text(s, l, &len);
        add_comment(a, s, l, text, len, (size_t)comment_only(text, len), out);
    }
}

void kg_comment_trailing(kg_arena_t *a, const kg_source_t *s, unsigned line, unsigned col,
                         kg_comment_t *out)
{
    size_t len;
    const char *text = line_text(s, line, &len);
    if (!text)
        return;
    for (size_t i = col ? col - 1 : 0; i + 1 < len; i++) {
        if (text[i] == '/' && text[i + 1] == '/') {
            add_comment(a, s, line, text, len, i, out);
            return;
        }
    }
}

void kg_comment_all(kg_arena_t *a, const kg_source_t *s, kg_comment_t *out)
{
    for (unsigned l = 1; l <= s->n_lines; l++) {
        size_t len;
        const char *text = line_text(s, l, &len);
        long at = comment_only(text, len);
        if (at >= 0)
            add_comment(a, s, l, text, len, (size_t)at, out);
    }
}

/* ---- packages ---------------------------------------------------------- */

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The sub-folders of `path`, sorted bytewise (readdir order differs between
 * machines; the output must not).  Returns -1 when `path` cannot be read. */
static int list_dirs(kg_arena_t *a, const char *path, char ***out, size_t *n)
{
    DIR *d = opendir(path);
    if (!d)
        return -1;
    KG_VEC(char *) names = {0};
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        if (is_dir(kg_printf(a, "%s/%s", path, e->d_name)))
            *(char **)KG_PUSH(a, names) = kg_strdup(a, e->d_name);
    }
    closedir(d);
    if (names.n)
        qsort(names.items, names.n, sizeof(char *), cmp_str);
    *out = names.items;
    *n = names.n;
    return 0;
}

static void add_package(kg_model_t *m, const char *dir, const char *version)
{
    kg_arena_t *a = m->arena;
    char *base = kg_printf(a, "%s/%s/%s", m->apis_dir, dir, version);
    char *types = kg_printf(a, "%s/types.h", base), *doc = kg_printf(a, "%s/doc.h", base);
    bool has_types = is_file(types), has_doc = is_file(doc);
    if (!has_types && !has_doc)
        return; /* not a package: some other folder */
    kg_package_t *p = kg_alloc(a, sizeof(*p));
    p->dir = kg_strdup(a, dir);
    p->version = kg_strdup(a, version);
    p->rel_dir = kg_printf(a, "%s/%s", dir, version);
    p->types_file = types;
    p->doc_file = doc;
    p->source_name = kg_printf(a, "%s/%s/types.h", m->apis_name, p->rel_dir);
    p->has_types = has_types;
    p->has_doc = has_doc;
    if (has_doc) {
        kg_source_t *s = kg_source_load(a, doc);
        if (s)
            kg_comment_all(a, s, &p->doc);
        else
            kg_error(m->diags, (kg_pos_t){doc, 1, 1}, "cannot read: %s", strerror(errno));
    }
    *(kg_package_t **)KG_PUSH(a, m->packages) = p;
}

int kg_load_packages(kg_model_t *m, const char *apis_dir)
{
    kg_arena_t *a = m->arena;
    size_t n = strlen(apis_dir);
    while (n > 1 && apis_dir[n - 1] == '/')
        n--;
    m->apis_dir = kg_strndup(a, apis_dir, n);
    const char *slash = strrchr(m->apis_dir, '/');
    m->apis_name = kg_strdup(a, slash && slash[1] ? slash + 1 : m->apis_dir);

    char **dirs;
    size_t n_dirs;
    if (list_dirs(a, m->apis_dir, &dirs, &n_dirs) < 0) {
        kg_error(m->diags, (kg_pos_t){0}, "cannot read '%s': %s", m->apis_dir, strerror(errno));
        return -1;
    }
    for (size_t i = 0; i < n_dirs; i++) {
        char **versions;
        size_t n_versions;
        if (list_dirs(a, kg_printf(a, "%s/%s", m->apis_dir, dirs[i]), &versions, &n_versions) < 0)
            continue;
        for (size_t j = 0; j < n_versions; j++)
            add_package(m, dirs[i], versions[j]);
    }
    if (m->packages.n == 0) {
        kg_error(m->diags, (kg_pos_t){0},
                 "no packages under '%s' (expected %s/<group>/<version>/types.h)", m->apis_dir,
                 m->apis_dir);
        return -1;
    }
    return 0;
}

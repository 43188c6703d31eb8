/* markers.c - the marker table and the parser of marker arguments. */
#include "markers.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "names.h"

#define SCHEMA (KG_ON_STRUCT | KG_ON_ENUM | KG_ON_MEMBER)

static const kg_key_spec_t printcolumn_keys[] = {
    {"name", true, KG_ARG_TEXT, NULL},
    {"type", true, KG_ARG_CHOICE, "integer|number|string|boolean|date"},
    {"JSONPath", true, KG_ARG_TEXT, NULL},
    {"description", false, KG_ARG_TEXT, NULL},
    {"format", false, KG_ARG_CHOICE, "int32|int64|float|double|byte|date|date-time|password"},
    {"priority", false, KG_ARG_INT, NULL},
    {NULL, false, KG_ARG_NONE, NULL},
};

static const kg_key_spec_t resource_keys[] = {
    {"path", false, KG_ARG_SNAKE, NULL},
    {"singular", false, KG_ARG_SNAKE, NULL},
    {"shortName", false, KG_ARG_VALUES, NULL},
    {"categories", false, KG_ARG_VALUES, NULL},
    {"scope", false, KG_ARG_CHOICE, "Namespaced|Cluster"},
    {NULL, false, KG_ARG_NONE, NULL},
};

static const kg_key_spec_t scale_keys[] = {
    {"specpath", true, KG_ARG_TEXT, NULL},
    {"statuspath", true, KG_ARG_TEXT, NULL},
    {"selectorpath", false, KG_ARG_TEXT, NULL},
    {NULL, false, KG_ARG_NONE, NULL},
};

/* Ordered by id: kg_marker_spec() indexes it. */
static const kg_marker_spec_t specs[KG_M__COUNT] = {
    {KG_M_GROUP_NAME, "groupName", KG_ON_PACKAGE, KG_ARG_STRING, NULL, NULL, false},
    {KG_M_DEEPCOPY_PACKAGE, "k8s:deepcopy-gen", KG_ON_PACKAGE, KG_ARG_CHOICE, "package", NULL, false},
    {KG_M_PREFIX, "kc:prefix", KG_ON_PACKAGE, KG_ARG_SNAKE, NULL, NULL, false},

    {KG_M_GENCLIENT, "genclient", KG_ON_STRUCT, KG_ARG_NONE, NULL, NULL, false},
    {KG_M_GENCLIENT_NON_NAMESPACED, "genclient:nonNamespaced", KG_ON_STRUCT, KG_ARG_NONE, NULL, NULL, false},
    {KG_M_GENCLIENT_NO_STATUS, "genclient:noStatus", KG_ON_STRUCT, KG_ARG_NONE, NULL, NULL, false},
    {KG_M_GENCLIENT_ONLY_VERBS, "genclient:onlyVerbs", KG_ON_STRUCT, KG_ARG_VERBS, NULL, NULL, false},
    {KG_M_GENCLIENT_SKIP_VERBS, "genclient:skipVerbs", KG_ON_STRUCT, KG_ARG_VERBS, NULL, NULL, false},
    {KG_M_GENCLIENT_METHOD, "genclient:method", KG_ON_STRUCT, KG_ARG_TEXT, NULL, NULL, true},
    {KG_M_DEEPCOPY_TYPE, "k8s:deepcopy-gen", KG_ON_STRUCT, KG_ARG_CHOICE, "true|false", NULL, false},
    {KG_M_DEEPCOPY_INTERFACES, "k8s:deepcopy-gen:interfaces", KG_ON_STRUCT, KG_ARG_TEXT, NULL, NULL, false},
    {KG_M_OBJECT_ROOT, "kubebuilder:object:root", KG_ON_STRUCT, KG_ARG_CHOICE, "true|false", NULL, false},
    {KG_M_SUBRESOURCE_STATUS, "kubebuilder:subresource:status", KG_ON_STRUCT, KG_ARG_NONE, NULL, NULL, false},
    {KG_M_SUBRESOURCE_SCALE, "kubebuilder:subresource:scale", KG_ON_STRUCT, KG_ARG_KEYS, NULL, scale_keys, false},
    {KG_M_RESOURCE, "kubebuilder:resource", KG_ON_STRUCT, KG_ARG_KEYS, NULL, resource_keys, false},
    {KG_M_PRINTCOLUMN, "kubebuilder:printcolumn", KG_ON_STRUCT, KG_ARG_KEYS, NULL, printcolumn_keys, true},
    {KG_M_STORAGE_VERSION, "kubebuilder:storageversion", KG_ON_STRUCT, KG_ARG_NONE, NULL, NULL, false},
    {KG_M_KIND, "kc:kind", KG_ON_STRUCT, KG_ARG_KIND, NULL, NULL, false},
    {KG_M_ENUM, "enum", KG_ON_ENUM, KG_ARG_NONE, NULL, NULL, false},

    {KG_M_JSON, "json", KG_ON_MEMBER, KG_ARG_JSON_NAME, NULL, NULL, false},
    {KG_M_JSON_INLINE, "json:inline", KG_ON_MEMBER, KG_ARG_NONE, NULL, NULL, false},
    {KG_M_MAP, "kc:map", KG_ON_MEMBER, KG_ARG_NONE, NULL, NULL, false},
    {KG_M_OPTIONAL, "optional", KG_ON_MEMBER, KG_ARG_NONE, NULL, NULL, false},
    {KG_M_REQUIRED, "required", KG_ON_MEMBER, KG_ARG_NONE, NULL, NULL, false},
    {KG_M_V_OPTIONAL, "kubebuilder:validation:Optional", KG_ON_MEMBER, KG_ARG_NONE, NULL, NULL, false},
    {KG_M_V_REQUIRED, "kubebuilder:validation:Required", KG_ON_MEMBER, KG_ARG_NONE, NULL, NULL, false},

    {KG_M_V_MINIMUM, "kubebuilder:validation:Minimum", SCHEMA, KG_ARG_NUMBER, NULL, NULL, false},
    {KG_M_V_MAXIMUM, "kubebuilder:validation:Maximum", SCHEMA, KG_ARG_NUMBER, NULL, NULL, false},
    {KG_M_V_EXCLUSIVE_MINIMUM, "kubebuilder:validation:ExclusiveMinimum", SCHEMA, KG_ARG_CHOICE, "true|false", NULL, false},
    {KG_M_V_EXCLUSIVE_MAXIMUM, "kubebuilder:validation:ExclusiveMaximum", SCHEMA, KG_ARG_CHOICE, "true|false", NULL, false},
    {KG_M_V_MULTIPLE_OF, "kubebuilder:validation:MultipleOf", SCHEMA, KG_ARG_NUMBER, NULL, NULL, false},
    {KG_M_V_MIN_LENGTH, "kubebuilder:validation:MinLength", SCHEMA, KG_ARG_INT, NULL, NULL, false},
    {KG_M_V_MAX_LENGTH, "kubebuilder:validation:MaxLength", SCHEMA, KG_ARG_INT, NULL, NULL, false},
    {KG_M_V_MIN_ITEMS, "kubebuilder:validation:MinItems", SCHEMA, KG_ARG_INT, NULL, NULL, false},
    {KG_M_V_MAX_ITEMS, "kubebuilder:validation:MaxItems", SCHEMA, KG_ARG_INT, NULL, NULL, false},
    {KG_M_V_MIN_PROPERTIES, "kubebuilder:validation:MinProperties", SCHEMA, KG_ARG_INT, NULL, NULL, false},
    {KG_M_V_MAX_PROPERTIES, "kubebuilder:validation:MaxProperties", SCHEMA, KG_ARG_INT, NULL, NULL, false},
    {KG_M_V_PATTERN, "kubebuilder:validation:Pattern", SCHEMA, KG_ARG_TEXT, NULL, NULL, false},
    {KG_M_V_ENUM, "kubebuilder:validation:Enum", SCHEMA, KG_ARG_VALUES, NULL, NULL, false},
    {KG_M_V_FORMAT, "kubebuilder:validation:Format", SCHEMA, KG_ARG_TEXT, NULL, NULL, false},
    {KG_M_V_TYPE, "kubebuilder:validation:Type", SCHEMA, KG_ARG_CHOICE, "string|number|integer|boolean|object|array", NULL, false},
    {KG_M_V_PRESERVE_UNKNOWN, "kubebuilder:validation:XPreserveUnknownFields", SCHEMA, KG_ARG_NONE, NULL, NULL, false},
    {KG_M_PRUNING_PRESERVE_UNKNOWN, "kubebuilder:pruning:PreserveUnknownFields", SCHEMA, KG_ARG_NONE, NULL, NULL, false},
    {KG_M_V_EMBEDDED_RESOURCE, "kubebuilder:validation:EmbeddedResource", SCHEMA, KG_ARG_NONE, NULL, NULL, false},
    {KG_M_V_NULLABLE, "nullable", KG_ON_MEMBER, KG_ARG_NONE, NULL, NULL, false},
    {KG_M_KB_DEFAULT, "kubebuilder:default", KG_ON_MEMBER, KG_ARG_TEXT, NULL, NULL, false},
    {KG_M_DEFAULT, "default", KG_ON_MEMBER, KG_ARG_TEXT, NULL, NULL, false},
    {KG_M_LIST_TYPE, "listType", KG_ON_MEMBER, KG_ARG_CHOICE, "atomic|set|map", NULL, false},
    {KG_M_LIST_MAP_KEY, "listMapKey", KG_ON_MEMBER, KG_ARG_JSON_NAME, NULL, NULL, true},
    {KG_M_PATCH_MERGE_KEY, "patchMergeKey", KG_ON_MEMBER, KG_ARG_JSON_NAME, NULL, NULL, false},
    {KG_M_PATCH_STRATEGY, "patchStrategy", KG_ON_MEMBER, KG_ARG_CHOICE, "merge|retainKeys|merge,retainKeys", NULL, false},
    {KG_M_MAP_TYPE, "mapType", KG_ON_MEMBER, KG_ARG_CHOICE, "atomic|granular", NULL, false},
    {KG_M_STRUCT_TYPE, "structType", KG_ON_STRUCT | KG_ON_MEMBER, KG_ARG_CHOICE, "atomic|granular", NULL, false},
};

const char *const kg_verb_names[KG_N_VERBS] = {
    "create", "get", "list", "watch", "update",
    "updateStatus", "patch", "apply", "delete", "deleteCollection",
};

const char *const kg_verb_macros[KG_N_VERBS] = {
    "KC_VERB_CREATE", "KC_VERB_GET", "KC_VERB_LIST", "KC_VERB_WATCH", "KC_VERB_UPDATE",
    "KC_VERB_UPDATE_STATUS", "KC_VERB_PATCH", "KC_VERB_APPLY", "KC_VERB_DELETE",
    "KC_VERB_DELETE_COLLECTION",
};

const kg_marker_spec_t *kg_marker_spec(kg_marker_id_t id)
{
    return &specs[id];
}

int kg_verb_index(const char *name, size_t len)
{
    for (int i = 0; i < KG_N_VERBS; i++)
        if (strlen(kg_verb_names[i]) == len && memcmp(kg_verb_names[i], name, len) == 0)
            return i;
    return -1;
}

const char *kg_marker_arg(const kg_marker_t *mk, const char *key)
{
    for (size_t i = 0; i < mk->args.n; i++)
        if (strcmp(mk->args.items[i].key, key) == 0)
            return mk->args.items[i].value;
    return NULL;
}

/* ---- resolving --------------------------------------------------------- */

/* Context for reporting errors at a byte offset inside the marker text. */
typedef struct ctx {
    kg_arena_t *arena;
    kg_diags_t *diags;
    kg_marker_t *mk;
    const kg_marker_spec_t *spec;
    bool failed;
} ctx_t;

/* Offsets count from the first byte after the '+'; WHOLE is the '+' itself,
 * where errors about the marker as a whole point. */
#define WHOLE ((size_t)-1)

static kg_pos_t pos_at(const ctx_t *c, size_t offset)
{
    kg_pos_t p = c->mk->pos;
    if (offset != WHOLE)
        p.col += 1 + (unsigned)offset;
    return p;
}

#define FAIL(c, off, ...)                                   \
    do {                                                    \
        kg_error((c)->diags, pos_at((c), (off)), __VA_ARGS__); \
        (c)->failed = true;                                 \
    } while (0)

static const char *where_name(unsigned where)
{
    if (where & KG_ON_PACKAGE)
        return "in doc.h";
    if (where & KG_ON_MEMBER)
        return "on a member";
    if (where & KG_ON_ENUM)
        return "on a string enum typedef";
    return "on a struct typedef";
}

/* The closest of `n` candidates to `word` (NULL when none is close). */
static const char *closest(const char *word, const char *const *cands, size_t n)
{
    const char *best = NULL;
    size_t best_d = (size_t)-1;
    for (size_t i = 0; i < n; i++) {
        size_t d = kg_edit_distance(word, cands[i]);
        if (d < best_d) {
            best_d = d;
            best = cands[i];
        }
    }
    size_t len = strlen(word);
    size_t limit = len < 6 ? 2 : len / 3;
    return best_d <= limit ? best : NULL;
}

static const char *closest_marker(const char *name)
{
    const char *names[KG_M__COUNT];
    for (size_t i = 0; i < KG_M__COUNT; i++)
        names[i] = specs[i].name;
    return closest(name, names, KG_M__COUNT);
}

/* The names of a choice list ("a|b|c"), split into `out` (at most 16). */
static size_t split_choices(kg_arena_t *a, const char *choices, const char **out)
{
    size_t n = 0;
    for (const char *p = choices; *p && n < 16;) {
        const char *bar = strchr(p, '|');
        size_t len = bar ? (size_t)(bar - p) : strlen(p);
        out[n++] = kg_strndup(a, p, len);
        p += len + (bar != NULL);
    }
    return n;
}

static char *choices_text(kg_arena_t *a, const char *choices)
{
    char *s = kg_strdup(a, choices);
    kg_buf_t b = {0};
    for (char *p = s; *p; p++) {
        if (*p == '|')
            kg_buf_puts(&b, ", ");
        else
            kg_buf_putc(&b, *p);
    }
    char *out = kg_strdup(a, b.data);
    kg_buf_free(&b);
    return out;
}

static bool is_int(const char *s)
{
    if (*s == '-' || *s == '+')
        s++;
    if (!*s)
        return false;
    for (; *s; s++)
        if (!isdigit((unsigned char)*s))
            return false;
    return true;
}

static bool is_number(const char *s)
{
    char *end;
    if (!*s || isspace((unsigned char)*s))
        return false;
    (void)strtod(s, &end);
    return *end == '\0';
}

static bool is_json_name(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (!isalnum((unsigned char)*s) && !strchr("_-.$@", *s))
            return false;
    return true;
}

static bool is_kind(const char *s)
{
    return *s >= 'A' && *s <= 'Z' && kg_is_c_ident(s);
}

/* Checks one value against a simple grammar; `what` names it in messages
 * ("marker '+json'" or "argument 'type' of '+kubebuilder:printcolumn'"). */
static void check_value(ctx_t *c, kg_arg_t arg, const char *choices, const char *value,
                        size_t off, const char *what)
{
    switch (arg) {
    case KG_ARG_NONE:
    case KG_ARG_STRING:
    case KG_ARG_KEYS:
        return;
    case KG_ARG_TEXT:
        if (!*value)
            FAIL(c, off, "%s needs a non-empty value", what);
        return;
    case KG_ARG_SNAKE:
        if (!kg_is_snake(value))
            FAIL(c, off, "%s: '%s' is not a snake_case name ([a-z][a-z0-9_]*)", what, value);
        return;
    case KG_ARG_KIND:
        if (!is_kind(value))
            FAIL(c, off, "%s: '%s' is not a Kind name (an upper-case letter, then letters and digits)",
                 what, value);
        return;
    case KG_ARG_JSON_NAME:
        if (!is_json_name(value))
            FAIL(c, off, "%s: '%s' is not a valid JSON name", what, value);
        return;
    case KG_ARG_INT:
        if (!is_int(value))
            FAIL(c, off, "%s: '%s' is not an integer", what, value);
        return;
    case KG_ARG_NUMBER:
        if (!is_number(value))
            FAIL(c, off, "%s: '%s' is not a number", what, value);
        return;
    case KG_ARG_VALUES:
        if (!*value || value[strlen(value) - 1] == ';' || strstr(value, ";;") || *value == ';')
            FAIL(c, off, "%s: '%s' is not a list of values separated by ';'", what, value);
        return;
    case KG_ARG_CHOICE: {
        const char *names[16];
        size_t n = split_choices(c->arena, choices, names);
        for (size_t i = 0; i < n; i++)
            if (strcmp(names[i], value) == 0)
                return;
        const char *near = closest(value, names, n);
        if (near)
            FAIL(c, off, "%s: invalid value '%s' (did you mean '%s'?)", what, value, near);
        else
            FAIL(c, off, "%s: invalid value '%s' (expected one of: %s)", what, value,
                 choices_text(c->arena, choices));
        return;
    }
    case KG_ARG_VERBS: {
        size_t start = 0;
        for (size_t i = 0;; i++) {
            if (value[i] != ',' && value[i] != '\0')
                continue;
            if (kg_verb_index(value + start, i - start) < 0) {
                char *word = kg_strndup(c->arena, value + start, i - start);
                const char *near = closest(word, kg_verb_names, KG_N_VERBS);
                if (near)
                    FAIL(c, off + start, "%s: unknown verb '%s' (did you mean '%s'?)", what, word, near);
                else
                    FAIL(c, off + start, "%s: unknown verb '%s'", what, word);
            }
            if (!value[i])
                break;
            start = i + 1;
        }
        return;
    }
    }
}

static const kg_key_spec_t *find_key(const kg_key_spec_t *keys, const char *name)
{
    for (const kg_key_spec_t *k = keys; k->name; k++)
        if (strcmp(k->name, name) == 0)
            return k;
    return NULL;
}

static void unknown_key(ctx_t *c, const char *key, size_t off)
{
    const char *names[16];
    size_t n = 0;
    for (const kg_key_spec_t *k = c->spec->keys; k->name && n < 16; k++)
        names[n++] = k->name;
    const char *near = closest(key, names, n);
    if (near)
        FAIL(c, off, "marker '+%s': unknown argument '%s' (did you mean '%s'?)", c->spec->name, key, near);
    else
        FAIL(c, off, "marker '+%s': unknown argument '%s'", c->spec->name, key);
}

/* Reads one value starting at text[*i]: "quoted" (with \" escapes),
 * `backquoted`, or bare up to the next ','.  Returns NULL on an open quote. */
static char *read_value(ctx_t *c, const char *text, size_t *i)
{
    kg_buf_t b = {0};
    char q = text[*i];
    if (q == '"' || q == '`') {
        size_t start = *i;
        for ((*i)++; text[*i] && text[*i] != q; (*i)++) {
            if (q == '"' && text[*i] == '\\' && text[*i + 1])
                (*i)++;
            kg_buf_putc(&b, text[*i]);
        }
        if (!text[*i]) {
            FAIL(c, start, "marker '+%s': unterminated quoted value", c->spec->name);
            kg_buf_free(&b);
            return NULL;
        }
        (*i)++;
    } else {
        for (; text[*i] && text[*i] != ','; (*i)++)
            kg_buf_putc(&b, text[*i]);
    }
    char *v = kg_strdup(c->arena, b.data ? b.data : "");
    kg_buf_free(&b);
    return v;
}

/* ":key=value,key=value" of a KG_ARG_KEYS marker, from text[start]. */
static void parse_keys(ctx_t *c, const char *text, size_t start)
{
    size_t i = start;
    while (text[i]) {
        size_t kstart = i;
        while (text[i] && text[i] != '=' && text[i] != ',')
            i++;
        char *key = kg_strndup(c->arena, text + kstart, i - kstart);
        if (text[i] != '=') {
            FAIL(c, kstart, "marker '+%s': argument '%s' needs a value ('%s=...')", c->spec->name, key, key);
            return;
        }
        i++;
        size_t voff = i;
        char *value = read_value(c, text, &i);
        if (!value)
            return;
        const kg_key_spec_t *k = find_key(c->spec->keys, key);
        if (!k) {
            unknown_key(c, key, kstart);
        } else if (kg_marker_arg(c->mk, key)) {
            FAIL(c, kstart, "marker '+%s': argument '%s' given twice", c->spec->name, key);
        } else {
            char *what = kg_printf(c->arena, "argument '%s' of '+%s'", key, c->spec->name);
            check_value(c, k->arg, k->choices, value, voff, what);
            kg_marker_arg_t *arg = KG_PUSH(c->arena, c->mk->args);
            arg->key = key;
            arg->value = value;
            arg->pos = pos_at(c, kstart);
        }
        if (text[i] == ',') {
            i++;
        } else if (text[i]) {
            FAIL(c, i, "marker '+%s': expected ',' after the value of '%s'", c->spec->name, key);
            return;
        }
    }
    for (const kg_key_spec_t *k = c->spec->keys; k->name; k++)
        if (k->required && !kg_marker_arg(c->mk, k->name))
            FAIL(c, WHOLE, "marker '+%s': missing argument '%s'", c->spec->name, k->name);
}

/* The table row for `text` at `where`: the row whose name is the longest
 * match (name, then '=', ':' or the end); *other_place when only rows for
 * other places match. */
static const kg_marker_spec_t *lookup(const char *text, unsigned where, const kg_marker_spec_t **other_place)
{
    const kg_marker_spec_t *best = NULL;
    *other_place = NULL;
    size_t best_len = 0;
    for (size_t i = 0; i < KG_M__COUNT; i++) {
        const kg_marker_spec_t *s = &specs[i];
        size_t n = strlen(s->name);
        if (strncmp(text, s->name, n) != 0)
            continue;
        char next = text[n];
        bool fits = next == '\0' || next == '=' || next == ' ' || next == '\t' ||
                    (next == ':' && s->arg == KG_ARG_KEYS);
        if (!fits || n < best_len)
            continue;
        if (!(s->where & where)) {
            if (!best && !*other_place)
                *other_place = s;
            continue;
        }
        best = s;
        best_len = n;
    }
    if (best && *other_place && strlen((*other_place)->name) > best_len)
        best = NULL; /* a longer name matched, only elsewhere */
    return best;
}

void kg_marker_resolve(kg_arena_t *a, kg_diags_t *d, kg_marker_t *mk, unsigned where)
{
    ctx_t c = {a, d, mk, NULL, false};
    const char *text = mk->text;
    const kg_marker_spec_t *other;
    mk->id = -1;
    c.spec = lookup(text, where, &other);
    if (!c.spec) {
        size_t n = strcspn(text, "= \t");
        char *name = kg_strndup(a, text, n);
        if (other) {
            FAIL(&c, WHOLE, "marker '+%s' is not allowed %s (only %s)", other->name, where_name(where),
                 where_name(other->where));
            return;
        }
        const char *near = closest_marker(name);
        if (near)
            FAIL(&c, WHOLE, "unknown marker '+%s' (did you mean '+%s'?)", name, near);
        else
            FAIL(&c, WHOLE, "unknown marker '+%s'", name);
        return;
    }
    size_t n = strlen(c.spec->name);
    const char *rest = text + n;
    char *what = kg_printf(a, "marker '+%s'", c.spec->name);
    switch (c.spec->arg) {
    case KG_ARG_NONE:
        if (*rest)
            FAIL(&c, n, "marker '+%s' takes no argument", c.spec->name);
        break;
    case KG_ARG_KEYS:
        if (*rest == ':')
            parse_keys(&c, text, n + 1);
        else
            parse_keys(&c, text, n); /* reports the missing required keys */
        break;
    default:
        if (*rest != '=') {
            FAIL(&c, n, "marker '+%s' needs a value ('+%s=...')", c.spec->name, c.spec->name);
            break;
        }
        mk->value = kg_strdup(a, rest + 1);
        check_value(&c, c.spec->arg, c.spec->choices, mk->value, n + 1, what);
    }
    if (!c.failed)
        mk->id = (int)c.spec->id;
}

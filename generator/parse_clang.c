/*
 * parse_clang.c - the only file that knows libclang.
 *
 * Parses each package's types.h once (one CXIndex for the run, function
 * bodies skipped) and copies what kc-gen needs into the plain-C model: the
 * typedefs declared in that file, their members' types with pointers peeled
 * off, and source positions.  Comments are read from the text (source.c).
 * Judging what was found is check.c's job; this file only reports clang's
 * own errors and declarations that have no place in the model at all.
 */
#include <clang-c/Index.h>
#include <string.h>

#include "model.h"
#include "source.h"

typedef struct parse_ctx {
    kg_model_t *m;
    kg_package_t *pkg;
    kg_source_t *src;
    KG_VEC(char *) typedef_tags; /* struct tags that got a typedef */
    KG_VEC(CXCursor) structs;    /* struct definitions of the file */
} parse_ctx_t;

static char *str(kg_arena_t *a, CXString s)
{
    char *out = kg_strdup(a, clang_getCString(s));
    clang_disposeString(s);
    return out ? out : kg_strdup(a, "");
}

static kg_pos_t pos_of(parse_ctx_t *c, CXSourceLocation loc)
{
    unsigned line, col;
    clang_getSpellingLocation(loc, NULL, &line, &col, NULL);
    return (kg_pos_t){c->src->path, line, col};
}

static kg_pos_t cursor_pos(parse_ctx_t *c, CXCursor cur)
{
    return pos_of(c, clang_getCursorLocation(cur));
}

static unsigned start_line(CXCursor cur)
{
    unsigned line;
    clang_getSpellingLocation(clang_getRangeStart(clang_getCursorExtent(cur)), NULL, &line, NULL, NULL);
    return line;
}

/* clang 16+ wraps every named type in an Elaborated node; 14 only those
 * written with `struct`.  Both come out the same. */
static CXType unelaborate(CXType t)
{
    while (t.kind == CXType_Elaborated)
        t = clang_Type_getNamedType(t);
    return t;
}

static kg_ctype_t classify(CXType t)
{
    t = unelaborate(t);
    switch (t.kind) {
    case CXType_Bool: return KG_CT_BOOL;
    case CXType_Double: return KG_CT_DOUBLE;
    case CXType_Char_S:
    case CXType_Char_U: return KG_CT_CHAR;
    case CXType_SChar:
    case CXType_Short:
    case CXType_Int:
    case CXType_Long:
    case CXType_LongLong:
    case CXType_Int128: return KG_CT_SIGNED;
    case CXType_UChar:
    case CXType_UShort:
    case CXType_UInt:
    case CXType_ULong:
    case CXType_ULongLong:
    case CXType_UInt128: return KG_CT_UNSIGNED;
    case CXType_Float:
    case CXType_LongDouble:
    case CXType_Half:
    case CXType_Float16: return KG_CT_FLOAT;
    case CXType_Enum: return KG_CT_ENUM;
    case CXType_ConstantArray:
    case CXType_IncompleteArray:
    case CXType_VariableArray:
    case CXType_DependentSizedArray: return KG_CT_ARRAY;
    case CXType_FunctionProto:
    case CXType_FunctionNoProto: return KG_CT_FUNCTION;
    case CXType_Void: return KG_CT_VOID;
    case CXType_Record: {
        CXCursor decl = clang_getTypeDeclaration(t);
        if (decl.kind == CXCursor_UnionDecl)
            return KG_CT_UNION;
        return clang_Cursor_isAnonymous(decl) ? KG_CT_ANON_STRUCT : KG_CT_TAG;
    }
    default: return KG_CT_OTHER;
    }
}

static bool is_qualified(CXType t)
{
    return clang_isConstQualifiedType(t) || clang_isVolatileQualifiedType(t);
}

/* Peels pointers off a member's type and records what is left. */
static void describe_type(kg_arena_t *a, CXType t, kg_member_t *mb)
{
    mb->spelling = str(a, clang_getTypeSpelling(t));
    t = unelaborate(t);
    while (t.kind == CXType_Pointer) {
        mb->qualified |= is_qualified(t);
        mb->ptr_depth++;
        t = unelaborate(clang_getPointeeType(t));
    }
    mb->qualified |= is_qualified(t);
    if (t.kind == CXType_Typedef) {
        mb->ctype = KG_CT_NAMED;
        mb->type_name = str(a, clang_getTypedefName(t));
        mb->canon = classify(clang_getCanonicalType(t));
        return;
    }
    mb->ctype = classify(t);
    /* clang spells these with a file path: keep messages short and stable */
    if (mb->ctype == KG_CT_ANON_STRUCT)
        mb->spelling = kg_strdup(a, "struct {...}");
    else if (mb->ctype == KG_CT_UNION && clang_Cursor_isAnonymous(clang_getTypeDeclaration(t)))
        mb->spelling = kg_strdup(a, "union {...}");
    if (mb->ctype == KG_CT_TAG)
        mb->type_name = str(a, clang_getCursorSpelling(clang_getTypeDeclaration(t)));
    else
        mb->type_name = str(a, clang_getTypeSpelling(t));
}

static enum CXChildVisitResult visit_member(CXCursor cur, CXCursor parent, CXClientData data)
{
    (void)parent;
    parse_ctx_t *c = data;
    kg_arena_t *a = c->m->arena;
    kg_type_t *t = c->pkg->types.items[c->pkg->types.n - 1];
    if (cur.kind != CXCursor_FieldDecl)
        return CXChildVisit_Continue; /* nested records show up through their field */
    kg_member_t *mb = KG_PUSH(a, t->members);
    mb->c_name = str(a, clang_getCursorSpelling(cur));
    mb->pos = cursor_pos(c, cur);
    mb->bitfield = clang_Cursor_isBitField(cur);
    mb->field_index = -1;
    describe_type(a, clang_getCursorType(cur), mb);
    if (!*mb->c_name)
        mb->ctype = KG_CT_ANON_STRUCT; /* C11 anonymous member */
    CXSourceRange ext = clang_getCursorExtent(cur);
    unsigned end_line, end_col;
    clang_getSpellingLocation(clang_getRangeEnd(ext), NULL, &end_line, &end_col, NULL);
    kg_comment_above(a, c->src, start_line(cur), &mb->comment);
    kg_comment_trailing(a, c->src, end_line, end_col, &mb->comment);
    return CXChildVisit_Continue;
}

static kg_type_t *add_type(parse_ctx_t *c, CXCursor td, kg_type_kind_t kind)
{
    kg_arena_t *a = c->m->arena;
    kg_type_t *t = kg_alloc(a, sizeof(*t));
    t->tkind = kind;
    t->pkg = c->pkg;
    t->c_type = str(a, clang_getCursorSpelling(td));
    t->typedef_pos = cursor_pos(c, td);
    t->pos = t->typedef_pos;
    kg_comment_above(a, c->src, start_line(td), &t->comment);
    *(kg_type_t **)KG_PUSH(a, c->pkg->types) = t;
    return t;
}

static void add_struct(parse_ctx_t *c, CXCursor td, CXCursor decl)
{
    kg_arena_t *a = c->m->arena;
    CXCursor def = clang_getCursorDefinition(decl);
    if (clang_Cursor_isNull(def) || !clang_Location_isFromMainFile(clang_getCursorLocation(def))) {
        kg_error(c->m->diags, cursor_pos(c, td),
                 "'%s' names a struct that this file does not define (write typedef struct x {...} x_t;)",
                 str(a, clang_getCursorSpelling(td)));
        return;
    }
    kg_type_t *t = add_type(c, td, KG_TYPE_STRUCT);
    t->pos = cursor_pos(c, def);
    if (!clang_Cursor_isAnonymous(def)) {
        t->tag = str(a, clang_getCursorSpelling(def));
        *(char **)KG_PUSH(a, c->typedef_tags) = t->tag;
    }
    clang_visitChildren(def, visit_member, c);
}

static bool is_char_pointer(CXType t)
{
    if (t.kind != CXType_Pointer)
        return false;
    CXType p = clang_getCanonicalType(clang_getPointeeType(t));
    return (p.kind == CXType_Char_S || p.kind == CXType_Char_U) && !is_qualified(p);
}

static void visit_typedef(parse_ctx_t *c, CXCursor td)
{
    CXType u = unelaborate(clang_getTypedefDeclUnderlyingType(td));
    if (u.kind == CXType_Record && clang_getTypeDeclaration(u).kind == CXCursor_StructDecl) {
        add_struct(c, td, clang_getTypeDeclaration(u));
        return;
    }
    if (is_char_pointer(u)) {
        add_type(c, td, KG_TYPE_ENUM);
        return;
    }
    kg_error(c->m->diags, cursor_pos(c, td),
             "typedef '%s' is neither a struct (typedef struct x {...} x_t;) nor a string enum "
             "(typedef char *x_t;)",
             str(c->m->arena, clang_getCursorSpelling(td)));
}

static enum CXChildVisitResult visit_top(CXCursor cur, CXCursor parent, CXClientData data)
{
    (void)parent;
    parse_ctx_t *c = data;
    if (!clang_Location_isFromMainFile(clang_getCursorLocation(cur)))
        return CXChildVisit_Continue;
    switch (cur.kind) {
    case CXCursor_TypedefDecl:
        visit_typedef(c, cur);
        break;
    case CXCursor_StructDecl:
        if (clang_isCursorDefinition(cur))
            *(CXCursor *)KG_PUSH(c->m->arena, c->structs) = cur;
        break;
    case CXCursor_UnionDecl:
        kg_error(c->m->diags, cursor_pos(c, cur),
                 "unions are not supported in API headers (JSON has no union; use a struct "
                 "with optional members)");
        break;
    case CXCursor_EnumDecl:
        kg_error(c->m->diags, cursor_pos(c, cur),
                 "C enums are not supported (write a string enum: typedef char *x_t; with "
                 "+kubebuilder:validation:Enum=A;B)");
        break;
    case CXCursor_FunctionDecl:
    case CXCursor_VarDecl:
        kg_error(c->m->diags, cursor_pos(c, cur),
                 "only type declarations belong in an API header (kc-gen re-emits types only)");
        break;
    default:
        break;
    }
    return CXChildVisit_Continue;
}

/* Struct definitions without a typedef are invisible to users of generated/. */
static void check_untypedefed(parse_ctx_t *c)
{
    for (size_t i = 0; i < c->structs.n; i++) {
        CXCursor s = c->structs.items[i];
        if (clang_Cursor_isAnonymous(s))
            continue;
        char *tag = str(c->m->arena, clang_getCursorSpelling(s));
        bool found = false;
        for (size_t j = 0; j < c->typedef_tags.n && !found; j++)
            found = strcmp(c->typedef_tags.items[j], tag) == 0;
        if (!found)
            kg_error(c->m->diags, cursor_pos(c, s),
                     "struct '%s' has no typedef (write typedef struct %s {...} %s_t;)", tag, tag, tag);
    }
}

/* Reports clang's errors; true when there was one. */
static bool report_clang(kg_model_t *m, CXTranslationUnit tu)
{
    bool failed = false;
    unsigned n = clang_getNumDiagnostics(tu);
    for (unsigned i = 0; i < n; i++) {
        CXDiagnostic d = clang_getDiagnostic(tu, i);
        if (clang_getDiagnosticSeverity(d) >= CXDiagnostic_Error) {
            CXFile file;
            unsigned line, col;
            clang_getSpellingLocation(clang_getDiagnosticLocation(d), &file, &line, &col, NULL);
            char *path = file ? str(m->arena, clang_getFileName(file)) : NULL;
            char *msg = str(m->arena, clang_getDiagnosticSpelling(d));
            kg_error(m->diags, (kg_pos_t){path, line, col}, "%s", msg);
            failed = true;
        }
        clang_disposeDiagnostic(d);
    }
    return failed;
}

static void parse_package(kg_model_t *m, CXIndex idx, kg_package_t *p, const char *const *args, int n_args)
{
    parse_ctx_t c = {m, p, NULL, {0}, {0}};
    c.src = kg_source_load(m->arena, p->types_file);
    if (!c.src) {
        kg_error(m->diags, (kg_pos_t){p->types_file, 1, 1}, "cannot read file");
        p->parse_failed = true;
        return;
    }
    CXTranslationUnit tu = NULL;
    unsigned opts = CXTranslationUnit_SkipFunctionBodies | CXTranslationUnit_Incomplete;
    enum CXErrorCode rc = clang_parseTranslationUnit2(idx, p->types_file, args, n_args, NULL, 0, opts, &tu);
    if (rc != CXError_Success || !tu) {
        kg_error(m->diags, (kg_pos_t){p->types_file, 1, 1}, "libclang could not parse this file (error %d)",
                 (int)rc);
        p->parse_failed = true;
        return;
    }
    if (report_clang(m, tu)) {
        p->parse_failed = true; /* what clang recovered would only cause follow-up errors */
    } else {
        clang_visitChildren(clang_getTranslationUnitCursor(tu), visit_top, &c);
        check_untypedefed(&c);
    }
    clang_disposeTranslationUnit(tu);
}

void kg_parse(kg_model_t *m, const char *const *include_dirs, size_t n_include_dirs)
{
    kg_arena_t *a = m->arena;
    size_t n_args = 0;
    const char **args = kg_alloc(a, (6 + 2 * n_include_dirs) * sizeof(char *));
    args[n_args++] = "-xc";
    args[n_args++] = "-std=c11";
    args[n_args++] = "-w"; /* warnings are the C compiler's business later */
    args[n_args++] = "-I";
    args[n_args++] = m->apis_dir;
    for (size_t i = 0; i < n_include_dirs; i++) {
        args[n_args++] = "-I";
        args[n_args++] = include_dirs[i];
    }
    CXIndex idx = clang_createIndex(0, 0);
    for (size_t i = 0; i < m->packages.n; i++) {
        kg_package_t *p = m->packages.items[i];
        if (p->has_types)
            parse_package(m, idx, p, args, (int)n_args);
    }
    clang_disposeIndex(idx);
}

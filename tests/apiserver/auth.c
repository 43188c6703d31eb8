/* auth.c — authentication (static bearer tokens, client certificates) and the little
 * authorization the test server does: every authenticated user may do everything;
 * system:anonymous only when the options allow it. 401/403 bodies as recorded. */
#define _GNU_SOURCE
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int unauthorized(req_t *r) {
    send_status(r, 401, "Unauthorized", "Unauthorized", NULL);
    return 1;
}

int authenticate(req_t *r) {
    server_t *s = r->s;
    const char *h = h_get(r, "Authorization");
    if (h && !strncasecmp(h, "Bearer ", 7)) {
        const char *tok = h + 7;
        while (*tok == ' ') tok++;
        for (size_t i = 0; i < s->n_tokens; i++) {
            if (!strcmp(s->tokens[i].token, tok)) {
                snprintf(r->user.name, sizeof r->user.name, "%s", s->tokens[i].user);
                snprintf(r->user.groups, sizeof r->user.groups, "%s",
                         s->tokens[i].groups ? s->tokens[i].groups : "");
                return 0;
            }
        }
        return unauthorized(r);
    }
    if (h) return unauthorized(r); /* Basic and others are not accepted */
    if (s->opt.tls && s->ca_pem) {
        int rc = tls_peer_identity(r->conn, s->ca_pem, &r->user);
        if (rc == 0) return 0;
        if (rc > 0) return unauthorized(r); /* a certificate that does not verify */
    }
    snprintf(r->user.name, sizeof r->user.name, "system:anonymous");
    snprintf(r->user.groups, sizeof r->user.groups, "system:unauthenticated");
    r->user.anonymous = true;
    return 0;
}

int authorize(req_t *r, const route_t *rt) {
    if (!r->user.anonymous || r->s->opt.allow_anonymous) return 0;
    char *msg = NULL;
    if (!rt) {
        /* non-resource URL: only the public ones reach here unauthenticated */
        const char *verb = !strcmp(r->method, "GET") ? "get" : !strcmp(r->method, "POST") ? "post"
                           : !strcmp(r->method, "PUT") ? "put" : !strcmp(r->method, "DELETE") ? "delete"
                           : "patch";
        if (!strncmp(r->url, "/api/", 5) || !strncmp(r->url, "/apis/", 6)) {
            /* resource requests are judged once routed, so the message names the resource */
            const char *p = r->url;
            int slashes = 0;
            for (; *p; p++) slashes += *p == '/';
            bool is_resource = (!strncmp(r->url, "/api/", 5) && slashes >= 3) ||
                               (!strncmp(r->url, "/apis/", 6) && slashes >= 4);
            if (is_resource) return 0;
        }
        if (asprintf(&msg, "forbidden: User \"system:anonymous\" cannot %s path \"%s\"", verb,
                     r->url) < 0)
            abort();
        send_status(r, 403, "Forbidden", msg, cJSON_CreateObject());
        free(msg);
        return 1;
    }
    const resource_t *res = rt->res;
    char *q = qualified_resource(res);
    char resname[300], scope[300], subj[600];
    snprintf(resname, sizeof resname, "%s%s%s", res->plural, rt->sub ? "/" : "",
             rt->sub ? rt->sub : "");
    if (rt->ns) snprintf(scope, sizeof scope, "in the namespace \"%s\"", rt->ns);
    else snprintf(scope, sizeof scope, "at the cluster scope");
    if (rt->name) snprintf(subj, sizeof subj, "%s \"%s\"", q, rt->name);
    else snprintf(subj, sizeof subj, "%s", q);
    if (asprintf(&msg,
                 "%s is forbidden: User \"system:anonymous\" cannot %s resource \"%s\" in API "
                 "group \"%s\" %s",
                 subj, rt->verb, resname, res->group, scope) < 0)
        abort();
    send_status(r, 403, "Forbidden", msg, details_new(rt->name, res->group, res->plural));
    free(msg);
    free(q);
    return 1;
}

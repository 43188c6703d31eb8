/* apply.h — server-side apply and metadata.managedFields (structured-merge-diff semantics).
 *
 * Every write goes through here so managedFields look like the real server's:
 *   - create/update/patch/status/scale writes: ksrv_managed_fields_update() (operation Update)
 *   - PATCH application/apply-patch+yaml:     ksrv_apply()                 (operation Apply)
 * managedFields entries carry manager, operation, apiVersion, time, fieldsType "FieldsV1",
 * fieldsV1 and subresource (when set); keys `f:<field>`, `k:{"name":"x"}` (associative list
 * items, keys in the list's key order, JSON-encoded), `v:"x"` (set items), "." (the node
 * itself is owned); entries sorted like the server (Apply before Update, then time, manager,
 * apiVersion, subresource). apiVersion, kind, metadata.{name,namespace,uid,resourceVersion,
 * generation,creationTimestamp,selfLink,managedFields} are never owned.
 *
 * Field structure (which lists are associative and by which keys, which are sets, which
 * maps are atomic) comes from the CRD's openAPIV3Schema (x-kubernetes-list-type,
 * x-kubernetes-list-map-keys, x-kubernetes-map-type; CRD lists default to atomic) or, for
 * built-ins, from the table in patch.c (ksrv_field_info()). */
#ifndef KSRV_APPLY_H
#define KSRV_APPLY_H

#include "status.h"

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct ksrv_manage_opts {
    const char *manager;     /* fieldManager, or ksrv_default_manager() of the User-Agent */
    const char *api_version; /* of the request, "apps/v1" or "v1": the entry's apiVersion */
    const char *kind;        /* built-in kind for the field table ("Deployment"); CRDs: any */
    const char *subresource; /* NULL/"" for the main resource, "status", "scale" */
    const char *time;        /* RFC 3339 time to stamp; NULL = now (UTC, seconds) */
    const cJSON *schema;     /* CRD openAPIV3Schema of this version, NULL for built-ins */
    bool force;              /* apply: ?force=true */
    bool no_time;            /* stamp no time (the recorded /scale entries have none) */
} ksrv_manage_opts_t;

/* Records a non-apply write. `old_obj` is the stored object before the write (NULL for a
 * create), `new_obj` the object about to be stored (defaults applied, status/spec reset
 * already done by the caller); its metadata.managedFields is rewritten in place:
 * fields this write added or changed move to (manager, Update, apiVersion, subresource)
 * and leave every other manager, removed fields leave everybody, empty entries disappear.
 * Whatever managedFields new_obj carried in is ignored unless it differs from old_obj's
 * (a client resetting managedFields: [] clears them, as on the server). The entry's time
 * changes only when the write changed something it now owns. Returns 0 (or -1 with 500 on
 * allocation failure). */
int ksrv_managed_fields_update(const cJSON *old_obj, cJSON *new_obj,
                               const ksrv_manage_opts_t *o, ksrv_status_t *st);

/* Server-side apply of `applied` (the parsed apply-patch body, see yaml.h) onto `live`
 * (NULL when the object does not exist yet: the caller then creates *out). On success *out is
 * the merged object with managedFields updated; the caller stamps uid, resourceVersion,
 * generation... as for any write. Errors:
 *   422 Invalid PatchOptions "fieldManager: Required value: is required for apply patch"
 *       when o->manager is NULL/"" (exactly as recorded);
 *   409 Conflict "Apply failed with N conflict(s): ..." with FieldManagerConflict causes
 *       ({message "conflict with \"ci\"", field ".spec.replicas"}; Update managers print as
 *       "\"m\" using apps/v1 at <time>") unless o->force;
 *   400 BadRequest for an applied body that is not an object or lacks apiVersion/kind.
 * Fields the manager applied before and omits now are removed from the object when no other
 * manager owns them. */
int ksrv_apply(const cJSON *live, const cJSON *applied, const ksrv_manage_opts_t *o,
               cJSON **out, ksrv_status_t *st);

/* The manager name the server derives from a User-Agent when fieldManager is absent: the
 * text before the first '/', non-printable characters dropped, at most 128 bytes; "unknown"
 * when that is empty (the recordings' writes show "unknown"). */
void ksrv_default_manager(const char *user_agent, char *buf, size_t n);

/* ---- exposed for tests and the core ---- */
/* The fieldsV1 set of `obj` as apply computes it (ToFieldSet), without stripped fields. */
cJSON *ksrv_fieldset_of(const cJSON *obj, const ksrv_manage_opts_t *o);

#endif

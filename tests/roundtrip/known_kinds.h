/* The (apiVersion, kind) pairs of the recorded fixtures that kc's apis/ declare,
 * with the generated descriptor of each.  Shared by the round-trip and deepcopy
 * tests and the benchmarks. */
#ifndef KC_TEST_KNOWN_KINDS_H
#define KC_TEST_KNOWN_KINDS_H

#include <string.h>

#include "kc/alloc.h"
#include "apps/v1/types.h"
#include "batch/v1/types.h"
#include "core/v1/types.h"
#include "meta/v1/types.h"
#include "mindxdl/v1/types.h"

typedef struct known_kind {
    const char *api_version;
    const char *kind;
    const kc_type_t *type;
} known_kind_t;

static const known_kind_t known_kinds[] = {
    {"mindxdl.gitee.com/v1", "AscendJob", &mindxdl_v1_ascend_job_desc},
    {"mindxdl.gitee.com/v1", "AscendJobList", &mindxdl_v1_ascend_job_list_desc},
    {"batch/v1", "Job", &batch_v1_job_desc},
    {"batch/v1", "JobList", &batch_v1_job_list_desc},
    {"batch/v1", "CronJob", &batch_v1_cron_job_desc},
    {"apps/v1", "Deployment", &apps_v1_deployment_desc},
    {"v1", "Pod", &core_v1_pod_desc},
    {"v1", "PodList", &core_v1_pod_list_desc},
    {"v1", "Service", &core_v1_service_desc},
    {"v1", "Namespace", &core_v1_namespace_desc},
    {"v1", "ServiceAccount", &core_v1_service_account_desc},
    {"v1", "Event", &core_v1_event_desc},
    {"v1", "EventList", &core_v1_event_list_desc},
    {"v1", "Status", &meta_v1_status_desc},
    {"v1", "DeleteOptions", &meta_v1_delete_options_desc},
    {"v1", "APIResourceList", &meta_v1_api_resource_list_desc},
    {"v1", "APIGroupList", &meta_v1_api_group_list_desc},
};

static inline const kc_type_t *known_kind_lookup(const char *api_version, const char *kind)
{
    for (size_t i = 0; i < sizeof known_kinds / sizeof known_kinds[0]; i++)
        if (strcmp(known_kinds[i].api_version, api_version) == 0 &&
            strcmp(known_kinds[i].kind, kind) == 0)
            return known_kinds[i].type;
    return NULL;
}

#endif

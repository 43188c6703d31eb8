#!/usr/bin/env python3
"""The Python kubernetes client (Debian's python3-kubernetes), unchanged, against kc-apiserver
over HTTPS with a bearer token, configured only through the kubeconfig the server writes.

    test_python_client.py KC_APISERVER_BINARY [TESTDATA_DIR]

CoreV1Api (namespaces, configmaps, pods, services), AppsV1Api (deployments and their scale),
BatchV1Api (jobs, cronjobs), ApiextensionsV1Api + CustomObjectsApi (the AscendJob CRD from
the recorded crd-registration.json, AscendJob CRUD and status), a watch.Watch() stream that
sees ADDED/MODIFIED/DELETED made from another thread, and ApiException codes and reasons.
Prints "N passed, N failed". Exit 77 (ctest: skipped) when the client is not installed.
"""
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import traceback

try:
    import kubernetes  # noqa: F401
except ImportError:
    # CMake may have found another interpreter (pyenv...) than Debian's, which has the client
    deb = "/usr/bin/python3"
    if os.path.exists(deb) and os.path.realpath(sys.executable) != os.path.realpath(deb) \
            and not os.environ.get("KC_PY_REEXEC"):
        os.environ["KC_PY_REEXEC"] = "1"
        os.execv(deb, [deb] + sys.argv)
    print("python3-kubernetes is not installed: skipped")
    sys.exit(77)

from kubernetes import client, config, watch  # noqa: E402
from kubernetes.client.rest import ApiException  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
BIN = sys.argv[1]
TESTDATA = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, "..", "testdata", "kube-apiserver")
NS = "py-test"
GROUP, VERSION, PLURAL = "mindxdl.gitee.com", "v1", "ascendjobs"

passed = failed = 0


def check(name, fn):
    global passed, failed
    try:
        fn()
        passed += 1
        print("ok   " + name)
    except Exception as e:  # noqa: BLE001
        failed += 1
        print("FAIL %s: %s" % (name, e))
        for line in traceback.format_exc().splitlines()[-6:]:
            print("     " + line)
    sys.stdout.flush()


def expect(cond, msg):
    if not cond:
        raise AssertionError(msg)


def expect_api_error(fn, status, reason):
    """fn must raise ApiException with this HTTP status and this Status reason."""
    try:
        fn()
    except ApiException as e:
        body = json.loads(e.body)
        expect(e.status == status, "status %s, want %s" % (e.status, status))
        expect(body.get("kind") == "Status" and body.get("reason") == reason and body.get("code") == status,
               "Status body %s, want reason %s" % (e.body, reason))
        return body
    raise AssertionError("no ApiException (want %d %s)" % (status, reason))


def start_server(work):
    kubeconfig = os.path.join(work, "kubeconfig")
    p = subprocess.Popen([BIN, "--tls", "--cert-dir", work, "--token", "py-token",
                          "--write-kubeconfig", kubeconfig],
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = p.stdout.readline()
    if "listening" not in line:
        p.kill()
        raise SystemExit("kc-apiserver did not start: %r" % line)
    return p, kubeconfig


def main():
    work = tempfile.mkdtemp(prefix="kc-py-")
    proc, kubeconfig = start_server(work)
    try:
        config.load_kube_config(config_file=kubeconfig)
        run()
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        subprocess.call(["rm", "-rf", work])
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


def run():
    core = client.CoreV1Api()
    apps = client.AppsV1Api()
    batch = client.BatchV1Api()
    ext = client.ApiextensionsV1Api()
    co = client.CustomObjectsApi()
    ver = client.VersionApi()

    check("VersionApi.get_code", lambda: expect(ver.get_code().major == "1", "version"))

    # ---- CoreV1Api: namespaces ----
    def ns_crud():
        ns = core.create_namespace({"metadata": {"name": NS, "labels": {"team": "py"}}})
        expect(ns.metadata.name == NS and ns.metadata.uid and ns.status.phase == "Active", "created %s" % ns)
        got = core.read_namespace(NS)
        expect(got.metadata.labels["kubernetes.io/metadata.name"] == NS, "default label")
        names = [n.metadata.name for n in core.list_namespace(label_selector="team=py").items]
        expect(names == [NS], "list by label: %s" % names)
        expect_api_error(lambda: core.create_namespace({"metadata": {"name": NS}}), 409, "AlreadyExists")
        expect_api_error(lambda: core.read_namespace("no-such-ns"), 404, "NotFound")
    check("CoreV1Api namespace create/read/list/409/404", ns_crud)

    # ---- configmaps ----
    def cm_crud():
        for name, app in (("cm-a", "py"), ("cm-b", "py"), ("cm-c", "other")):
            cm = client.V1ConfigMap(metadata=client.V1ObjectMeta(name=name, labels={"app": app}),
                                    data={"k": name})
            made = core.create_namespaced_config_map(NS, cm)
            expect(made.metadata.resource_version and made.data == {"k": name}, "created %s" % made)
        lst = core.list_namespaced_config_map(NS, label_selector="app=py")
        expect(sorted(i.metadata.name for i in lst.items) == ["cm-a", "cm-b"], "app=py")
        expect(lst.metadata.resource_version, "list resourceVersion")
        lst = core.list_namespaced_config_map(NS, label_selector="app in (py,other),app!=py")
        expect([i.metadata.name for i in lst.items] == ["cm-c"], "set-based selector")
        lst = core.list_namespaced_config_map(NS, field_selector="metadata.name=cm-b")
        expect([i.metadata.name for i in lst.items] == ["cm-b"], "field selector")
        page = core.list_namespaced_config_map(NS, limit=2)
        expect(len(page.items) == 2 and page.metadata._continue, "limit=2 gives a continue token")
        rest = core.list_namespaced_config_map(NS, limit=2, _continue=page.metadata._continue)
        expect(len(rest.items) == 1 and not rest.metadata._continue, "continue")
        allns = core.list_config_map_for_all_namespaces(label_selector="app")
        expect(len(allns.items) == 3, "all namespaces")

        cm = core.read_namespaced_config_map("cm-a", NS)
        p = core.patch_namespaced_config_map("cm-a", NS, {"data": {"extra": "1"}})  # strategic merge
        expect(p.data == {"k": "cm-a", "extra": "1"}, "strategic merge patch: %s" % p.data)
        p = core.patch_namespaced_config_map("cm-a", NS, [{"op": "remove", "path": "/data/extra"}])
        expect(p.data == {"k": "cm-a"}, "json patch: %s" % p.data)
        expect(int(p.metadata.resource_version) > int(cm.metadata.resource_version), "rv grows")
        cm.data = {"k": "stale"}
        expect_api_error(lambda: core.replace_namespaced_config_map("cm-a", NS, cm), 409, "Conflict")
        fresh = core.read_namespaced_config_map("cm-a", NS)
        fresh.data = {"k": "replaced"}
        r = core.replace_namespaced_config_map("cm-a", NS, fresh)
        expect(r.data == {"k": "replaced"}, "replace")
        expect_api_error(lambda: core.create_namespaced_config_map(
            NS, {"metadata": {"name": "cm-a"}}), 409, "AlreadyExists")
        st = core.delete_namespaced_config_map("cm-c", NS)
        expect(st.status == "Success" and st.details.name == "cm-c", "delete answers a Status: %s" % st)
        expect_api_error(lambda: core.read_namespaced_config_map("cm-c", NS), 404, "NotFound")
        expect_api_error(lambda: core.delete_namespaced_config_map("cm-c", NS), 404, "NotFound")
        core.delete_collection_namespaced_config_map(NS, label_selector="app=py")
        expect(core.list_namespaced_config_map(NS).items == [], "deletecollection")
        expect_api_error(lambda: core.create_namespaced_config_map(
            "nope", {"metadata": {"name": "x"}}), 404, "NotFound")
    check("CoreV1Api configmap CRUD, selectors, paging, patch, 409/404", cm_crud)

    # ---- pods ----
    def pods():
        pod = {"metadata": {"name": "pod-a", "labels": {"app": "web"}},
               "spec": {"containers": [{"name": "c", "image": "busybox:1.36",
                                        "command": ["sleep", "3600"], "ports": [{"containerPort": 80}]}]}}
        made = core.create_namespaced_pod(NS, pod)
        expect(made.status.phase == "Pending" and made.spec.restart_policy == "Always", "defaults: %s" % made.status)
        expect(made.spec.containers[0].termination_message_path == "/dev/termination-log", "container defaults")
        got = core.read_namespaced_pod("pod-a", NS)
        expect(got.metadata.uid == made.metadata.uid, "read")
        lst = core.list_namespaced_pod(NS, label_selector="app=web", field_selector="status.phase=Pending")
        expect([p.metadata.name for p in lst.items] == ["pod-a"], "list with label and field selectors")
        p = core.patch_namespaced_pod("pod-a", NS, {"metadata": {"labels": {"tier": "front"}}})
        expect(p.metadata.labels == {"app": "web", "tier": "front"}, "patch labels")
        core.patch_namespaced_pod_status("pod-a", NS, {"status": {"phase": "Running"}})
        expect(core.read_namespaced_pod_status("pod-a", NS).status.phase == "Running", "status subresource")
        d = core.delete_namespaced_pod("pod-a", NS, grace_period_seconds=0)
        expect(d.metadata.name == "pod-a", "delete returns the pod")
        deadline = time.time() + 10
        while time.time() < deadline:
            try:
                core.read_namespaced_pod("pod-a", NS)
                time.sleep(0.1)
            except ApiException as e:
                expect(e.status == 404, "gone")
                return
        raise AssertionError("pod still there")
    check("CoreV1Api pod create/read/list/patch/status/delete", pods)

    # ---- services ----
    def services():
        svc = {"metadata": {"name": "svc-a", "labels": {"app": "web"}},
               "spec": {"selector": {"app": "web"}, "ports": [{"port": 80, "targetPort": 8080}]}}
        made = core.create_namespaced_service(NS, svc)
        expect(made.spec.type == "ClusterIP" and made.spec.cluster_ip, "ClusterIP allocated: %s" % made.spec)
        expect(made.spec.ports[0].protocol == "TCP", "port defaults")
        lst = core.list_namespaced_service(NS, label_selector="app=web")
        expect([s.metadata.name for s in lst.items] == ["svc-a"], "list")
        p = core.patch_namespaced_service("svc-a", NS, {"spec": {"ports": [{"port": 80, "targetPort": 9090}]}})
        expect(len(p.spec.ports) == 1 and p.spec.ports[0].target_port == 9090, "strategic merge by port: %s" % p.spec.ports)
        expect(p.spec.cluster_ip == made.spec.cluster_ip, "clusterIP kept")
        core.delete_namespaced_service("svc-a", NS)
        expect_api_error(lambda: core.read_namespaced_service("svc-a", NS), 404, "NotFound")
    check("CoreV1Api service create/list/patch/delete", services)

    # ---- AppsV1Api: deployments ----
    def deployments():
        dep = {"metadata": {"name": "web", "labels": {"app": "web"}},
               "spec": {"replicas": 1, "selector": {"matchLabels": {"app": "web"}},
                        "template": {"metadata": {"labels": {"app": "web"}},
                                     "spec": {"containers": [{"name": "web", "image": "nginx:1.25",
                                                              "env": [{"name": "A", "value": "1"}]}]}}}}
        made = apps.create_namespaced_deployment(NS, dep)
        expect(made.metadata.generation == 1, "generation 1")
        expect(made.spec.strategy.type == "RollingUpdate" and made.spec.revision_history_limit == 10, "defaults")
        got = apps.read_namespaced_deployment("web", NS)
        got.spec.template.spec.containers[0].image = "nginx:1.26"
        r = apps.replace_namespaced_deployment("web", NS, got)
        expect(r.metadata.generation == 2 and r.spec.template.spec.containers[0].image == "nginx:1.26", "replace")
        p = apps.patch_namespaced_deployment("web", NS, {"spec": {"template": {"spec": {"containers": [
            {"name": "web", "image": "nginx:1.27"}]}}}})
        c = p.spec.template.spec.containers[0]
        expect(c.image == "nginx:1.27" and c.env[0].name == "A", "strategic merge keeps env: %s" % c)
        sc = apps.read_namespaced_deployment_scale("web", NS)
        expect(sc.spec.replicas == 1 and sc.kind == "Scale", "scale: %s" % sc)
        sc = apps.patch_namespaced_deployment_scale("web", NS, {"spec": {"replicas": 3}})
        expect(sc.spec.replicas == 3, "patch scale")
        sc = apps.read_namespaced_deployment_scale("web", NS)
        sc.spec.replicas = 2
        sc = apps.replace_namespaced_deployment_scale("web", NS, sc)
        expect(sc.spec.replicas == 2, "replace scale")
        expect(apps.read_namespaced_deployment("web", NS).spec.replicas == 2, "deployment follows its scale")
        lst = apps.list_namespaced_deployment(NS, label_selector="app=web")
        expect([d.metadata.name for d in lst.items] == ["web"], "list")
        apps.delete_namespaced_deployment("web", NS)
        expect_api_error(lambda: apps.read_namespaced_deployment("web", NS), 404, "NotFound")
    check("AppsV1Api deployment create/get/replace/patch/scale/delete", deployments)

    # ---- BatchV1Api: jobs, cronjobs ----
    tmpl = {"spec": {"restartPolicy": "Never", "containers": [{"name": "c", "image": "busybox:1.36",
                                                                 "command": ["true"]}]}}

    def jobs():
        made = batch.create_namespaced_job(NS, {"metadata": {"name": "job-1"}, "spec": {"template": tmpl}})
        expect(made.spec.backoff_limit == 6 and made.spec.completions == 1, "defaults: %s" % made.spec)
        expect(made.spec.selector.match_labels and made.spec.template.metadata.labels, "generated selector")
        got = batch.read_namespaced_job("job-1", NS)
        expect(got.metadata.uid == made.metadata.uid, "read")
        p = batch.patch_namespaced_job("job-1", NS, {"metadata": {"labels": {"x": "y"}}})
        expect(p.metadata.labels["x"] == "y", "patch")
        expect([j.metadata.name for j in batch.list_namespaced_job(NS).items] == ["job-1"], "list")
        batch.delete_namespaced_job("job-1", NS, propagation_policy="Background")
        expect_api_error(lambda: batch.read_namespaced_job("job-1", NS), 404, "NotFound")
    check("BatchV1Api job create/read/patch/list/delete", jobs)

    def cronjobs():
        cj = {"metadata": {"name": "cron-1"},
              "spec": {"schedule": "*/5 * * * *", "jobTemplate": {"spec": {"template": tmpl}}}}
        made = batch.create_namespaced_cron_job(NS, cj)
        expect(made.spec.concurrency_policy == "Allow" and made.spec.suspend is False, "defaults: %s" % made.spec)
        p = batch.patch_namespaced_cron_job("cron-1", NS, {"spec": {"suspend": True}})
        expect(p.spec.suspend is True, "patch")
        got = batch.read_namespaced_cron_job("cron-1", NS)
        got.spec.schedule = "0 * * * *"
        r = batch.replace_namespaced_cron_job("cron-1", NS, got)
        expect(r.spec.schedule == "0 * * * *", "replace")
        expect([c.metadata.name for c in batch.list_namespaced_cron_job(NS).items] == ["cron-1"], "list")
        batch.delete_namespaced_cron_job("cron-1", NS)
        expect_api_error(lambda: batch.read_namespaced_cron_job("cron-1", NS), 404, "NotFound")
    check("BatchV1Api cronjob create/patch/replace/list/delete", cronjobs)

    # ---- the AscendJob CRD and CustomObjectsApi ----
    def crd():
        body = json.load(open(os.path.join(TESTDATA, "crd-registration.json")))["steps"][0]["request"]["body"]
        made = ext.create_custom_resource_definition(body)
        expect(made.metadata.name == "ascendjobs.mindxdl.gitee.com", "created")
        deadline = time.time() + 10
        while time.time() < deadline:
            got = ext.read_custom_resource_definition("ascendjobs.mindxdl.gitee.com")
            conds = {c.type: c.status for c in (got.status.conditions or [])}
            if conds.get("Established") == "True" and conds.get("NamesAccepted") == "True":
                break
            time.sleep(0.1)
        else:
            raise AssertionError("not Established")
        expect(got.status.accepted_names.kind == "AscendJob", "acceptedNames")
        expect_api_error(lambda: ext.create_custom_resource_definition(body), 409, "AlreadyExists")
        names = [c.metadata.name for c in ext.list_custom_resource_definition().items]
        expect("ascendjobs.mindxdl.gitee.com" in names, "list")
    check("ApiextensionsV1Api create AscendJob CRD (recorded body), Established", crd)

    def ascendjobs():
        body = json.load(open(os.path.join(TESTDATA, "ascendjob-crud.json")))["steps"][1]["request"]["body"]
        body["metadata"] = {"name": "aj-1", "namespace": NS, "labels": {"app": "ascend"}}
        made = co.create_namespaced_custom_object(GROUP, VERSION, NS, PLURAL, body)
        expect(made["metadata"]["generation"] == 1 and made["kind"] == "AscendJob", "created")
        expect(made["spec"]["aFieldNoClientKnows"] == {"nested": [1, 2, {"deep": True}]}, "unknown field kept")
        b2 = json.loads(json.dumps(body))
        b2["metadata"] = {"name": "aj-2", "labels": {"app": "other"}}
        co.create_namespaced_custom_object(GROUP, VERSION, NS, PLURAL, b2)
        expect_api_error(lambda: co.create_namespaced_custom_object(GROUP, VERSION, NS, PLURAL, body),
                         409, "AlreadyExists")
        got = co.get_namespaced_custom_object(GROUP, VERSION, NS, PLURAL, "aj-1")
        expect(got["metadata"]["uid"] == made["metadata"]["uid"], "get")
        lst = co.list_namespaced_custom_object(GROUP, VERSION, NS, PLURAL, label_selector="app=ascend")
        expect([i["metadata"]["name"] for i in lst["items"]] == ["aj-1"] and lst["kind"] == "AscendJobList",
               "list by label")
        lst = co.list_cluster_custom_object(GROUP, VERSION, PLURAL)
        expect(len(lst["items"]) == 2, "list all namespaces")
        p = co.patch_namespaced_custom_object(GROUP, VERSION, NS, PLURAL, "aj-1",
                                              {"spec": {"schedulerName": "patched"}})
        expect(p["spec"]["schedulerName"] == "patched" and p["metadata"]["generation"] == 2, "merge patch")
        p["status"] = {"conditions": [{"type": "Running", "status": "True"}]}
        p["spec"]["schedulerName"] = "ignored-by-status"
        s = co.replace_namespaced_custom_object_status(GROUP, VERSION, NS, PLURAL, "aj-1", p)
        expect(s["status"]["conditions"][0]["type"] == "Running", "status replaced")
        expect(s["spec"]["schedulerName"] == "patched" and s["metadata"]["generation"] == 2,
               "/status ignores spec")
        s = co.get_namespaced_custom_object_status(GROUP, VERSION, NS, PLURAL, "aj-1")
        expect(s["status"]["conditions"][0]["status"] == "True", "get status")
        s["metadata"]["resourceVersion"] = "1"
        expect_api_error(lambda: co.replace_namespaced_custom_object(GROUP, VERSION, NS, PLURAL, "aj-1", s),
                         409, "Conflict")
        st = co.delete_namespaced_custom_object(GROUP, VERSION, NS, PLURAL, "aj-1")
        expect(st.get("status") == "Success", "delete: %s" % st)
        expect_api_error(lambda: co.get_namespaced_custom_object(GROUP, VERSION, NS, PLURAL, "aj-1"),
                         404, "NotFound")
        co.delete_namespaced_custom_object(GROUP, VERSION, NS, PLURAL, "aj-2")
    check("CustomObjectsApi AscendJob create/get/list/patch/replace status/delete", ascendjobs)

    # ---- watch.Watch().stream ----
    def watch_stream():
        ns = "py-watch"
        core.create_namespace({"metadata": {"name": ns}})
        rv = core.list_namespaced_config_map(ns).metadata.resource_version

        def writer():
            time.sleep(0.3)
            core.create_namespaced_config_map(ns, {"metadata": {"name": "w"}, "data": {"v": "1"}})
            core.patch_namespaced_config_map("w", ns, {"data": {"v": "2"}})
            core.delete_namespaced_config_map("w", ns)
        t = threading.Thread(target=writer)
        t.start()
        seen = []
        w = watch.Watch()
        start = time.time()
        for ev in w.stream(core.list_namespaced_config_map, ns, resource_version=rv, timeout_seconds=10):
            seen.append((ev["type"], ev["object"].metadata.name, ev["object"].data))
            if ev["type"] == "DELETED":
                w.stop()
        t.join(10)
        expect([s[0] for s in seen] == ["ADDED", "MODIFIED", "DELETED"], "events %s" % seen)
        expect(seen[1][2] == {"v": "2"}, "MODIFIED carries the new object")
        expect(time.time() - start < 10, "no need to wait for the timeout")
        # a CustomObjectsApi watch; the server ends it at timeout_seconds
        start = time.time()
        evs = [ev["type"] for ev in watch.Watch().stream(
            co.list_namespaced_custom_object, GROUP, VERSION, ns, PLURAL, timeout_seconds=2)]
        expect(evs == [] and 1.5 < time.time() - start < 8, "timeout_seconds ends the stream: %s" % evs)
        # events of objects that exist when the watch starts come as ADDED
        core.create_namespaced_config_map(ns, {"metadata": {"name": "pre"}})
        evs = [(ev["type"], ev["object"].metadata.name) for ev in watch.Watch().stream(
            core.list_namespaced_config_map, ns, timeout_seconds=1)]
        expect(evs == [("ADDED", "pre")], "initial ADDED: %s" % evs)
    check("watch.Watch().stream ADDED/MODIFIED/DELETED from another thread, timeout_seconds", watch_stream)

    def cleanup():
        core.delete_namespace(NS)
        ns = core.read_namespace(NS)
        expect(ns.status.phase == "Terminating", "namespace terminating")
    check("CoreV1Api namespace delete (Terminating)", cleanup)


if __name__ == "__main__":
    sys.exit(main())

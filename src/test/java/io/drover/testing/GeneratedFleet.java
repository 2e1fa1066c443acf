package io.drover.testing;

import io.drover.model.FleetFiles;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds synthetic fleet repos of any size: numbered clusters spread over regions, each with its
 * own capacity and weight, one ApplicationSet per app (by default the one app {@code web}) with an
 * overlay per cluster, and one hostname, that of the first app, served by all of them.
 */
public final class GeneratedFleet {

    private GeneratedFleet() {
    }

    public record Spec(List<String> regions, List<Integer> capacities, List<Integer> weights, int peakRps,
            String fromVersion, String toVersion, String strategy) {
    }

    public static FleetFiles of(Spec spec) {
        return of(spec, List.of("web"));
    }

    public static FleetFiles of(Spec spec, List<String> apps) {
        Map<String, String> files = new TreeMap<>();
        StringBuilder endpoints = new StringBuilder();
        for (int i = 0; i < spec.capacities().size(); i++) {
            String region = spec.regions().get(i % spec.regions().size());
            String name = "prod-" + region + "-" + String.format("%02d", i / spec.regions().size() + 1);
            int weight = spec.weights().get(i);
            files.put("clusters/" + name + "/cluster.yaml", """
                    # generated cluster
                    apiVersion: cluster.x-k8s.io/v1beta1
                    kind: Cluster
                    metadata:
                      name: %1$s
                      namespace: fleet
                      labels:
                        env: production
                        topology.kubernetes.io/region: %2$s
                      annotations:
                        drover.io/capacity: "%3$d"
                        drover.io/traffic-weight: "%4$d"
                    spec:
                      topology:
                        class: standard
                        version: %5$s
                        controlPlane:
                          replicas: 3
                        workers:
                          machineDeployments:
                            - class: default
                              name: md-0
                              replicas: 3
                    """.formatted(name, region, spec.capacities().get(i), weight, spec.fromVersion()));
            files.put("clusters/" + name + "/kustomization.yaml", "resources:\n  - cluster.yaml\n");
            files.put("argocd/clusters/" + name + ".yaml", """
                    apiVersion: v1
                    kind: Secret
                    metadata:
                      name: cluster-%1$s
                      namespace: argocd
                      labels:
                        argocd.argoproj.io/secret-type: cluster
                        env: production
                        region: %2$s
                    stringData:
                      name: %1$s
                      server: https://api.%1$s.example.net
                    """.formatted(name, region));
            for (String app : apps) {
                files.put("apps/" + app + "/overlays/" + name + "/kustomization.yaml", """
                        resources:
                          - ../../base
                        configMapGenerator:
                          - name: %s
                            literals:
                              - CLUSTER=%s
                        """.formatted(app, name));
            }
            endpoints.append("""
                        # %1$s
                        - dnsName: %3$s.example.com
                          recordType: CNAME
                          setIdentifier: %1$s
                          targets:
                            - lb.%1$s.example.net
                          providerSpecific:
                            - name: aws/weight
                              value: "%2$d"
                    """.formatted(name, weight, apps.get(0)));
        }
        for (String app : apps) {
            app(files, app);
        }
        files.put("traffic/" + apps.get(0) + ".yaml", """
                apiVersion: externaldns.k8s.io/v1alpha1
                kind: DNSEndpoint
                metadata:
                  name: %s
                  annotations:
                    drover.io/peak-rps: "%d"
                spec:
                  endpoints:
                %s""".formatted(apps.get(0), spec.peakRps(), endpoints));
        files.put("rollouts/upgrade.yaml", """
                apiVersion: drover.io/v1alpha1
                kind: Rollout
                metadata:
                  name: upgrade
                spec:
                  clusterSelector:
                    matchLabels:
                      env: production
                  targetVersion: %s
                  strategy: %s
                """.formatted(spec.toVersion(), spec.strategy()));
        return FleetFiles.of(files);
    }

    /** An app's base, and the ApplicationSet that deploys its overlay to every production cluster. */
    private static void app(Map<String, String> files, String app) {
        files.put("apps/" + app + "/base/kustomization.yaml", "resources:\n  - service.yaml\n");
        files.put("apps/" + app + "/base/service.yaml", """
                apiVersion: v1
                kind: Service
                metadata:
                  name: %s
                spec:
                  ports:
                    - port: 80
                """.formatted(app));
        files.put("argocd/applicationsets/" + app + ".yaml", """
                apiVersion: argoproj.io/v1alpha1
                kind: ApplicationSet
                metadata:
                  name: %1$s
                spec:
                  generators:
                    - clusters:
                        selector:
                          matchLabels:
                            env: production
                  template:
                    metadata:
                      name: '{{name}}-%1$s'
                    spec:
                      project: default
                      source:
                        repoURL: https://git.example.net/fleet.git
                        path: apps/%1$s/overlays/{{name}}
                      destination:
                        server: '{{server}}'
                """.formatted(app));
    }
}

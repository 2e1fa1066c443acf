package io.drover.testing;

import io.drover.model.FleetFiles;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds synthetic fleet repos of any size: numbered clusters spread over regions, each with its
 * own capacity and weight, one ApplicationSet and one hostname served by all of them.
 */
public final class GeneratedFleet {

    private GeneratedFleet() {
    }

    public record Spec(List<String> regions, List<Integer> capacities, List<Integer> weights, int peakRps,
            String fromVersion, String toVersion, String strategy) {
    }

    public static FleetFiles of(Spec spec) {
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
            files.put("apps/web/overlays/" + name + "/kustomization.yaml", """
                    resources:
                      - ../../base
                    configMapGenerator:
                      - name: web
                        literals:
                          - CLUSTER=%s
                    """.formatted(name));
            endpoints.append("""
                        # %1$s
                        - dnsName: web.example.com
                          recordType: CNAME
                          setIdentifier: %1$s
                          targets:
                            - lb.%1$s.example.net
                          providerSpecific:
                            - name: aws/weight
                              value: "%2$d"
                    """.formatted(name, weight));
        }
        files.put("apps/web/base/kustomization.yaml", "resources:\n  - service.yaml\n");
        files.put("apps/web/base/service.yaml", """
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                spec:
                  ports:
                    - port: 80
                """);
        files.put("argocd/applicationsets/web.yaml", """
                apiVersion: argoproj.io/v1alpha1
                kind: ApplicationSet
                metadata:
                  name: web
                spec:
                  generators:
                    - clusters:
                        selector:
                          matchLabels:
                            env: production
                  template:
                    metadata:
                      name: '{{name}}-web'
                    spec:
                      project: default
                      source:
                        repoURL: https://git.example.net/fleet.git
                        path: apps/web/overlays/{{name}}
                      destination:
                        server: '{{server}}'
                """);
        files.put("traffic/web.yaml", """
                apiVersion: externaldns.k8s.io/v1alpha1
                kind: DNSEndpoint
                metadata:
                  name: web
                  annotations:
                    drover.io/peak-rps: "%d"
                spec:
                  endpoints:
                %s""".formatted(spec.peakRps(), endpoints));
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
}

package io.drover.yaml;

/** Fleet repository files as people write them: comments, mixed quoting, both sequence indentations. */
final class Manifests {

    static final String ARGOCD_CLUSTER_SECRET = """
            # Managed by Drover. Labels drive the ApplicationSets.
            apiVersion: v1
            kind: Secret
            metadata:
              name: prod-eu-1
              namespace: argocd
              labels:
                argocd.argoproj.io/secret-type: cluster
                env: 'production'   # selection key
                region: "eu-west-1"
                tier: gold
                # drover.io/enrolled: "true"
            type: Opaque
            stringData:
              name: prod-eu-1
              server: https://prod-eu-1.k8s.example.com
              config: |
                {
                  "tlsClientConfig": {"insecure": false}
                }
            """;

    /** Two DNSEndpoints: the first indents its sequences under their keys, the second does not. */
    static final String DNS_ENDPOINTS = """
            # Weighted records of the public hostnames.
            ---
            apiVersion: externaldns.k8s.io/v1alpha1
            kind: DNSEndpoint
            metadata:
              name: api
              annotations:
                drover.io/peak-rps: "1200"
            spec:
              endpoints:
                # blue
                - dnsName: api.example.com
                  recordType: CNAME
                  setIdentifier: prod-eu-1
                  targets:
                    - ingress.prod-eu-1.example.com
                  # weights are strings for external-dns
                  providerSpecific:
                    - name: aws/weight
                      value: "100"
                    # keep at 100 until the freeze ends
                - dnsName: api.example.com
                  recordType: CNAME
                  setIdentifier: prod-eu-2
                  targets:
                    - ingress.prod-eu-2.example.com
                  providerSpecific:
                    - name: aws/weight
                      value: "0"
                - dnsName: api.example.com
                  recordType: CNAME
                  setIdentifier: prod-eu-3   # draining
                  targets: [ingress.prod-eu-3.example.com]
                  providerSpecific: [{name: aws/weight, value: "0"}]
            ---
            apiVersion: externaldns.k8s.io/v1alpha1
            kind: DNSEndpoint
            metadata:
              name: www
            spec:
              endpoints:
              - dnsName: www.example.com
                setIdentifier: prod-eu-1
                targets:
                - ingress.prod-eu-1.example.com
                providerSpecific:
                - name: aws/weight
                  value: "100"
              # the green cluster
              - dnsName: www.example.com
                setIdentifier: prod-eu-2
                targets:
                - ingress.prod-eu-2.example.com
                providerSpecific:
                - name: aws/weight
                  value: "50"
            """;

    static final String CAPI_CLUSTER = """
            # Cluster prod-eu-1.
            # Upgraded by Drover: change the version through a rollout, not by hand.

            apiVersion: cluster.x-k8s.io/v1beta1
            kind: Cluster
            metadata:
              name: prod-eu-1
              labels:
                env: production
                topology.kubernetes.io/region: eu-west-1
              annotations:
                drover.io/capacity: "1200"
                drover.io/traffic-weight: "100"
                  # weight on the global load balancer
            spec:
              clusterNetwork:
                pods:
                  cidrBlocks: ["192.168.0.0/16"]
              topology:
                class: eks-default
                version: v1.30.6 # bumped by rollout production-1-30
                workers:
                  machineDeployments:
                    - class: default-worker
                      name: md-0
                      replicas: 3
            ---
            apiVersion: controlplane.cluster.x-k8s.io/v1beta2
            kind: AWSManagedControlPlane
            metadata:
              name: prod-eu-1-control-plane
            spec:
              region: eu-west-1
              version: v1.30.6
            """;

    private Manifests() {
    }
}

# Drover: build with Maven, run on a JRE with git and kubectl, whose built-in kustomize `drover plan`
# runs (`kustomize build` instead when a kustomize binary is on PATH, or whatever --kustomize names).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY policies policies
COPY templates templates
RUN mvn -B -q -DskipTests package

# No Debian package gives a usable kubectl or kustomize: bookworm's kubernetes-client is kubectl
# 1.20 (kustomize v2, too old for today's kustomizations) and Debian has no kustomize package.
# So kubectl comes from the Kubernetes project's own pinned image, copied, not downloaded by curl.
FROM registry.k8s.io/kubectl:v1.32.4 AS kubectl

FROM eclipse-temurin:17-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends git ca-certificates \
 && rm -rf /var/lib/apt/lists/*
COPY --from=kubectl /bin/kubectl /usr/local/bin/kubectl
RUN useradd --uid 10001 --create-home drover
COPY --from=build /src/target/quarkus-app /opt/drover
USER 10001
WORKDIR /home/drover
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/opt/drover/quarkus-run.jar"]
CMD ["--help"]

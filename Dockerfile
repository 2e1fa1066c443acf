# Drover: build with Maven, run on a JRE with git and kubectl (whose built-in kustomize Drover runs).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY policies policies
COPY templates templates
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
ARG KUBECTL_VERSION=v1.32.4
RUN apt-get update \
 && apt-get install -y --no-install-recommends git curl ca-certificates \
 && curl -fsSLo /usr/local/bin/kubectl "https://dl.k8s.io/release/${KUBECTL_VERSION}/bin/linux/amd64/kubectl" \
 && chmod +x /usr/local/bin/kubectl \
 && apt-get purge -y curl && rm -rf /var/lib/apt/lists/*
RUN useradd --uid 10001 --create-home drover
COPY --from=build /src/target/quarkus-app /opt/drover
USER 10001
WORKDIR /home/drover
ENTRYPOINT ["java", "-jar", "/opt/drover/quarkus-run.jar"]
CMD ["--help"]

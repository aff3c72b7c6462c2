#!/usr/bin/env bash
# Writes k8s/base/<service>.yaml for each of the five services: ConfigMap, Service, Deployment, PodDisruptionBudget,
# HorizontalPodAutoscaler, NetworkPolicy and ServiceMonitor (ADR 0055). event-collector.yaml also holds the raw store's
# own Deployment, event-collector-raw-store (ADR 0074): the collector's image and configuration with only its
# raw-store consumer doing work, while the event-collector Deployment ingests with that consumer switched off. k8s/base/kustomization.yaml, the platform
# (Strimzi, CloudNativePG), the gateway, the archiver, k8s/monitoring/ and the overlays are hand-written, not touched.
#
#   deploy/k8s/generate-base.sh        # from anywhere; rewrites the generated files in place
#
# To give a service a new environment variable (a new ${VAR:default} in its application.properties),
# add it to EXTRA_ENV below and re-run; deployment-tests fails until every variable is provided.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out_dir="${1:-$repo_root/k8s/base}"
mkdir -p "$out_dir"

# name | port | database (and its role) | requests memory | requests cpu | limits memory | limits cpu | HPA max replicas
# The HPA maximum of a consumer stays at or below the partitions of interaction-events (k8s/base/kafka-topics.yaml):
# more consumers than partitions would idle.
SERVICES=(
  "event-collector|8080|collector|768Mi|500m|1Gi|1500m|8"
  "session-service|8081|session|256Mi|250m|512Mi|1|6"
  "profile-service|8082|profile|512Mi|250m|768Mi|1|6"
  "perfume-stats-service|8083|perfume_stats|256Mi|250m|512Mi|1|6"
  "recommendation-feedback-service|8084|recommendation_feedback|256Mi|250m|512Mi|1|6"
)

# The raw store's Deployment (ADR 0074), appended to event-collector.yaml: the collector's image, ConfigMap, Secrets and
# KafkaUser; no API traffic (its Service has the management port only, for Prometheus); the same JVM (512 MB heap).
# requests memory | requests cpu | limits memory | limits cpu | HPA max replicas (at most interaction-events' partitions)
RAW_STORE="768Mi|500m|1Gi|1500m|12"
# It does not ingest: no user-agent rules loaded, an ingest request reaching it anyway answered 503 not-ingesting.
RAW_STORE_ENV="NEWSMELL_COLLECTOR_INGEST=false"

# Variables of one Deployment only (not of its ConfigMap, which both of the collector's Deployments read).
declare -A DEPLOYMENT_ENV=(
  # the ingest Deployment leaves the interaction topic to event-collector-raw-store (ADR 0074)
  [event-collector]="MP_MESSAGING_INCOMING_INTERACTIONS_ENABLED=false"
)

# The bearer tokens of the read and admin APIs (issue 16, ADR 0063): every service takes NEWSMELL_JWT_ISSUER and
# NEWSMELL_JWT_PUBLIC_KEY_LOCATION from the one ConfigMap newsmell-jwt-config (k8s/base/jwt-config.yaml), by default
# the PEM public key of the Secret newsmell-jwt (key public-key) mounted at $JWT_DIR/public.pem.
JWT_DIR=/etc/newsmell/jwt

# Where the platform is (k8s/base/kafka.yaml, postgres.yaml; the OpenTelemetry collector is the operator's).
PG_SERVICE="postgres-rw"
KAFKA_BOOTSTRAP="kafka-kafka-bootstrap:9093"
# The management interface (ADR 0075): /q/health for the probes and /q/metrics for Prometheus, not on the API port.
MANAGEMENT_PORT=9000
OTLP_ENDPOINT="http://otel-collector.observability.svc:4317"

# Service-specific variables on top of the common ones: "KEY=value" pairs separated by spaces.
declare -A EXTRA_ENV=(
  # the ingest rate limits per replica (ADR 0066): the deployment's limit divided by its replicas
  [event-collector]="NEWSMELL_WRITE_KEY_RATE=200 NEWSMELL_WRITE_KEY_BURST=400 NEWSMELL_CLIENT_IP_RATE=100 NEWSMELL_CLIENT_IP_BURST=200"
  [session-service]=""
  [profile-service]=""
  [perfume-stats-service]=""
  [recommendation-feedback-service]=""
)

# Variables read from Secrets, on top of PG_PASSWORD (<service>-db/password) and the two every service reads (COMMON_SECRET_ENV):
# "VAR=secret/key" pairs. The Secrets are listed, with how to
# create them, in docs/operations.md; the dev overlay generates placeholders, prod expects them to exist.
# The key of the user hash in erasure receipts (newsmell.privacy.hash-key, ADR 0032): one for the whole suite.
# Kafka (ADR 0076): the service's SCRAM-SHA-512 credentials from the Secret the User Operator creates for its KafkaUser
# (k8s/base/kafka-users.yaml, named as the service), and the cluster CA's certificate as its trust store (PEM).
COMMON_SECRET_ENV="NEWSMELL_PRIVACY_HASH_KEY=newsmell-privacy/hash-key"
COMMON_SECRET_ENV+=" KAFKA_SASL_JAAS_CONFIG=@service/sasl.jaas.config KAFKA_SSL_TRUSTSTORE_CERTIFICATES=kafka-cluster-ca-cert/ca.crt"
declare -A SECRET_ENV=(
  # the write keys are stored hashed with this pepper (issue 16)
  [event-collector]="NEWSMELL_WRITE_KEY_PEPPER=collector-write-keys/pepper"
  [session-service]=""
  [profile-service]=""
  [perfume-stats-service]=""
  # the keyed hash of training-data exports (ADR 0023): a secret per environment
  [recommendation-feedback-service]="NEWSMELL_RECOMMENDATION_TRAINING_PSEUDONYM_KEY=recommendation-training/pseudonym-key"
)

# "VAR=secret/key" pairs (@service: the Secret named as the service) as a container's env entries.
secret_env_of() {
  local service="$1" pair ref
  for pair in $COMMON_SECRET_ENV ${SECRET_ENV[$service]}; do
    ref="${pair#*=}"
    ref="${ref/@service/$service}"
    printf '            - name: %s\n              valueFrom:\n                secretKeyRef:\n' "${pair%%=*}"
    printf '                  name: %s\n                  key: %s\n' "${ref%%/*}" "${ref#*/}"
  done
}

# "KEY=value" pairs as a container's env entries.
plain_env_of() {
  local pair
  for pair in $1; do
    printf '            - name: %s\n              value: "%s"\n' "${pair%%=*}" "${pair#*=}"
  done
}

# The service's ConfigMap and Service (API and management ports); owner's ConfigMap is read by all its Deployments.
config_and_service() {
  local extra="" pair
  for pair in ${EXTRA_ENV[$name]}; do
    extra+="  ${pair%%=*}: \"${pair#*=}\""$'\n'
  done
  cat <<EOF
apiVersion: v1
kind: ConfigMap
metadata:
  name: $name-config
  labels:
    app.kubernetes.io/name: $name
    app.kubernetes.io/component: config
data:
  PG_HOST: "$PG_SERVICE"
  PG_PORT: "5432"
  PG_USER: "$db"
  PG_DATABASE: "$db"
  KAFKA_BOOTSTRAP_SERVERS: "$KAFKA_BOOTSTRAP"
  INTERACTIONS_TOPIC: "interaction-events"
  DEAD_LETTER_TOPIC: "interaction-events-dlq"
  PERFUME_VIEW_AUDIT_TOPIC: "perfume-view-audit"
  PERFUME_CATALOG_TOPIC: "perfume-catalog"
  SESSION_SUMMARIES_TOPIC: "session-summaries"
  IDENTITY_LINKS_TOPIC: "identity-links"
  PRIVACY_REQUESTS_TOPIC: "privacy-requests"
  PRIVACY_ACKS_TOPIC: "privacy-acks"
  REPLAY_TOPIC_PREFIX: "interaction-replay."
  REPLAY_ACKS_TOPIC: "replay-acks"
  QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT: "$OTLP_ENDPOINT"
  # prod settings plus the kubernetes profile: JSON logs with trace and span ids (ADR 0058), Kafka over SASL_SSL (ADR 0076)
  QUARKUS_PROFILE: "prod,kubernetes"
  NEWSMELL_CORS_ORIGINS: "http://localhost:3000,http://localhost:5173"
${extra}---
EOF
  service_of "$name" "    - name: http
      port: $port
      targetPort: http
      protocol: TCP
"
}

# A ClusterIP Service selecting the Deployment $1's pods: the given ports, then the management port.
service_of() {
  cat <<EOF
apiVersion: v1
kind: Service
metadata:
  name: $1
  labels:
    app.kubernetes.io/name: $1
spec:
  type: ClusterIP
  selector:
    app.kubernetes.io/name: $1
  ports:
$2    - name: management
      port: $MANAGEMENT_PORT
      targetPort: management
      protocol: TCP
EOF
}

# One Deployment's workload: Deployment, PodDisruptionBudget, HorizontalPodAutoscaler, NetworkPolicy, ServiceMonitor.
# Reads dep (its name), owner (the service whose image, ConfigMap, Secrets and KafkaUser it runs with), port, req_mem,
# req_cpu, lim_mem, lim_cpu, max_replicas, the Deployment's own env pairs (env_pairs) and whether it takes API traffic
# (api: yes or no).
workload() {
  local api_ingress="" in_comment="no API traffic (it only consumes); "
  if [[ "$api" == yes ]]; then
    in_comment="the gateway and the ingress controller on the API port, "
    api_ingress="    - from:
        - podSelector:
            matchLabels:
              app.kubernetes.io/name: graphql-gateway
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: ingress-nginx
      ports:
        - port: http
          protocol: TCP
"
  fi
  cat <<EOF
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: $dep
  labels:
    app.kubernetes.io/name: $dep
spec:
  replicas: 2
  revisionHistoryLimit: 3
  selector:
    matchLabels:
      app.kubernetes.io/name: $dep
  template:
    metadata:
      labels:
        app.kubernetes.io/name: $dep
      annotations:
        prometheus.io/scrape: "true"
        prometheus.io/path: /q/metrics
        prometheus.io/port: "$MANAGEMENT_PORT"
    spec:
      automountServiceAccountToken: false
      securityContext:
        runAsNonRoot: true
        runAsUser: 185
        runAsGroup: 185
        fsGroup: 185
        seccompProfile:
          type: RuntimeDefault
      containers:
        - name: $dep
          image: newsmell/$owner:latest
          imagePullPolicy: IfNotPresent
          ports:
            - name: http
              containerPort: $port
              protocol: TCP
            - name: management
              containerPort: $MANAGEMENT_PORT
              protocol: TCP
          envFrom:
            - configMapRef:
                name: $owner-config
            - configMapRef:
                name: newsmell-jwt-config
          env:
            - name: PG_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: $owner-db
                  key: password
$(plain_env_of "$env_pairs"; secret_env_of "$owner")
          startupProbe:
            httpGet:
              path: /q/health/started
              port: management
            periodSeconds: 5
            failureThreshold: 36
          livenessProbe:
            httpGet:
              path: /q/health/live
              port: management
            periodSeconds: 10
            timeoutSeconds: 3
            failureThreshold: 3
          readinessProbe:
            httpGet:
              path: /q/health/ready
              port: management
            periodSeconds: 5
            timeoutSeconds: 3
            failureThreshold: 3
          resources:
            requests:
              memory: $req_mem
              cpu: $req_cpu
            limits:
              memory: $lim_mem
              cpu: "$lim_cpu"
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: ["ALL"]
          volumeMounts:
            - name: tmp
              mountPath: /tmp
            - name: jwt
              mountPath: $JWT_DIR
              readOnly: true
      volumes:
        - name: tmp
          emptyDir:
            sizeLimit: 256Mi
        # the public key bearer tokens are verified with (NEWSMELL_JWT_PUBLIC_KEY_LOCATION, ADR 0063)
        - name: jwt
          secret:
            secretName: newsmell-jwt
            items:
              - key: public-key
                path: public.pem
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: $dep
  labels:
    app.kubernetes.io/name: $dep
spec:
  maxUnavailable: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: $dep
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: $dep
  labels:
    app.kubernetes.io/name: $dep
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: $dep
  minReplicas: 2
  maxReplicas: $max_replicas
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: 70
  behavior:
    scaleDown:
      stabilizationWindowSeconds: 300
---
# In: ${in_comment}Prometheus on the management port only (/q/metrics;
# the kubelet's probes are not subject to NetworkPolicies, ADR 0075). Out: DNS, Kafka (its TLS listener), PostgreSQL
# and the OpenTelemetry collector only.
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: $dep
  labels:
    app.kubernetes.io/name: $dep
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/name: $dep
  policyTypes: ["Ingress", "Egress"]
  ingress:
${api_ingress}    - from:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: monitoring
      ports:
        - port: management
          protocol: TCP
  egress:
    - to:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: kube-system
          podSelector:
            matchLabels:
              k8s-app: kube-dns
      ports:
        - port: 53
          protocol: UDP
        - port: 53
          protocol: TCP
    - to:
        - podSelector:
            matchLabels:
              strimzi.io/cluster: kafka
              strimzi.io/kind: Kafka
      ports:
        - port: 9093
          protocol: TCP
    - to:
        - podSelector:
            matchLabels:
              cnpg.io/cluster: postgres
      ports:
        - port: 5432
          protocol: TCP
    - to:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: observability
      ports:
        - port: 4317
          protocol: TCP
        - port: 4318
          protocol: TCP
---
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: $dep
  labels:
    app.kubernetes.io/name: $dep
spec:
  selector:
    matchLabels:
      app.kubernetes.io/name: $dep
  endpoints:
    - port: management
      path: /q/metrics
      interval: 30s
      scrapeTimeout: 10s
EOF
}

for row in "${SERVICES[@]}"; do
  IFS='|' read -r name port db req_mem req_cpu lim_mem lim_cpu max_replicas <<<"$row"
  {
    echo "# Generated by deploy/k8s/generate-base.sh — do not edit; change the script and re-run it."
    echo "# $name: configuration, Service, Deployment, PodDisruptionBudget, HorizontalPodAutoscaler, NetworkPolicy, ServiceMonitor."
    if [[ "$name" == event-collector ]]; then
      echo "# Then event-collector-raw-store, the raw store's Deployment (ADR 0074), with this ConfigMap and image."
    fi
    config_and_service
    dep="$name" owner="$name" env_pairs="${DEPLOYMENT_ENV[$name]:-}" api=yes
    workload
    if [[ "$name" == event-collector ]]; then
      IFS='|' read -r req_mem req_cpu lim_mem lim_cpu max_replicas <<<"$RAW_STORE"
      dep="$name-raw-store" env_pairs="$RAW_STORE_ENV" api=no
      echo "---"
      echo "# $dep: a Service with the management port only (Prometheus), then its workload."
      service_of "$dep" ""
      workload
    fi
  } >"$out_dir/$name.yaml"
  echo "wrote $out_dir/$name.yaml"
done

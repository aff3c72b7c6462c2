package com.newsmell.deployment;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Strict, offline validation of one rendered Kubernetes object (ADR 0056): core and Prometheus-operator objects are
 * deserialised into fabric8's model classes, Strimzi objects into {@code io.strimzi:api}'s, and CloudNativePG objects
 * are walked against the field tree of its documentation ({@link FieldTree}). An unknown field, a wrong type or an
 * unknown kind is a problem. The model classes keep unknown fields in an "additionalProperties" map (an any-setter):
 * the mapper drops every any-setter so that FAIL_ON_UNKNOWN_PROPERTIES applies.
 */
final class ManifestSchemas {

    /** "apiVersion kind" of every object the manifests may hold, with the class it must deserialise into. */
    static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1 Namespace", Namespace.class),
            Map.entry("v1 ConfigMap", ConfigMap.class),
            Map.entry("v1 Secret", Secret.class),
            Map.entry("v1 Service", io.fabric8.kubernetes.api.model.Service.class),
            Map.entry("apps/v1 Deployment", Deployment.class),
            Map.entry("batch/v1 CronJob", CronJob.class),
            Map.entry("policy/v1 PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2 HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1 NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1 Ingress", Ingress.class),
            Map.entry("monitoring.coreos.com/v1 ServiceMonitor", ServiceMonitor.class),
            Map.entry("monitoring.coreos.com/v1 PrometheusRule", PrometheusRule.class),
            Map.entry("kafka.strimzi.io/v1 Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1 KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1 KafkaTopic", KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1 KafkaUser", KafkaUser.class));

    /** Packages a {@code k8s:<Kind>} of the CloudNativePG field tree is looked up in. */
    private static final List<String> CORE_PACKAGES =
            List.of("io.fabric8.kubernetes.api.model.", "io.fabric8.openshift.api.model.monitoring.v1.");

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .addModule(new SimpleModule("strict").setDeserializerModifier(new BeanDeserializerModifier() {
                @Override
                public BeanDeserializerBuilder updateBuilder(
                        DeserializationConfig config, BeanDescription description, BeanDeserializerBuilder builder) {
                    builder.setAnySetter(null);
                    builder.setIgnoreUnknownProperties(false);
                    return builder;
                }
            }))
            .build();

    private static final FieldTree CLOUDNATIVE_PG = FieldTree.load("/schemas/cloudnative-pg-fields.yaml");

    private ManifestSchemas() {}

    /** The problems of one object; empty when it is valid. */
    static List<String> problems(Map<String, Object> doc) {
        String type = doc.get("apiVersion") + " " + doc.get("kind");
        String name = Kustomize.describe(doc);
        Class<?> model = MODELS.get(type);
        if (model != null) {
            return strict(doc, model).map(p -> List.of(name + ": " + p)).orElse(List.of());
        }
        if (CLOUDNATIVE_PG.handles(type)) {
            List<String> problems = new ArrayList<>();
            strict(doc.get("metadata"), ObjectMeta.class).ifPresent(p -> problems.add(name + " metadata: " + p));
            CLOUDNATIVE_PG.check(doc, ManifestSchemas::core).forEach(p -> problems.add(name + ": " + p));
            return problems;
        }
        return List.of(name + ": no schema for " + type + " (add its model class to ManifestSchemas)");
    }

    /** A {@code k8s:<Kind>} leaf of the field tree: strict deserialisation into the fabric8 class of that name. */
    private static Optional<String> core(String kind, Object value) {
        for (String pkg : CORE_PACKAGES) {
            try {
                return strict(value, Class.forName(pkg + kind));
            } catch (ClassNotFoundException notInThisPackage) {
                // try the next package
            }
        }
        return Optional.of("no fabric8 model class for k8s:" + kind);
    }

    private static Optional<String> strict(Object value, Class<?> model) {
        try {
            STRICT.convertValue(value, model);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            int newline = message.indexOf('\n');
            return Optional.of(newline < 0 ? message : message.substring(0, newline) + chain(message));
        }
    }

    /** Jackson's "(through reference chain: ...)" tail: where in the object the problem is. */
    private static String chain(String message) {
        int at = message.lastIndexOf("(through reference chain:");
        return at < 0 ? "" : " " + message.substring(at);
    }
}

package com.chatpay.deploy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Strict validation of rendered built-in objects. Helm checks no Kubernetes field and fabric8 keeps what it does not
 * know in {@code additionalProperties}: a typo ({@code readOnlyRootFilesytem}) would be silently dropped by the API
 * server. This walk reports every such field, recursively; custom resources (Strimzi, CNPG, Prometheus operator)
 * are generic and checked by the policies instead.
 */
final class StrictModel {
    private static final String MODEL_PACKAGE = "io.fabric8.kubernetes.api.model";

    private StrictModel() {
    }

    /** Unknown fields of built-in objects, as {@code Kind/name: path: [fields]}. */
    static List<String> unknownFields(List<HasMetadata> objects) {
        List<String> problems = new ArrayList<>();
        for (HasMetadata object : objects) {
            if (!(object instanceof GenericKubernetesResource)) {
                walk(object, object.getKind() + "/" + object.getMetadata().getName(), problems);
            }
        }
        return problems;
    }

    /** Whether fabric8 has a typed model for the object's kind (else it is a custom resource). */
    static boolean isBuiltIn(HasMetadata object) {
        return !(object instanceof GenericKubernetesResource);
    }

    private static void walk(Object value, String path, List<String> problems) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> collection) {
            int i = 0;
            for (Object element : collection) {
                walk(element, path + "[" + i++ + "]", problems);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, element) -> walk(element, path + "." + key, problems));
            return;
        }
        Class<?> type = value.getClass();
        if (!type.getName().startsWith(MODEL_PACKAGE) || value instanceof Quantity || value instanceof IntOrString) {
            return;
        }
        Map<?, ?> extra = additionalProperties(value);
        if (extra != null && !extra.isEmpty()) {
            problems.add(path + ": unknown field(s) " + extra.keySet());
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.getName().equals("additionalProperties")) {
                    continue;
                }
                field.setAccessible(true);
                try {
                    walk(field.get(value), path + "." + field.getName(), problems);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private static Map<?, ?> additionalProperties(Object value) {
        try {
            return (Map<?, ?>) value.getClass().getMethod("getAdditionalProperties").invoke(value);
        } catch (NoSuchMethodException e) {
            return null;
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }
}

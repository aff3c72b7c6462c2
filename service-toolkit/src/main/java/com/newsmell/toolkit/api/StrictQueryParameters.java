package com.newsmell.toolkit.api;

import com.newsmell.toolkit.http.Problem;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Strictness (ADR 0015): a query parameter the endpoint does not declare is 400 (rule {@code unknown}), and a
 * declared one given twice is 400 (rule {@code repeated}), so that a typo never silently widens an answer. The
 * declared parameters are the resource method's {@code @QueryParam}s, including those of its {@code @BeanParam}s. A
 * method marked {@link AnyQueryParameters} (called by third-party SDKs) is left alone.
 */
@Provider
public class StrictQueryParameters implements ContainerRequestFilter {

    private static final Map<Method, Set<String>> DECLARED = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null || method.isAnnotationPresent(AnyQueryParameters.class)) {
            return;
        }
        Set<String> declared = DECLARED.computeIfAbsent(method, StrictQueryParameters::declared);
        for (Map.Entry<String, List<String>> param :
                request.getUriInfo().getQueryParameters().entrySet()) {
            String name = param.getKey();
            if (!declared.contains(name)) {
                request.abortWith(Problem.invalidQuery(
                                name,
                                "unknown",
                                "Unknown query parameter " + name + "; this endpoint takes "
                                        + (declared.isEmpty() ? "none" : String.join(", ", declared)) + ".")
                        .toResponse(request.getUriInfo().getPath()));
                return;
            }
            if (param.getValue().size() > 1) {
                request.abortWith(Problem.invalidQuery(
                                name,
                                "repeated",
                                "The query parameter " + name + " is given "
                                        + param.getValue().size()
                                        + " times; give it once (any-of values go in filters, joined by |).")
                        .toResponse(request.getUriInfo().getPath()));
                return;
            }
        }
    }

    static Set<String> declared(Method method) {
        Set<String> names = new TreeSet<>();
        Annotation[][] annotations = method.getParameterAnnotations();
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < annotations.length; i++) {
            for (Annotation a : annotations[i]) {
                if (a instanceof QueryParam q) {
                    names.add(q.value());
                } else if (a instanceof BeanParam) {
                    for (Class<?> c = types[i]; c != null && c != Object.class; c = c.getSuperclass()) {
                        for (Field f : c.getDeclaredFields()) {
                            QueryParam q = f.getAnnotation(QueryParam.class);
                            if (q != null) {
                                names.add(q.value());
                            }
                        }
                    }
                }
            }
        }
        return Set.copyOf(names);
    }
}

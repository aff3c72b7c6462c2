package com.newsmell.toolkit.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource method that third-party SDKs call with parameters of their own (rudder-sdk-js's {@code p}, {@code v},
 * ...): {@link StrictQueryParameters} leaves its query alone, and the method reads only what it declares.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AnyQueryParameters {}

package dev.gorunbench.bench;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Parameter values the suite runner gives a benchmark method where they differ from the values
 * declared with {@code @Param}. JMH run directly ignores this annotation and runs every declared value.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface SuiteParams {
    /**
     * Values the suite runs in every profile, as {@code NAME=VALUE}; the other values of each named
     * parameter are left out.
     */
    String[] only() default {};

    /**
     * Values the smoke profile keeps, as {@code NAME=VALUE}; the other values of each named parameter are
     * left out in that profile.
     */
    String[] smoke() default {};

    /**
     * Whether the benchmark runs programs written to its {@code location}, so the suite runner leaves out
     * temp locations mounted {@code noexec}.
     */
    boolean runsProgramsInLocation() default false;
}

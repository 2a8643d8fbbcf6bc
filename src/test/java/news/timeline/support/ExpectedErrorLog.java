package news.timeline.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The ERROR records a test provokes on purpose, so {@link ErrorLogCheck} lets them pass: each pattern is a regular
 * expression that must match the whole of {@code logger: message} (for example
 * {@code "news\\.timeline\\.imports\\.ImportService: import job .* failed"}). On a class, it covers every test of
 * the class. Say in a comment why the error is expected.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ExpectedErrorLog {

    String[] value();
}

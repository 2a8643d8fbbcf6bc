package news.timeline.changes;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A bean whose transactions are run again when PostgreSQL aborts them as a deadlock or serialization failure
 * ({@link AbortRetry}): the client of a write never sees an abort that a concurrent writer caused.
 */
@InterceptorBinding
@Inherited
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface RetriedOnAbort {
}

package news.timeline.changes;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.lang.reflect.Method;

/**
 * Runs a {@code @Transactional} method of a {@link RetriedOnAbort} bean again, up to {@link TransientAborts#ATTEMPTS}
 * times in all, when PostgreSQL aborted its transaction as a deadlock (40P01) or a serialization failure (40001).
 * It wraps the transaction interceptor (a lower priority runs outside it), so each attempt is a transaction of its
 * own, begun and rolled back whole; it acts only where the method begins the transaction: inside a caller's
 * transaction an abort rolls back the caller's work too, and only the caller can run that again.
 */
@RetriedOnAbort
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class AbortRetry {

    private static final Logger LOG = Logger.getLogger(AbortRetry.class);

    private final TransactionManager transactions;

    AbortRetry(TransactionManager transactions) {
        this.transactions = transactions;
    }

    @AroundInvoke
    Object retry(InvocationContext ctx) throws Exception {
        if (!beginsTransaction(ctx.getMethod()) || transactions.getStatus() != Status.STATUS_NO_TRANSACTION) {
            return ctx.proceed();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return ctx.proceed();
            } catch (Exception e) {
                if (attempt >= TransientAborts.ATTEMPTS || !TransientAborts.isTransient(e)) {
                    throw e;
                }
                LOG.infof("%s.%s run again (attempt %d of %d): PostgreSQL aborted it for a concurrent write",
                        ctx.getMethod().getDeclaringClass().getSimpleName(), ctx.getMethod().getName(), attempt + 1,
                        TransientAborts.ATTEMPTS);
                TransientAborts.pause(attempt);
            }
        }
    }

    private static boolean beginsTransaction(Method m) throws SystemException {
        Transactional t = m.getAnnotation(Transactional.class);
        if (t == null) {
            t = m.getDeclaringClass().getAnnotation(Transactional.class);
        }
        return t != null && (t.value() == Transactional.TxType.REQUIRED || t.value() == Transactional.TxType.REQUIRES_NEW);
    }
}

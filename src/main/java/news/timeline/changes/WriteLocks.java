package news.timeline.changes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * PostgreSQL advisory locks held until the end of the caller's transaction. Writers that would otherwise create
 * twins (the same article, actor name, agreement name or happening) take the same key and so wait for each other,
 * across service instances too. Keys are plain strings ({@code "actor:" + normalized name}, ...).
 */
@ApplicationScoped
public class WriteLocks {

    private final EntityManager em;

    WriteLocks(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(String key) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:k, 0))").setParameter("k", key).getSingleResult();
    }
}

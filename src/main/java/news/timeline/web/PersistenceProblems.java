package news.timeline.web;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/** Concurrent edits become a 409 the client can retry, never a 500. */
public class PersistenceProblems {

    private static final String DETAIL = "the record was changed by someone else meanwhile; read it again and retry";

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, UriInfo uri) {
        return ProblemMapper.build(409, "conflict", "Conflict", DETAIL, uri, List.of());
    }

    /** A unique key hit by a concurrent write (e.g. two creates racing for one slug). */
    @ServerExceptionMapper
    public Response uniqueKey(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        String constraint = e.getConstraintName() == null ? "" : e.getConstraintName();
        String detail = constraint.contains("slug") ? "the slug is taken by another actor"
                : "the change conflicts with stored data (" + constraint.replaceAll("[^a-z_]", "") + ")";
        return ProblemMapper.build(409, "conflict", "Conflict", detail, uri, List.of());
    }

    @ServerExceptionMapper
    public Response staleState(StaleStateException e, UriInfo uri) {
        return ProblemMapper.build(409, "conflict", "Conflict", DETAIL, uri, List.of());
    }
}

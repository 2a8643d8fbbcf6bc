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

    @ServerExceptionMapper
    public Response staleState(StaleStateException e, UriInfo uri) {
        return ProblemMapper.build(409, "conflict", "Conflict", DETAIL, uri, List.of());
    }
}

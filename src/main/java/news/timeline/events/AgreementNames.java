package news.timeline.events;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * What events need to know of agreements: whether one exists (an event's {@code agreementId}) and its name (an
 * event's view). Declared here and implemented by {@code agreements}, which knows events, so that {@code events}
 * knows no feature above it (STYLE.md habit 2).
 */
public interface AgreementNames {

    /** Whether an agreement with this id exists. */
    boolean exists(UUID id);

    /** Names of the given agreements in one query, keyed by id. */
    Map<UUID, String> names(Collection<UUID> ids);
}

package news.timeline.extraction;

/** An actor's part in an event: {@code participant}, {@code source} (who reports it), {@code mediator}. */
public record Participant(String actorKey, String role) {
}

package news.timeline.extraction;

/** Where an event happened, as named in the text. */
public record Place(String name, int start, int end) {
}

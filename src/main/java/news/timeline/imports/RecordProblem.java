package news.timeline.imports;

/** Why one record cannot be imported; the message goes to the client as {@code {line, message}}. */
final class RecordProblem extends Exception {

    RecordProblem(String message) {
        super(message, null, false, false);
    }
}

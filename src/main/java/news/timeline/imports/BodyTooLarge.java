package news.timeline.imports;

import java.io.IOException;

/** The import body passed {@code timeline.imports.max-bytes} while streaming in. */
final class BodyTooLarge extends IOException {

    final long limit;

    BodyTooLarge(long limit) {
        super("the body is larger than " + limit + " bytes", null);
        this.limit = limit;
    }
}

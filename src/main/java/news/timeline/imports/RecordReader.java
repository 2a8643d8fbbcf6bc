package news.timeline.imports;

import java.io.IOException;

/** A format reader: yields records or per-record problems, one at a time, as the body streams in. */
interface RecordReader {

    /** A record, or the reason the input at {@code line} is not one. */
    record Item(ImportRecord record, long line, String problem) {

        static Item of(ImportRecord r) {
            return new Item(r, r.line(), null);
        }

        static Item rejected(long line, String problem) {
            return new Item(null, line, problem);
        }
    }

    /** The next item, or null when the input is exhausted. */
    Item next() throws IOException;
}

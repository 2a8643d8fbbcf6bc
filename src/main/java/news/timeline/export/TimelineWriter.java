package news.timeline.export;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import news.timeline.chronology.Timeline;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/** Base of the per-format writers: each renders a {@link Timeline} page (the JSON default is Jackson's). */
abstract class TimelineWriter implements MessageBodyWriter<Timeline> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return Timeline.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(Timeline timeline, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        write(timeline, new Unclosable(out));
    }

    /**
     * The container owns the response stream and finishes it after the writer: a writer, or a library it uses
     * (ical4j's CalendarOutputter closes what it writes to), gets the stream with close() reduced to a flush.
     */
    private static final class Unclosable extends FilterOutputStream {

        Unclosable(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    abstract void write(Timeline timeline, OutputStream out) throws IOException;
}

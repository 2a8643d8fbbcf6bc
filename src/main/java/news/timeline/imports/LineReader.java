package news.timeline.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a byte stream into lines without holding more than one line: each line is decoded as strict UTF-8 on
 * its own, so a bad byte costs that line only. Over-long lines are skipped to their end and reported.
 */
final class LineReader {

    /** One physical line: its 1-based number and text, or why it could not be read. */
    record Line(long number, String text, String problem, boolean lastWithoutNewline) {
    }

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buffer = new byte[64 * 1024];
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] line = new byte[1024];
    private int pos;
    private int limit;
    private long number;
    private boolean eof;

    LineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next line that is not blank (a line with a problem counts, so it is reported), or null at the end. */
    Line nextNonBlank() throws IOException {
        Line line;
        do {
            line = next();
        } while (line != null && line.problem() == null && line.text().isBlank());
        return line;
    }

    /** The next line, or null at the end of the stream. */
    Line next() throws IOException {
        int length = 0;
        boolean tooLong = false;
        while (true) {
            if (pos == limit) {
                if (eof || !fill()) {
                    if (length == 0 && !tooLong) {
                        return null;
                    }
                    return finish(length, tooLong, true);
                }
            }
            int start = pos;
            int nl = -1;
            for (int i = pos; i < limit; i++) {
                if (buffer[i] == '\n') {
                    nl = i;
                    break;
                }
            }
            int end = nl < 0 ? limit : nl;
            int chunk = end - start;
            if (!tooLong) {
                if (length + chunk > maxLineBytes) {
                    tooLong = true;
                } else {
                    ensure(length + chunk);
                    System.arraycopy(buffer, start, line, length, chunk);
                    length += chunk;
                }
            }
            pos = nl < 0 ? limit : nl + 1;
            if (nl >= 0) {
                return finish(length, tooLong, false);
            }
        }
    }

    long linesRead() {
        return number;
    }

    private Line finish(int length, boolean tooLong, boolean atEnd) {
        number++;
        if (tooLong) {
            return new Line(number, null, "the line is longer than " + maxLineBytes + " bytes", atEnd);
        }
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        if (number == 1 && length >= 3 && (line[0] & 0xff) == 0xEF && (line[1] & 0xff) == 0xBB && (line[2] & 0xff) == 0xBF) {
            System.arraycopy(line, 3, line, 0, length - 3); // byte order mark
            length -= 3;
        }
        if (isAscii(length)) {
            return new Line(number, new String(line, 0, length, StandardCharsets.ISO_8859_1), null, atEnd);
        }
        try {
            CharBuffer chars = decoder.reset().decode(ByteBuffer.wrap(line, 0, length));
            return new Line(number, chars.toString(), null, atEnd);
        } catch (CharacterCodingException e) {
            return new Line(number, null, "not valid UTF-8 (byte " + (firstBadByte(length) + 1) + " of the line)", atEnd);
        }
    }

    private boolean isAscii(int length) {
        for (int i = 0; i < length; i++) {
            if (line[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** Where decoding went wrong, for the message; the strict decoder has already said that it did. */
    private int firstBadByte(int length) {
        int i = 0;
        while (i < length) {
            int b = line[i] & 0xff;
            int n = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : -1;
            if (n < 0 || i + n > length) {
                return i;
            }
            for (int k = 1; k < n; k++) {
                if ((line[i + k] & 0xC0) != 0x80) {
                    return i;
                }
            }
            i += n;
        }
        return 0;
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer);
        while (n == 0) {
            n = in.read(buffer);
        }
        if (n < 0) {
            eof = true;
            pos = limit = 0;
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    private void ensure(int capacity) {
        if (capacity > line.length) {
            line = Arrays.copyOf(line, Math.max(capacity, Math.min(maxLineBytes, line.length * 2)));
        }
    }
}

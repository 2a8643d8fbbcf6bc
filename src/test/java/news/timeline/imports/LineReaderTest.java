package news.timeline.imports;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The byte-level readers, without Quarkus. */
class LineReaderTest {

    @Test
    void splitsLinesDecodesEachAloneAndMarksAMissingFinalNewline() throws IOException {
        byte[] body = concat("one\r\n".getBytes(StandardCharsets.UTF_8), new byte[] {'t', (byte) 0xFF, 'o', '\n'},
                "caf\u00e9\nlast".getBytes(StandardCharsets.UTF_8));
        List<LineReader.Line> lines = all(new LineReader(new ByteArrayInputStream(body), 100));
        assertThat(lines).extracting(LineReader.Line::text).containsExactly("one", null, "caf\u00e9", "last");
        assertThat(lines.get(1).problem()).contains("not valid UTF-8").contains("byte 2");
        assertThat(lines.get(3).lastWithoutNewline()).isTrue();
        assertThat(lines.get(2).lastWithoutNewline()).isFalse();
    }

    @Test
    void anOverlongLineIsRejectedAloneAndReadingGoesOn() throws IOException {
        String body = "x".repeat(300) + "\nshort\n";
        List<LineReader.Line> lines = all(new LineReader(new ByteArrayInputStream(body.getBytes(StandardCharsets.US_ASCII)), 100));
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).problem()).contains("longer than 100 bytes");
        assertThat(lines.get(1).text()).isEqualTo("short");
    }

    @Test
    void readsBytesAsTheyComeWithoutWaitingForMore() throws IOException {
        // a stream that hands out 3 bytes per read, like a slow upload
        InputStream slow = new ByteArrayInputStream("ab\ncd\n".getBytes(StandardCharsets.US_ASCII)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 3));
            }
        };
        assertThat(all(new LineReader(slow, 100))).extracting(LineReader.Line::text).containsExactly("ab", "cd");
    }

    @Test
    void csvRecordsKeepQuotedDelimitersQuotesAndLineBreaks() throws IOException {
        String csv = "a,\"b, c\",\"say \"\"hi\"\"\"\n\"multi\nline\",x,\n\"open";
        CsvRecords rows = new CsvRecords(new LineReader(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), 1000), ',');
        assertThat(rows.next().fields()).containsExactly("a", "b, c", "say \"hi\"");
        CsvRecords.Row second = rows.next();
        assertThat(second.line()).isEqualTo(2);
        assertThat(second.fields()).containsExactly("multi\nline", "x", "");
        assertThat(rows.next().problem()).contains("truncated record");
        assertThat(rows.next()).isNull();
    }

    @Test
    void limitedInputStreamStopsPastTheLimit() {
        LimitedInputStream in = new LimitedInputStream(new ByteArrayInputStream(new byte[100]), 50);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> in.readAllBytes()).isInstanceOf(BodyTooLarge.class);
    }

    private static List<LineReader.Line> all(LineReader reader) throws IOException {
        List<LineReader.Line> out = new ArrayList<>();
        LineReader.Line l;
        while ((l = reader.next()) != null) {
            out.add(l);
        }
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int i = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, i, p.length);
            i += p.length;
        }
        return out;
    }
}

package news.timeline.extraction.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden cases per TIMEX3 value family ({@code src/test/resources/extraction/en/temporal/golden/<family>.txt}).
 * A case marked {@code gap: reason} is a known limitation: skipped with its reason while it fails, failed
 * (so that the mark is removed) once it passes.
 */
class TimexFamiliesTest {

    private static final String DIR = "extraction/en/temporal/golden/";
    private static final List<String> FAMILIES = List.of("dates", "seasons", "quarters", "weeks", "decades", "times",
            "durations", "sets", "references", "modifiers", "narrative");
    private static final TimexTagger TAGGER = RuleBasedTimexTagger.english();

    record Case(String family, String id, String where, RuleExample example, String gap) {
    }

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (String family : FAMILIES) {
            String file = DIR + family + ".txt";
            try (InputStream in = TimexFamiliesTest.class.getClassLoader().getResourceAsStream(file)) {
                if (in == null) {
                    throw new IllegalStateException(file + " not found");
                }
                String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
                for (int i = 0; i < lines.length; i++) {
                    String line = lines[i].strip();
                    if (line.isEmpty() || line.startsWith("#")) {
                        continue;
                    }
                    String where = file + ":" + (i + 1);
                    String[] parts = line.split("\\s+\\|\\s+");
                    if (parts.length < 4 || parts.length > 5) {
                        throw new IllegalStateException(where + ": expected 'id | reference | text | TYPE VALUE [MOD] [| gap: reason]'");
                    }
                    String gap = null;
                    if (parts.length == 5) {
                        if (!parts[4].startsWith("gap:")) {
                            throw new IllegalStateException(where + ": the fifth field must be 'gap: reason'");
                        }
                        gap = parts[4].substring(4).trim();
                    }
                    RuleExample e = RuleExample.parse(parts[0], where, parts[1] + " | " + parts[2] + " | " + parts[3]);
                    Case c = new Case(family, parts[0].trim(), where, e, gap);
                    out.add(Arguments.of(Named.of(family + "/" + c.id(), c)));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void family(Case c) {
        if (c.gap() == null) {
            check(c.example());
            return;
        }
        try {
            check(c.example());
        } catch (AssertionError e) {
            Assumptions.abort("known gap (" + c.where() + "): " + c.gap());
        }
        fail(c.where() + ": the known gap '" + c.gap() + "' now passes; remove its gap mark");
    }

    private static void check(RuleExample e) {
        String span = e.text().substring(e.start(), e.end());
        List<Timex> found = TAGGER.tag(e.text(), ReferenceTime.parse(e.reference()));
        if (e.type() == null) {
            assertThat(found).as("nothing over '%s' in '%s'", span, e.text())
                    .noneMatch(x -> x.start() < e.end() && e.start() < x.end());
            return;
        }
        Timex t = found.stream().filter(x -> x.start() < e.end() && e.start() < x.end()).findFirst().orElse(null);
        assertThat(t).as("a timex over '%s' in '%s' (found %s)", span, e.text(), found).isNotNull();
        String got = t.text() + " " + t.type() + " " + t.value() + (t.mod() == null ? "" : " " + t.mod());
        String want = span + " " + e.type() + " " + e.value() + (e.mod() == null ? "" : " " + e.mod());
        assertThat(got).as("%s (rule %s)", e.source(), t.ruleId()).isEqualTo(want);
    }
}

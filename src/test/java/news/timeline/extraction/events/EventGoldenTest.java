package news.timeline.extraction.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import news.timeline.extraction.ExtractedActor;
import news.timeline.extraction.ExtractedEvent;
import news.timeline.extraction.ExtractionResult;
import news.timeline.extraction.GoldenCases;
import news.timeline.extraction.Participant;
import news.timeline.extraction.SourceSpan;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EventGoldenTest {

    static Stream<Arguments> cases() {
        return GoldenCases.load("events.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void extracts(String id, JsonNode c) {
        GoldenCases.check(c, () -> verify(c));
    }

    private void verify(JsonNode c) {
        ExtractionResult r = GoldenCases.run(c);
        List<String> found = new ArrayList<>();
        for (ExtractedEvent e : r.events()) {
            found.add(e.type().apiName() + " " + e.date().value() + " " + names(r, e));
            assertThat(e.confidence()).isBetween(0.0, 1.0);
            assertThat(e.title()).isNotBlank();
            for (SourceSpan s : e.sources()) {
                assertThat(r.text().substring(s.start(), s.end())).isEqualTo(s.quote());
                assertThat(s.ruleId()).isNotBlank();
            }
        }
        for (JsonNode x : c.path("expect")) {
            String type = x.path("type").asText();
            String date = x.path("date").asText();
            List<String> parts = GoldenCases.strings(x.path("participants"));
            ExtractedEvent match = r.events().stream()
                    .filter(e -> e.type().apiName().equals(type) && e.date().value().equals(date) && names(r, e).containsAll(parts))
                    .findFirst().orElse(null);
            assertThat(match).as("%s %s %s among %s", type, date, parts, found).isNotNull();
            for (String absent : GoldenCases.strings(x.path("absentParticipants"))) {
                assertThat(names(r, match)).as("participants of %s %s", type, date).doesNotContain(absent);
            }
            if (x.hasNonNull("title")) {
                assertThat(match.title()).isEqualTo(x.get("title").asText());
            }
            if (x.hasNonNull("place")) {
                assertThat(match.place()).as("place").isNotNull();
                assertThat(match.place().name()).isEqualTo(x.get("place").asText());
            }
            if (x.hasNonNull("minSources")) {
                assertThat(match.sources()).hasSizeGreaterThanOrEqualTo(x.get("minSources").asInt());
            }
            if (x.hasNonNull("maxSources")) {
                // quotes about another happening ("their talks on Friday") stay out of this one
                assertThat(match.sources()).as("sources of %s %s", type, date).hasSizeLessThanOrEqualTo(x.get("maxSources").asInt());
            }
        }
        if (c.hasNonNull("maxEvents")) {
            assertThat(r.events()).as("events %s", found).hasSizeLessThanOrEqualTo(c.get("maxEvents").asInt());
        }
        for (String t : GoldenCases.strings(c.path("absentTypes"))) {
            assertThat(r.events()).as("no event of type %s", t).noneMatch(e -> e.type().apiName().equals(t));
        }
        for (String d : GoldenCases.strings(c.path("absentDates"))) {
            assertThat(r.events()).as("no event dated %s", d).noneMatch(e -> e.date().value().equals(d));
        }
        if (c.hasNonNull("warning")) {
            assertThat(r.warnings()).contains(c.get("warning").asText());
        }
    }

    private static List<String> names(ExtractionResult r, ExtractedEvent e) {
        List<String> out = new ArrayList<>();
        for (Participant p : e.participants()) {
            ExtractedActor a = GoldenCases.actor(r, p.actorKey());
            out.add(a == null ? p.actorKey() : a.name());
        }
        return out;
    }
}

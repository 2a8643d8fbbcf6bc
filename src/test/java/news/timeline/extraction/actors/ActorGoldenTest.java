package news.timeline.extraction.actors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import news.timeline.extraction.ExtractedActor;
import news.timeline.extraction.ExtractionResult;
import news.timeline.extraction.GoldenCases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ActorGoldenTest {

    static Stream<Arguments> cases() {
        return GoldenCases.load("actors.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void recognizes(String id, JsonNode c) {
        GoldenCases.check(c, () -> verify(c));
    }

    private void verify(JsonNode c) {
        ExtractionResult r = GoldenCases.run(c);
        for (JsonNode e : c.path("expect")) {
            String name = e.path("name").asText();
            ExtractedActor a = GoldenCases.actorNamed(r, name);
            assertThat(a).as("actor %s among %s", name, r.actors().stream().map(ExtractedActor::name).toList()).isNotNull();
            assertThat(a.kind().apiName()).as("kind of %s", name).isEqualTo(e.path("kind").asText());
            assertThat(a.slug()).matches("[a-z0-9]+(-[a-z0-9]+)*");
            if (e.hasNonNull("affiliation")) {
                ExtractedActor aff = a.affiliationKey() == null ? null : GoldenCases.actor(r, a.affiliationKey());
                assertThat(aff).as("affiliation of %s", name).isNotNull();
                assertThat(aff.name()).as("affiliation of %s", name).isEqualTo(e.get("affiliation").asText());
            }
            if (e.hasNonNull("role")) {
                assertThat(a.role()).as("role of %s", name).isEqualTo(e.get("role").asText());
            }
            for (String alias : GoldenCases.strings(e.path("aliases"))) {
                assertThat(a.aliases()).as("aliases of %s", name).contains(alias);
            }
            assertThat(a.mentions()).allSatisfy(m -> assertThat(r.text().substring(m.start(), m.end())).isEqualTo(m.quote()));
        }
        for (String once : GoldenCases.strings(c.path("onlyOnce"))) {
            // one person named in full, then by surname in an apposition: one actor, not two
            assertThat(r.actors()).as("one actor named or aliased %s", once)
                    .filteredOn(a -> a.name().equalsIgnoreCase(once) || a.aliases().stream().anyMatch(x -> x.equalsIgnoreCase(once)))
                    .hasSize(1);
        }
        for (String absent : GoldenCases.strings(c.path("absent"))) {
            assertThat(r.actors()).as("no actor %s", absent)
                    .noneMatch(a -> a.name().equalsIgnoreCase(absent) || a.aliases().stream().anyMatch(x -> x.equalsIgnoreCase(absent)));
        }
    }
}

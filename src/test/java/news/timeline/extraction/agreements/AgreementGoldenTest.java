package news.timeline.extraction.agreements;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Stream;
import news.timeline.extraction.ExtractedAgreement;
import news.timeline.extraction.ExtractedEvent;
import news.timeline.extraction.ExtractionResult;
import news.timeline.extraction.GoldenCases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AgreementGoldenTest {

    static Stream<Arguments> cases() {
        return GoldenCases.load("agreements.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void extracts(String id, JsonNode c) {
        GoldenCases.check(c, () -> verify(c));
    }

    private void verify(JsonNode c) {
        ExtractionResult r = GoldenCases.run(c);
        List<String> found = r.agreements().stream().map(a -> a.name() + " " + a.aliases()).toList();
        for (JsonNode x : c.path("expect")) {
            ExtractedAgreement a = r.agreements().stream()
                    .filter(g -> x.hasNonNull("name") ? g.name().equals(x.get("name").asText()) : g.aliases().contains(x.path("alias").asText()))
                    .findFirst().orElse(null);
            assertThat(a).as("agreement %s among %s", x, found).isNotNull();
            assertThat(a.kind().apiName()).isEqualTo(x.path("kind").asText());
            List<String> parties = a.partyKeys().stream().map(k -> GoldenCases.actor(r, k).name()).toList();
            assertThat(parties).as("parties").containsAll(GoldenCases.strings(x.path("parties")));
            for (String notParty : GoldenCases.strings(x.path("notParties"))) {
                assertThat(parties).as("not parties").doesNotContain(notParty);
            }
            if (x.hasNonNull("signed")) {
                assertThat(a.signed()).as("signed").isNotNull();
                assertThat(a.signed().value()).isEqualTo(x.get("signed").asText());
            }
            for (String clause : GoldenCases.strings(x.path("clauses"))) {
                assertThat(a.clauses()).contains(clause);
            }
            if (x.hasNonNull("signingEvent")) {
                ExtractedEvent e = r.events().stream().filter(ev -> ev.key().equals(a.signingEventKey())).findFirst().orElse(null);
                assertThat(e).as("signing event").isNotNull();
                assertThat(e.type().apiName()).isEqualTo(x.get("signingEvent").asText());
                assertThat(e.agreementKey()).isEqualTo(a.key());
            }
        }
        if (c.hasNonNull("maxAgreements")) {
            assertThat(r.agreements()).as("agreements %s", found).hasSizeLessThanOrEqualTo(c.get("maxAgreements").asInt());
        }
    }
}

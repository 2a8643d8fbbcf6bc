package news.timeline.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import news.timeline.chronology.ChronologyFixture;
import news.timeline.chronology.ChronologyFixture.Actor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** Every format, rendered by the service and read back with a real parser for it. */
@QuarkusTest
class ExportFormatsTest {

    @Inject
    ChronologyFixture fixture;

    Actor nk;
    Actor kim;

    @BeforeEach
    void data() {
        String s = ChronologyFixture.suffix();
        nk = fixture.actor("country", "North Korea", s);
        kim = fixture.actor("person", "Kim Jong-un", s);
        fixture.affiliate(kim, nk, "2011-12-17", null);
        fixture.event("meeting", "Kim meets <Shoigu> & \"friends\"", "2024-09-13", kim);
        fixture.event("agreement_signed", "Treaty, signed \"in June\"\nsecond line", "2024-06", nk);
        fixture.event("statement", "Statement of 2023", "2023", nk);
        fixture.event("statement", "Minute statement", "2024-09-14T09:45Z", nk);
    }

    private String timeline(String format) {
        return given().queryParam("format", format).when().get("/api/v1/actors/{a}/timeline", nk.slug())
                .then().statusCode(200).extract().asString();
    }

    @Test
    void timelineJsSlidesKeepTheirPrecisionAndEscapeHtml() throws Exception {
        JsonNode root = new ObjectMapper().readTree(timeline("timelinejs"));
        assertThat(root.path("title").path("text").path("headline").asText()).contains("North Korea");
        JsonNode events = root.path("events");
        assertThat(events).hasSize(4);
        JsonNode year = events.get(0);
        assertThat(year.path("start_date").path("year").asInt()).isEqualTo(2023);
        assertThat(year.path("start_date").has("month")).isFalse();
        assertThat(year.path("display_date").asText()).isEqualTo("2023");
        JsonNode month = events.get(1);
        assertThat(month.path("start_date").path("month").asInt()).isEqualTo(6);
        assertThat(month.path("start_date").has("day")).isFalse();
        assertThat(month.path("end_date").path("month").asInt()).isEqualTo(6);
        assertThat(month.path("display_date").asText()).isEqualTo("June 2024");
        assertThat(month.path("group").asText()).isEqualTo("agreement signed");
        JsonNode day = events.get(2);
        assertThat(day.path("start_date").path("day").asInt()).isEqualTo(13);
        assertThat(day.has("end_date")).isFalse();
        assertThat(day.path("text").path("headline").asText()).isEqualTo("Kim meets &lt;Shoigu&gt; &amp; &quot;friends&quot;");
        JsonNode minute = events.get(3);
        assertThat(minute.path("start_date").path("hour").asInt()).isEqualTo(9);
        assertThat(minute.path("start_date").path("minute").asInt()).isEqualTo(45);
        for (JsonNode e : events) {
            assertThat(e.path("unique_id").asText()).isNotEmpty();
            assertThat(e.path("text").path("text").asText()).doesNotContain("<script");
        }
    }

    @Test
    void visItemsArePointsForDaysAndRangesForCoarserDates() throws Exception {
        JsonNode root = new ObjectMapper().readTree(timeline("vis"));
        JsonNode items = root.path("items");
        assertThat(items).hasSize(4);
        assertThat(items.get(0).path("type").asText()).isEqualTo("range");
        assertThat(items.get(0).path("start").asText()).isEqualTo("2023-01-01");
        assertThat(items.get(0).path("end").asText()).isEqualTo("2024-01-01");
        assertThat(items.get(1).path("type").asText()).isEqualTo("range");
        assertThat(items.get(1).path("end").asText()).isEqualTo("2024-07-01");
        assertThat(items.get(2).path("type").asText()).isEqualTo("point");
        assertThat(items.get(2).path("start").asText()).isEqualTo("2024-09-13");
        assertThat(items.get(2).has("end")).isFalse();
        assertThat(items.get(2).path("content").asText()).startsWith("Kim meets &lt;Shoigu&gt;");
        assertThat(items.get(3).path("start").asText()).isEqualTo("2024-09-14T09:45:00Z");
        List<String> groups = root.path("groups").findValuesAsText("id");
        for (JsonNode item : items) {
            assertThat(groups).contains(item.path("group").asText());
        }
    }

    @Test
    void csvIsRfc4180AndReadsBack() throws Exception {
        String body = given().queryParam("format", "csv").when().get("/api/v1/actors/{a}/timeline", nk.slug())
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        assertThat(body).contains("\r\n");
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        MappingIterator<Map<String, String>> it = mapper.readerFor(Map.class).with(CsvSchema.emptySchema().withHeader())
                .readValues(body);
        List<Map<String, String>> rows = it.readAll();
        assertThat(rows).hasSize(4);
        assertThat(rows.get(1).get("title")).isEqualTo("Treaty, signed \"in June\"\nsecond line");
        assertThat(rows.get(1).get("precision")).isEqualTo("month");
        assertThat(rows.get(1).get("start")).isEqualTo("2024-06-01");
        assertThat(rows.get(1).get("end")).isEqualTo("2024-06-30");
        assertThat(rows.get(2).get("participants")).isEqualTo("Kim Jong-un");
    }

    @Test
    void icsHasAllDayEventsOverTheCoveredDays() throws Exception {
        String body = given().header("Accept", "text/calendar").when().get("/api/v1/actors/{a}/timeline", nk.slug())
                .then().statusCode(200).contentType(startsWith("text/calendar")).extract().asString();
        Calendar calendar = new CalendarBuilder().build(new StringReader(body));
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(4);
        VEvent month = events.get(1);
        assertThat(month.getProperty(Property.DTSTART).orElseThrow().getValue()).isEqualTo("20240601");
        assertThat(month.getProperty(Property.DTEND).orElseThrow().getValue()).isEqualTo("20240701");
        assertThat(month.getProperty(Property.DTSTART).orElseThrow().getParameter("VALUE").orElseThrow().getValue()).isEqualTo("DATE");
        assertThat(month.getProperty(Property.SUMMARY).orElseThrow().getValue()).isEqualTo("Treaty, signed \"in June\"\nsecond line");
        VEvent day = events.get(2);
        assertThat(LocalDate.parse(day.getProperty(Property.DTSTART).orElseThrow().getValue(),
                java.time.format.DateTimeFormatter.BASIC_ISO_DATE)).isEqualTo(LocalDate.of(2024, 9, 13));
        assertThat(day.getProperty(Property.DTEND).orElseThrow().getValue()).isEqualTo("20240914");
        for (VEvent e : events) {
            assertThat(e.getProperty(Property.UID)).isPresent();
            assertThat(e.getProperty(Property.DTSTAMP)).isPresent();
        }
    }

    @Test
    void atomFeedReadsBackWithEntriesAndNextLink() throws Exception {
        String body = given().queryParam("format", "atom").queryParam("limit", 3).when().get("/api/v1/actors/{a}/timeline", nk.slug())
                .then().statusCode(200).contentType(startsWith("application/atom+xml")).extract().asString();
        SyndFeed feed = new SyndFeedInput().build(new StringReader(body));
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getTitle()).contains("North Korea");
        assertThat(feed.getEntries()).hasSize(3);
        assertThat(feed.getEntries().get(0).getTitle()).isEqualTo("Statement of 2023");
        assertThat(feed.getEntries().get(0).getUri()).startsWith("urn:uuid:");
        assertThat(feed.getEntries().get(0).getUpdatedDate()).isNotNull();
        assertThat(feed.getLinks()).anySatisfy(l -> {
            assertThat(l.getRel()).isEqualTo("next");
            assertThat(l.getHref()).contains("cursor=");
        });
    }

    @Test
    void acceptHeaderAndFormatParameterSelectTheSameWriter() {
        given().header("Accept", "application/vnd.vis-timeline+json").when().get("/api/v1/actors/{a}/timeline", nk.slug())
                .then().statusCode(200).body("items[0].type", equalTo("range"));
        given().queryParam("format", "json").when().get("/api/v1/actors/{a}/timeline", nk.slug())
                .then().statusCode(200).contentType(startsWith("application/json")).body("items[0].title", equalTo("Statement of 2023"));
        given().queryParam("format", "ics").when().get("/api/v1/relationships/{a}/{b}/timeline", nk.slug(), kim.slug())
                .then().statusCode(200).contentType(startsWith("text/calendar"));
        given().queryParam("format", "csv").queryParam("actor", nk.slug()).when().get("/api/v1/events")
                .then().statusCode(200).contentType(startsWith("text/csv")).body(containsString("Statement of 2023"));
    }
}

package news.timeline.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The page at {@code /} in a real headless Chromium (Debian's, never a downloaded one): search, timeline, event
 * detail, article preview and store, against the running service and its PostgreSQL. The build installs no browser:
 * without one the test is skipped with one line saying how to get it ({@code .ci/install-browser}); CI installs it and
 * sets {@code E2E_REQUIRE_BROWSER=true} (or {@code -De2e.require-browser=true}), under which a missing browser fails the
 * test instead (see {@link #browserRequired()}).
 */
@QuarkusTest
class TimelinePageE2ETest {

    static final Path CHROMIUM = Path.of(System.getProperty("e2e.chromium", "/usr/bin/chromium"));
    static final List<String> CHROMIUM_ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-quic");
    static final Path SHOTS = Path.of("target", "e2e");
    /** Drawn events; a point's dot is a .vis-item too, so it is left out. */
    static final String ITEMS = "#timeline .vis-item:is(.vis-point, .vis-range, .vis-box)";

    static Playwright playwright;
    static Browser browser;

    @TestHTTPResource("/")
    URL root;

    BrowserContext context;
    Page page;
    final List<String> pageErrors = new CopyOnWriteArrayList<>();
    final List<String> outsideRequests = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void launchBrowser() throws IOException {
        if (!Files.isExecutable(CHROMIUM)) {
            String how = "no Chromium at " + CHROMIUM + "; to run it: sudo .ci/install-browser (Debian's chromium and "
                    + "chromium-driver), or -De2e.chromium=/path/to/chromium";
            if (browserRequired()) {
                fail("TimelinePageE2ETest needs a browser (E2E_REQUIRE_BROWSER=true, as CI runs it): " + how);
            }
            // the one line a build without a browser prints about it; every other test runs
            System.out.println("[WARNING] TimelinePageE2ETest skipped: " + how);
            Assumptions.abort("TimelinePageE2ETest skipped: " + how);
        }
        Files.createDirectories(SHOTS);
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM).setHeadless(true).setArgs(CHROMIUM_ARGS).setTimeout(60_000));
        } catch (PlaywrightException e) {
            fail("Chromium at " + CHROMIUM + " did not start: " + e.getMessage(), e);
        }
    }

    /**
     * Whether a missing browser fails the page tests instead of skipping them: {@code .ci/run} exports
     * {@code E2E_REQUIRE_BROWSER=true} so that CI runs the README's test command unchanged and still cannot go green
     * without the page tests; {@code -De2e.require-browser=true} does the same for one Maven run.
     */
    static boolean browserRequired() {
        return Boolean.getBoolean("e2e.require-browser") || "true".equalsIgnoreCase(System.getenv("E2E_REQUIRE_BROWSER"));
    }

    /**
     * The page previews an article within the test's 5-second expectations only once the language models are in:
     * when this class runs first on a busy machine they may still be loading (readiness is DOWN until then).
     */
    private static void awaitModels() throws InterruptedException {
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(10);
        while (given().get("/q/health/ready").statusCode() != 200) {
            if (System.nanoTime() > until) {
                fail("the service did not turn ready within 10 minutes");
            }
            Thread.sleep(1000);
        }
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openPage() throws InterruptedException {
        awaitModels();
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        context.setDefaultTimeout(20_000);
        String origin = root.getProtocol() + "://" + root.getAuthority();
        // The page must work with no network beyond the service: anything else is refused and reported.
        context.route("**/*", route -> {
            String url = route.request().url();
            if (url.startsWith(origin) || url.startsWith("data:")) {
                route.resume();
            } else {
                outsideRequests.add(url);
                route.abort();
            }
        });
        page = context.newPage();
        page.onPageError(error -> pageErrors.add(error));
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                pageErrors.add("console: " + m.text());
            }
        });
    }

    @AfterEach
    void closePage() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void searchDrawOpenSubmitAndSeeTheNewEvents() throws IOException {
        Fixture f = Fixture.create();

        page.navigate(root.toString());
        assertThat(page.locator("h1")).hasText("timeline");

        // search by alias, pick the country: its three events are drawn, the month-precision one as a range
        page.getByLabel("Find an actor by name or alias").fill(f.countryAlias);
        Locator country = page.locator("#actor-results .actor-result[data-slug='" + f.countrySlug + "'] button");
        assertThat(country).containsText(f.countryName);
        country.click();
        assertThat(page.locator("#selected-actors .chip")).hasCount(1);
        assertThat(page.locator("#timeline-status")).containsText("3 events for " + f.countryName);
        Locator items = page.locator(ITEMS);
        assertThat(items).hasCount(3);
        assertThat(page.locator("#timeline .vis-item.vis-range")).hasCount(1);
        assertThat(page.locator("#timeline .vis-item.vis-range")).containsText(f.treatyTitle);
        assertThat(page.locator("#timeline .vis-item.vis-point")).hasCount(2);
        double monthWidth = page.locator("#timeline .vis-item.vis-range").boundingBox().width;
        assertThat(monthWidth).as("a month-precision event spans its month").isGreaterThan(40);
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("1-actor-timeline.png")).setFullPage(true));

        // add the person: the pair's timeline has only the events both take part in
        page.getByLabel("Find an actor by name or alias").fill(f.personName);
        page.locator("#actor-results .actor-result[data-slug='" + f.personSlug + "'] button").click();
        assertThat(page.locator("#selected-actors .chip")).hasCount(2);
        assertThat(page.locator("#timeline-status")).containsText("2 events for " + f.countryName + " and " + f.personName);
        assertThat(items).hasCount(2);

        // open the meeting: quote, source link and participants
        page.locator(ITEMS, new Page.LocatorOptions().setHasText(f.meetingTitle))
                .click(new Locator.ClickOptions().setPosition(6, 6)); // its start: the label may run past the edge
        Locator detail = page.locator("#event-detail");
        assertThat(detail).isVisible();
        assertThat(detail.locator(".event-title")).hasText(f.meetingTitle);
        assertThat(detail.locator(".event-date")).containsText("2024-09-13");
        assertThat(detail.locator(".quote")).hasText(f.meetingQuote);
        assertThat(detail.locator("a.source-link")).hasAttribute("href", f.meetingUrl);
        assertThat(detail.locator(".participants li")).hasCount(2);
        assertThat(detail.locator(".participants")).containsText(f.countryName);
        assertThat(detail.locator(".participants")).containsText(f.personName);
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("2-event-detail.png")).setFullPage(true));

        // the seed article: preview highlights what was found, by code point offsets
        JsonNode seed = seedArticle();
        page.locator("#article-form [name=title]").fill(seed.get("title").asText());
        page.locator("#article-form [name=publishedAt]").fill(seed.get("published_at").asText());
        page.locator("#article-form [name=source]").fill("KCNA via e2e");
        page.locator("#article-form [name=text]").fill(seed.get("body").asText());
        page.locator("#preview-button").click();
        assertThat(page.locator("#article-status")).containsText("Preview:",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
        assertThat(page.locator("#article-status")).containsText("Nothing is stored yet");
        assertThat(page.locator("#preview-events li").first()).isVisible();
        assertThat(page.locator("#preview-text .hl-event").first()).isVisible();
        assertThat(page.locator("#preview-text .hl-timex").first()).isVisible();
        assertThat(page.locator("#preview-text .hl-actor").first()).isVisible();
        assertThat(page.locator("#preview-text")).containsText("🍪 Do you like Cookies?");
        List<String> mismatches = timexHighlightMismatches();
        assertThat(mismatches).as("each highlighted date is exactly the text the service found").isEmpty();
        assertThat(page.locator("#preview-text")).containsText("Sergei Shoigu");
        int previewed = page.locator("#preview-events li").count();
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("3-article-preview.png")).setFullPage(true));

        // store it: with nothing selected the page shows the timeline of its first participant, stored events selected
        for (int i = page.locator("#selected-actors .chip").count(); i > 0; i--) {
            page.locator("#selected-actors .chip button").first().click();
        }
        assertThat(page.locator("#selected-actors .chip")).hasCount(0);
        page.locator("#store-button").click();
        // 201, or 200 when another test stored the seed first: either way its events are in the database now; a
        // submission extracts and stores, which takes more than the default 5 s on a busy 2-core machine
        assertThat(page.locator("#article-status")).containsText(Pattern.compile(
                "(Stored: |already stored: )" + previewed + " event"),
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
        assertThat(page.locator("#selected-actors .chip")).hasCount(1);
        assertThat(page.locator("#timeline-status")).containsText(" for ");
        assertThat(page.locator(ITEMS + ".vis-selected").first()).isVisible();
        String firstStored = page.locator("#preview-events li .event-title").first().textContent().trim();
        assertThat(page.locator(ITEMS, new Page.LocatorOptions().setHasText(firstStored)).first()).isVisible();

        // a stored event opens from the timeline with the article's sentence as its quote
        page.locator(ITEMS + ".vis-selected").first().click(new Locator.ClickOptions().setPosition(6, 6));
        assertThat(detail.locator(".quote").first()).isVisible();
        assertThat(page.locator("#preview-text")).containsText(detail.locator(".quote").first().textContent().trim());
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("4-stored-article.png")).setFullPage(true));

        // the article's countries as a pair: their relationship timeline now has events (the README's picture)
        for (int i = page.locator("#selected-actors .chip").count(); i > 0; i--) {
            page.locator("#selected-actors .chip button").first().click();
        }
        pickStoredActor("North Korea");
        pickStoredActor("Russia");
        assertThat(page.locator("#timeline-status")).containsText(" events for North Korea and Russia");
        assertThat(page.locator(ITEMS).first()).isVisible();
        page.locator(ITEMS).first().click(new Locator.ClickOptions().setPosition(6, 6));
        assertThat(detail.locator(".participants")).containsText("North Korea");
        assertThat(detail.locator(".participants")).containsText("Russia");
        assertThat(detail.innerText()).as("the event panel").doesNotContain("null").doesNotContain("undefined");
        page.locator("#explore").screenshot(new Locator.ScreenshotOptions().setPath(SHOTS.resolve("timeline-page.png")));

        assertThat(page.locator("body").innerText()).as("the page's text")
                .doesNotContain("undefined").doesNotContain("[object Object]").doesNotContain("NaN");
        assertThat(outsideRequests).as("requests that left the service").isEmpty();
        assertThat(pageErrors).as("script errors on the page").isEmpty();
    }

    @Test
    void highlightsCountCodePointsNotUtf16Units() {
        page.navigate(root.toString());
        // "🍪" is one code point but two UTF-16 units: offsets 5..17 are "13 September" only if counted right
        Object cut = page.evaluate("""
                async () => {
                  const h = await import('./app/highlight.js');
                  const text = '🍪 On 13 September 🍪🍪 Kim met Shoigu.';
                  const { segments } = h.segment(text, [{ start: 5, end: 17, kind: 'timex', index: 0 },
                                                        { start: 21, end: 24, kind: 'actor', index: 0 }]);
                  const mentions = h.findMentions(text, ['Shoigu']);
                  return [segments.filter(s => s.spans.length).map(s => s.text).join('|'),
                          JSON.stringify(mentions), h.codePointSlice(text, 5, 17)];
                }""");
        assertThat(cut).isEqualTo(List.of("13 September|Kim", "[{\"start\":29,\"end\":35}]", "13 September"));
        assertThat(pageErrors).isEmpty();
    }

    @Test
    void reviewAnArticleConfirmAnEventAndMergeASuggestion() throws IOException {
        // a new article (the seed text with a line of its own): the newest in the review's list
        JsonNode seed = seedArticle();
        String title = "Review " + UUID.randomUUID().toString().substring(0, 8);
        String body = seed.get("body").asText() + "\n\n" + title + ".";
        var stored = given().contentType(ContentType.JSON)
                .body(Map.of("title", title, "publishedAt", seed.get("published_at").asText(), "body", body))
                .post("/api/v1/articles").then().statusCode(201).extract().jsonPath();
        String articleId = stored.getString("article.id");
        String firstEvent = stored.getString("events[0].id");
        given().get("/api/v1/articles/" + articleId).then().statusCode(200)
                .body("article.text", org.hamcrest.Matchers.equalTo(body));
        // two reports of one meeting, the newer one to merge into the older
        String side = Fixture.createActor("Merida " + UUID.randomUUID().toString().substring(0, 6), "country", List.of());
        String older = eventId("Merida talks open", "2024-09", side);
        String newer = eventId("Merida talks held on Friday", "2024-09-13", side);
        // and two that are not one happening, to keep apart
        String apart = Fixture.createActor("Lurida " + UUID.randomUUID().toString().substring(0, 6), "country", List.of());
        String apartOlder = eventId("Lurida talks in spring", "2024-04", apart);
        String apartNewer = eventId("Lurida talks on a Monday", "2024-04-08", apart);

        page.navigate(root.toString());
        Locator article = page.locator("#review-articles li[data-id='" + articleId + "'] button");
        assertThat(article).hasText(title);
        article.click();
        assertThat(page.locator("#review-article-title")).hasText(title);
        assertThat(page.locator("#review-text .hl-event").first()).isVisible();
        assertThat(page.locator("#review-text .hl-timex").first()).isVisible();
        assertThat(page.locator("#review-text .hl-actor").first()).isVisible();
        assertThat(page.locator("#review-text")).containsText(title);
        assertThat(page.locator("#review-events li.review-event")).hasCount(stored.getList("events").size());

        // confirm the first event: the page says so, the API too
        Locator first = page.locator("#review-events li[data-event-id='" + firstEvent + "']");
        first.locator("button.confirm").click();
        assertThat(first.locator(".event-status")).hasText("confirmed");
        given().get("/api/v1/events/" + firstEvent).then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("confirmed"));

        // the merge suggestion: one click, the newer event is gone into the older
        Locator suggestion = page.locator("#merge-suggestions li[data-event='" + newer + "'][data-into='" + older + "']");
        assertThat(suggestion).containsText("Merida talks held on Friday");
        page.locator("#review").screenshot(new Locator.ScreenshotOptions().setPath(SHOTS.resolve("5-review.png")));
        suggestion.locator("button.merge").click();
        assertThat(page.locator("#review-status")).containsText("Merged “Merida talks held on Friday” into “Merida talks open”");
        assertThat(suggestion).hasCount(0);
        given().get("/api/v1/events/" + newer).then().statusCode(404);
        given().get("/api/v1/events/" + older).then().statusCode(200)
                .body("participants.actor.slug", org.hamcrest.Matchers.hasItem(side));

        // "not the same": one click, the pair is no longer suggested, the API keeps the dismissal
        Locator keptApart = page.locator("#merge-suggestions li[data-event='" + apartNewer + "'][data-into='" + apartOlder + "']");
        assertThat(keptApart).containsText("Lurida talks on a Monday");
        keptApart.locator("button.dismiss").click();
        assertThat(page.locator("#review-status")).containsText("are kept apart");
        assertThat(keptApart).hasCount(0);
        given().queryParam("event", apartNewer).get("/api/v1/review/merge-suggestions/dismissals").then().statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.equalTo(1))
                .body("items[0].events", org.hamcrest.Matchers.containsInAnyOrder(apartNewer, apartOlder));
        given().get("/api/v1/events/" + apartNewer).then().statusCode(200);

        assertThat(page.locator("#review").innerText()).doesNotContain("undefined").doesNotContain("null");
        assertThat(pageErrors).as("script errors on the page").isEmpty();
    }

    private static String eventId(String title, String date, String actor) {
        return given().contentType(ContentType.JSON).body(Map.of("type", "meeting", "title", title, "date", date,
                        "status", "extracted", "participants", List.of(Map.of("actor", actor))))
                .post("/api/v1/events").then().statusCode(201).extract().path("id");
    }

    /** Picks, through the search, the actor of that name the stored article was linked to. */
    private void pickStoredActor(String name) {
        Locator stored = page.locator("#preview-actors li[data-name='" + name + "']");
        assertThat(stored).hasCount(1);
        String slug = stored.getAttribute("data-slug");
        assertThat(slug).as("slug of the stored " + name).isNotBlank();
        page.getByLabel("Find an actor by name or alias").fill(name);
        page.locator("#actor-results .actor-result[data-slug='" + slug + "'] button").click();
        assertThat(page.locator("#selected-actors")).containsText(name);
    }

    /** For each found date, the highlighted text (cut by offsets) against the text the service reports. */
    @SuppressWarnings("unchecked")
    private List<String> timexHighlightMismatches() {
        Object result = page.evaluate("""
                () => {
                  const listed = [...document.querySelectorAll('#preview-timexes li q')].map(q => q.textContent);
                  const bad = [];
                  listed.forEach((expected, i) => {
                    const cut = [...document.querySelectorAll('#preview-text [data-timex]')]
                      .filter(s => s.dataset.timex.split(' ').includes(String(i))).map(s => s.textContent).join('');
                    if (cut !== expected) bad.push(`#${i}: highlighted "${cut}" but the service says "${expected}"`);
                  });
                  return bad;
                }""");
        return new ArrayList<>((List<String>) result);
    }

    private static JsonNode seedArticle() throws IOException {
        try (InputStream in = TimelinePageE2ETest.class.getResourceAsStream("/articles/seed.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    /** Test data made through the public API; names are unique per run so other tests' data never interferes. */
    record Fixture(String countryName, String countrySlug, String countryAlias, String personName, String personSlug,
                   String meetingTitle, String meetingQuote, String meetingUrl, String treatyTitle) {

        static Fixture create() {
            String tag = UUID.randomUUID().toString().substring(0, 6);
            String countryName = "Veldoria " + tag;
            String countryAlias = "Veldorian " + tag;
            String personName = "Anika Marr " + tag;
            String country = createActor(countryName, "country", List.of(countryAlias));
            String person = createActor(personName, "person", List.of());
            String meetingTitle = personName + " meets the Veldorian cabinet";
            String meetingQuote = "On Friday " + personName + " met the cabinet of Veldoria in its capital.";
            String meetingUrl = "https://news.example/veldoria/" + tag;
            String treatyTitle = "Veldoria " + tag + " signs the river treaty";
            createEvent("meeting", meetingTitle, "2024-09-13", List.of(country, person), meetingUrl, meetingQuote);
            createEvent("agreement_signed", treatyTitle, "2024-06", List.of(country, person), null, null);
            createEvent("statement", "Veldoria " + tag + " issues a statement", "2024-08-02", List.of(country), null, null);
            return new Fixture(countryName, slug(country), countryAlias, personName, slug(person),
                    meetingTitle, meetingQuote, meetingUrl, treatyTitle);
        }

        private static String slug(String created) {
            return created;
        }

        private static String createActor(String name, String kind, List<String> aliases) {
            return given().contentType(ContentType.JSON)
                    .body(Map.of("name", name, "kind", kind, "aliases", aliases))
                    .when().post("/api/v1/actors")
                    .then().statusCode(201)
                    .extract().path("slug");
        }

        private static void createEvent(String type, String title, String date, List<String> actors, String url, String quote) {
            Map<String, Object> event = new java.util.LinkedHashMap<>();
            event.put("type", type);
            event.put("title", title);
            event.put("date", date);
            event.put("participants", actors.stream().map(a -> Map.of("actor", a, "role", "participant")).toList());
            if (quote != null) {
                event.put("sources", List.of(Map.of("url", url, "quote", quote)));
            }
            given().contentType(ContentType.JSON).body(event)
                    .when().post("/api/v1/events")
                    .then().statusCode(201);
        }
    }
}

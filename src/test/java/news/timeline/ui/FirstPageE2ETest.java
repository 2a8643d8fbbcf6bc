package news.timeline.ui;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static news.timeline.support.Api.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The page at {@code /} on first load, in the real Chromium, against a service started on a new, empty database (a
 * profile of its own: the test database is cleaned at each start; no language models, the page needs none here):
 * first the "no data yet" hint with the two commands, then, once events exist, the latest events and the most active
 * actors, each one click from its event or timeline. The search field's placeholder reads as a hint, not a value.
 */
@QuarkusTest
@TestProfile(FirstPageE2ETest.EmptyDatabase.class)
class FirstPageE2ETest {

    public static class EmptyDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("timeline.extraction.mode", "off");
        }
    }

    static Playwright playwright;
    static Browser browser;

    @TestHTTPResource("/")
    URL root;

    final List<String> pageErrors = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void launchBrowser() throws Exception {
        if (!Files.isExecutable(TimelinePageE2ETest.CHROMIUM)) {
            String how = "no Chromium at " + TimelinePageE2ETest.CHROMIUM + "; to run it: sudo .ci/install-browser, or "
                    + "-De2e.chromium=/path/to/chromium";
            if (TimelinePageE2ETest.browserRequired()) {
                fail("FirstPageE2ETest needs a browser (E2E_REQUIRE_BROWSER=true, as CI runs it): " + how);
            }
            System.out.println("[WARNING] FirstPageE2ETest skipped: " + how);
            Assumptions.abort("FirstPageE2ETest skipped: " + how);
        }
        Files.createDirectories(TimelinePageE2ETest.SHOTS);
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(TimelinePageE2ETest.CHROMIUM).setHeadless(true)
                .setArgs(TimelinePageE2ETest.CHROMIUM_ARGS).setTimeout(60_000));
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

    @Test
    void anEmptyDatabaseSaysHowToFillItThenThePageShowsLatestEventsAndMostActiveActors() {
        given().get("/api/v1/overview").then().statusCode(200)
                .body("counts.events", equalTo(0)).body("counts.actors", equalTo(0)).body("counts.articles", equalTo(0))
                .body("latestEvents", empty()).body("activeActors", empty());

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
            context.setDefaultTimeout(20_000);
            Page page = context.newPage();
            page.onPageError(pageErrors::add);
            page.onConsoleMessage(m -> {
                if ("error".equals(m.type())) {
                    pageErrors.add("console: " + m.text());
                }
            });
            page.navigate(root.toString());

            // nothing held yet: the hint and the two commands, pointing at this service
            Locator noData = page.locator("#no-data");
            assertThat(noData).isVisible();
            assertThat(noData).containsText("No data yet: submit an article or import events.");
            String origin = root.getProtocol() + "://" + root.getAuthority();
            assertThat(page.locator("#no-data-article")).containsText("curl -s -X POST " + origin + "/api/v1/articles");
            assertThat(page.locator("#no-data-import")).containsText(origin + "/api/v1/imports/events");
            assertThat(page.locator("#overview-lists")).isHidden();

            // the placeholder is a hint: no example name that could pass for a typed value, set in grey italics
            Locator search = page.getByLabel("Find an actor by name or alias");
            assertThat(search).hasValue("");
            assertThat(search).hasAttribute("placeholder", "Type a name or alias");
            Object placeholder = search.evaluate("""
                    e => { const p = getComputedStyle(e, '::placeholder'), v = getComputedStyle(e);
                           return [p.fontStyle, p.color, v.color]; }""");
            @SuppressWarnings("unchecked") List<String> style = new ArrayList<>((List<String>) placeholder);
            assertThat(style.get(0)).isEqualTo("italic");
            assertThat(style.get(1)).as("placeholder colour against a typed value's").isNotEqualTo(style.get(2));
            page.screenshot(new Page.ScreenshotOptions().setPath(TimelinePageE2ETest.SHOTS.resolve("first-load-empty.png")));

            // data arrives: Tamsin takes part in three events, Oren in one; a rejected event is no "latest event"
            String tamsin = actor("Tamsin Vale", "person");
            String oren = actor("Oren Pask", "person");
            event("Tamsin Vale opens the harbour", "2024-03-02", "extracted", tamsin);
            event("Tamsin Vale meets Oren Pask", "2024-05-20", "confirmed", tamsin, oren);
            event("Tamsin Vale addresses the assembly", "2024-04-11", "extracted", tamsin);
            event("A rumour nobody reported", "2024-12-31", "rejected", oren);

            page.reload();
            assertThat(page.locator("#overview-lists")).isVisible();
            assertThat(noData).isHidden();
            assertThat(page.locator("#overview-status")).containsText("The database holds 3 events, 2 actors and 0 articles");
            Locator latest = page.locator("#latest-events li .event-title");
            assertThat(latest).hasText(new String[] {"Tamsin Vale meets Oren Pask", "Tamsin Vale addresses the assembly",
                    "Tamsin Vale opens the harbour"});
            Locator active = page.locator("#active-actors li");
            assertThat(active).hasCount(2);
            assertThat(active.nth(0)).containsText("Tamsin Vale");
            assertThat(active.nth(0)).containsText("3 events");
            assertThat(active.nth(1)).containsText("Oren Pask");
            assertThat(active.nth(1)).containsText("1 event");
            page.screenshot(new Page.ScreenshotOptions().setPath(TimelinePageE2ETest.SHOTS.resolve("first-load.png")));

            // a latest event opens its detail; the most active actor opens its timeline, and the overview steps aside
            latest.first().click();
            assertThat(page.locator("#event-detail .event-title")).hasText("Tamsin Vale meets Oren Pask");
            active.nth(0).locator("button").click();
            assertThat(page.locator("#selected-actors .chip")).hasCount(1);
            assertThat(page.locator("#timeline-status")).containsText("3 events for Tamsin Vale");
            assertThat(page.locator("#overview")).isHidden();
            // with nothing selected again, the overview is back
            page.locator("#selected-actors .chip button").click();
            assertThat(page.locator("#overview")).isVisible();
            assertThat(latest).hasCount(3);

            assertThat(page.locator("body").innerText()).doesNotContain("undefined").doesNotContain("NaN")
                    .doesNotContain("[object Object]");
        }
        assertThat(pageErrors).as("script errors on the page").isEmpty();
    }

    private static String actor(String name, String kind) {
        return post("/api/v1/actors", Map.of("name", name, "kind", kind)).statusCode(201).extract().path("id");
    }

    private static void event(String title, String date, String status, String... actors) {
        post("/api/v1/events", Map.of("type", "meeting", "title", title, "date", date, "status", status,
                "participants", java.util.Arrays.stream(actors).map(a -> Map.of("actor", a, "role", "participant")).toList()))
                .statusCode(201);
    }
}

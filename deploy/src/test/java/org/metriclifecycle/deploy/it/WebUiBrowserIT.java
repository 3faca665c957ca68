package org.metriclifecycle.deploy.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.metriclifecycle.deploy.support.Chromium;
import org.metriclifecycle.deploy.support.PackagedService;
import org.metriclifecycle.deploy.support.PageChecks;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.WaitForSelectorState;

/**
 * The web page in a real browser (Debian's chromium) against the packaged service on its embedded default (H2,
 * HTTP Basic with the demo users): a lead proposes a metric, links a hypothesis and records a supporting
 * correlation while a board in another tab follows live; the detail's timeline and as-of control; a shadow check
 * opened and concluded through the detail's forms and counted on the board's card; what each role
 * is offered; accessibility; screenshots at 1280 and 390 px under target/screenshots/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebUiBrowserIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final double LIVE_PATIENCE_MS = 10_000;
    private static final String PROVOKED = "Failed to load resource: the server responded with a status of 400";

    private PackagedService service;
    private Playwright playwright;
    private Browser browser;
    private final List<BrowserContext> contexts = new ArrayList<>();
    private final List<String> consoleErrors = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        Chromium.assumeInstalled();
        Files.createDirectories(SCREENSHOTS);
        service = new PackagedService(Map.of(
                "metrics.db", "h2",
                "metrics.data-dir", Path.of("target", "web-it-" + UUID.randomUUID()).toAbsolutePath().toString()),
                Path.of("target", "web-it", "service.log")).start();
        playwright = Chromium.playwright();
        browser = Chromium.launch(playwright);
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (service != null) {
            service.stop();
        }
    }

    @AfterEach
    void closeContexts() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
        // A CSP violation or a script error shows up here, on any page of the test.
        assertThat(consoleErrors).as("browser console errors").isEmpty();
    }

    @Test
    void aLeadValidatesAMetricWhileTheBoardFollowsLive() throws Exception {
        BrowserContext lena = signIn("lena", 1280);
        Page board = lena.newPage();
        board.navigate(service.baseUrl() + "/ui/board?team=search");
        waitUntilLive(board);
        // Set once: a reload would lose it, so it proves every later change arrived without one.
        board.evaluate("() => window.sameDocument = true");

        // The API's own validation messages appear next to the fields they name.
        board.click("#propose button[type=submit]");
        assertThat(text(board, "#propose-name-error")).isNotBlank();
        assertThat(board.getAttribute("#propose-name", "aria-invalid")).isEqualTo("true");

        String name = "answer groundedness " + UUID.randomUUID().toString().substring(0, 8);
        board.fill("#propose-name", name);
        board.fill("#propose-validFor", "English support chat");
        board.click("#propose button[type=submit]");
        Locator created = board.locator("#propose [data-new-metric]");
        created.waitFor();
        String metricId = created.getAttribute("data-new-metric");
        cardIn(board, "PROPOSED", metricId).waitFor();

        Page detail = lena.newPage();
        detail.navigate(service.baseUrl() + "/ui/metrics/" + metricId);
        waitUntilLive(detail);
        detail.fill("#link-outcome", "user-reported errors");
        detail.fill("#link-statement", "correlates at r >= 0.6 with answers users rate as grounded");
        detail.selectOption("#link-direction", "POSITIVE");
        detail.fill("#link-minCorrelation", "1.5");
        detail.fill("#link-minSampleSize", "500");
        detail.click("#link button[type=submit]");
        assertThat(text(detail, "#link-minCorrelation-error")).isNotBlank();
        detail.fill("#link-minCorrelation", "0.6");
        detail.click("#link button[type=submit]");
        detail.locator("#link [data-form-status][data-state=ok]").waitFor();
        cardIn(board, "LINKED", metricId).waitFor(live());

        // The correlation form lists the hypothesis once the actions have been re-read.
        detail.locator("#correlate-hypothesisId option").first().waitFor(
                new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));
        detail.fill("#correlate-coefficient", "0.72");
        detail.fill("#correlate-sampleSize", "800");
        // A period ending today (UTC): older evidence may already be past its revalidation due date (409).
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        detail.fill("#correlate-periodStart", today.minusDays(30).toString());
        detail.fill("#correlate-periodEnd", today.toString());
        detail.fill("#correlate-source", "eval-pipeline");
        detail.click("#correlate button[type=submit]");
        assertThat(text(detail, "#correlate [data-form-status]")).contains("SUPPORTED");

        cardIn(board, "VALIDATED", metricId).waitFor(live());
        assertThat(board.evaluate("() => window.sameDocument === true")).as("the board never reloaded").isEqualTo(true);
        assertThat(text(board, "[data-metric-id='" + metricId + "']")).contains("lena").contains("1.0")
                .contains("to revalidation").contains("r = 0.72");
        detail.locator("[data-testid=metric-status]:text('VALIDATED')").waitFor(live());
        shoot(board, "board-1280");

        // The timeline: who, when, why, before -> after; and the evidence plot with a titled point per correlation.
        detail.reload();
        assertThat(detail.locator(".timeline .event").count()).isEqualTo(3);
        Locator validated = detail.locator(".timeline .event[data-type=CorrelationRecorded]");
        validated.locator("summary").click();
        assertThat(text(validated.locator("table.changes"), "tbody")).contains("LINKED").contains("VALIDATED");
        assertThat(validated.textContent()).contains("lena");
        Locator point = detail.locator("svg.evidence-plot path.point.supported");
        assertThat(point.count()).isEqualTo(1);
        assertThat(point.locator("title").textContent()).contains("r = 0.72").contains("SUPPORTED");
        PageChecks.accessible(detail);
        shoot(detail, "metric-1280");

        // The as-of control: today's date shows every event and offers no forms for a past state.
        detail.fill("#asOf", LocalDate.now(ZoneOffset.UTC).toString());
        detail.click(".asof-form button[type=submit]");
        detail.locator("#asof-notice").waitFor();
        assertThat(detail.locator("form.api-form").count()).isZero();
        // The instant the hypothesis was linked: the metric was LINKED then, and one later event is not shown.
        String linkedAt = detail.getAttribute(".timeline .event[data-type=HypothesisLinked] time", "datetime");
        detail.navigate(service.baseUrl() + "/ui/metrics/" + metricId + "?asOf=" + linkedAt);
        assertThat(text(detail, "[data-testid=metric-status]")).isEqualTo("LINKED");
        assertThat(detail.locator(".timeline .event").count()).isEqualTo(2);
        assertThat(text(detail, "#asof-notice")).contains("1 later event is not shown");
        detail.click("text=Back to now");
        assertThat(text(detail, "[data-testid=metric-status]")).isEqualTo("VALIDATED");

        // A shadow check, opened before the change ships and concluded with the outcome's move through the page's
        // forms; the detail lists it and the board's card counts it, live.
        waitUntilLive(detail);
        detail.fill("#shadow-change", "retrieval prompt v2");
        detail.fill("#shadow-evalDelta", "0.04");
        detail.click("#shadow button[type=submit]");
        detail.locator("#shadow [data-form-status][data-state=ok]").waitFor();
        Locator check = detail.locator("#conclude-checkId option").first();
        check.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));
        assertThat(check.textContent()).contains("retrieval prompt v2: eval +0.04")
                .contains("confirmed if user-reported errors rises");
        String checkId = check.getAttribute("value");
        detail.locator("#metric-sections tr[data-check-id='" + checkId + "'] .check-state.open").waitFor(live());
        detail.fill("#conclude-outcomeDelta", "0.02");
        detail.fill("#conclude-sampleSize", "0");
        detail.click("#conclude button[type=submit]");
        assertThat(text(detail, "#conclude-sampleSize-error")).isNotBlank();
        detail.fill("#conclude-sampleSize", "800");
        detail.fill("#conclude-note", "two days of production traffic");
        detail.click("#conclude button[type=submit]");
        detail.locator("#metric-sections tr[data-check-id='" + checkId + "'] .check-state.confirmed").waitFor(live());
        assertThat(text(detail, ".summary .track-record")).startsWith("1 confirmed, 0 diverged, 0 open, 0 expired")
                .contains("false-positive rate 0;").contains("last confirmed");
        // Nothing is left to conclude, so the form is gone.
        detail.locator("#conclude").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED));
        board.locator("[data-metric-id='" + metricId + "'] .track-record:has-text('1 confirmed')").waitFor(live());
        shoot(detail, "metric-shadow-check-1280");

        Page team = lena.newPage();
        team.navigate(service.baseUrl() + "/ui/teams/search");
        assertThat(text(team, "#gauge-text")).contains("of").contains("8");
        team.fill("#budget-coreMetricLimit", "0");
        team.click("#budget button[type=submit]");
        assertThat(text(team, "#budget-coreMetricLimit-error")).isNotBlank();
        assertThat(team.locator("a[href='/api/v1/teams/search/review?format=md']").count()).isEqualTo(1);
        // Rotation times are typed in local time and sent as instants.
        LocalDateTime tomorrow = LocalDateTime.now().plusDays(1).truncatedTo(ChronoUnit.MINUTES);
        team.fill("#rotation-members", "lena, carl");
        team.fill("#rotation-startsAt", tomorrow.toString());
        team.click("#rotation button[type=submit]");
        team.locator("#team-sections strong:text('lena, carl')").waitFor(live());
        team.fill("#override-member", "lena");
        team.fill("#override-replacement", "carl");
        team.fill("#override-from", tomorrow.plusDays(1).toString());
        team.fill("#override-to", tomorrow.plusDays(3).toString());
        team.click("#override button[type=submit]");
        team.locator("#team-sections li:text('carl stands in for lena')").waitFor(live());
        PageChecks.accessible(team);
        shoot(team, "team-1280");
        PageChecks.accessible(board);

        BrowserContext phone = signIn("lena", 390);
        for (String[] page : new String[][] {{"/ui/board?team=search", "board-390"},
                {"/ui/metrics/" + metricId, "metric-390"}, {"/ui/teams/search", "team-390"}}) {
            Page small = phone.newPage();
            small.navigate(service.baseUrl() + page[0]);
            PageChecks.accessible(small);
            shoot(small, page[1]);
        }
    }

    @Test
    void eachRoleIsOfferedOnlyWhatItMayDo() {
        Page lead = signIn("lena", 1280).newPage();
        lead.navigate(service.baseUrl() + "/ui/board");
        lead.fill("#propose-name", "passes held-out unit tests");
        lead.click("#propose button[type=submit]");
        String metricId = lead.locator("#propose [data-new-metric]").getAttribute("data-new-metric");
        String detail = service.baseUrl() + "/ui/metrics/" + metricId;

        Page contributor = signIn("carl", 1280).newPage();
        contributor.navigate(detail);
        assertThat(formsOn(contributor)).containsExactlyInAnyOrder("link", "revise", "blind-spot");

        Page pipeline = signIn("pipe", 1280).newPage();
        pipeline.navigate(detail);
        // No hypothesis yet, so nothing to record a correlation for.
        assertThat(formsOn(pipeline)).isEmpty();

        lead.navigate(detail);
        assertThat(formsOn(lead)).contains("link", "revise", "blind-spot", "owner", "deprecate");

        // The lead's other forms, end to end: revision deltas are typed one per line.
        lead.fill("#revise-version", "1.1");
        lead.fill("#revise-changeNote", "count partial answers as failures");
        lead.fill("#revise-deltas", "baseline 0.62 0.71\nnot a delta");
        lead.click("#revise button[type=submit]");
        assertThat(text(lead, "#revise-deltas-error")).contains("line 2");
        lead.fill("#revise-deltas", "baseline 0.62 0.71\ncandidate 0.80 0.75");
        lead.click("#revise button[type=submit]");
        lead.locator(".deltas li:text('baseline: 0.62 → 0.71 (+0.09)')").waitFor();
        lead.fill("#blind-spot-failureMode", "sarcastic answers");
        lead.fill("#blind-spot-description", "users flagged sarcasm the metric scored as grounded");
        lead.click("#blind-spot button[type=submit]");
        lead.locator(".blind-spots h3:text('sarcastic answers')").waitFor();
        lead.fill("#owner-owner", "carl");
        lead.fill("#owner-reason", "carl runs the eval now");
        lead.click("#owner button[type=submit]");
        lead.locator(".timeline .event[data-type=OwnerChanged]").waitFor();
        lead.fill("#deprecate-reason", "superseded by a human-rated eval");
        lead.click("#deprecate button[type=submit]");
        lead.locator("[data-testid=metric-status]:text('DEPRECATED')").waitFor();
        lead.reload();
        assertThat(formsOn(lead)).as("a deprecated metric offers nothing").isEmpty();

        Page viewer = signIn("vera", 1280).newPage();
        for (String path : List.of("/ui/board", "/ui/metrics/" + metricId, "/ui/teams/search")) {
            viewer.navigate(service.baseUrl() + path);
            assertThat(formsOn(viewer)).as("forms for a viewer on %s", path).isEmpty();
            PageChecks.accessible(viewer);
        }
    }

    private BrowserContext signIn(String user, int width) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setHttpCredentials(user, user)
                .setViewportSize(width, 900));
        context.setDefaultTimeout(15_000);
        context.onPage(page -> {
            page.onConsoleMessage(message -> {
                // The tests provoke 400 answers on purpose; chromium logs each. Anything else is a fault.
                if ("error".equals(message.type()) && !message.text().startsWith(PROVOKED)) {
                    consoleErrors.add(page.url() + ": " + message.text());
                }
            });
            page.onPageError(error -> consoleErrors.add(page.url() + ": " + error));
        });
        contexts.add(context);
        return context;
    }

    private static void waitUntilLive(Page page) {
        page.locator("#live-status[data-state=live]").waitFor();
    }

    private static Locator cardIn(Page board, String status, String metricId) {
        return board.locator(".column[data-status=" + status + "] [data-metric-id='" + metricId + "']");
    }

    private static Locator.WaitForOptions live() {
        return new Locator.WaitForOptions().setTimeout(LIVE_PATIENCE_MS);
    }

    private static String text(Page page, String selector) {
        Locator element = page.locator(selector).first();
        element.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));
        // Messages appear after the answer arrives: wait for some text rather than read an empty slot.
        page.waitForCondition(() -> !element.textContent().isBlank());
        return element.textContent().strip();
    }

    private static String text(Locator scope, String selector) {
        return scope.locator(selector).first().textContent().strip();
    }

    @SuppressWarnings("unchecked")
    private static List<String> formsOn(Page page) {
        return (List<String>) page.evaluate("() => Array.from(document.querySelectorAll('form.api-form')).map(f => f.id)");
    }

    private static void shoot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }
}

package org.metriclifecycle.deploy.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Page;

/**
 * Basic accessibility checks a page must pass in the browser: a language, the landmarks (banner, navigation,
 * main), one h1 and no skipped heading level, a label for every form control, a name for every image, text
 * contrast of at least 4.5:1 (WCAG AA) for the main colour pairs, and no horizontal scrolling at the viewport's
 * width.
 */
public final class PageChecks {

    private PageChecks() {
    }

    public static void accessible(Page page) {
        assertThat(page.getAttribute("html", "lang")).as("html lang").isNotBlank();
        assertThat(page.locator("header").count()).as("header landmark").isEqualTo(1);
        assertThat(page.locator("nav").count()).as("nav landmark").isGreaterThanOrEqualTo(1);
        assertThat(page.locator("main").count()).as("main landmark").isEqualTo(1);

        @SuppressWarnings("unchecked")
        List<Object> levels = (List<Object>) page.evaluate(
                "() => Array.from(document.querySelectorAll('h1,h2,h3,h4,h5,h6')).map(h => Number(h.tagName[1]))");
        assertThat(levels).as("headings").isNotEmpty();
        assertThat(((Number) levels.get(0)).intValue()).as("first heading is the h1").isEqualTo(1);
        assertThat(levels.stream().filter(level -> ((Number) level).intValue() == 1).count()).as("one h1").isEqualTo(1);
        for (int i = 1; i < levels.size(); i++) {
            int previous = ((Number) levels.get(i - 1)).intValue();
            int current = ((Number) levels.get(i)).intValue();
            assertThat(current).as("heading %d (h%d after h%d) skips no level", i, current, previous)
                    .isLessThanOrEqualTo(previous + 1);
        }

        @SuppressWarnings("unchecked")
        List<String> unlabelled = (List<String>) page.evaluate("() => Array.from(document.querySelectorAll("
                + "'input:not([type=hidden]), select, textarea')).filter(c => c.labels.length === 0"
                + " && !c.getAttribute('aria-label') && !c.getAttribute('aria-labelledby')).map(c => c.id || c.name)");
        assertThat(unlabelled).as("form controls without a label").isEmpty();

        @SuppressWarnings("unchecked")
        List<String> unnamedImages = (List<String>) page.evaluate("() => Array.from(document.querySelectorAll("
                + "'img, [role=img]')).filter(i => !i.getAttribute('alt') && !i.getAttribute('aria-label')"
                + " && !i.getAttribute('aria-labelledby')).map(i => i.outerHTML.slice(0, 80))");
        assertThat(unnamedImages).as("images without a name").isEmpty();

        @SuppressWarnings("unchecked")
        Map<String, Object> contrast = (Map<String, Object>) page.evaluate(CONTRAST);
        contrast.forEach((pair, ratio) -> assertThat(((Number) ratio).doubleValue())
                .as("contrast of %s", pair).isGreaterThanOrEqualTo(4.5));

        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        assertThat(((Number) overflow).intValue()).as("horizontal overflow in px").isLessThanOrEqualTo(0);
    }

    /** WCAG 2 contrast ratios of the computed colours of the page's main text/background pairs. */
    private static final String CONTRAST = """
            () => {
              const rgb = c => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
              const lum = c => { const [r, g, b] = rgb(c).map(v => { v /= 255;
                  return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
                  return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
              const ratio = (f, b) => { const [x, y] = [lum(f), lum(b)].sort((p, q) => q - p);
                  return (x + 0.05) / (y + 0.05); };
              const style = sel => { const e = document.querySelector(sel); return e ? getComputedStyle(e) : null; };
              const pairs = {};
              const body = style('body');
              pairs['body text'] = ratio(body.color, body.backgroundColor);
              const link = style('main a');
              if (link) pairs['link'] = ratio(link.color, body.backgroundColor);
              const muted = style('.hint, .muted');
              if (muted) pairs['hint on white'] = ratio(muted.color, body.backgroundColor);
              const header = style('.site-header');
              pairs['header text'] = ratio(body.color, header.backgroundColor);
              const button = style('button');
              if (button) pairs['button'] = ratio(button.color, button.backgroundColor);
              const error = style('.field-error');
              if (error) pairs['field error'] = ratio(error.color, body.backgroundColor);
              return pairs;
            }
            """;
}

package org.metriclifecycle.deploy.api;

import java.text.Normalizer;

/**
 * SPEC's text rules ("Security"): text is trimmed and NFC-normalized; lone surrogates, control characters other
 * than tab and line breaks, and bidirectional overrides and isolates (U+202A..U+202E, U+2066..U+2069, which can
 * make a name read differently from what it is) are refused.
 */
final class TextRules {

    private TextRules() {
    }

    static String normalize(String raw) {
        return Normalizer.normalize(raw.strip(), Normalizer.Form.NFC);
    }

    /** What is wrong with the text, or null when nothing is. Checked before normalizing: NFC would hide nothing. */
    static String refusal(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                return String.format("must not contain a lone surrogate (U+%04X)", (int) c);
            }
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                return String.format("must not contain control characters (U+%04X)", (int) c);
            }
            if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
                return String.format("must not contain bidirectional overrides or isolates (U+%04X)", (int) c);
            }
        }
        return null;
    }

    /** Whether the text shows nothing: only white space, format characters (zero-width ones, U+FEFF) and fillers. */
    static boolean isInvisible(String text) {
        return text.codePoints().allMatch(TextRules::invisible);
    }

    private static boolean invisible(int cp) {
        int type = Character.getType(cp);
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || type == Character.FORMAT
                || type == Character.CONTROL || type == Character.NON_SPACING_MARK && cp == 0x034F
                || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0 || cp == 0x2800;
    }
}

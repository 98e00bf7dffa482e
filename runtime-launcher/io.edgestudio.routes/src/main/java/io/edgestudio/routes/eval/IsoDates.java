package io.edgestudio.routes.eval;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the JSON strings that Newtonsoft.Json turns into dates while edgeHub parses a body: ISO 8601
 * date-times ({@code 2017-03-09T00:00:00.000Z}) and {@code /Date(ticks)/}. edgeHub then sees a date, not a string,
 * and a body query on it is undefined; we reproduce that so routes behave as on a device.
 */
final class IsoDates {

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})(\\.\\d+)?(Z|[+-]\\d{2}(:?\\d{2})?)?");
    private static final Pattern MICROSOFT = Pattern.compile("/Date\\(-?\\d+([+-]\\d{4})?\\)/");

    private IsoDates() {
    }

    static boolean looksLikeDate(String s) {
        if (s.length() >= 9 && s.charAt(0) == '/') {
            return MICROSOFT.matcher(s).matches();
        }
        if (s.length() < 19 || s.length() > 40 || !Character.isDigit(s.charAt(0)) || s.charAt(10) != 'T') {
            return false;
        }
        Matcher iso = ISO.matcher(s);
        return iso.matches() && valid(iso);
    }

    private static boolean valid(Matcher iso) {
        try {
            LocalDateTime.of(group(iso, 1), group(iso, 2), group(iso, 3), group(iso, 4), group(iso, 5), group(iso, 6));
            return true;
        } catch (DateTimeException invalid) {
            return false;
        }
    }

    private static int group(Matcher matcher, int group) {
        return Integer.parseInt(matcher.group(group));
    }
}

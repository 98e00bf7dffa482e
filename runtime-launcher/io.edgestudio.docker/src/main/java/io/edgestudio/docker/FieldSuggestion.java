package io.edgestudio.docker;

import java.util.Collection;

/** Suggests the known field a mistyped createOptions field name was probably meant to be. */
final class FieldSuggestion {

    private static final int MAX_DISTANCE = 2;

    private FieldSuggestion() {
    }

    /** @return {@code " (did you mean \"X\"?)"} for a close known name, else an empty string */
    static String forName(String unknown, Collection<Object> known) {
        String best = null;
        int bestDistance = MAX_DISTANCE + 1;
        for (Object candidate : known) {
            int distance = distance(unknown.toLowerCase(), candidate.toString().toLowerCase());
            if (distance < bestDistance) {
                best = candidate.toString();
                bestDistance = distance;
            }
        }
        return best == null ? "" : " (did you mean \"" + best + "\"?)";
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}

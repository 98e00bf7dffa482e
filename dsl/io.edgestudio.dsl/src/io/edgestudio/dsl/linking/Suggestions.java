package io.edgestudio.dsl.linking;

import java.util.Optional;

/**
 * Picks the known name closest to a misspelt one, for "did you mean" hints.
 */
public final class Suggestions {

	private Suggestions() {
	}

	/**
	 * The candidate with the smallest edit distance to {@code wrong}, ignoring case, if it is close
	 * enough to be a plausible typo (at most a third of the name, and at least 2 edits allowed).
	 */
	public static Optional<String> closest(String wrong, Iterable<String> candidates) {
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		for (String candidate : candidates) {
			int d = distance(wrong.toLowerCase(), candidate.toLowerCase());
			if (d < bestDistance) {
				best = candidate;
				bestDistance = d;
			}
		}
		int allowed = Math.max(2, wrong.length() / 3);
		return bestDistance <= allowed ? Optional.ofNullable(best) : Optional.empty();
	}

	/** Levenshtein distance. */
	static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
				current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}
}

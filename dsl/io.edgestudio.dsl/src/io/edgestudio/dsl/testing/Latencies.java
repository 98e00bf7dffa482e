package io.edgestudio.dsl.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Test support: the one line the latency benchmarks print for a series of timings. */
public final class Latencies {

	private Latencies() {
	}

	/** {@code p50 N ms, p90 N ms, max N ms} of at least one timing in milliseconds. */
	public static String summary(List<Long> millis) {
		List<Long> sorted = new ArrayList<>(millis);
		Collections.sort(sorted);
		return String.format("p50 %d ms, p90 %d ms, max %d ms", sorted.get(sorted.size() / 2),
				sorted.get((int) Math.ceil(sorted.size() * 0.9) - 1), sorted.get(sorted.size() - 1));
	}
}

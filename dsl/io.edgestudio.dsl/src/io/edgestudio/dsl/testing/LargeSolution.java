package io.edgestudio.dsl.testing;

/**
 * Test support: the 1,978-line solution the edit latency benchmarks type into, the same text for the language
 * alone and for the editor in a workbench, so that their numbers compare. A message type, a ring of 48 modules
 * (the runtime allows at most 50 custom modules) with 32 settings each, and a route from each module to the next.
 */
public final class LargeSolution {

	private static final int MODULES = 48;
	private static final int SETTINGS_PER_MODULE = 32;

	private LargeSolution() {
	}

	/** The solution's text. */
	public static String text() {
		StringBuilder text = new StringBuilder("""
				solution Large {
				    device "large-dev"
				}

				message Reading {
				    value: double unit "V"
				    timeCreated: datetime
				}

				""");
		for (int i = 0; i < MODULES; i++) {
			text.append("""
					/** Stage %1$d of the pipeline. */
					module M%1$d {
					    image "registry.local/stage:%1$d.0"
					    input in: Reading
					    output out: Reading
					    restartPolicy always
					""".formatted(i));
			for (int k = 0; k < SETTINGS_PER_MODULE; k++) {
				text.append("    env SETTING_%d = \"%d\"\n".formatted(k, k * i));
			}
			text.append("}\n\n");
		}
		for (int i = 0; i < MODULES; i++) {
			text.append("route R%d: M%d.out -> M%d.in\n".formatted(i, i, (i + 1) % MODULES));
		}
		return text.toString();
	}

	/**
	 * Where the benchmarks edit: the offset of {@code in}, the input of the last route; typing {@code ix} over it
	 * names an input M0 does not have (one error), typing {@code in} back clears it.
	 */
	public static int lastRouteInput(String text) {
		return text.lastIndexOf("-> M0.in") + "-> M0.".length();
	}
}

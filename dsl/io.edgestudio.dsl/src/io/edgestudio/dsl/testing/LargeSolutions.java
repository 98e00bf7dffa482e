package io.edgestudio.dsl.testing;

/**
 * Test support: the large solutions the benchmarks read, built in one place so that the benchmarks of the
 * language alone, of the editor in a workbench and of {@code edge validate} measure the same texts. Each starts
 * with the solution block and the message type {@code Reading} every port carries.
 */
public final class LargeSolutions {

	private static final int RING_MODULES = 48; // the runtime allows at most 50 custom modules
	private static final int SETTINGS_PER_MODULE = 32;
	private static final int CHAIN_MODULES = 50;
	private static final int PORTS_PER_MODULE = 6;

	private LargeSolutions() {
	}

	/**
	 * The 1,978-line solution the edit latency benchmarks type into: a ring of 48 modules with 32 settings each,
	 * and a route from each module's output to the next one's input.
	 */
	public static String ring() {
		StringBuilder text = preamble();
		for (int i = 0; i < RING_MODULES; i++) {
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
		for (int i = 0; i < RING_MODULES; i++) {
			text.append("route R%d: M%d.out -> M%d.in\n".formatted(i, i, (i + 1) % RING_MODULES));
		}
		return text.toString();
	}

	/**
	 * Where the edit latency benchmarks type in the {@link #ring()}: the offset of {@code in}, the input of the
	 * last route. Typing {@code ix} over it names an input M0 does not have (one error); {@code in} clears it.
	 */
	public static int lastRouteInput(String ring) {
		return ring.lastIndexOf("-> M0.in") + "-> M0.".length();
	}

	/**
	 * The 50-module / 300-route solution the validate benchmark reads: a chain of modules with 6 inputs and 6
	 * outputs each, every output routed to the same-numbered input of the next module (the last to the cloud),
	 * every other route with a condition.
	 */
	public static String chain() {
		StringBuilder text = preamble();
		for (int m = 0; m < CHAIN_MODULES; m++) {
			text.append("module M").append(m).append(" {\n    image \"registry.local/stage:").append(m).append(".0\"\n");
			for (int p = 0; p < PORTS_PER_MODULE; p++) {
				text.append("    input in").append(p).append(": Reading\n");
				text.append("    output out").append(p).append(": Reading\n");
			}
			text.append("}\n\n");
		}
		for (int m = 0; m < CHAIN_MODULES; m++) {
			for (int p = 0; p < PORTS_PER_MODULE; p++) {
				String sink = m + 1 < CHAIN_MODULES ? "M" + (m + 1) + ".in" + p : "$upstream";
				text.append("route R").append(m).append('_').append(p).append(": M").append(m).append(".out").append(p)
						.append(" -> ").append(sink);
				text.append(p % 2 == 0 ? " where \"$body.value > " + p + "\"\n" : "\n");
			}
		}
		return text.toString();
	}

	private static StringBuilder preamble() {
		return new StringBuilder("""
				solution Large {
				    device "large-dev"
				}

				message Reading {
				    value: double unit "V"
				    timeCreated: datetime
				}

				""");
	}
}

package io.edgestudio.dsl.generator.java;

import io.edgestudio.dsl.edge.Module;

/**
 * The twin part of a module's plumbing, empty for a module without a twin: the desired properties in
 * effect, applying a typed patch and reporting it back, typed reported properties, and the SDK wiring.
 */
final class PlumbingTwin {

	private PlumbingTwin() {
	}

	static String field(Module module) {
		return module.getTwin() == null ? "" : "\tprivate volatile %s.Desired desired = %s.Desired.DEFAULTS;\n\tprivate int desiredVersion = -1;\n"
				.formatted(twin(module), twin(module));
	}

	static String methods(Module module) {
		return module.getTwin() == null ? "" : """

					/** The desired properties in effect: the twin schema's defaults with every update applied. */
					public %s.Desired desired() {
						return desired;
					}

					/**
					 * Applies a desired-properties patch (unknown members and {@code $version} ignored), tells the
					 * handler, and reports the applied members back so the cloud sees them taken.
					 */
					public synchronized void applyDesired(Map<String, Object> patch) throws Exception {
						%s.Desired update = JSON.convertValue(patch, %s.Desired.class);
						desired = desired.merge(update);
						handler.onDesiredChanged(desired);
						hub.report(JSON.convertValue(update, PROPERTIES));
					}

					/**
					 * Applies desired properties from edgeHub, the section read at start or a patch pushed since, which
					 * can arrive in either order: one whose {@code $version} is not newer than the last applied is skipped.
					 */
					synchronized void applyDesired(Map<String, Object> properties, Integer version) throws Exception {
						if (version != null) {
							if (version <= desiredVersion) {
								return;
							}
							desiredVersion = version;
						}
						applyDesired(properties);
					}

					/** Reports properties on the module twin; null members are left out. */
					public void report(%s.Reported reported) throws Exception {
						hub.report(JSON.convertValue(reported, PROPERTIES));
					}

					private void applyDesiredLogged(TwinCollection patch) {
						try {
							applyDesired(patch, patch.getVersion());
						} catch (Exception e) {
							LOG.log(System.Logger.Level.ERROR, "desired properties not applied", e);
						}
					}
				""".formatted(twin(module), twin(module), twin(module), twin(module));
	}

	static String subscribe(Module module) {
		return module.getTwin() == null ? "" : """
						// desired properties are applied one at a time, in the order they arrive, on a thread of their
						// own: the SDK's threads never wait for the handler or a report (they deliver the report's answer)
						java.util.concurrent.ExecutorService desiredUpdates = java.util.concurrent.Executors.newSingleThreadExecutor(
								task -> Thread.ofPlatform().daemon().name("desired-properties").unstarted(task));
						client.subscribeToDesiredProperties((twin, context) -> {
							TwinCollection patch = twin.getDesiredProperties();
							desiredUpdates.execute(() -> module.applyDesiredLogged(patch));
						}, null);
						TwinCollection current = client.getTwin().getDesiredProperties();
						desiredUpdates.execute(() -> module.applyDesiredLogged(current));
				""";
	}

	private static String twin(Module module) {
		return JavaNames.type(module.getTwin().getName());
	}
}

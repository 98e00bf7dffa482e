package io.edgestudio.dsl.generator.java;

/** A solution using every construct the Java skeletons map: enums, lists, optionals, nested messages and twin objects, keywords. */
final class RichSolution {

	static final String TEXT = """
			solution Rich { platform amd64 }

			enum Level { low, high, default }

			message Point { x: double y: double }

			message Sample "A sample with everything" {
				id: long
				ok: bool
				count: int
				name: string
				level: Level
				at: datetime
				points: Point[]
				labels: string[]?
				note: string?
				class: int? "a Java keyword"
			}

			twin Settings {
				desired interval: int = 10 range 1..3600
				desired mode: Level = "high"
				desired since: datetime = "2024-01-01T00:00:00Z"
				desired label: string = "a \\"quoted\\" label"
				desired limits {
					low: double = 0.5
					high: double
					window { seconds: long = 60 }
				}
				reported lastSample: datetime
				reported state { ok: bool }
			}

			module Gauge java {
				input samples: Sample
				input raw
				output forwarded: Sample
				output points: Point
				output anything
				twin Settings
			}
			""";

	private RichSolution() {
	}
}

package io.edgestudio.dsl.generator.java;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgestudio.dsl.generator.TestSolutions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds generated projects with Maven, offline from the local repository: the thermostat's Filter
 * (packaged into its runnable jar) and a module using every mapped construct, both running their
 * generated unit tests, in one reactor build to pay Maven's start-up once; then starts the Filter jar to see
 * how it logs. Uses the Maven of the wrapper ({@code ~/.m2/wrapper/dists/apache-maven-3.9.11/}) on this JVM's JDK.
 */
class GeneratedProjectBuildTest {

	private static final long TIMEOUT_MINUTES = 5;

	@Test
	void generatedProjectsBuildAndPassTheirTests(@TempDir Path dir) throws Exception {
		JavaSkeletonGenerator generator = new JavaSkeletonGenerator();
		generator.generate(JavaSkeletonGeneratorTest.thermostat(), dir);
		generator.generate(TestSolutions.parse(Files.createDirectories(dir.resolve("rich-src")), RichSolution.TEXT), dir);
		Files.writeString(dir.resolve("pom.xml"), """
				<project xmlns="http://maven.apache.org/POM/4.0.0">
				  <modelVersion>4.0.0</modelVersion>
				  <groupId>edgemodules</groupId><artifactId>all</artifactId><version>1</version><packaging>pom</packaging>
				  <modules><module>Filter</module><module>Gauge</module></modules>
				</project>
				""");
		// A fresh machine's local repository lacks what only generated projects use (the SDK's own
		// dependencies, jackson-datatype-jsr310): fetch them first, then prove the build works offline.
		Process prefetch = maven(dir, dir.resolve("prefetch.log"), "-q", "-B", "dependency:go-offline");
		assertThat(prefetch.exitValue()).as(Files.readString(dir.resolve("prefetch.log"))).isZero();
		Path log = dir.resolve("maven.log");
		long start = System.nanoTime();
		Process maven = maven(dir, log, "-o", "-q", "-B", "package");
		long millis = (System.nanoTime() - start) / 1_000_000;
		System.out.printf("GeneratedProjectBuildTest: offline Maven build of Filter and Gauge took %d ms%n", millis);
		assertThat(maven.exitValue()).as(Files.readString(log)).isZero();
		assertThat(dir.resolve("Filter/target/filter.jar")).isRegularFile();
		assertTheModuleLogsThroughSlf4jSimple(dir.resolve("Filter/target/filter.jar"), dir);
		assertThat(Files.readString(dir.resolve("Filter/target/surefire-reports/TEST-filter.FilterModuleTest.xml")))
				.contains("tests=\"5\" errors=\"0\" skipped=\"0\" failures=\"0\"");
		assertThat(Files.readString(dir.resolve("Gauge/target/surefire-reports/TEST-gauge.GaugeModuleTest.xml")))
				.contains("tests=\"8\" errors=\"0\" skipped=\"0\" failures=\"0\"");
	}

	/**
	 * The module jar has a logging binding for the device SDK's slf4j 1.x API (without one slf4j prints that it
	 * falls back to a no-operation logger, and swallows the SDK's warnings and errors) configured at warn.
	 */
	private static void assertTheModuleLogsThroughSlf4jSimple(Path jar, Path dir) throws Exception {
		Path output = dir.resolve("filter-run.log");
		ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
				jar.toString()).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
		builder.environment().keySet().removeIf(name -> name.startsWith("IOTEDGE_") || name.startsWith("EdgeHub")
				|| name.startsWith("EdgeModule"));
		Process module = builder.start();
		if (!module.waitFor(1, TimeUnit.MINUTES)) {
			module.destroyForcibly();
			throw new AssertionError("the module did not stop without its environment: " + Files.readString(output));
		}
		// no IoT Edge environment: the SDK's ModuleClient (whose class sets up its slf4j logger) says what is missing
		assertThat(Files.readString(output)).contains("IOTEDGE_WORKLOADURI is required").doesNotContain("SLF4J");
	}

	/** Runs the wrapper's Maven in {@code dir}, output to {@code log}; fails when it does not finish in time. */
	private static Process maven(Path dir, Path log, String... args) throws Exception {
		List<String> command = new java.util.ArrayList<>(List.of(maven().toString()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command)
				.directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
		Process process = builder.start();
		if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new AssertionError("Maven did not finish within " + TIMEOUT_MINUTES + " minutes: " + command);
		}
		return process;
	}

	/** The wrapper's Maven 3.9.11, wherever the wrapper unpacked it. */
	private static Path maven() throws IOException {
		Path dists = Path.of(System.getProperty("user.home"), ".m2/wrapper/dists/apache-maven-3.9.11");
		try (Stream<Path> dirs = Files.list(dists)) {
			List<Path> found = dirs.map(d -> d.resolve("bin/mvn")).filter(Files::isExecutable).sorted().toList();
			assertThat(found).as("mvn under " + dists).isNotEmpty();
			return found.getFirst();
		}
	}
}

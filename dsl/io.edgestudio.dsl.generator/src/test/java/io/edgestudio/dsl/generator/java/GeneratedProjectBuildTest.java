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
 * generated unit tests, in one reactor build to pay Maven's start-up once. Uses the Maven of the
 * wrapper ({@code ~/.m2/wrapper/dists/apache-maven-3.9.11/}) on this JVM's JDK.
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
		Path log = dir.resolve("maven.log");
		long start = System.nanoTime();
		ProcessBuilder builder = new ProcessBuilder(maven().toString(), "-o", "-q", "-B", "package")
				.directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
		Process maven = builder.start();
		boolean finished = maven.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
		if (!finished) {
			maven.destroyForcibly();
		}
		long millis = (System.nanoTime() - start) / 1_000_000;
		System.out.printf("GeneratedProjectBuildTest: offline Maven build of Filter and Gauge took %d ms%n", millis);
		assertThat(finished).as("Maven finished within %d minutes", TIMEOUT_MINUTES).isTrue();
		assertThat(maven.exitValue()).as(Files.readString(log)).isZero();
		assertThat(dir.resolve("Filter/target/filter.jar")).isRegularFile();
		assertThat(Files.readString(dir.resolve("Filter/target/surefire-reports/TEST-filter.FilterModuleTest.xml")))
				.contains("tests=\"4\" errors=\"0\" skipped=\"0\" failures=\"0\"");
		assertThat(Files.readString(dir.resolve("Gauge/target/surefire-reports/TEST-gauge.GaugeModuleTest.xml")))
				.contains("tests=\"7\" errors=\"0\" skipped=\"0\" failures=\"0\"");
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

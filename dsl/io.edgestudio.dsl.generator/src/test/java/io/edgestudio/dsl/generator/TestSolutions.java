package io.edgestudio.dsl.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the tests find examples/ and shared/, and one loader for all of them (injector creation is slow). */
public final class TestSolutions {

	public static final SolutionLoader LOADER = new SolutionLoader();

	private TestSolutions() {
	}

	public static Path examples() {
		return Path.of(System.getProperty("edge.examples", "../../examples"));
	}

	public static Path shared() {
		return Path.of(System.getProperty("edge.shared", "../../../shared"));
	}

	public static List<Path> exampleDirs() {
		try (Stream<Path> dirs = Files.list(examples())) {
			return dirs.filter(Files::isDirectory).sorted().toList();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A solution from files or directories, asserting it validates without errors. */
	public static EdgeSolution load(Path... paths) {
		SolutionLoader.Loaded loaded = LOADER.load(List.of(paths));
		assertThat(loaded.errors()).as("validation errors").isEmpty();
		return EdgeSolution.of(loaded.resources());
	}

	/** A solution from .edge text written into {@code dir}. */
	public static EdgeSolution parse(Path dir, String text) {
		try {
			Path file = Files.writeString(dir.resolve("test.edge"), text);
			return load(file);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}

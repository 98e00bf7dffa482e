package io.edgestudio.dsl.generator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Writes a module project: regenerated files when their content changed, the user's handler only when it is missing. */
public final class SkeletonFiles {

	private SkeletonFiles() {
	}

	/** Writes {@code plumbing} (relative path → text) and, if absent, the handler into {@code dir}; returns the files generated. */
	public static List<Path> write(Path dir, Map<String, String> plumbing, String handlerPath, String handler) throws IOException {
		List<Path> written = new ArrayList<>();
		for (var file : plumbing.entrySet()) {
			written.add(write(dir.resolve(file.getKey()), file.getValue()));
		}
		Path handlerFile = dir.resolve(handlerPath);
		if (!Files.exists(handlerFile)) {
			written.add(write(handlerFile, handler));
		}
		return written;
	}

	private static Path write(Path file, String text) throws IOException {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		if (!Files.exists(file) || !Arrays.equals(Files.readAllBytes(file), bytes)) {
			Files.createDirectories(file.getParent());
			Files.write(file, bytes);
		}
		return file;
	}
}

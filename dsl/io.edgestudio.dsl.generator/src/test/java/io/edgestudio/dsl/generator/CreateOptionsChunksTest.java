package io.edgestudio.dsl.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgestudio.dsl.edge.Module;
import io.edgestudio.dsl.edge.Platform;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** createOptions split into 512-character chunks createOptions, createOptions01..07. */
class CreateOptionsChunksTest {

	@ParameterizedTest(name = "{0} characters -> {1} chunks")
	@CsvSource({"2, 1", "511, 1", "512, 1", "513, 2", "1024, 2", "1025, 3", "4095, 8", "4096, 8"})
	void splitsAt512Characters(int length, int chunks) {
		String options = "x".repeat(length);
		ObjectNode settings = ManifestJson.object();
		CreateOptionsChunks.put(settings, options, "M");
		List<String> keys = new ArrayList<>();
		settings.fieldNames().forEachRemaining(keys::add);
		assertThat(keys).hasSize(chunks).first().isEqualTo("createOptions");
		StringBuilder joined = new StringBuilder();
		for (int i = 0; i < chunks; i++) {
			String chunk = settings.get(CreateOptionsChunks.key(i)).asText();
			assertThat(chunk.length()).isLessThanOrEqualTo(512);
			joined.append(chunk);
		}
		assertThat(joined).hasToString(options);
	}

	@Test
	void keysAreTwoDigitAndContiguous() {
		assertThat(List.of(0, 1, 2, 7).stream().map(CreateOptionsChunks::key))
				.containsExactly("createOptions", "createOptions01", "createOptions02", "createOptions07");
	}

	@Test
	void moreThanEightChunksIsAnError() {
		assertThatThrownBy(() -> CreateOptionsChunks.put(ManifestJson.object(), "x".repeat(4097), "Big"))
				.isInstanceOf(GeneratorException.class).hasMessageContaining("Big").hasMessageContaining("4097");
	}

	@Test
	void longModuleCreateOptionsAreChunkedInTheManifest(@TempDir Path dir) {
		StringBuilder binds = new StringBuilder();
		for (int i = 0; i < 30; i++) {
			binds.append("    bind \"/var/lib/data/volume-").append(i).append("\" to \"/data/volume-").append(i).append("\" readonly\n");
		}
		EdgeSolution edge = TestSolutions.parse(dir, """
				solution S { }
				module Store { image "busybox:1.36"
				%s}
				""".formatted(binds));
		Module store = edge.modules().getFirst();
		ObjectNode settings = (ObjectNode) ModuleSection.of(store, edge.solution(), new Variant(Platform.AMD64, false)).get("settings");
		String joined = settings.get("createOptions").asText() + settings.get("createOptions01").asText()
				+ (settings.has("createOptions02") ? settings.get("createOptions02").asText() : "");
		assertThat(settings.get("createOptions").asText()).hasSize(512);
		assertThat(joined).startsWith("{\"HostConfig\":{\"Binds\":[\"/var/lib/data/volume-0:/data/volume-0:ro\"")
				.endsWith("\"/var/lib/data/volume-29:/data/volume-29:ro\"]}}");
	}
}

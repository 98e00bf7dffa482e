package io.edgestudio.dsl.generator.importer;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgestudio.dsl.generator.TestSolutions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.IGrammarAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The importer's knowledge of .edge spelling matches the grammar, and names that are keywords round-trip. */
class EdgeSyntaxTest {

	@Test
	void keywordListIsTheGrammars() {
		var grammar = TestSolutions.LOADER.injector().getInstance(IGrammarAccess.class).getGrammar();
		Set<String> words = GrammarUtil.getAllKeywords(grammar).stream().filter(k -> k.matches("[A-Za-z][A-Za-z0-9]*"))
				.collect(Collectors.toSet());
		assertThat(EdgeSyntax.KEYWORDS).containsExactlyInAnyOrderElementsOf(words);
	}

	@Test
	void modulesRoutesAndVariablesNamedLikeKeywordsRoundTrip(@TempDir Path dir) throws IOException {
		String json = """
				{"modulesContent": {
				  "$edgeAgent": {"properties.desired": {"schemaVersion": "1.1",
				    "runtime": {"type": "docker", "settings": {"minDockerVersion": "v1.25", "loggingOptions": "", "registryCredentials": {}}},
				    "systemModules": {
				      "edgeAgent": {"type": "docker", "settings": {"image": "mcr.microsoft.com/azureiotedge-agent:1.5", "createOptions": "{}"}},
				      "edgeHub": {"type": "docker", "status": "running", "restartPolicy": "always",
				        "settings": {"image": "mcr.microsoft.com/azureiotedge-hub:1.5", "createOptions": "{}"}}},
				    "modules": {"route": {"version": "1.0", "type": "docker", "status": "running", "restartPolicy": "always",
				      "env": {"version": {"value": "2"}, "with space": {"value": true}},
				      "settings": {"image": "r.io/route:1", "createOptions": "{}"}}}}},
				  "$edgeHub": {"properties.desired": {"schemaVersion": "1.2",
				    "routes": {"module": "FROM /messages/modules/route/outputs/input INTO $upstream"},
				    "storeAndForwardConfiguration": {"timeToLiveSecs": 90}}},
				  "route": {"properties.desired": {"priority": 3, "string": "kept"}}}}
				""";
		ManifestImporter.Result result = new ManifestImporter().importManifest(json, "Keywords", "k.json");
		Path edge = Files.writeString(dir.resolve("k.edge"), result.text());
		RoundTrip.Outcome outcome = RoundTrip.check(TestSolutions.LOADER, edge, json, result.warnings());

		assertThat(outcome.errors()).as(result.text()).isEmpty();
		assertThat(outcome.differences()).as(result.text()).isEmpty();
		assertThat(result.text()).contains("module ^route {", "output input", "env \"version\" = \"2\"", "route ^module: ^route.input -> $upstream",
				"storeAndForward ttl 90s", "desired priority: int = 3");
		assertThat(result.warnings()).anyMatch(w -> w.pointer().endsWith("/properties.desired/string"))
				.anyMatch(w -> w.pointer().endsWith("/env/with space") && w.message().contains("not allowed"));
	}
}

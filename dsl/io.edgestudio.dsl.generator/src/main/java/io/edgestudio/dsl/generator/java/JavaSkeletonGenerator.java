package io.edgestudio.dsl.generator.java;

import io.edgestudio.dsl.edge.DataType;
import io.edgestudio.dsl.edge.Module;
import io.edgestudio.dsl.edge.Platform;
import io.edgestudio.dsl.generator.ModuleJson;
import io.edgestudio.dsl.generator.EdgeSolution;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Generates a typed Maven project under {@code modules/<name>/} for each module declared with language
 * {@code java}: records per message schema, a typed twin class, the plumbing ({@code <M>Module},
 * {@code <M>Inputs}), its unit test, {@code pom.xml}, the logging configuration, Dockerfiles and
 * {@code module.json}, all regenerated; and the handler class {@code <M>Handler}, written once and never
 * overwritten. The output is a pure function of the solution, so regenerating an unchanged solution changes no byte.
 */
public class JavaSkeletonGenerator {

	/** The language this generator handles. */
	public static final String LANGUAGE = "java";

	/** The modules of a solution this generator makes projects for. */
	public List<Module> javaModules(EdgeSolution edge) {
		return edge.modules().stream().filter(m -> LANGUAGE.equals(m.getLanguage())).toList();
	}

	/** The regenerated files of a module: path relative to the module directory → text, in path order. */
	public SortedMap<String, String> plumbing(EdgeSolution edge, Module module) {
		String pkg = JavaNames.packageOf(module);
		String main = "src/main/java/" + JavaNames.packagePath(module) + "/";
		String name = JavaNames.type(module.getName());
		SortedMap<String, String> files = new TreeMap<>();
		files.put("pom.xml", BuildFiles.pom(module));
		for (Platform platform : Platform.VALUES) {
			files.put("Dockerfile." + platform.getLiteral(), BuildFiles.dockerfile(module, platform, false));
			files.put("Dockerfile." + platform.getLiteral() + ".debug", BuildFiles.dockerfile(module, platform, true));
		}
		files.put("module.json", ModuleJson.of(module, edge.solution(), LANGUAGE));
		files.put(BuildFiles.LOGGING_PROPERTIES, BuildFiles.loggingProperties(module));
		for (DataType type : MessageRecords.usedBy(module).values()) {
			files.put(main + JavaNames.type(JavaNames.name(type)) + ".java", MessageRecords.source(pkg, type));
		}
		if (module.getTwin() != null) {
			files.put(main + JavaNames.type(module.getTwin().getName()) + ".java", TwinClass.source(pkg, module.getTwin()));
		}
		files.put(main + name + "Inputs.java", PlumbingClass.inputsInterface(pkg, module));
		files.put(main + name + "Module.java", PlumbingClass.moduleClass(pkg, module));
		files.put("src/test/java/" + JavaNames.packagePath(module) + "/" + name + "ModuleTest.java", GeneratedTest.source(pkg, module));
		return files;
	}

	/** The path of the handler class the user edits, relative to the module directory. */
	public String handlerPath(Module module) {
		return "src/main/java/" + JavaNames.packagePath(module) + "/" + JavaNames.type(module.getName()) + "Handler.java";
	}

	/** The first version of the handler class. */
	public String handler(Module module) {
		return HandlerClass.source(JavaNames.packageOf(module), module);
	}

	/**
	 * Writes the project of every Java module into {@code modulesDir/<name>/}; returns the files
	 * generated. Files whose content is unchanged are not rewritten; an existing handler is kept as it is.
	 */
	public List<Path> generate(EdgeSolution edge, Path modulesDir) throws IOException {
		List<Path> written = new ArrayList<>();
		for (Module module : javaModules(edge)) {
			Path dir = modulesDir.resolve(module.getName());
			for (var file : plumbing(edge, module).entrySet()) {
				written.add(write(dir.resolve(file.getKey()), file.getValue()));
			}
			Path handler = dir.resolve(handlerPath(module));
			if (!Files.exists(handler)) {
				written.add(write(handler, handler(module)));
			}
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

package io.edgestudio.dsl.generator.python;

import io.edgestudio.dsl.edge.Module;
import io.edgestudio.dsl.edge.Platform;
import io.edgestudio.dsl.generator.EdgeSolution;
import io.edgestudio.dsl.generator.ModuleJson;
import io.edgestudio.dsl.generator.SkeletonFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Generates a typed Python project under {@code modules/<name>/} for each module declared with language
 * {@code python}, on the Azure IoT device SDK ({@code azure-iot-device}, asyncio): {@code messages.py}
 * (dataclasses), {@code twin.py} (typed twin), {@code inputs.py}, {@code module.py}, {@code main.py},
 * {@code requirements.txt}, a Dockerfile per platform and debug variant and {@code module.json}, all regenerated;
 * and {@code handler.py}, written once and never overwritten.
 */
public class PythonSkeletonGenerator {

	/** The language this generator handles. */
	public static final String LANGUAGE = "python";
	/** The azure-iot-device version range generated modules install. */
	static final String SDK_REQUIREMENT = "azure-iot-device~=2.14";
	/** The debugger debug images start, and its port. */
	static final int DEBUG_PORT = 5678;

	/** The modules of a solution this generator makes projects for. */
	public List<Module> pythonModules(EdgeSolution edge) {
		return edge.modules().stream().filter(m -> LANGUAGE.equals(m.getLanguage())).toList();
	}

	/** The regenerated files of a module: path relative to the module directory → text, in path order. */
	public SortedMap<String, String> plumbing(EdgeSolution edge, Module module) {
		SortedMap<String, String> files = new TreeMap<>();
		files.put("messages.py", PythonMessages.source(module));
		if (module.getTwin() != null) {
			files.put("twin.py", PythonTwin.source(module.getTwin()));
		}
		files.put("inputs.py", PythonPlumbing.inputs(module));
		files.put("module.py", PythonPlumbing.module(module));
		files.put("main.py", PythonPlumbing.main(module));
		files.put("requirements.txt", SDK_REQUIREMENT + "\n");
		for (Platform platform : Platform.VALUES) {
			files.put("Dockerfile." + platform.getLiteral(), dockerfile(platform, false));
			files.put("Dockerfile." + platform.getLiteral() + ".debug", dockerfile(platform, true));
		}
		files.put("module.json", ModuleJson.of(module, edge.solution(), LANGUAGE));
		return files;
	}

	/** The path of the handler the user edits, relative to the module directory. */
	public String handlerPath(Module module) {
		return "handler.py";
	}

	/** The first version of the handler. */
	public String handler(Module module) {
		return PythonPlumbing.handler(module);
	}

	/** Writes the project of every Python module into {@code modulesDir/<name>/}; an existing handler is kept as it is. */
	public List<Path> generate(EdgeSolution edge, Path modulesDir) throws IOException {
		List<Path> written = new ArrayList<>();
		for (Module module : pythonModules(edge)) {
			written.addAll(SkeletonFiles.write(modulesDir.resolve(module.getName()), plumbing(edge, module), handlerPath(module), handler(module)));
		}
		return written;
	}

	/** A slim Python 3.11 image of the platform; debug images wait for nothing but listen with debugpy. */
	static String dockerfile(Platform platform, boolean debug) {
		String base = (platform == Platform.AMD64 ? "" : platform.getLiteral() + "/") + "python:3.11-slim-bookworm";
		String debugLines = debug ? "RUN pip install --no-cache-dir debugpy\nEXPOSE " + DEBUG_PORT + "\n" : "";
		String command = debug ? "[\"python3\", \"-m\", \"debugpy\", \"--listen\", \"0.0.0.0:" + DEBUG_PORT + "\", \"./main.py\"]"
				: "[\"python3\", \"-u\", \"./main.py\"]";
		return """
				FROM %s
				WORKDIR /app
				COPY requirements.txt ./
				RUN pip install --no-cache-dir -r requirements.txt
				%sCOPY . .
				RUN useradd -r -u 2000 moduleuser
				USER moduleuser
				CMD %s
				""".formatted(base, debugLines, command);
	}
}

package io.edgestudio.modulelibs;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;

import org.eclipse.core.runtime.FileLocator;
import org.eclipse.core.runtime.IPath;
import org.eclipse.jdt.core.IClasspathEntry;
import org.eclipse.jdt.core.JavaCore;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The "Edge Module Libraries" classpath container: the Azure IoT device SDK with its runtime dependencies and
 * its logging binding (slf4j-simple), Jackson and the JUnit API, at the versions a generated Java module's {@code pom.xml} declares, shipped in
 * this bundle's {@code lib/} folder with their sources. A generated module project compiles and runs with the
 * JRE and this one container entry.
 */
public final class EdgeModuleLibraries {

    /** Container id, as declared in plugin.xml. */
    public static final String ID = "io.edgestudio.modulelibs.EDGE_MODULE_LIBRARIES";

    /** The container's classpath path. */
    public static final IPath CONTAINER_PATH = IPath.fromPortableString(ID);

    /** Name shown in the Package Explorer and the Build Path dialogs. */
    public static final String DESCRIPTION = "Edge Module Libraries";

    private static final String SOURCES_SUFFIX = "-sources.jar";

    private static volatile List<Library> libraries;

    /**
     * One jar of the container.
     *
     * @param jar the jar's file
     * @param sources its source jar, or null when Maven Central has none
     */
    public record Library(Path jar, Path sources) {

        /** The jar's file name, e.g. {@code iot-device-client-2.5.0.jar}. */
        public String fileName() {
            return jar.getFileName().toString();
        }
    }

    private EdgeModuleLibraries() {
    }

    /** The classpath entry that adds the container to a Java project. */
    public static IClasspathEntry containerEntry() {
        return JavaCore.newContainerEntry(CONTAINER_PATH);
    }

    /** The jars of the container in file name order; files of a packed bundle are extracted on first use. */
    public static List<Library> libraries() throws IOException {
        List<Library> known = libraries;
        if (known == null) {
            known = find(FrameworkUtil.getBundle(EdgeModuleLibraries.class));
            libraries = known;
        }
        return known;
    }

    private static List<Library> find(Bundle bundle) throws IOException {
        List<Library> found = new ArrayList<>();
        Enumeration<URL> entries = bundle.findEntries("lib", "*.jar", false);
        for (URL entry : entries == null ? Collections.<URL>emptyList() : Collections.list(entries)) {
            String name = entry.getPath().substring(entry.getPath().lastIndexOf('/') + 1);
            if (name.endsWith(SOURCES_SUFFIX)) {
                continue;
            }
            URL sources = bundle.getEntry("lib/" + name.substring(0, name.length() - ".jar".length()) + SOURCES_SUFFIX);
            found.add(new Library(file(entry), sources == null ? null : file(sources)));
        }
        if (found.isEmpty()) {
            throw new IOException("Bundle " + bundle.getSymbolicName() + " has no jars in lib/: it was built without"
                    + " its module libraries");
        }
        found.sort(Comparator.comparing(Library::fileName));
        return List.copyOf(found);
    }

    private static Path file(URL entry) throws IOException {
        return new File(FileLocator.toFileURL(entry).getPath()).toPath();
    }
}
